// Muster's service worker: precaches the app so that, after one visit, it loads and annotates with
// no network. scripts/post-build.mjs writes the build's asset list and a hash of their contents
// into BUILD and ASSETS below (this file in www/ is the template); a new deployment changes the hash,
// the browser installs the new worker, which precaches the new build, takes over and deletes the
// old build's cache. The app answers from the cache first: a new build shows from the next visit.
// Files outside the precache (the iframe embed in embed/, muster.html) are cached when first used.
const BUILD = 'dev';
const ASSETS = [];
/** Development builds (trunk serve) pass everything through to the network and cache nothing. */
const OFFLINE = ASSETS.length > 0;

/** trunk's content-hashed file names, e.g. muster-390dd70c2c5d0ee8_bg.wasm (the hash is printed
 * without leading zeros: style-aa14bbf037d39b2.css). */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.\w+$/;

const SCOPE = new URL('./', self.location.href).href;
const CACHE_PREFIX = `muster ${SCOPE} `;
const CACHE = CACHE_PREFIX + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Files named by their content hash (trunk's) may come from the HTTP cache the page just
    // filled; the others are revalidated so that a stale copy never mixes into the new build.
    await cache.addAll(ASSETS.map((path) => new Request(new URL(path, SCOPE), { cache: HASHED.test(path) ? 'default' : 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!OFFLINE || request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  event.respondWith(answer(request));
});

/** The cached copy (the app's folder itself means its index.html), else the network's, kept. */
async function answer(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  const key = url.origin + url.pathname === SCOPE ? new URL('index.html', SCOPE).href : request;
  const cached = await cache.match(key, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}
