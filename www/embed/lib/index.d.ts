// Types for the `muster` package. Offsets are UTF-16 code units (String.prototype.slice), end exclusive.

export type Category = 'figures' | 'actors' | 'claims';

export interface AnnotateOptions {
  /** Only these lists are filled (the others are empty): e.g. ['figures', 'claims'] or 'figures,claims'. */
  categories?: Category[] | string;
}

export interface Figure {
  id: string;
  start: number;
  end: number;
  text: string;
  kind: 'force' | 'casualty';
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: 'exact' | 'approximate' | 'at_least' | 'at_most' | 'range' | 'vague';
  /** Id of the actor whose force it is. */
  owner: string | null;
  location: string | null;
  action: string | null;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface Actor {
  id: string;
  name: string;
  kind: 'person' | 'state' | 'military' | 'armed_group' | 'media' | 'organization';
  role: string | null;
  mentions: Mention[];
}

export interface Claim {
  id: string;
  start: number;
  end: number;
  text: string;
  /** Id of the actor who makes the claim. */
  source: string | null;
  cue: string;
  stance: 'asserted' | 'denied' | 'hedged';
  contested: boolean;
  /** Ids of the claims that contest this one. */
  contested_by: string[];
}

export interface Annotations {
  figures: Figure[];
  actors: Actor[];
  claims: Claim[];
}

/** What `highlight` returns: the annotations of `text`, the element's text as analysed. */
export interface Highlighted extends Annotations {
  /** The element's readable text, with a line break between blocks; offsets count into it. */
  text: string;
}

/** Loads the WebAssembly module (once). Default: muster_wasm_bg.wasm beside the module. */
export function init(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Annotates `text`. Throws until `init()` has resolved; throws a TypeError on bad options. */
export function annotate(text: string, options?: AnnotateOptions): Annotations;

/**
 * Marks the annotations of `element`'s text in place with `<mark data-kind data-id>` around
 * text-node pieces, leaving the markup intact. Idempotent; undone by `unhighlight`.
 */
export function highlight(element: Element, options?: AnnotateOptions): Highlighted;

/** Restores the exact nodes `highlight` replaced. A no-op on an element not highlighted. */
export function unhighlight(element: Element): void;

/** The library's version. */
export function version(): string;
