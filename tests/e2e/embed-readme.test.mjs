// The README's "Embedding" snippets, run as a new user would paste them: the package copied to
// /muster/ beside a plain page (the JS module through an import map standing in for a bundler).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { openHost } from './embed.mjs';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The code block that follows the README paragraph starting with `**label**`. */
function snippet(label) {
  const at = README.indexOf(`**${label}**`);
  assert.ok(at >= 0, `README has no "${label}" snippet`);
  return README.slice(at).match(/```\w*\n([\s\S]*?)```/)[1];
}

/** A page with no CSP of its own (inline snippets are the host's business). */
function page(body, head = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}</head><body>${body}</body></html>`;
}

test('the JS module snippet annotates, highlights and unhighlights an article', async () => {
  const article = '<article><p>Around 2,500 troops arrived in <em>Goma</em>, the UN said.</p></article>';
  const script = `${snippet('JS module')}\nwindow.done = { figures: figures.length, marks: document.querySelectorAll('article mark').length };`;
  const host = await openHost({
    'index.html': page(`${article}<script type="module" src="snippet.js"></script>`,
      '<script type="importmap">{"imports": {"muster": "./muster/index.js"}}</script>'),
    'snippet.js': script,
  }, 'index.html');
  try {
    const done = await host.page.waitForFunction(() => window.done).then((h) => h.jsonValue());
    assert.ok(done.figures > 0, 'annotate found the figure');
    assert.equal(done.marks, 0, 'unhighlight removed every mark');
    assert.equal(await host.page.evaluate(() => document.querySelector('article').innerHTML),
      '<p>Around 2,500 troops arrived in <em>Goma</em>, the UN said.</p>');
    assert.deepEqual(host.problems, []);
  } finally {
    await host.close();
  }
});

test('the one-script-tag snippet shows the text annotated', async () => {
  const host = await openHost({ 'index.html': page(snippet('One script tag')) }, 'index.html');
  try {
    const marks = await host.page.waitForFunction(() => {
      const root = document.querySelector('muster-annotator')?.shadowRoot?.querySelector('[data-muster="document"]');
      return root?.querySelector('mark') && [...root.querySelectorAll('mark')].map((m) => m.dataset.kind);
    }).then((h) => h.jsonValue());
    assert.ok(marks.includes('figure'));
    assert.deepEqual(host.problems, []);
  } finally {
    await host.close();
  }
});

test('the iframe snippet receives annotations', async () => {
  const keepLog = '<script>window.logged = []; console.log = (...args) => window.logged.push(args);</script>';
  const host = await openHost({ 'index.html': page(snippet('iframe'), keepLog) }, 'index.html');
  try {
    const annotations = await host.page.waitForFunction(() => window.logged[0]?.[0]).then((h) => h.jsonValue());
    assert.ok(annotations.figures.length > 0, JSON.stringify(annotations));
    assert.deepEqual(host.problems, []);
  } finally {
    await host.close();
  }
});
