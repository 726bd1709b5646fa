// Muster for embedders: annotate text, or highlight an element of your page in place.
// Everything runs locally in WebAssembly; no text leaves the page, no request is made
// except loading muster_wasm_bg.wasm next to this file (or what you pass to `init`).
import initWasm, * as wasm from './muster_wasm.js';
import { unpack } from './unpack.js';

let loading = null;
let loaded = false;

/**
 * Loads the WebAssembly module once; later calls return the same promise.
 * @param {string|URL|Response|BufferSource|WebAssembly.Module} [source] where the .wasm is
 *   (default: muster_wasm_bg.wasm beside this module).
 */
export function init(source) {
  loading ??= initWasm(source === undefined ? undefined : { module_or_path: source }).then(() => {
    loaded = true;
  });
  return loading;
}

function ready() {
  if (!loaded) throw new Error('muster: call `await init()` before annotate/highlight');
}

/**
 * Annotates `text`. Offsets are UTF-16 code units: `text.slice(start, end) === item.text`.
 * @param {string} text
 * @param {{categories?: string[]|string}} [options] e.g. {categories: ['figures', 'claims']}
 */
export function annotate(text, options) {
  ready();
  const input = String(text);
  return unpack(input, wasm.annotate_packed(input, options));
}

/** The library's version. */
export function version() {
  ready();
  return wasm.version();
}

/** Outer marks first: a claim holds figures, a figure holds actor mentions. */
const RANK = { claim: 0, figure: 1, actor: 2 };
/** Elements whose text is not article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'svg', 'math']);
/** Elements that break the text into separate lines (a sentence never runs across them). */
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** What `highlight` changed, per element, so that `unhighlight` can put back the very same nodes. */
const changes = new WeakMap();

/** The annotated spans of a result, in the order marks nest. */
function spansOf(result) {
  const spans = [];
  for (const f of result.figures) spans.push({ start: f.start, end: f.end, kind: 'figure', id: f.id });
  for (const a of result.actors) for (const m of a.mentions) spans.push({ start: m.start, end: m.end, kind: 'actor', id: a.id });
  for (const c of result.claims) spans.push({ start: c.start, end: c.end, kind: 'claim', id: c.id });
  spans.sort((x, y) => x.start - y.start || y.end - x.end || RANK[x.kind] - RANK[y.kind]);
  spans.forEach((s, order) => { s.order = order; });
  return spans;
}

/** The element's readable text nodes with their offsets in the text handed to the engine. */
function readText(element) {
  const pieces = [];
  let text = '';
  let lastBlock = null;
  const walk = (node, block) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (lastBlock !== null && lastBlock !== block && !/\n$/.test(text)) text += '\n';
        lastBlock = block;
        pieces.push({ node: child, start: text.length });
        text += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE && !SKIP.has(child.nodeName)) {
        if (child.nodeName === 'BR' || child.nodeName === 'HR') { lastBlock = child; continue; }
        walk(child, BLOCK.has(child.nodeName) ? child : block);
      }
    }
  };
  walk(element, element);
  return { text, pieces };
}

/**
 * Wraps the part [from, from + text.length) of the analysed text, held by one text node,
 * in nested marks. Returns a fragment, or null when no span touches it.
 */
function markUp(doc, text, from, spans) {
  const to = from + text.length;
  const touching = spans.filter((s) => s.start < to && s.end > from && s.end > s.start);
  if (touching.length === 0) return null;
  const cuts = new Set([from, to]);
  for (const s of touching) {
    cuts.add(Math.max(s.start, from));
    cuts.add(Math.min(s.end, to));
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const fragment = doc.createDocumentFragment();
  const open = []; // [{span, mark}]
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = [bounds[i], bounds[i + 1]];
    const chain = touching.filter((s) => s.start <= a && s.end >= b); // already in nesting order
    let keep = 0;
    while (keep < open.length && keep < chain.length && open[keep].span === chain[keep]) keep++;
    open.length = keep;
    for (const span of chain.slice(keep)) {
      const mark = doc.createElement('mark');
      mark.dataset.kind = span.kind;
      mark.dataset.id = span.id;
      (open.length ? open[open.length - 1].mark : fragment).append(mark);
      open.push({ span, mark });
    }
    (open.length ? open[open.length - 1].mark : fragment).append(text.slice(a - from, b - from));
  }
  return fragment;
}

/**
 * Annotates the text of `element` and marks it in place: each annotated piece of a text
 * node is wrapped in `<mark data-kind="figure|actor|claim" data-id="…">`; elements,
 * attributes and listeners are untouched. Calling it again re-annotates (the DOM ends up
 * the same); `unhighlight(element)` restores the original nodes.
 * Returns the annotations with offsets into `text` (the element's text, with a line break
 * between blocks).
 * @param {Element} element
 * @param {{categories?: string[]|string}} [options]
 */
export function highlight(element, options) {
  ready();
  unhighlight(element);
  const { text, pieces } = readText(element);
  const result = annotate(text, options);
  const spans = spansOf(result);
  const made = [];
  for (const { node, start } of pieces) {
    const fragment = markUp(element.ownerDocument, node.data, start, spans);
    if (!fragment) continue;
    const parts = [...fragment.childNodes];
    node.replaceWith(fragment);
    made.push({ original: node, parts });
  }
  changes.set(element, made);
  return { text, ...result };
}

/** Undoes `highlight(element)`: the original text nodes are put back; a no-op otherwise. */
export function unhighlight(element) {
  const made = changes.get(element);
  if (!made) return;
  changes.delete(element);
  for (const { original, parts } of made) {
    const first = parts[0];
    if (!first?.parentNode) continue;
    first.parentNode.insertBefore(original, first);
    for (const part of parts) part.remove();
  }
}
