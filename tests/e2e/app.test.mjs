// The page as a person meets it: it boots cleanly, and pasted text comes back annotated
// under the DOM contract (docs/SCHEMA.md): textContent equals the input exactly, every
// highlight is a <mark> with data-kind and data-id, and no annotation is dropped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openApp, PAGE_PENDING, pasteArticle, apiAnnotate, waitForDocument, annotationIds, screenshot, DOCUMENT,
} from './harness.mjs';

/** Invented text: several wars, emoji, Arabic script, accents, a quote and a denial. */
const ARTICLE = [
  'KYIV 🇺🇦 — Around 2,500 Ukrainian troops moved toward Pokrovsk on Monday, said General Oleksandr Syrskyi.',
  'The Kremlin denied reports that 3,000 North Korean soldiers had been killed in Kursk.',
  'مراسل Al Jazeera reported that about 400 Houthi fighters gathered near Hodeidah.',
  'In Mali, Colonel Assimi Goïta said 1,000 Wagner mercenaries would stay "as long as needed" 😐.',
].join('\n\n');

let app;
before(async () => { app = await openApp(); });
after(async () => { await app?.close(); });

test('the app boots: title, the wasm module, no console errors', async () => {
  assert.match(await app.page.title(), /Muster/);
  assert.equal(await app.page.evaluate(() => typeof window.wasmBindings), 'object');
  // The JS API is the embed package's (cargo feature `embed`); the page's wasm leaves it out.
  assert.equal(await app.page.evaluate(() => typeof window.wasmBindings.annotate), 'undefined');
  await screenshot(app.page, 'boot');
  assert.deepEqual(app.problems, []);
});

test('pasted text is shown exactly, with a mark for every annotation', { skip: PAGE_PENDING }, async () => {
  const { page } = app;
  const result = await apiAnnotate(page, ARTICLE);
  await pasteArticle(page, ARTICLE);
  // An actor the engine infers without any mention in the text (an owner, say) has nothing to mark.
  const marked = { ...result, actors: result.actors.filter((a) => a.mentions.length > 0) };
  const doc = await waitForDocument(page, ARTICLE, annotationIds(marked));
  await screenshot(page, 'annotated');
  assert.ok(doc, `no ${DOCUMENT} element`);
  assert.equal(doc.text, ARTICLE, 'the document textContent differs from the input');
  for (const mark of doc.marks) {
    assert.ok(['figure', 'actor', 'claim'].includes(mark.kind), `mark with data-kind ${mark.kind}`);
    assert.ok(mark.id, `mark ${JSON.stringify(mark.text)} has no data-id`);
  }
  const shown = new Set(doc.marks.map((m) => `${m.kind}:${m.id}`));
  const kinds = { figures: 'figure', actors: 'actor', claims: 'claim' };
  for (const [list, kind] of Object.entries(kinds)) {
    for (const a of marked[list]) assert.ok(shown.has(`${kind}:${a.id}`), `${kind} ${a.id} ${JSON.stringify(a.text ?? a.name)} has no mark`);
  }
  // Each figure and claim mark (or its split pieces) covers exactly that annotation's text.
  for (const f of [...result.figures, ...result.claims]) {
    const text = doc.marks.filter((m) => m.id === f.id).map((m) => m.text).join('');
    assert.ok(text === f.text || f.text.includes(text), `mark ${f.id} shows ${JSON.stringify(text)}, not ${JSON.stringify(f.text)}`);
  }
  assert.deepEqual(app.problems, []);
});

test('the page runs under a strict CSP: no inline script, no violation, no request off the site', async () => {
  const context = await app.browser.newContext();
  try {
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    // Registered before any page script runs (init scripts are not subject to the page's CSP).
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(app.site.url);
    await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const scripts = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.equal(scripts, "script-src 'self' 'wasm-unsafe-eval'");
    assert.equal(await page.locator('script:not([src])').count(), 0, 'an inline script in the page');
    // Use the page: paste, open the details of a mark, switch panel tabs, export-free features only.
    await pasteArticle(page, ARTICLE);
    await page.locator(`${DOCUMENT} mark[data-kind="figure"]`).first().click();
    await page.getByRole('tab', { name: /Claims/ }).click();
    await page.getByRole('tab', { name: /Actors/ }).click();
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    const origin = new URL(app.site.url).origin;
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests off the site');
  } finally {
    await context.close();
  }
});

test('the built site works from a sub-path of a static host', async () => {
  const hosted = await openApp({ base: '/tools/muster/' });
  try {
    assert.match(await hosted.page.title(), /Muster/);
    assert.ok(hosted.site.requests.every((url) => url.startsWith('/tools/muster/') || url === '/favicon.ico'),
      `requests outside the sub-path: ${hosted.site.requests}`);
    assert.deepEqual(hosted.problems, []);
  } finally {
    await hosted.close();
  }
});
