// Reads back what the wasm's `annotate_packed` writes (the layout is documented on `Packer` in
// src/api/js.rs): one Float64Array of numbers and one string, into the schema's plain objects.
// Crossing from wasm to JS is then two copies instead of a call per field.

const FIGURE_KINDS = ['force', 'casualty'];
const QUALIFIERS = ['exact', 'approximate', 'at_least', 'at_most', 'range', 'vague'];
const ACTOR_KINDS = ['person', 'state', 'military', 'armed_group', 'media', 'organization'];
const STANCES = ['asserted', 'denied', 'hedged'];

/**
 * The annotations of `text` from `[numbers, strings]`; each span's `text` is `text.slice(start, end)`.
 * @param {string} text the annotated text
 * @param {[Float64Array, string]} packed what `annotate_packed` returned
 */
export function unpack(text, [numbers, strings]) {
  let at = 0; // next number
  let from = 0; // next string's start in `strings`
  const next = () => numbers[at++];
  const optional = () => { const n = next(); return n < 0 ? null : n; };
  const string = () => {
    const length = next();
    if (length < 0) return null;
    from += length;
    return strings.slice(from - length, from);
  };
  const span = () => { const start = next(), end = next(); return { start, end, text: text.slice(start, end) }; };

  const figures = [];
  for (let n = next(); n > 0; n--) {
    const id = string();
    figures.push({ id, ...span(), kind: FIGURE_KINDS[next()], value: optional(), min: optional(), max: optional(),
      qualifier: QUALIFIERS[next()], owner: string(), location: string(), action: string() });
  }
  const actors = [];
  for (let n = next(); n > 0; n--) {
    const actor = { id: string(), name: string(), kind: ACTOR_KINDS[next()], role: string(), mentions: [] };
    for (let m = next(); m > 0; m--) actor.mentions.push(span());
    actors.push(actor);
  }
  const claims = [];
  for (let n = next(); n > 0; n--) {
    const id = string();
    const claim = { id, ...span(), source: string(), cue: string(), stance: STANCES[next()], contested: next() === 1, contested_by: [] };
    for (let m = next(); m > 0; m--) claim.contested_by.push(string());
    claims.push(claim);
  }
  return { figures, actors, claims };
}
