// Writes docs/BENCHMARKS.md from what scripts/bench measured (target/bench/*.json and *.txt).
//   node benches/report.mjs BENCH_DIR OUT_MD
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import os from 'node:os';

const [dir, out] = process.argv.slice(2);
const read = (name) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '');
const json = (name) => (read(name) ? JSON.parse(read(name)) : null);
const native = json('native.json');
const web = json('web.json');
const sh = (cmd) => { try { return execSync(cmd, { encoding: 'utf8' }).trim(); } catch { return '?'; } };
const f = (n, d = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(d) : '–');
const ok = (good) => (good ? 'ok' : '**missed**');

const rows = [];
if (native) rows.push(['Engine throughput, native', '≥ 20 MB/s', `${f(native.throughput_mb_s.median)} MB/s`, ok(native.throughput_mb_s.median >= 20)]);
if (web?.wasm) rows.push(['Engine throughput, wasm in Chromium', '≥ 10 MB/s', `${f(web.wasm.throughput_mb_s)} MB/s`, ok(web.wasm.throughput_mb_s >= 10)]);
if (native) rows.push(['Latency growth 1k → 100k words (time per word)', 'linear', `${f(native.growth_100k_over_1k, 2)}×`, ok(native.growth_100k_over_1k < 2)]);
for (const p of web?.page?.paste ?? []) {
  const budget = p.words <= 1000 ? 50 : 400;
  rows.push([`Paste to painted, ${p.words} words`, `≤ ${budget} ms`, `${f(p.p50_ms)} ms`, ok(p.p50_ms <= budget)]);
}
if (web?.page?.typing) rows.push([`Longest main-thread task typing in ${web.page.typing.words} words`, '≤ 100 ms', web.page.typing.long_tasks ? `${f(web.page.typing.longest_task_ms)} ms` : 'none over 50 ms', ok(web.page.typing.longest_task_ms <= 100)]);
if (web?.transfer) rows.push(['First load, gzipped, total', '≤ 250 KB', `${f(web.transfer.total_gzip / 1000)} KB`, ok(web.transfer.total_gzip <= 250_000)]);

const md = `# Benchmarks

Measured by \`scripts/bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

Machine: ${native?.machine ?? os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${sh('rustc --version')};
Chromium ${web?.chromium ?? '?'} (headless); Node ${process.version}. The machine is shared, so figures vary from run to run.

The texts are our own generated articles (\`tests/common/articles.rs\`, fixed seed): the same bytes
for the native engine, the wasm engine and \`compromise\`. Native figures use the release profile
(\`opt-level = 3\`, LTO: what \`cargo build --release\` gives the CLI); wasm figures call the JS API of the embed package
(\`pkg/\`, \`scripts/build-embed\`: the same engine and the \`web\` profile of the page; the page's own wasm leaves the API out)
loaded into the release page (offsets in UTF-16, results converted to JS objects).

## Budgets (issue 8)

| what | budget | measured | |
|---|---|---|---|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

## Native engine

\`\`\`
${read('native.txt').trim()}
\`\`\`

## Browser: first load, wasm engine, compromise, the page

\`\`\`
${read('web.txt').trim() || 'not run'}
\`\`\`

## Size: what the first load is made of

The budget counts every file of \`dist/\` a visitor's browser fetches (gzip -9): the page, its
wasm-bindgen glue, the wasm, the stylesheet, the PWA manifest, icons and service worker; not the
iframe embed (\`dist/embed/\`) nor the single-file \`dist/muster.html\`. \`scripts/test\` prints the same
list and total after each release build.

The page's wasm (profile \`web\`: the release profile at \`opt-level = "z"\`, LTO, one codegen unit, \`panic = "abort"\`;
trunk's \`wasm-opt -Oz --low-memory-unused\`) is roughly, before compression (~580 KB): Yew ~80 KB plus
the page's component views it compiles (~60 KB), the engine ~125 KB of code plus ~110 KB of data (word
lists, lexicon, samples), core/alloc (formatting, strings, iterators) ~80 KB, the page's own modules
~65 KB, wasm-bindgen glue ~20 KB, hash and B-tree maps ~23 KB, the allocator ~7 KB. Kept small by:

- one stable sort for the whole crate (\`engine::sort\`): the standard library compiles its sort
  again for every element type and comparator (there were ~30 copies, ~70 KB raw);
- the lexicon matched by a byte trie of our own (\`engine::lexicon\`) rather than the aho-corasick crate;
- lower-casing through \`engine::text::lower\` (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic)
  rather than \`char::to_lowercase\` and its Unicode table;
- no f64 formatting in the page (sizes and pixels are formatted as integers: ~8 KB gzipped);
- the page's JSON by hand (\`web::json\`: a small value type, parser, printer and the schema's
  conversions) rather than serde_json and serde's derived impls (~26 KB gzipped);
- no B-tree or hash maps of the page's own (sorted lists, arrays; ~4 KB gzipped);
- \`wasm-opt --low-memory-unused\` (the low 1 KB of memory is the far end of the 1 MB stack, which
  comes first in Rust's wasm layout: ~2 KB gzipped);
- the JS API for embedders (\`src/api/js.rs\`, serde-wasm-bindgen) behind the cargo feature \`embed\`:
  only the npm package and \`dist/embed/\` (\`scripts/build-embed\`) carry it;
- outside the wasm: small indexed PNG icons (\`scripts/make-icons.py\`: 4 KB for the three, was
  15 KB) and the wasm-bindgen glue and stylesheet compacted by \`scripts/post-build.mjs\`.

Still big and not cut: Yew itself; the engine's word lists: each \`&str\` in a \`&[&str]\` also costs an
8-byte pointer and length, ~4,600 pairs that compress badly (~12 KB of the gzipped wasm; one string
per list, split or searched at run time, would save most of it); panic formatting that Yew's panic
hook keeps (removing it needs nightly \`-Z build-std\` with \`panic_immediate_abort\`).
`;
writeFileSync(out, md);
console.log(`wrote ${out}`);
