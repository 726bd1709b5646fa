// The case corpus (tests/testdata/*.json, format in tests/testdata/README.md) run against (1) the
// wasm JS API of the embed package (harness apiAnnotate), with the same checks as tests/corpus.rs but
// UTF-16 offsets, and (2) the page's DOM in headless Chromium: the text is shown exactly and every expected figure, actor
// form and claim is covered by a mark of that kind.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, PAGE_PENDING, openApp, articleInput, pasteArticle, apiAnnotate, waitForDocument, annotationIds, coveredBy, markIdsOver, screenshot,
} from './harness.mjs';

const TESTDATA = join(ROOT, 'tests/testdata');
const FILES = readdirSync(TESTDATA).filter((f) => f.endsWith('.json')).sort();

/** `[start, end)` in UTF-16 units of the `occurrence`-th (1-based) `needle`, or null. */
function locate(text, needle, occurrence = 1) {
  let at = -1;
  for (let i = 0; i < Math.max(occurrence, 1); i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return null;
  }
  return [at, at + needle.length];
}

const overlaps = (a, s, e) => a.start < e && s < a.end;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The engine's result against one case, as tests/corpus.rs checks it; returns the failures. */
function checkApi(c, out) {
  const { text } = c;
  const errors = [];
  const actorName = (id) => out.actors.find((a) => a.id === id)?.name ?? null;
  const compare = (what, want, key, got) => {
    if (key in want && !same(want[key], got)) errors.push(`${what}: ${key} expected ${JSON.stringify(want[key])}, got ${JSON.stringify(got)}`);
  };
  if (c.figures) {
    const used = new Set();
    for (const w of c.figures) {
      const at = locate(text, w.text, w.occurrence ?? 1);
      if (!at) { errors.push(`bad case: figure text ${JSON.stringify(w.text)} not in text`); continue; }
      const f = out.figures.find((f) => f.start === at[0] && f.end === at[1]);
      if (!f) {
        const near = out.figures.filter((f) => overlaps(f, ...at)).map((f) => f.text);
        errors.push(`figure ${JSON.stringify(w.text)} not found (overlapping: ${JSON.stringify(near)})`);
        continue;
      }
      used.add(f.id);
      const what = `figure ${JSON.stringify(w.text)}`;
      for (const key of ['kind', 'value', 'min', 'max', 'qualifier', 'location', 'action']) compare(what, w, key, f[key] ?? null);
      compare(what, w, 'owner', actorName(f.owner));
    }
    for (const f of out.figures) if (!used.has(f.id)) errors.push(`unexpected figure ${JSON.stringify(f.text)} (value ${f.value})`);
  }
  for (const w of c.actors ?? []) {
    const forms = w.forms ?? [];
    if (!forms.length) continue;
    const actor = out.actors.find((a) => a.mentions.some((m) => m.text === forms[0]));
    if (!actor) { errors.push(`actor form ${JSON.stringify(forms[0])} not found`); continue; }
    const what = `actor ${JSON.stringify(actor.name)}`;
    for (const form of forms.slice(1)) {
      if (!actor.mentions.some((m) => m.text === form)) errors.push(`${what}: form ${JSON.stringify(form)} not merged`);
    }
    compare(what, w, 'name', actor.name);
    compare(what, w, 'kind', actor.kind);
  }
  for (const bad of c.not_actors ?? []) {
    if (out.actors.some((a) => a.mentions.some((m) => m.text === bad))) errors.push(`${JSON.stringify(bad)} should not be an actor mention`);
  }
  const claimAt = (needle) => {
    const at = locate(text, needle);
    return at && out.claims.find((k) => overlaps(k, ...at));
  };
  for (const w of c.claims ?? []) {
    const claim = claimAt(w.text);
    if (!claim) { errors.push(`claim ${JSON.stringify(w.text)} not found`); continue; }
    const what = `claim ${JSON.stringify(w.text)}`;
    for (const key of ['stance', 'contested', 'cue']) compare(what, w, key, claim[key]);
    compare(what, w, 'source', actorName(claim.source));
    for (const by of w.contested_by ?? []) {
      const at = locate(text, by);
      const linked = at && out.claims.some((k) => overlaps(k, ...at) && claim.contested_by.includes(k.id));
      if (!linked) errors.push(`${what}: not linked to a contesting claim at ${JSON.stringify(by)}`);
    }
  }
  for (const quiet of c.not_claims ?? []) {
    const at = locate(text, quiet);
    const k = at && out.claims.find((k) => overlaps(k, ...at));
    if (k) errors.push(`${JSON.stringify(quiet)} should hold no claim, found ${JSON.stringify(k.text)}`);
  }
  for (const calm of c.not_contested ?? []) {
    const at = locate(text, calm);
    const k = at && out.claims.find((k) => k.contested && overlaps(k, ...at));
    if (k) errors.push(`claim ${JSON.stringify(k.text)} should not be contested`);
  }
  // Every field of docs/SCHEMA.md is there, null rather than undefined when absent.
  const fields = {
    figure: [out.figures, ['id', 'start', 'end', 'text', 'kind', 'value', 'min', 'max', 'qualifier', 'owner', 'location', 'action']],
    actor: [out.actors, ['id', 'name', 'kind', 'role', 'mentions']],
    claim: [out.claims, ['id', 'start', 'end', 'text', 'source', 'cue', 'stance', 'contested', 'contested_by']],
  };
  for (const [what, [list, keys]] of Object.entries(fields)) {
    for (const item of list) {
      const missing = keys.filter((k) => item[k] === undefined);
      if (missing.length) errors.push(`${what} ${item.id}: ${missing} undefined`);
    }
  }
  // Every span slices the JS string exactly.
  for (const s of [...out.figures, ...out.claims, ...out.actors.flatMap((a) => a.mentions)]) {
    if (text.slice(s.start, s.end) !== s.text) errors.push(`span ${s.start}..${s.end} text ${JSON.stringify(s.text)} != input.slice`);
  }
  return errors;
}

/** The page's rendering of one case (see `readDocument`); returns the failures. */
function checkPage(c, doc) {
  const { text } = c;
  if (!doc) return ['no [data-muster="document"] element'];
  const errors = [];
  if (doc.text !== text) errors.push(`document textContent ${JSON.stringify(doc.text)} != input`);
  if (c.figures) {
    for (const w of c.figures) {
      const at = locate(text, w.text, w.occurrence ?? 1);
      if (at && !coveredBy(doc, ...at, (m) => m.kind === 'figure')) errors.push(`figure ${JSON.stringify(w.text)} has no figure mark`);
    }
    const shown = new Set(doc.marks.filter((m) => m.kind === 'figure').map((m) => m.id));
    if (shown.size !== c.figures.length) errors.push(`${shown.size} figure marks, expected ${c.figures.length}`);
  }
  for (const w of c.actors ?? []) {
    const ids = (w.forms ?? []).map((form) => {
      let at, n = 1;
      while ((at = locate(text, form, n++))) {
        const over = markIdsOver(doc, ...at, 'actor');
        // Like corpus.rs, a form must be a whole mention: the mark may not run on past either end.
        const [id] = over;
        const [start, end] = at;
        const whole = !markIdsOver(doc, start - 1, start, 'actor').has(id) && !markIdsOver(doc, end, end + 1, 'actor').has(id);
        if (over.size === 1 && whole && coveredBy(doc, ...at, (m) => m.kind === 'actor')) return id;
      }
      errors.push(`actor form ${JSON.stringify(form)} has no actor mark`);
      return null;
    });
    if (new Set(ids.filter(Boolean)).size > 1) errors.push(`forms ${JSON.stringify(w.forms)} have different actor ids: ${ids}`);
  }
  for (const bad of c.not_actors ?? []) {
    if (doc.marks.some((m) => m.kind === 'actor' && m.text === bad)) errors.push(`${JSON.stringify(bad)} is marked as an actor`);
  }
  for (const w of c.claims ?? []) {
    const at = locate(text, w.text);
    if (at && markIdsOver(doc, ...at, 'claim').size === 0) errors.push(`claim ${JSON.stringify(w.text)} has no claim mark`);
  }
  for (const quiet of c.not_claims ?? []) {
    const at = locate(text, quiet);
    if (at && markIdsOver(doc, ...at, 'claim').size > 0) errors.push(`${JSON.stringify(quiet)} has a claim mark`);
  }
  return errors;
}

let app;
let inputShown;
let patience = 10_000;
before(async () => { app = await openApp(); });
/** Whether the page has its article input (looked for once, so a missing page fails fast). */
async function hasInput() {
  inputShown ??= articleInput(app.page).waitFor({ timeout: 10_000 }).then(() => true, () => false);
  return inputShown;
}
after(async () => { await app?.close(); });

for (const file of FILES) {
  const cases = JSON.parse(readFileSync(join(TESTDATA, file), 'utf8'));
  const name = (c, i) => c.name ?? `#${i}`;
  describe(`${file} via the JS API`, () => {
    cases.forEach((c, i) => test(name(c, i), { skip: c.skip }, async () => {
      const errors = checkApi(c, await apiAnnotate(app.page, c.text));
      assert.deepEqual(errors, [], errors.join('\n'));
    }));
  });
  describe(`${file} on the page`, () => {
    cases.forEach((c, i) => test(name(c, i), { skip: PAGE_PENDING || c.skip }, async () => {
      assert.ok(await hasInput(), 'the page has no input labelled "Article text"');
      const ids = annotationIds(await apiAnnotate(app.page, c.text));
      await pasteArticle(app.page, c.text);
      const errors = checkPage(c, await waitForDocument(app.page, c.text, ids, patience));
      // A page that never settles fails fast after the first case, not in minutes per case.
      if (errors.length) patience = 1_000;
      if (errors.length) await screenshot(app.page, `corpus-${file.replace('.json', '')}-${i + 1}`);
      assert.deepEqual(errors, [], errors.join('\n'));
    }));
  });
}
