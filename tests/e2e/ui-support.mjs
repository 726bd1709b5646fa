// Shared steps for the page's own end-to-end tests (ui-*.test.mjs), on top of harness.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DOCUMENT, apiAnnotate, pasteArticle, waitForDocument } from './harness.mjs';

/** A sample article shipped with the page (www/samples/NAME.txt). */
export function sample(name) {
  return readFileSync(join(ROOT, 'www/samples', `${name}.txt`), 'utf8');
}

/** An invented article: a deployment, a figure range, a denial and a hedge. */
export const ARTICLE = [
  'SEOUL — Around 12,000 North Korean soldiers have been sent to the Kursk region, South Korea\'s spy agency said on Wednesday.',
  'Pyongyang denied that any of its troops were fighting in Russia, calling the reports "groundless propaganda".',
  'Ukrainian officials said at least 200 of the soldiers had been killed or wounded in December.',
].join('\n\n');

/** Empties local storage and reloads, so a test starts from a first visit. */
export async function freshPage(page) {
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => window.wasmBindings !== undefined);
}

/** Pastes `text` and waits until the document shows it with every annotation marked; returns the engine's result. */
export async function showArticle(page, text) {
  const result = await apiAnnotate(page, text);
  await pasteArticle(page, text);
  const ids = [...result.figures, ...result.actors, ...result.claims].map((a) => a.id);
  await waitForDocument(page, text, ids);
  return result;
}

/** Whether the engine annotates anything yet (tests of highlights skip while it does not). */
export async function engineAnnotates(page) {
  const result = await apiAnnotate(page, sample('drc-deployment'));
  return result.figures.length > 0 && result.actors.length > 0;
}

/** The document's text. */
export async function documentText(page) {
  return page.locator(DOCUMENT).evaluate((el) => el.textContent);
}

/** Reads a Playwright download as UTF-8 text. */
export async function downloadText(download) {
  return readFileSync(await download.path(), 'utf8');
}
