// The JS module API on a host page under a strict CSP: annotate() offsets, and highlight() /
// unhighlight() on a real article element (markup intact, idempotent, reversible).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hostPage, openHost, WATCH_CSP } from './embed.mjs';

// Written by us: an article with the markup news sites use.
const ARTICLE = `<article id="story" class="story">
  <h1>Pentagon to keep <span class="num">2,500</span> troops in Iraq</h1>
  <p class="lede">WASHINGTON — Around <b id="bold">2,500</b> American troops will remain in
    <a href="#iraq" id="link">Iraq</a> through next year, the <em>Pentagon</em> said on Monday.</p>
  <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Soldiers at a base"><figcaption>US soldiers in Anbar.</figcaption></figure>
  <p>Prime Minister Mohammed Shia' al-Sudani denied reports that 300 more soldiers would arrive.
    Kenya said about 1,000 police officers would deploy to Haiti.</p>
  <script type="application/json">{"not": "article text 5,000 troops"}</script>
</article>`;

const HOST_JS = `${WATCH_CSP}
import * as muster from './muster/index.js';
await muster.init();
window.clicks = 0;
document.getElementById('link').addEventListener('click', (e) => { e.preventDefault(); window.clicks++; });
window.muster = muster;
window.ready = true;
`;

let host;
before(async () => {
  host = await openHost({ 'index.html': hostPage(ARTICLE), 'host.js': HOST_JS, 'host.css': 'mark { outline: 1px solid red; }' }, 'index.html');
  await host.page.waitForFunction(() => window.ready === true);
});
after(async () => host?.close());

test('annotate returns plain objects with UTF-16 offsets on emoji, Arabic and accents', async () => {
  const text = '😀 Le Général Salifou Mody (محمد) said around 2,500 French troops left Niger 🇳🇪; ' +
    'Ukraine said 300 Russian soldiers were killed near Kharkiv.';
  const { result, version, proto } = await host.page.evaluate((t) => {
    const r = window.muster.annotate(t);
    return { result: r, version: window.muster.version(), proto: Object.getPrototypeOf(r) === Object.prototype };
  }, text);
  assert.ok(proto, 'a plain object');
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(Object.keys(result).sort(), ['actors', 'claims', 'figures']);
  assert.ok(result.figures.length > 0, 'figures found');
  const spans = [...result.figures, ...result.claims, ...result.actors.flatMap((a) => a.mentions)];
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text, JSON.stringify(s));
  for (const f of result.figures) assert.ok(f.owner === null || typeof f.owner === 'string', 'absent values are null');
  const only = await host.page.evaluate((t) => window.muster.annotate(t, { categories: ['figures'] }), text);
  assert.deepEqual([only.actors, only.claims], [[], []]);
  assert.deepEqual(only.figures, result.figures);
  const error = await host.page.evaluate((t) => {
    try { window.muster.annotate(t, { categories: ['troops'] }); return null; } catch (e) { return `${e.name}: ${e.message}`; }
  }, text);
  assert.match(error, /^TypeError: muster: unknown category 'troops'/);
});

test('highlight marks an article in place, keeps its markup, is idempotent and reversible', async () => {
  const page = host.page;
  const before = await page.evaluate(() => {
    const story = document.getElementById('story');
    window.originalText = document.getElementById('bold').firstChild;
    window.originalBold = document.getElementById('bold');
    return { html: story.innerHTML, text: story.textContent };
  });

  const first = await page.evaluate(() => {
    const story = document.getElementById('story');
    const result = window.muster.highlight(story);
    const marks = [...story.querySelectorAll('mark')].map((m) => ({ kind: m.dataset.kind, id: m.dataset.id, text: m.textContent }));
    // The markup without the marks: unwrap them in a copy.
    const copy = story.cloneNode(true);
    for (const m of [...copy.querySelectorAll('mark')].reverse()) m.replaceWith(...m.childNodes);
    copy.normalize();
    return { result, marks, html: story.innerHTML, text: story.textContent, unmarked: copy.innerHTML };
  });
  assert.equal(first.text, before.text, 'textContent unchanged');
  assert.equal(first.unmarked, before.html, 'every element and attribute kept');
  assert.ok(first.result.figures.length > 0 && first.marks.some((m) => m.kind === 'figure'), 'figures marked');
  assert.ok(first.marks.some((m) => m.kind === 'actor'), 'actors marked');
  assert.ok(!first.marks.some((m) => m.text.includes('5,000')), 'script text is not article text');
  // Every annotation is marked, text for text (pieces split at element boundaries join up).
  const marked = (kind, id) => first.marks.filter((m) => m.kind === kind && m.id === id).map((m) => m.text).join('');
  const flat = (t) => t.replace(/\s+/g, ' ');
  for (const f of first.result.figures) {
    assert.equal(first.result.text.slice(f.start, f.end), f.text);
    assert.equal(flat(marked('figure', f.id)), flat(f.text.replace(/\n/g, '')), f.id);
  }
  for (const c of first.result.claims) assert.equal(flat(marked('claim', c.id)), flat(c.text.replace(/\n/g, '')), c.id);
  for (const a of first.result.actors) {
    assert.equal(marked('actor', a.id), a.mentions.map((m) => m.text).join(''), a.id);
  }
  // Nesting: no figure mark holds a claim mark.
  assert.equal(await page.evaluate(() => document.querySelectorAll('mark[data-kind="figure"] mark[data-kind="claim"]').length), 0);

  const live = await page.evaluate(() => {
    document.getElementById('link').click();
    return { clicks: window.clicks, sameBold: document.getElementById('bold') === window.originalBold };
  });
  assert.deepEqual(live, { clicks: 1, sameBold: true }, 'elements and their listeners survive');

  const again = await page.evaluate(() => {
    window.muster.highlight(document.getElementById('story'));
    return document.getElementById('story').innerHTML;
  });
  assert.equal(again, first.html, 'a second highlight gives the same DOM');

  const restored = await page.evaluate(() => {
    const story = document.getElementById('story');
    window.muster.unhighlight(story);
    window.muster.unhighlight(story); // a no-op now
    return { html: story.innerHTML, sameNode: document.getElementById('bold').firstChild === window.originalText,
      marks: story.querySelectorAll('mark').length, nodes: story.querySelector('p').childNodes.length };
  });
  assert.equal(restored.html, before.html, 'unhighlight restores the original DOM');
  assert.ok(restored.sameNode, 'the very same text nodes are back');
  assert.equal(restored.marks, 0);

  const filtered = await page.evaluate(() => {
    const story = document.getElementById('story');
    window.muster.highlight(story, { categories: 'figures' });
    const kinds = new Set([...story.querySelectorAll('mark')].map((m) => m.dataset.kind));
    window.muster.unhighlight(story);
    return [...kinds];
  });
  assert.deepEqual(filtered, ['figure']);
});

test('no CSP violation, no error, no request off the site', async () => {
  assert.deepEqual(await host.page.evaluate(() => window.violations), []);
  assert.deepEqual(host.problems, []);
});
