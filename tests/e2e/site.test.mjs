// The built site (dist/) on a static host under a sub-path: every URL is relative, the app is an
// installable PWA (manifest, icons, service worker), and the iframe embed is served from embed/
// to other sites' pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotationIds, apiAnnotate, DIST, launch, openApp, pasteArticle, waitForDocument } from './harness.mjs';
import { serve } from './server.mjs';

const BASE = '/tools/muster/';
const ARTICLE = 'GOMA — Some 4,000 Rwandan soldiers are fighting alongside M23 rebels, UN experts said. Kigali denied the report.';

let app;
before(async () => { app = await openApp({ base: BASE }); });
after(async () => { await app?.close(); });

test('under a sub-path the app annotates, and asks for nothing outside it', async () => {
  const { page, site } = app;
  const result = await apiAnnotate(page, ARTICLE);
  await pasteArticle(page, ARTICLE);
  const doc = await waitForDocument(page, ARTICLE, annotationIds(result));
  assert.equal(doc?.text, ARTICLE);
  assert.ok(doc.marks.length > 0);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const outside = site.requests.filter((url) => !url.startsWith(BASE));
  assert.deepEqual(outside, [], 'requests outside the sub-path');
  assert.ok(site.requests.includes(`${BASE}sw.js`), 'the service worker is registered from the sub-path');
  assert.deepEqual(app.problems, []);
});

test('installable: a manifest with icons that exist, and Chromium reports no installability error', async () => {
  const { page, site } = app;
  const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
  const manifest = await (await fetch(href)).json();
  assert.equal(new URL(manifest.start_url, href).href, site.url);
  assert.equal(new URL(manifest.scope, href).href, site.url);
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name);
  const sizes = new Set();
  for (const icon of manifest.icons) {
    const response = await fetch(new URL(icon.src, href));
    assert.equal(response.status, 200, icon.src);
    assert.equal(response.headers.get('content-type'), icon.type);
    if (icon.type === 'image/png') {
      const png = Buffer.from(await response.arrayBuffer());
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.equal(`${width}x${height}`, icon.sizes, `${icon.src} is ${width}x${height}`);
      sizes.add(width);
    }
  }
  assert.ok(sizes.has(192) && sizes.has(512), 'PNG icons of 192 and 512 pixels');
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  assert.equal(parsed.url, href);
  assert.deepEqual(parsed.errors, [], 'the manifest parses cleanly');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // A test browser's throw-away profile is "incognito" to Chromium; nothing else may be wrong.
  const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  assert.deepEqual(errors, []);
});

test('the hosted site serves the iframe embed to another site\'s page under a strict CSP', async () => {
  const siteOrigin = new URL(app.site.url).origin;
  const frameUrl = `${app.site.url}embed/frame.html`;
  const dir = mkdtempSync(join(tmpdir(), 'muster-host-'));
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${siteOrigin}`;
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><title>Host</title></head>
<body><iframe id="muster" title="Muster" src="${frameUrl}"></iframe><script type="module" src="host.js"></script></body></html>`);
  writeFileSync(join(dir, 'host.js'), `window.messages = [];
window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective));
const frame = document.getElementById('muster');
window.addEventListener('message', (e) => {
  if (e.source === frame.contentWindow && e.origin === ${JSON.stringify(siteOrigin)}) window.messages.push(e.data);
});
window.send = (message) => frame.contentWindow.postMessage(message, ${JSON.stringify(siteOrigin)});
`);
  const host = await serve(dir);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico') && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await page.waitForFunction(() => window.messages.some((m) => m.type === 'muster:ready'));
    await page.evaluate((text) => window.send({ type: 'muster:annotate', id: 1, text }), ARTICLE);
    const answer = await page.waitForFunction(() => window.messages.find((m) => m.type === 'muster:annotations'))
      .then((h) => h.jsonValue());
    assert.equal(answer.id, 1);
    assert.ok(answer.annotations.figures.length > 0);
    for (const f of answer.annotations.figures) assert.equal(ARTICLE.slice(f.start, f.end), f.text);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sw.js lists every file the app needs, and they exist', () => {
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const assets = JSON.parse(worker.match(/const ASSETS = (\[.*\]);/)[1]);
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  // All but the apple-touch-icon, which only iOS's "Add to Home Screen" fetches.
  const referenced = [...index.matchAll(/<[^>]*(?:src|href)="(?:\.\/)?([^":]+)"[^>]*>/g)].filter((m) => !m[0].includes('apple-touch-icon')).map((m) => m[1]);
  assert.ok(referenced.length >= 5, `index.html refers to ${referenced}`);
  for (const file of referenced) assert.ok(assets.includes(file), `${file} is not precached`);
  for (const file of assets) readFileSync(join(DIST, file));
  assert.ok(!assets.some((f) => f.startsWith('embed/') || f === 'muster.html'), 'the embed and the single file are cached on use only');
  assert.ok(!assets.some((f) => f.endsWith('.png')), 'the install-only PNG icons are fetched when used, not with the first load');
});
