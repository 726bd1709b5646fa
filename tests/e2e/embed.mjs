// Shared set-up for the embedding tests (embed-*.test.mjs): the npm package built by
// scripts/build-embed (pkg/, built here when missing), served under /muster/ beside host pages
// that the tests write, each under a strict Content-Security-Policy.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, ROOT } from './harness.mjs';
import { serve } from './server.mjs';

/** The built package. */
export const PKG = process.env.MUSTER_PKG ?? join(ROOT, 'pkg');
/** The policy every host page runs under. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/** Builds the package unless its wasm is there (openHost copies the current wrapper over it). */
export function ensurePackage() {
  if (!existsSync(join(PKG, 'muster_wasm_bg.wasm'))) {
    execFileSync(join(ROOT, 'scripts/build-embed'), [PKG], { cwd: ROOT, stdio: 'inherit' });
  }
}

/**
 * Serves a site with the package at /muster/ and the given files (name → content), opens
 * `page` in Chromium, and records problems: console errors, page errors, CSP violations,
 * failed requests and any request that leaves the site.
 */
export async function openHost(files, page) {
  ensurePackage();
  const dir = mkdtempSync(join(tmpdir(), 'muster-embed-'));
  cpSync(PKG, join(dir, 'muster'), { recursive: true });
  cpSync(join(ROOT, 'www/embed/lib'), join(dir, 'muster'), { recursive: true }); // the wrapper as it is now
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const site = await serve(dir);
  const browser = await launch();
  const tab = await browser.newPage();
  tab.setDefaultTimeout(15_000);
  const problems = [];
  const origin = new URL(site.url).origin;
  // Chromium asks for /favicon.ico by itself when a page names no icon; that 404 is not ours.
  const favicon = (url) => new URL(url).pathname.endsWith('/favicon.ico');
  tab.on('console', (m) => m.type() === 'error' && !favicon(m.location().url || site.url) && problems.push(`console: ${m.text()}`));
  tab.on('response', (r) => r.status() >= 400 && !favicon(r.url()) && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  tab.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  tab.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && problems.push(`request off the site: ${r.url()}`));
  await tab.goto(site.url + page);
  return {
    page: tab, problems,
    close: async () => { await browser.close(); await site.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A host page: strict CSP in a meta tag, `body`, and one external module script. */
export function hostPage(body, script = 'host.js') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Host</title><link rel="stylesheet" href="host.css"></head>
<body>${body}<script type="module" src="${script}"></script></body></html>`;
}

/** Host script part: reports CSP violations into `window.violations`. */
export const WATCH_CSP = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;
