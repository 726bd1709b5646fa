// The end-to-end harness: headless Debian Chromium (playwright-core, no downloaded browser)
// driving the built site in dist/, served by ./server.mjs on 127.0.0.1.
//
//   const app = await openApp();            // serve dist/, launch Chromium, load the page
//   await pasteArticle(app.page, text);     // into the textarea labelled "Article text"
//   const marks = await waitForDocument(app.page, text, ids);  // [data-muster="document"]
//   await screenshot(app.page, 'name');     // tests/e2e/artifacts/name.png
//   await app.close();
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from './server.mjs';

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site the tests run against (`trunk build --release` writes it). */
export const DIST = process.env.MUSTER_DIST ?? join(ROOT, 'dist');
/** The embed package (scripts/build-embed; built here when missing): the JS API, which the page leaves out. */
export const PKG = process.env.MUSTER_PKG ?? join(ROOT, 'pkg');
/** Where screenshots go. */
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
/** Debian's Chromium; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/**
 * Why the page's DOM-contract tests are skipped, or false to run them (set it to a reason
 * while the page is being rebuilt, never to hide a failure).
 */
export const PAGE_PENDING = false;
/** The selector of the annotated text. */
export const DOCUMENT = '[data-muster="document"]';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Launches headless Chromium. */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * Serves dist/ (under `base`), launches Chromium and opens the page, waiting until the wasm app
 * has started. Collects console errors, page errors and failed requests in `problems`.
 */
export async function openApp({ base = '/', path = '' } = {}) {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the site first (trunk build --release; scripts/test does)`);
  }
  const site = await serve(DIST, { base });
  const browser = await launch();
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  // Chromium asks for /favicon.ico by itself when the page names no icon; that 404 is not the app's.
  const favicon = (url) => new URL(url).pathname.endsWith('/favicon.ico');
  page.on('console', (m) => m.type() === 'error' && !favicon(m.location().url || site.url) && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && !favicon(r.url()) && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.goto(site.url + path);
  await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 30_000 });
  return {
    page, browser, site, problems,
    close: async () => { await browser.close(); await site.close(); },
  };
}

/** The input a person pastes an article into. */
export function articleInput(page) {
  return page.getByLabel('Article text', { exact: true });
}

/** Replaces the article with `text`, as a paste would (fires `input`). */
export async function pasteArticle(page, text) {
  await articleInput(page).fill(text);
}

let api;

/**
 * The JS API: `annotate(text)` with UTF-16 offsets, as embedders get it from the embed package
 * (pkg/, built here when missing; the release build refreshes it). The page's own wasm leaves the
 * API out (cargo feature `embed`), so the package runs here in Node (V8, as in Chromium), which
 * also works while a test has the page offline. `_page` is kept for the callers' sake.
 */
export async function apiAnnotate(_page, text) {
  if (!api) {
    if (!existsSync(join(PKG, 'muster_wasm_bg.wasm'))) execFileSync(join(ROOT, 'scripts/build-embed'), [PKG], { cwd: ROOT, stdio: 'inherit' });
    api = await import(pathToFileURL(join(PKG, 'index.js')).href);
    await api.init(readFileSync(join(PKG, 'muster_wasm_bg.wasm')));
  }
  return api.annotate(text);
}

/**
 * Reads the annotated document: every text node with its UTF-16 offsets and the marks around it
 * (outermost first), plus every mark element.
 */
export async function readDocument(page) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    if (!root) return null;
    const pieces = [];
    let at = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const marks = [];
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        if (el.tagName === 'MARK') marks.unshift({ kind: el.dataset.kind, id: el.dataset.id });
      }
      pieces.push({ start: at, end: at + node.data.length, marks });
      at += node.data.length;
    }
    const marks = [...root.querySelectorAll('mark')].map((m) => ({ kind: m.dataset.kind, id: m.dataset.id, text: m.textContent }));
    return { text: root.textContent, pieces, marks };
  }, DOCUMENT);
}

/**
 * Waits until the document shows exactly `text` and has a mark for every id in `ids`
 * (from `apiAnnotate`); returns `readDocument`'s result (or the last one seen, on timeout).
 */
export async function waitForDocument(page, text, ids = [], timeout = 10_000) {
  try {
    await page.waitForFunction(({ selector, text, ids }) => {
      const root = document.querySelector(selector);
      if (!root || root.textContent !== text) return false;
      const shown = new Set([...root.querySelectorAll('mark')].map((m) => m.dataset.id));
      return ids.every((id) => shown.has(id));
    }, { selector: DOCUMENT, text, ids }, { timeout });
  } catch {
    // Fall through: the caller's assertions say what is wrong.
  }
  return readDocument(page);
}

/** Every annotation id of an `annotate` result the page marks: figures, actors with a mention, claims. */
export function annotationIds(result) {
  // An actor inferred without a mention of its own (a force's owner named only by an adjective elsewhere) has no mark.
  const actors = result.actors.filter((a) => a.mentions.length > 0);
  return [...result.figures, ...actors, ...result.claims].map((a) => a.id);
}

/** Whether `[start, end)` is wholly covered by marks satisfying `match({kind, id})`. */
export function coveredBy(doc, start, end, match) {
  const over = doc.pieces.filter((p) => p.start < end && start < p.end && p.start < p.end);
  return over.length > 0 && over.every((p) => p.marks.some(match));
}

/** The ids of marks of `kind` over any part of `[start, end)`. */
export function markIdsOver(doc, start, end, kind) {
  const ids = new Set();
  for (const p of doc.pieces) {
    if (p.start < end && start < p.end) for (const m of p.marks) if (m.kind === kind) ids.add(m.id);
  }
  return ids;
}

/** Saves a full-page screenshot to tests/e2e/artifacts/NAME.png; returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
