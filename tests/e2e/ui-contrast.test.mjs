// WCAG 2.2 contrast of the page's palette (www/style.css), light and dark: text pairs need 4.5:1
// (AA), the lines that carry a mark's shape (underlines, borders) 3:1 against the page (1.4.11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const css = readFileSync(join(ROOT, 'www/style.css'), 'utf8');

/** The custom properties of the first `:root { … }` after `from` in the stylesheet. */
function palette(from) {
  const start = css.indexOf(':root {', css.indexOf(from));
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})/g)].map((m) => [m[1], m[2]]));
}

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** [foreground, background, minimum ratio, what it is]. */
const PAIRS = [
  ['ink', 'bg', 4.5, 'body text'], ['ink', 'surface', 4.5, 'text on panels'], ['muted', 'surface', 4.5, 'secondary text'],
  ['muted', 'bg', 4.5, 'secondary text on the page'], ['accent', 'surface', 4.5, 'links'],
  ['ink', 'fig-bg', 4.5, 'figure text'], ['ink', 'act-bg', 4.5, 'actor text'], ['ink', 'clm-bg', 4.5, 'contested claim text'],
  ['ink', 'lit', 4.5, 'lit actor text'], ['den', 'surface', 4.5, 'denial marks and contested labels'],
  ['fig-line', 'surface', 3, 'figure underline'], ['act-line', 'surface', 3, 'actor underline'],
  ['clm-line', 'surface', 3, 'claim underline'], ['den', 'clm-bg', 3, 'denied claim underline on a contested claim'],
  ['focus', 'surface', 3, 'focus ring'],
];

for (const [scheme, from] of [['light', ':root {'], ['dark', 'prefers-color-scheme: dark']]) {
  test(`${scheme} palette meets WCAG AA contrast`, () => {
    const colours = { ...palette(':root {'), ...palette(from) };
    const failures = PAIRS.filter(([fg, bg, min]) => contrast(colours[fg], colours[bg]) < min)
      .map(([fg, bg, min, what]) => `${what}: --${fg} on --${bg} is ${contrast(colours[fg], colours[bg]).toFixed(2)}:1 (< ${min})`);
    assert.deepEqual(failures, []);
  });
}
