// Long articles: annotated in a worker with the same result as the engine, typing in them stays
// quick, and a multi-megabyte paste shows progress, keeps the page usable and ends complete.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, articleInput, pasteArticle, apiAnnotate, annotationIds, waitForDocument, DOCUMENT } from './harness.mjs';
import { freshPage } from './ui-support.mjs';

/** Invented paragraphs about several conflicts, numbered so that no two are alike. */
function longArticle(paragraphs) {
  const places = ['Pokrovsk', 'Goma', 'Gao', 'Hodeidah', 'Kursk', 'Baidoa', 'Idlib', 'Rafah'];
  const forces = ['Ukrainian troops', 'M23 fighters', 'Malian soldiers', 'Houthi fighters', 'North Korean soldiers', 'al-Shabaab militants'];
  const out = [];
  for (let i = 0; i < paragraphs; i++) {
    const place = places[i % places.length];
    const force = forces[i % forces.length];
    out.push(`Dispatch ${i + 1}: about ${(i % 90 + 1) * 100} ${force} moved toward ${place} on Monday, officials said. `
      + `The defence ministry denied that ${i % 40 + 2} of them had been killed near ${place}, calling the report false.`);
  }
  return out.join('\n\n');
}

let app;
before(async () => { app = await openApp(); await freshPage(app.page); });
after(async () => { await app?.close(); });

test('a long article is annotated off the main thread, exactly as the engine does', async () => {
  const { page } = app;
  const text = longArticle(400); // ~90 KB: annotated in the worker
  const requests = app.site.requests.length;
  const result = await apiAnnotate(page, text);
  // Actors the engine infers without a mention in the text have nothing to mark.
  const ids = annotationIds({ ...result, actors: result.actors.filter((a) => a.mentions.length > 0) });
  await pasteArticle(page, text);
  const doc = await waitForDocument(page, text, ids, 60_000);
  assert.equal(doc.text, text);
  const shown = new Set(doc.marks.map((m) => `${m.kind}:${m.id}`));
  for (const f of result.figures) assert.ok(shown.has(`figure:${f.id}`), `figure ${f.id} ${f.text} has no mark`);
  for (const c of result.claims) assert.ok(shown.has(`claim:${c.id}`), `claim ${c.id} has no mark`);
  assert.ok(page.workers().some((w) => w.url().endsWith('/worker.js')), 'the engine worker was not started');
  assert.ok(!app.site.requests.slice(requests).some((url) => url.endsWith('.wasm')), 'the worker downloaded the wasm again');
  // Typing at its end re-renders only the last paragraph and catches up.
  const input = articleInput(page);
  await input.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Later, 700 more troops arrived.', { delay: 10 });
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.endsWith('700 more troops arrived.'), DOCUMENT, { timeout: 60_000 });
  assert.ok(await page.locator(`${DOCUMENT} mark[data-kind="figure"]`, { hasText: '700' }).count() > 0, 'the typed figure is marked');
});

test('a long list in the side panel shows its first 100 rows, all of them on request, until the tab changes', async () => {
  const { page } = app;
  const tab = page.getByRole('tab', { name: /Figures/ });
  await tab.click();
  const total = Number(await tab.locator('.count').textContent());
  assert.ok(total > 100, `${total} figures`);
  const rows = (n) => page.waitForFunction((n) => document.querySelectorAll('[data-muster="figures-table"] tbody tr').length === n, n, { timeout: 30_000 });
  await rows(100);
  await page.getByRole('button', { name: `Show all ${total}` }).click();
  await rows(total);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await tab.click();
  await rows(100);
});

test('a multi-megabyte paste shows progress, keeps the page usable, and ends complete', async () => {
  const { page } = app;
  const text = longArticle(12_000); // ~2.7 MB
  await page.evaluate(() => {
    window.statuses = [];
    window.longest = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { window.longest = Math.max(window.longest, e.duration); })).observe({ type: 'longtask' });
    new MutationObserver(() => document.querySelectorAll('[role="status"]').forEach((s) => window.statuses.push(s.textContent)))
      .observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // As a paste does (typing 2.7 MB into the box through the driver would take minutes).
  await page.evaluate((text) => {
    const area = document.getElementById('article-text');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.waitForFunction(({ sel, length }) => document.querySelector(sel)?.textContent.length === length, { sel: DOCUMENT, length: text.length }, { timeout: 120_000 });
  assert.equal(await page.locator(DOCUMENT).evaluate((el) => el.textContent) === text, true, 'the document shows the text exactly');
  const statuses = await page.evaluate(() => window.statuses);
  assert.ok(statuses.some((s) => /Annotating a long article \(2\.\d MB\)/.test(s)), `no annotating notice: ${statuses.slice(0, 3)}`);
  assert.ok(statuses.some((s) => /Showing a long article: \d+%/.test(s)), `no progress while rendering: ${statuses.slice(0, 3)}`);
  await page.waitForFunction(() => !document.querySelector('.busy, .rendering'));
  assert.ok(await page.locator(`${DOCUMENT} mark`).count() > 20_000, 'marks all through the text');
  // Never frozen for seconds: the engine ran in the worker and the text went on the page in chunks.
  const longest = await page.evaluate(() => window.longest);
  assert.ok(longest < 2000, `a main-thread task took ${longest} ms`);
});
