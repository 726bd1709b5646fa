import type { Annotations } from './index.js';
export * from './index.js';

/** `<muster-annotator text|src categories theme>`: fires `muster-annotated` with the annotations. */
export class MusterAnnotator extends HTMLElement {
  /** The annotations last shown. */
  annotations: Annotations | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'muster-annotator': MusterAnnotator;
  }
  interface HTMLElementEventMap {
    'muster-annotated': CustomEvent<Annotations>;
  }
}
