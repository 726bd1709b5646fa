// The service worker (www/sw.js, written into dist/ by scripts/post-build.mjs): after one visit
// the app loads and annotates with the network off, and a new deployment replaces the old build
// cleanly. The site is served under a sub-path, from a copy of dist/ that the tests redeploy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiAnnotate, annotationIds, DIST, launch, pasteArticle, waitForDocument } from './harness.mjs';
import { serve } from './server.mjs';
import { writeServiceWorker } from '../../scripts/post-build.mjs';

const BASE = '/tools/muster/';
const ARTICLE = 'Somalia: about 1,500 Ethiopian troops crossed into Gedo on Tuesday, regional officials said. '
  + 'Addis Ababa denied that its soldiers had entered Baidoa.';

let site;
let dir;
let browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'muster-offline-'));
  cpSync(DIST, dir, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the app in a fresh browser context; waits until its service worker controls the page. */
async function visit() {
  site ??= await serve(dir, { base: BASE });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(site.url);
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page, problems };
}

/** The names of the caches the page's origin holds. */
function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

test('after one visit, the app loads and annotates with the network off', async () => {
  const { context, page, problems } = await visit();
  const [cache] = await cacheNames(page);
  const precached = await page.evaluate((name) => caches.open(name).then((c) => c.keys()).then((r) => r.map((q) => q.url)), cache);
  const { ASSETS } = assetsOf(dir);
  assert.equal(precached.length, ASSETS.length, `precached ${precached.length} of ${ASSETS.length} assets`);
  // The first load the benchmark counts (sw.js and its precache) is all that this visit fetched.
  const fetched = new Set(site.requests.map((url) => new URL(url, site.url).pathname.slice(BASE.length) || 'index.html'));
  for (const file of fetched) assert.ok(file === 'sw.js' || ASSETS.includes(file), `the first visit fetched ${file}, which the first load does not count`);
  await context.setOffline(true);
  await site.close(); // and the server is gone too
  site = null;
  try {
    await page.reload();
    await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
    const result = await apiAnnotate(page, ARTICLE);
    assert.ok(result.figures.length > 0 && result.claims.length > 0);
    await pasteArticle(page, ARTICLE);
    const doc = await waitForDocument(page, ARTICLE, annotationIds(result));
    assert.equal(doc?.text, ARTICLE);
    const shown = new Set(doc.marks.map((m) => m.id));
    for (const id of annotationIds(result)) assert.ok(shown.has(id), `annotation ${id} is shown offline`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a new deployment is installed, takes over and removes the old build', async () => {
  const { context, page, problems } = await visit();
  try {
    const before = await cacheNames(page);
    assert.equal(before.length, 1);
    assert.equal(await deployment(page), 'old');
    // Deploy a "new build": a changed page and, as post-build does, a new service worker.
    const index = join(dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="deployment" content="new"></head>'));
    const build = writeServiceWorker(dir);
    assert.ok(!before[0].endsWith(build));
    await page.addInitScript(() => addEventListener('muster:updated', () => { window.updated = true; }));
    await page.reload(); // the navigation makes the browser check sw.js
    await page.evaluate(async (build) => {
      for (let tries = 0; tries < 150; tries++) {
        const names = await caches.keys();
        if (names.length === 1 && names[0].endsWith(build)) return;
        await new Promise((wait) => setTimeout(wait, 100));
      }
      throw new Error(`the cache of build ${build} did not replace the old one: ${await caches.keys()}`);
    }, build);
    await page.waitForFunction(() => window.updated === true, null, { timeout: 5_000 }); // the open page is told
    await page.reload();
    assert.equal(await deployment(page), 'new', 'the new build is shown on the next load');
    await context.setOffline(true);
    await page.reload();
    assert.equal(await deployment(page), 'new', 'and offline too');
    await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** The deployment marker the test adds to the new build's page. */
function deployment(page) {
  return page.evaluate(() => document.querySelector('meta[name="deployment"]')?.content ?? 'old');
}

/** The BUILD and ASSETS written into `dir`/sw.js. */
function assetsOf(dir) {
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  return {
    BUILD: worker.match(/const BUILD = '([^']+)'/)[1],
    ASSETS: JSON.parse(worker.match(/const ASSETS = (\[.*\]);/)[1]),
  };
}
