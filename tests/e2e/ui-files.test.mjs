// Getting text in and results out: file picker and drag-and-drop (txt, md, html, json; bad files
// get a message), several articles as tabs, persistence across reloads, clear with undo, and the
// exports (JSON, CSV, Web Annotation JSON-LD, standalone HTML, copy summary), each checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, articleInput, pasteArticle, screenshot, DOCUMENT } from './harness.mjs';
import { ARTICLE, freshPage, showArticle, engineAnnotates, documentText, downloadText, sample } from './ui-support.mjs';

let app;
let annotates = false;
before(async () => {
  app = await openApp();
  annotates = await engineAnnotates(app.page);
});
after(async () => { await app?.close(); });

const picker = (page) => page.locator('#open-file');
const notice = (page) => page.locator('.notice');
const file = (name, body, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.from(body) });

test('a .txt file opens in the reading view, its name as the tab title', async () => {
  const { page } = app;
  await freshPage(page);
  await picker(page).setInputFiles(file('kursk-report.txt', ARTICLE));
  await page.waitForFunction((t) => document.querySelector('[data-muster="document"]').textContent === t, ARTICLE);
  assert.equal(await articleInput(page).inputValue(), ARTICLE);
  assert.equal(await page.getByRole('tab', { selected: true }).first().textContent(), 'kursk-report');
});

test('an .html file gives its article text; scripts, styles and navigation are dropped and nothing runs', async () => {
  const { page } = app;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const html = `<!doctype html><html><head><title>Somalia</title><style>p{color:red}</style>
    <script>alert('script ran')</script></head><body onload="alert('onload ran')">
    <nav><a href="javascript:alert(1)">Home</a> News World</nav>
    <article><h1>AU mission shrinks in Somalia</h1>
    <p>About 3,000 Burundian troops will leave Somalia by June, the African Union said.</p>
    <p>Al-Shabaab <img src=x onerror="alert('img ran')">claimed it had killed 40 soldiers, which Mogadishu denied.</p>
    <iframe src="https://example.com/"></iframe></article><footer>Copyright</footer></body></html>`;
  await picker(page).setInputFiles(file('somalia.html', html, 'text/html'));
  const expected = 'AU mission shrinks in Somalia\n\nAbout 3,000 Burundian troops will leave Somalia by June, the African Union said.\n\nAl-Shabaab claimed it had killed 40 soldiers, which Mogadishu denied.';
  await page.waitForFunction((t) => document.querySelector('[data-muster="document"]').textContent === t, expected);
  const text = await documentText(page);
  for (const gone of ['alert', 'Home', 'Copyright', 'color:red']) assert.ok(!text.includes(gone), `${gone} was kept`);
  await page.waitForTimeout(200);
  assert.equal(dialogs, 0);
  assert.equal(await page.getByRole('tab', { selected: true }).first().textContent(), 'AU mission shrinks in Somalia');
});

test('markdown opens without its markup; bad files get clear messages', async () => {
  const { page } = app;
  await picker(page).setInputFiles(file('yemen.md', '# Red Sea patrols\n\n**About 1,200 sailors** joined the mission, officials said.'));
  await page.waitForFunction(() => document.querySelector('[data-muster="document"]').textContent.startsWith('Red Sea patrols\n\nAbout 1,200 sailors joined'));
  await picker(page).setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]) });
  await notice(page).getByText(/binary/).waitFor();
  await picker(page).setInputFiles(file('list.json', '[1, 2, 3]', 'application/json'));
  await notice(page).getByText(/not a Muster export/).waitFor();
  await picker(page).setInputFiles(file('broken.json', '{"text": ', 'application/json'));
  await notice(page).getByText(/not valid JSON/).waitFor();
  assert.equal(await notice(page).getAttribute('role'), 'alert');
  await screenshot(page, 'ui-bad-file');
});

test('dropping files opens each in its own tab', async () => {
  const { page } = app;
  await freshPage(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Turkish drones struck Kurdish positions, Ankara said.'], 'syria.txt', { type: 'text/plain' }));
    data.items.add(new File(['Some 2,000 Kenyan police deployed to Haiti.'], 'haiti.txt', { type: 'text/plain' }));
    const target = document.querySelector('.app');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('.tablist [role="tab"]').length === 2);
  const titles = await page.locator('.tablist [role="tab"]').allTextContents();
  assert.deepEqual(titles.sort(), ['haiti', 'syria']);
});

test('open articles survive a reload, even mid-typing; clear all can be undone', async () => {
  const { page } = app;
  await freshPage(page);
  await page.getByRole('button', { name: 'NATO rotation in Poland', exact: true }).click();
  await page.getByRole('button', { name: 'Withdrawal from Niger', exact: true }).click();
  await page.getByRole('button', { name: 'New article' }).click();
  await articleInput(page).pressSequentially('Typed before the reload', { delay: 1 });
  await page.reload();
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  const titles = await page.locator('.tablist [role="tab"]').allTextContents();
  assert.deepEqual(titles, ['US brigade rotates into Poland', 'Last French troops leave Niger', 'Typed before the reload']);
  assert.equal(await articleInput(page).inputValue(), 'Typed before the reload');
  await page.locator('.tablist [role="tab"]').first().click();
  assert.equal(await documentText(page), sample('nato-poland'));
  await page.getByRole('button', { name: 'Clear all' }).click();
  assert.equal(await page.locator('.tablist [role="tab"]').count(), 1);
  assert.equal(await articleInput(page).inputValue(), '');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await page.locator('.tablist [role="tab"]').count(), 3);
  assert.equal(await documentText(page), sample('nato-poland'));
  await page.reload();
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  assert.equal(await page.locator('.tablist [role="tab"]').count(), 3);
  await page.getByRole('button', { name: /^Close Last French troops/ }).click();
  assert.equal(await page.locator('.tablist [role="tab"]').count(), 2);
  await screenshot(page, 'ui-tabs');
});

async function exported(page, kind) {
  await page.locator('.menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${kind}"]`).click()]);
  return { name: download.suggestedFilename(), text: await downloadText(download) };
}

test('exports: JSON re-opens, CSV, Web Annotation selectors in code points, standalone HTML, summary', async () => {
  const { page } = app;
  await freshPage(page);
  const text = `${sample('drc-deployment')}\n\nZoë 🇨🇩 said 50 peacekeepers remain.`;
  const result = await showArticle(page, text);
  const json = await exported(page, 'json');
  assert.match(json.name, /\.muster\.json$/);
  const data = JSON.parse(json.text);
  assert.equal(data.text, text);
  for (const key of ['figures', 'actors', 'claims']) assert.equal(data[key].length, result[key].length);
  const points = [...text];
  for (const f of data.figures) assert.equal(points.slice(f.start, f.end).join(''), f.text);

  const csv = await exported(page, 'csv');
  assert.match(csv.text, /^category,id,start,end,text,kind,value/);
  assert.equal(csv.text.trim().split('\r\n').length, 1 + data.figures.length + data.actors.reduce((n, a) => n + a.mentions.length, 0) + data.claims.length);

  const ld = JSON.parse((await exported(page, 'jsonld')).text);
  assert.equal(ld['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(ld.type, 'AnnotationCollection');
  for (const item of ld.first.items) {
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(points.slice(position.start, position.end).join(''), quote.exact);
  }

  const html = await exported(page, 'html');
  assert.match(html.text, /<!doctype html>/);
  assert.match(html.text, /Content-Security-Policy/);
  assert.doesNotMatch(html.text, /<script/i);
  const standalone = await app.browser.newPage();
  await standalone.setContent(html.text);
  assert.equal(await standalone.locator('[data-muster="document"]').evaluate((el) => el.textContent), text);
  assert.equal(await standalone.locator('mark').count() > 0, annotates);
  await standalone.close();

  // Our JSON export opens again as an article.
  await picker(page).setInputFiles(file('again.json', json.text, 'application/json'));
  await page.waitForFunction(() => document.querySelectorAll('.tablist [role="tab"]').length === 2);
  assert.equal(await documentText(page), text);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.menu summary').click();
  await page.locator('button[data-export="summary"]').click();
  await notice(page).getByText(/copied/).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /Troop figures \(\d+\)/);
  assert.match(copied, /Claims \(\d+, \d+ contested\)/);
});

test('with several articles open, the ledger compares them and links back into each', async () => {
  const { page } = app;
  await freshPage(page);
  const a = 'Moscow said 40,000 NATO troops were massed on its border, Reuters reported.';
  const b = 'NATO officials said fewer than 12,000 NATO troops serve in its forward battlegroups.';
  await picker(page).setInputFiles([file('moscow.txt', a), file('brussels.txt', b)]);
  await page.waitForFunction(() => document.querySelectorAll('.tablist [role="tab"]').length === 2);
  await page.getByRole('tab', { name: /Ledger/ }).click();
  const ledger = page.locator('[data-muster="ledger"]');
  await ledger.waitFor();
  for (const heading of ['Where they disagree', 'Figures per force', 'Who says what']) assert.ok((await ledger.textContent()).includes(heading));
  await screenshot(page, 'ui-ledger');
  if (!annotates) return;
  // Sizes keep their qualifier: "fewer than 12,000" is at most 12,000.
  assert.ok((await ledger.textContent()).includes('≤ 12,000'), 'the ledger drops the qualifier of "fewer than 12,000"');
  const link = ledger.locator('.ledger-group button.link').first();
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK');
});

test('the ledger names the force two articles size differently, and not the one they agree on within rounding', async (t) => {
  if (!annotates) return t.skip('the engine is not built in');
  const { page } = app;
  await freshPage(page);
  const wire = 'Seoul said North Korea had deployed 11,000 troops to Russia\'s Kursk region. Some 1,500 Ethiopian troops are in Somalia.';
  const blog = 'Pyongyang has deployed 3,000 troops to Russia\'s Kursk region, a website claimed. About 1,450 Ethiopian troops are in Somalia.';
  await picker(page).setInputFiles([file('wire.txt', wire), file('blog.txt', blog)]);
  await page.waitForFunction(() => document.querySelectorAll('.tablist [role="tab"]').length === 2);
  await page.getByRole('tab', { name: /Ledger/ }).click();
  const items = page.locator('[data-muster="ledger"] [data-muster="disagreement"]');
  await items.first().waitFor();
  assert.equal(await items.count(), 1, 'only the North Korean force is disputed: 1,500 and 1,450 agree within rounding');
  const item = await items.first().textContent();
  for (const part of ['North Korea', '11,000', '3,000', '(South Korea, wire)', 'blog)']) assert.ok(item.includes(part), `${part} missing from: ${item}`);
  // Each figure links back into its own article.
  await items.first().getByRole('button', { name: /3,000/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '3,000 troops');
});
