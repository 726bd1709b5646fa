// Shared steps for the page-safety tests (safety-*.test.mjs), on top of harness.mjs: a page opened
// with watchers installed before any of its scripts run, recording what a hostile input could make
// happen (dialogs, CSP violations, HTML parsed from strings, requests), and file-picker helpers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch } from './harness.mjs';
import { serve } from './server.mjs';

/** The marker every hostile payload sets or shows when it runs: `window.__pwned` or an alert. */
export const PWNED = '__pwned';

/**
 * Installed before the page's own scripts: counts `securitypolicyviolation` events and records every
 * string handed to an HTML parser on the live page (innerHTML, outerHTML, insertAdjacentHTML,
 * document.write, createContextualFragment), so a test can assert user text never reaches one.
 */
function watch() {
  const seen = { violations: [], html: [] };
  Object.defineProperty(window, '__safety', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => seen.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  const record = (value) => { seen.html.push(String(value)); };
  for (const [proto, name] of [[Element.prototype, 'innerHTML'], [Element.prototype, 'outerHTML'], [ShadowRoot.prototype, 'innerHTML']]) {
    const original = Object.getOwnPropertyDescriptor(proto, name);
    Object.defineProperty(proto, name, { ...original, set(value) { record(value); original.set.call(this, value); } });
  }
  for (const [proto, name] of [[Element.prototype, 'insertAdjacentHTML'], [Document.prototype, 'write'], [Range.prototype, 'createContextualFragment']]) {
    const original = proto[name];
    proto[name] = function (...args) { record(args[args.length - 1]); return original.apply(this, args); };
  }
}

/**
 * Serves dist/, opens the page in a fresh browser context with the watchers installed and every
 * request of every page in the context recorded (`requests`: { url, type, page }). `init` is
 * an extra script run before the page's own (e.g. a storage stub). Collects page errors in `problems`.
 */
export async function openWatched({ init } = {}) {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build the site first`);
  const site = await serve(DIST);
  const browser = await launch();
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(watch);
  if (init) await context.addInitScript(init);
  const requests = [];
  const problems = [];
  const dialogs = [];
  context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType(), method: r.method() }));
  context.on('page', (page) => {
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });
  const open = async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(site.url);
    await ready(page);
    return page;
  };
  const page = await open();
  return {
    page, open, context, browser, site, requests, problems, dialogs,
    close: async () => { await browser.close(); await site.close(); },
  };
}

/** Waits until the wasm app has started. */
export async function ready(page) {
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
}

/** Reloads and waits for the app. */
export async function reload(page) {
  await page.reload();
  await ready(page);
}

/** What the watchers saw on `page`: CSP violations, strings parsed as HTML, and whether a payload ran. */
export async function sideEffects(page) {
  return page.evaluate((flag) => ({
    violations: window.__safety.violations,
    html: window.__safety.html,
    pwned: window[flag] !== undefined,
  }), PWNED);
}

/** A file for the picker. */
export function file(name, body, mimeType = 'text/plain') {
  return { name, mimeType, buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) };
}

/** Opens files with the toolbar's file picker. */
export async function openFiles(page, files) {
  await page.locator('#open-file').setInputFiles(files);
}

/** The message bar. */
export function notice(page) {
  return page.locator('.notice');
}

/** The document's text, or null when there is none. */
export async function documentText(page) {
  return page.evaluate(() => document.querySelector('[data-muster="document"]')?.textContent ?? null);
}

/** Waits until the document shows exactly `text`. */
export async function waitForText(page, text, timeout = 10_000) {
  await page.waitForFunction((t) => document.querySelector('[data-muster="document"]')?.textContent === t, text, { timeout });
}

/** Milliseconds for a round trip into the page and back (the tab's responsiveness). */
export async function roundTrip(page) {
  const start = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - start;
}
