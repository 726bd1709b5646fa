// <muster-annotator> on a host page under a strict CSP: text from children, an attribute or
// src; categories and theme; the muster-annotated event; styles isolated both ways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hostPage, openHost, WATCH_CSP } from './embed.mjs';

const CHILD_TEXT = 'Kenya said about 1,000 soldiers would deploy to Somalia, but the opposition denied it. 😀';
const ATTR_TEXT = 'Some 4,000 Rwandan troops are fighting alongside M23 rebels near Goma, UN experts said.';
const FILE_TEXT = 'Around 2,500 American troops remain in Iraq, the Pentagon said.';

const BODY = `<p>Host text with a <mark id="host-mark">host mark</mark>.</p>
<muster-annotator id="children">
${CHILD_TEXT}
</muster-annotator>
<muster-annotator id="attr" categories="figures" theme="dark" text="${ATTR_TEXT}"></muster-annotator>
<muster-annotator id="src" src="report.txt"></muster-annotator>`;

// Registered before the element script loads, so no event is missed.
const HOST_JS = `${WATCH_CSP}
window.events = {};
document.addEventListener('muster-annotated', (e) => { window.events[e.target.id] = e.detail; });
await import('./muster/muster-annotator.js');
`;

let host;
before(async () => {
  host = await openHost({
    'index.html': hostPage(BODY),
    'host.js': HOST_JS,
    'host.css': 'mark { background: rgb(255, 0, 0); } [data-muster] { color: rgb(0, 0, 255); }',
    'report.txt': FILE_TEXT,
  }, 'index.html');
  await host.page.waitForFunction(() => Object.keys(window.events).length === 3);
});
after(async () => host?.close());

/** The element's shadow document: its text, marks and their computed backgrounds. */
function shadow(page, id) {
  return page.evaluate((id) => {
    const doc = document.getElementById(id).shadowRoot.querySelector('[data-muster="document"]');
    const marks = [...doc.querySelectorAll('mark')];
    return {
      text: doc.textContent,
      kinds: [...new Set(marks.map((m) => m.dataset.kind))].sort(),
      backgrounds: marks.map((m) => getComputedStyle(m).backgroundColor),
      color: getComputedStyle(doc).color,
    };
  }, id);
}

test('text from children, attribute and src, with the muster-annotated event', async () => {
  const events = await host.page.evaluate(() => window.events);
  for (const [id, text] of [['children', CHILD_TEXT], ['attr', ATTR_TEXT], ['src', FILE_TEXT]]) {
    const view = await shadow(host.page, id);
    assert.equal(view.text, text, `${id}: the document holds the text exactly`);
    const detail = events[id];
    assert.ok(detail.figures.length > 0, `${id}: figures in the event`);
    for (const f of detail.figures) assert.equal(text.slice(f.start, f.end), f.text);
  }
  assert.deepEqual((await shadow(host.page, 'attr')).kinds, ['figure'], 'categories="figures"');
  assert.ok((await shadow(host.page, 'children')).kinds.length > 1, 'all categories by default');
});

test('styles are isolated both ways; theme changes the palette', async () => {
  const page = host.page;
  for (const id of ['children', 'attr']) {
    const view = await shadow(page, id);
    assert.ok(!view.backgrounds.includes('rgb(255, 0, 0)'), `${id}: host mark style does not reach inside`);
    assert.notEqual(view.color, 'rgb(0, 0, 255)');
  }
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('host-mark')).backgroundColor), 'rgb(255, 0, 0)',
    'the component does not restyle host marks');
  const light = (await shadow(page, 'children')).color;
  const dark = (await shadow(page, 'attr')).color;
  assert.notEqual(light, dark, 'theme="dark" differs');
});

test('changing an attribute re-annotates', async () => {
  const page = host.page;
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const el = document.getElementById('attr');
    el.addEventListener('muster-annotated', (e) => resolve(e.detail), { once: true });
    el.setAttribute('text', 'Ukraine said 300 Russian soldiers were killed near Kharkiv.');
  }));
  assert.equal((await shadow(page, 'attr')).text, 'Ukraine said 300 Russian soldiers were killed near Kharkiv.');
  assert.deepEqual([detail.actors, detail.claims], [[], []]);
});

test('no CSP violation, no error, no request off the site', async () => {
  assert.deepEqual(await host.page.evaluate(() => window.violations), []);
  assert.deepEqual(host.problems, []);
});
