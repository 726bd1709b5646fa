// The page, read and explored: paste → marks, legend toggles and filters, the details popover,
// the side panel, keyboard navigation and help, hostile text that must stay text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, articleInput, pasteArticle, screenshot, DOCUMENT } from './harness.mjs';
import { ARTICLE, freshPage, showArticle, engineAnnotates, documentText, sample } from './ui-support.mjs';

let app;
let annotates = false;
const NO_ENGINE = 'the engine returns no annotations yet';
before(async () => {
  app = await openApp();
  annotates = await engineAnnotates(app.page);
});
after(async () => { await app?.close(); });

test('the first visit offers the samples and an empty, labelled input', async () => {
  const { page } = app;
  await freshPage(page);
  assert.equal(await articleInput(page).inputValue(), '');
  assert.equal(await page.getByRole('button', { name: /Rwanda denies troops in Congo/ }).count(), 1);
  assert.equal(await documentText(page), '');
  await screenshot(page, 'ui-welcome');
  assert.deepEqual(app.problems, []);
});

test('pasted text appears exactly, emoji and Arabic included, with marks for every annotation', async (t) => {
  const { page } = app;
  const text = `${ARTICLE}\n\nمراسل 📰 Zoë's note: "1,500 troops" — maybe.`;
  const result = await showArticle(page, text);
  assert.equal(await documentText(page), text);
  if (!annotates) return t.skip(NO_ENGINE);
  const marks = await page.locator(`${DOCUMENT} mark`).evaluateAll((ms) => ms.map((m) => `${m.dataset.kind}:${m.dataset.id}`));
  for (const f of result.figures) assert.ok(marks.includes(`figure:${f.id}`), `figure ${f.id} has no mark`);
  for (const a of result.actors) assert.ok(marks.includes(`actor:${a.id}`), `actor ${a.id} has no mark`);
  for (const c of result.claims) assert.ok(marks.includes(`claim:${c.id}`), `claim ${c.id} has no mark`);
  await screenshot(page, 'ui-pasted');
});

test('typing keeps the input responsive and the document catches up', async () => {
  const { page } = app;
  await pasteArticle(page, '');
  await articleInput(page).pressSequentially('NATO said 300 soldiers arrived.', { delay: 5 });
  await page.waitForFunction((sel) => document.querySelector(sel).textContent === 'NATO said 300 soldiers arrived.', DOCUMENT);
});

test('script and markup pasted as text stay text and never run', async () => {
  const { page } = app;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const hostile = 'Officials said <img src=x onerror="alert(1)"> and <script>window.pwned=1</script> 40 troops left.';
  await showArticle(page, hostile);
  assert.equal(await documentText(page), hostile);
  assert.equal(await page.locator(`${DOCUMENT} img, ${DOCUMENT} script`).count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(dialogs, 0);
});

test('legend toggles hide and show a category, by click and by key, with counts', async (t) => {
  const { page } = app;
  await showArticle(page, sample('drc-deployment'));
  const figures = page.locator('button[data-toggle="figure"]');
  assert.equal(await figures.getAttribute('aria-pressed'), 'true');
  await figures.click();
  assert.equal(await figures.getAttribute('aria-pressed'), 'false');
  assert.match(await page.locator(DOCUMENT).getAttribute('class'), /hide-figure/);
  await page.locator('body').press('f');
  assert.equal(await figures.getAttribute('aria-pressed'), 'true');
  await page.locator('body').press('c');
  assert.equal(await page.locator('button[data-toggle="claim"]').getAttribute('aria-pressed'), 'false');
  await page.locator('body').press('c');
  if (!annotates) return t.skip(NO_ENGINE);
  const count = Number(await page.locator('[data-count="figure"]').textContent());
  assert.equal(count, await page.locator(`${DOCUMENT} mark[data-kind="figure"]`).evaluateAll((ms) => new Set(ms.map((m) => m.dataset.id)).size));
  // Sub-filters: hide force figures, then only contested claims.
  await page.getByText('Filters', { exact: true }).click();
  await page.locator('button[data-sub="force"]').click();
  assert.match(await page.locator(DOCUMENT).getAttribute('class'), /hide-force/);
  await page.locator('button[data-sub="contested-only"]').click();
  assert.match(await page.locator(DOCUMENT).getAttribute('class'), /contested-only/);
  await screenshot(page, 'ui-filters');
  await page.locator('button[data-sub="force"]').click();
  await page.locator('button[data-sub="contested-only"]').click();
});

test('hovering a figure opens its details; Esc closes them', async (t) => {
  if (!annotates) return t.skip(NO_ENGINE);
  const { page } = app;
  await showArticle(page, sample('drc-deployment'));
  await page.locator(`${DOCUMENT} mark[data-kind="figure"]`).first().hover();
  const details = page.locator('[data-muster="details"]');
  await details.waitFor();
  const body = await details.textContent();
  for (const label of ['Value', 'Bounds', 'Qualifier', 'Owner', 'Location', 'Action']) assert.ok(body.includes(label), `no ${label} in ${body}`);
  await screenshot(page, 'ui-popover-figure');
  await page.keyboard.press('Escape');
  await details.waitFor({ state: 'detached' });
});

test('actor and claim details: aliases, mentions, and a link to what contests a claim', async (t) => {
  if (!annotates) return t.skip(NO_ENGINE);
  const { page } = app;
  await showArticle(page, sample('drc-deployment'));
  await page.locator(`${DOCUMENT} mark[data-kind="actor"]`).first().click();
  const details = page.locator('[data-muster="details"]');
  for (const label of ['Kind', 'Role', 'Aliases', 'Mentions']) assert.ok((await details.textContent()).includes(label));
  await page.keyboard.press('Escape');
  const contested = page.locator(`${DOCUMENT} mark[data-kind="claim"][data-contested="true"]`);
  if (await contested.count() === 0) return;
  await contested.first().dispatchEvent('click');
  const jump = details.locator('button.jump').first();
  if (await jump.count() === 0) return;
  await jump.click();
  const focused = await page.evaluate(() => document.activeElement?.dataset?.kind);
  assert.equal(focused, 'claim');
  await screenshot(page, 'ui-popover-claim');
});

test('keyboard: j/k step through annotations, Enter pins, ? opens help, Esc closes', async (t) => {
  const { page } = app;
  await showArticle(page, sample('nato-poland'));
  await page.keyboard.press('Escape'); // leaves the text box: shortcuts work outside it
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  // Keyboard users land on its Close button.
  await page.waitForFunction(() => document.activeElement?.id === 'help-close');
  await screenshot(page, 'ui-help');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  if (!annotates) return t.skip(NO_ENGINE);
  await page.keyboard.press('j');
  const first = await page.evaluate(() => document.activeElement?.tagName + ':' + document.activeElement?.dataset?.id + ':' + document.activeElement?.dataset?.at);
  assert.match(first, /^MARK:/);
  await page.keyboard.press('j');
  const second = await page.evaluate(() => document.activeElement?.dataset?.id + ':' + document.activeElement?.dataset?.at);
  await page.keyboard.press('k');
  const back = await page.evaluate(() => 'MARK:' + document.activeElement?.dataset?.id + ':' + document.activeElement?.dataset?.at);
  assert.notEqual(second, first.slice(5));
  assert.equal(back, first);
  await page.locator('[data-muster="details"]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-muster="details"]').waitFor({ state: 'detached' });
});

test('side panel: sortable figures, actors by kind with stepping, contested pairs', async (t) => {
  if (!annotates) return t.skip(NO_ENGINE);
  const { page } = app;
  await showArticle(page, sample('drc-deployment'));
  await page.getByRole('tab', { name: /Figures/ }).click();
  const rows = page.locator('[data-muster="figures-table"] tbody tr');
  assert.ok(await rows.count() > 0);
  // Headers and values are never cut inside a word (a word wider than its column would overflow it).
  const cut = await page.locator('[data-muster="figures-table"]').evaluate((table) => [...table.querySelectorAll('th, td:not(:first-child)')]
    .filter((cell) => cell.offsetParent && cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent));
  assert.deepEqual(cut, [], 'cells too narrow for their words');
  await page.getByRole('button', { name: 'Value' }).click();
  // A range sorts by its upper bound; no number sorts first.
  const values = async () => (await rows.locator('td.num').allTextContents()).map((v) => Number(v.split('–').pop().replace(/,/g, '')) || 0);
  const ascending = await values();
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
  await page.getByRole('button', { name: 'Value' }).click();
  const descending = await values();
  assert.deepEqual(descending, [...ascending].reverse());
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page.locator('.actor-pick').first().click();
  const lit = page.locator(`${DOCUMENT} mark.lit`);
  assert.ok(await lit.count() >= 1);
  await page.getByRole('button', { name: 'Next mention' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('lit')), true);
  await screenshot(page, 'ui-panel-actors');
  await page.getByRole('tab', { name: /Claims/ }).click();
  await screenshot(page, 'ui-panel-claims');
});
