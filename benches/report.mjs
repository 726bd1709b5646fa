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

// The hand-written sections (from "## Size" on: what the figures are made of and why) are kept
// from the current file; only the measured part above them is rewritten.
const KEPT_FROM = '## Size: what the first load is made of';
const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
const kept = current.includes(KEPT_FROM) ? current.slice(current.indexOf(KEPT_FROM)) : '';

const md = `# Benchmarks

Measured by \`scripts/bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

Machine: ${native?.machine ?? os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${sh('rustc --version')};
Chromium ${web?.chromium ?? '?'} (headless); Node ${process.version}. The machine is shared, so figures vary from run to run.

The texts are our own generated articles (\`tests/common/articles.rs\`, fixed seed): the same bytes
for the native engine, the wasm engine and \`compromise\`. Native figures use the release profile
(\`opt-level = 3\`, LTO, the mimalloc allocator: what \`cargo build --release\` gives the CLI); wasm figures call the JS API of the embed package
(\`pkg/\`, \`scripts/build-embed\`: the same engine and the \`web\` profile of the page; the page's own wasm leaves the API out)
loaded into the release page (offsets in UTF-16; results handed over packed and read back into JS objects by the package's \`unpack.js\`).

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

${kept}`;
writeFileSync(out, md);
console.log(`wrote ${out}`);
