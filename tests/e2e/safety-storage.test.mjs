// No data loss: text and corrections are saved on every change (local storage, this browser only)
// and survive a reload, a reload straight after typing, and two tabs editing at once. The rule for
// two tabs: every change is saved at once; when one tab saves, the others take what it saved (the
// `storage` event), so for one article the last edit wins and articles opened in either tab are kept.
// A full storage quota shows a message and the page keeps working, with the open text intact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { articleInput, pasteArticle, DOCUMENT } from './harness.mjs';
import { openWatched, ready, reload, notice, documentText, waitForText } from './safety-support.mjs';

/** Makes local storage refuse every write while `window.__storageFull` is true, as a full quota does. */
function fillableStorage() {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return setItem.call(this, key, value);
  };
}

let app;
before(async () => { app = await openWatched({ init: fillableStorage }); });
after(async () => { await app?.close(); });

async function fresh(page) {
  await page.evaluate(() => localStorage.clear());
  await reload(page);
}

test('text and corrections survive a reload', async () => {
  const { page } = app;
  await fresh(page);
  const text = 'The Zorvik Legion said 800 fighters crossed into Mali. Bamako denied that the Zorvik Legion was there.';
  await pasteArticle(page, text);
  await waitForText(page, text);
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page.getByLabel('Add a missing actor').fill('Zorvik Legion');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator(`${DOCUMENT} mark[data-kind="actor"]`).filter({ hasText: /^Zorvik Legion$/ }).first().waitFor();
  await page.getByRole('button', { name: 'New article' }).click();
  await pasteArticle(page, 'A second article: 40 Danish soldiers arrived in Estonia.');
  await reload(page);
  assert.equal(await page.locator('.tablist [role="tab"]').count(), 2);
  assert.equal(await articleInput(page).inputValue(), 'A second article: 40 Danish soldiers arrived in Estonia.');
  await page.locator('.tablist [role="tab"]').first().click();
  await waitForText(page, text);
  assert.equal(await articleInput(page).inputValue(), text);
  await page.locator(`${DOCUMENT} mark[data-kind="actor"]`).filter({ hasText: /^Zorvik Legion$/ }).first().waitFor();
  await page.getByRole('tab', { name: /Actors/ }).click();
  assert.match(await page.locator('.rules').textContent(), /Zorvik Legion/);
});

test('a reload straight after typing keeps every character typed', async () => {
  const { page } = app;
  await fresh(page);
  const typed = 'Kyiv said 2,000 troops held the line near Pokrovsk.';
  await articleInput(page).click();
  await page.keyboard.type(typed);
  await page.reload(); // no pause: the last keystroke is saved before the page goes
  await ready(page);
  assert.equal(await articleInput(page).inputValue(), typed);
  await waitForText(page, typed);
  // And when the tab is closed instead, a new one has it too.
  await page.keyboard.press('Tab');
  await articleInput(page).press('End');
  await page.keyboard.type(' Moscow denied it.');
  const other = await app.open();
  assert.equal(await articleInput(other).inputValue(), `${typed} Moscow denied it.`);
  await other.close();
});

test('two tabs: edits in one never destroy the other\'s text; the same article follows the last edit', async () => {
  const { page: first } = app;
  await fresh(first);
  const alpha = 'Alpha: about 1,200 Nigerien soldiers returned to Niamey.';
  await pasteArticle(first, alpha);
  await waitForText(first, alpha);
  const second = await app.open();
  assert.equal(await articleInput(second).inputValue(), alpha, 'a new tab starts from what is saved');
  // The second tab opens its own article while the first keeps typing in its own.
  await second.getByRole('button', { name: 'New article' }).click();
  const beta = 'Beta: 300 Estonian troops rotated out of Mali.';
  await pasteArticle(second, beta);
  await articleInput(first).press('End');
  await first.keyboard.type(' More later.');
  const alphaMore = `${alpha} More later.`;
  await waitForText(first, alphaMore);
  // Neither is lost: each tab shows what it typed, and lists both articles.
  assert.equal(await articleInput(first).inputValue(), alphaMore);
  assert.equal(await articleInput(second).inputValue(), beta);
  await first.waitForFunction(() => document.querySelectorAll('.tablist [role="tab"]').length === 2);
  await second.waitForFunction(() => document.querySelectorAll('.tablist [role="tab"]').length === 2);
  // The second tab sees the first one's latest text when it shows that article.
  await second.locator('.tablist [role="tab"]').first().click();
  await waitForText(second, alphaMore);
  // Both edit the same article: the last edit wins in both tabs.
  await articleInput(second).press('End');
  await second.keyboard.type(' Second tab.');
  const last = `${alphaMore} Second tab.`;
  await waitForText(first, last);
  assert.equal(await articleInput(first).inputValue(), last);
  // A third tab, and a reload, see the same two articles.
  const third = await app.open();
  const texts = [];
  for (const tab of await third.locator('.tablist [role="tab"]').all()) {
    await tab.click();
    texts.push(await articleInput(third).inputValue());
  }
  assert.deepEqual(texts.sort(), [last, beta].sort());
  await third.close();
  await second.close();
});

test('a full storage quota shows a message; the page keeps working and the open text stays', async () => {
  const { page } = app;
  await fresh(page);
  const saved = 'Some 5,000 Kenyan troops were deployed to Somalia, Nairobi said.';
  await pasteArticle(page, saved);
  await waitForText(page, saved);
  await page.evaluate(() => { window.__storageFull = true; });
  await articleInput(page).press('End');
  await page.keyboard.type(' Al-Shabaab denied it.');
  const typed = `${saved} Al-Shabaab denied it.`;
  const bar = notice(page);
  await bar.getByText(/Not saved: this browser's storage is full/).waitFor();
  assert.equal(await bar.getAttribute('role'), 'alert');
  // Still working: the text is there, annotated, and another article can be opened and corrected.
  await waitForText(page, typed);
  assert.equal(await articleInput(page).inputValue(), typed);
  await page.locator(`${DOCUMENT} mark`).first().waitFor();
  await page.getByRole('button', { name: 'New article' }).click();
  await pasteArticle(page, 'Mogadishu said 70 soldiers were wounded.');
  await waitForText(page, 'Mogadishu said 70 soldiers were wounded.');
  await page.getByRole('tab', { name: /Actors/ }).click();
  await page.getByLabel('Add a missing actor').fill('Mogadishu');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await notice(page).getByText(/Could not save corrections/).waitFor();
  await page.locator('.tablist [role="tab"]').first().click();
  assert.equal(await documentText(page), typed);
  assert.equal(await articleInput(page).inputValue(), typed);
  // Once storage has room again, the next change saves everything and the message goes.
  await page.evaluate(() => { window.__storageFull = false; });
  await articleInput(page).press('End');
  await page.keyboard.type('!');
  await page.waitForFunction(() => !document.querySelector('.notice')?.textContent.includes('Not saved'));
  await reload(page);
  assert.equal(await page.locator('.tablist [role="tab"]').count(), 2);
  assert.equal(await articleInput(page).inputValue(), `${typed}!`);
});
