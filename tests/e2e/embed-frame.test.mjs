// The iframe embed on a host page under a strict CSP: the postMessage protocol (ready,
// annotate → annotations, resize) with replies only to the asking origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hostPage, openHost, WATCH_CSP } from './embed.mjs';

const TEXT = 'Around 2,500 American troops remain in Iraq, the Pentagon said. '.repeat(12);

const HOST_JS = `${WATCH_CSP}
window.messages = [];
const frame = document.getElementById('muster');
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow) return;
  window.messages.push(e.data);
  if (e.data.type === 'muster:resize') frame.style.height = e.data.height + 'px';
});
window.send = (message) => frame.contentWindow.postMessage(message, location.origin);
`;

let host;
before(async () => {
  host = await openHost({
    'index.html': hostPage('<iframe id="muster" title="Muster" src="muster/frame.html"></iframe>'),
    'host.js': HOST_JS,
    'host.css': 'body { margin: 0 } iframe { width: 400px; height: 50px; border: 0 }',
  }, 'index.html');
  await host.page.waitForFunction(() => window.messages.some((m) => m.type === 'muster:ready'));
});
after(async () => host?.close());

test('ready, then annotate returns annotations and the frame asks to be resized', async () => {
  const page = host.page;
  const ready = await page.evaluate(() => window.messages.find((m) => m.type === 'muster:ready'));
  assert.match(ready.version, /^\d+\.\d+\.\d+/);
  await page.evaluate((text) => window.send({ type: 'muster:annotate', id: 7, text, categories: 'figures' }), TEXT);
  const answer = await page.waitForFunction(() => window.messages.find((m) => m.type === 'muster:annotations')).then((h) => h.jsonValue());
  assert.equal(answer.id, 7);
  assert.ok(answer.annotations.figures.length > 0);
  for (const f of answer.annotations.figures) assert.equal(TEXT.slice(f.start, f.end), f.text);
  assert.deepEqual(answer.annotations.actors, []);
  const height = await page.waitForFunction(() => window.messages.findLast((m) => m.type === 'muster:resize')?.height).then((h) => h.jsonValue());
  assert.ok(height > 100, `the frame reports its content height (${height})`);
  assert.equal(await page.evaluate(() => document.getElementById('muster').getBoundingClientRect().height), height);
  const inFrame = await page.frame({ url: /frame\.html$/ }).evaluate(() =>
    document.getElementById('view').shadowRoot.querySelector('[data-muster="document"]').textContent);
  assert.equal(inFrame, TEXT);
});

test('a bad request gets an error reply', async () => {
  await host.page.evaluate(() => window.send({ type: 'muster:annotate', id: 'x', text: 42 }));
  const error = await host.page.waitForFunction(() => window.messages.find((m) => m.type === 'muster:error')).then((h) => h.jsonValue());
  assert.equal(error.id, 'x');
  assert.match(error.message, /string/);
});

test('no CSP violation, no error, no request off the site', async () => {
  assert.deepEqual(await host.page.evaluate(() => window.violations), []);
  assert.deepEqual(host.problems, []);
});
