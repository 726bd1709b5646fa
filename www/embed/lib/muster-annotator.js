// <muster-annotator>: one script tag, then
//   <muster-annotator categories="figures,claims" theme="dark">Article text…</muster-annotator>
//   <muster-annotator src="article.txt"></muster-annotator>
//   <muster-annotator text="Around 2,500 troops…"></muster-annotator>
// Shows the text with its annotations highlighted, in shadow DOM (no style leaks either way),
// and fires `muster-annotated` (detail: the annotations, UTF-16 offsets into the text).
import { highlight, init } from './index.js';

const CSS = `
:host { display: block; --figure: #ffe08a; --actor: #b9dcff; --claim: #f4c6e7; --ink: #1d2430; --paper: transparent;
  color: var(--ink); background: var(--paper); font: inherit; line-height: 1.6; }
:host([theme="dark"]) { --figure: #7a5d00; --actor: #1d4f80; --claim: #6d2d5c; --ink: #eef2f7; --paper: #151a22; }
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) { --figure: #7a5d00; --actor: #1d4f80; --claim: #6d2d5c; --ink: #eef2f7; --paper: #151a22; }
}
:host([hidden]) { display: none; }
[data-muster="document"] { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { color: inherit; border-radius: 2px; padding: 0 1px; }
mark[data-kind="figure"] { background: var(--figure); font-weight: 600; }
mark[data-kind="actor"] { background: var(--actor); }
mark[data-kind="claim"] { background: none; box-shadow: inset 0 -2px var(--claim); }
mark[data-kind="claim"][data-contested] { box-shadow: inset 0 -2px #d0365f; }
[role="status"] { font-style: italic; opacity: .7; }
`;

let sheet = null;
/** One constructed style sheet shared by every instance (allowed under a strict CSP). */
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

export class MusterAnnotator extends HTMLElement {
  static observedAttributes = ['text', 'src', 'categories', 'theme'];

  #root;
  #run = 0;
  /** The annotations last shown, with `text`. */
  annotations = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
  }

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  /** The text to annotate: the `text` attribute, else `src`'s body, else the children's text. */
  async #text() {
    if (this.hasAttribute('text')) return this.getAttribute('text');
    const src = this.getAttribute('src');
    if (src) {
      const response = await fetch(new URL(src, document.baseURI));
      if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
      return response.text();
    }
    return this.textContent.trim();
  }

  async #render() {
    const run = ++this.#run;
    try {
      const [text] = await Promise.all([this.#text(), init()]);
      if (run !== this.#run) return; // a newer render started
      const view = document.createElement('div');
      view.dataset.muster = 'document';
      view.setAttribute('part', 'document');
      view.textContent = text;
      const categories = this.getAttribute('categories') ?? undefined;
      const result = highlight(view, categories ? { categories } : undefined);
      for (const claim of result.claims) {
        if (!claim.contested) continue;
        for (const mark of view.querySelectorAll(`mark[data-kind="claim"][data-id="${claim.id}"]`)) mark.dataset.contested = '';
      }
      this.#root.replaceChildren(view);
      const { text: _, ...annotations } = result;
      this.annotations = annotations;
      this.dispatchEvent(new CustomEvent('muster-annotated', { detail: annotations, bubbles: true, composed: true }));
    } catch (error) {
      if (run !== this.#run) return;
      const status = document.createElement('p');
      status.setAttribute('role', 'status');
      status.textContent = `Muster could not annotate this text: ${error.message}`;
      this.#root.replaceChildren(status);
      this.dispatchEvent(new CustomEvent('muster-error', { detail: { message: error.message }, bubbles: true, composed: true }));
    }
  }
}

if (!customElements.get('muster-annotator')) customElements.define('muster-annotator', MusterAnnotator);
export * from './index.js';
