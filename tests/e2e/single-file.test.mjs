// The single-file build (dist/muster.html, from scripts/post-build.mjs): copied alone into an
// empty folder and opened from file:// with the network off, it loads and annotates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { annotationIds, apiAnnotate, DIST, launch, pasteArticle, waitForDocument } from './harness.mjs';

const ARTICLE = 'NIAMEY — The last 1,500 French soldiers left Niger on Friday, the junta said. '
  + 'Paris denied that any troops would remain at the Ouallam base.';

let dir;
let browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'muster-single-'));
  copyFileSync(join(DIST, 'muster.html'), join(dir, 'muster.html'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('muster.html refers to no other file', () => {
  const html = readFileSync(join(DIST, 'muster.html'), 'utf8');
  assert.doesNotMatch(html, /\b(?:src|href)="(?!data:|#)[^"]*"/, 'a src or href that is not inline');
  assert.doesNotMatch(html, /\bimport\s*(?:\(|[\w{*][^;]*\bfrom\s)/, 'a module import');
  const size = Buffer.byteLength(html);
  console.log(`muster.html: ${size} bytes, ${gzipSync(html, { level: 9 }).length} gzipped`);
});

test('opened from file:// with the network off, it annotates', async () => {
  const context = await browser.newContext();
  await context.setOffline(true);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(join(dir, 'muster.html')).href;
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
    assert.match(await page.title(), /Muster/);
    const result = await apiAnnotate(page, ARTICLE);
    assert.ok(result.figures.length > 0 && result.actors.length > 0 && result.claims.length > 0);
    await pasteArticle(page, ARTICLE);
    const doc = await waitForDocument(page, ARTICLE, annotationIds(result));
    assert.equal(doc?.text, ARTICLE);
    const shown = new Set(doc.marks.map((m) => m.id));
    for (const id of annotationIds(result)) assert.ok(shown.has(id), `annotation ${id} has a mark`);
    // The stylesheet is in force (its inline <style> is allowed by the page's CSP).
    const margin = await page.evaluate(() => getComputedStyle(document.body).marginTop);
    assert.equal(margin, '0px', 'the stylesheet applies');
    assert.deepEqual(requests.filter((r) => r !== url && !r.startsWith('data:') && !r.startsWith('blob:')), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
