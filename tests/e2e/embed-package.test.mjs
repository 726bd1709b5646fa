// The npm-ready folder scripts/build-embed writes: complete, consistent, and small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './harness.mjs';
import { ensurePackage, PKG } from './embed.mjs';

/** Gzipped size budget of the package's wasm (the engine alone; the page's total budget is 250 KB). */
const WASM_BUDGET = 200 * 1024;

test('package.json names files that exist, with types, and the crate version', () => {
  ensurePackage();
  const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(manifest.version, cargo);
  assert.equal(manifest.type, 'module');
  for (const file of manifest.files) assert.ok(existsSync(join(PKG, file)), `${file} is listed but missing`);
  const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
  for (const target of [...targets, manifest.main, manifest.types]) assert.ok(existsSync(join(PKG, target)), `${target} is missing`);
  const types = readFileSync(join(PKG, 'index.d.ts'), 'utf8');
  for (const name of ['init', 'annotate', 'highlight', 'unhighlight', 'version']) {
    assert.match(types, new RegExp(`export function ${name}\\(`), `${name} has a declaration`);
  }
});

test(`the wasm is at most ${WASM_BUDGET / 1024} KB gzipped`, () => {
  ensurePackage();
  const wasm = readFileSync(join(PKG, 'muster_wasm_bg.wasm'));
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  const glue = gzipSync(readFileSync(join(PKG, 'muster_wasm.js')), { level: 9 }).length;
  console.log(`package wasm: ${wasm.length} bytes, ${gzipped} gzipped; wasm-bindgen glue ${glue} gzipped`);
  assert.ok(gzipped <= WASM_BUDGET, `${gzipped} bytes gzipped`);
});
