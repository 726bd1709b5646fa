#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml): finishes the staged site so that dist/ works from any
// static host, under any sub-path, offline, and as one file.
//   embed/       the iframe embed and the npm package (scripts/build-embed, release builds only;
//                a development build copies pkg/ when it exists)
//   muster.html  the whole app in one self-contained file (wasm gzipped, JS, CSS, icon inlined), for
//                opening from file:// with no server and no network (release builds only)
//   sw.js        the service worker (template www/sw.js) with the list of assets to precache and
//                a hash of their contents; a development build gets a pass-through worker
//   compaction   the wasm-bindgen glue minified (terser), the stylesheet, the service worker and the
//                page's own scripts without their comments and indentation, the wasm's imports from the
//                glue with short names (release builds; ~9 KB less to download), the integrity hashes
//                in index.html updated
// Usage: node scripts/post-build.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR; TRUNK_PROFILE
// "debug" makes a development build). Also importable: the tests call writeServiceWorker.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Files of a built site that the service worker does not precache (cached on first use instead):
 * itself, the single-file build, the iframe embed, and the PNG icons only installing the app uses
 * (the manifest's, for the install dialog and the home screen; the apple-touch-icon, for iOS's
 * "Add to Home Screen"). A first visit downloads the rest: the precache is the first load.
 */
const NOT_PRECACHED = ['sw.js', 'muster.html', 'embed/', 'pwa/icon-192.png', 'pwa/icon-512.png', 'pwa/icon-maskable-512.png'];

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
function filesUnder(dir) {
  const found = [];
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Writes `dir`/sw.js from www/sw.js: the assets to precache and a hash of their paths and contents
 * (so any change to the site makes a new worker). `offline: false` writes the pass-through worker.
 * Returns the build hash.
 */
export function writeServiceWorker(dir, { offline = true } = {}) {
  const assets = offline
    ? filesUnder(dir).filter((path) => !NOT_PRECACHED.some((skip) => (skip.endsWith('/') ? path.startsWith(skip) : path === skip)))
    : [];
  const hash = createHash('sha256');
  for (const path of assets) hash.update(path).update('\0').update(readFileSync(join(dir, path))).update('\0');
  const build = offline ? hash.digest('hex').slice(0, 16) : 'dev';
  const template = readFileSync(join(ROOT, 'www/sw.js'), 'utf8');
  const worker = replaceOnce(replaceOnce(template, "const BUILD = 'dev';", `const BUILD = '${build}';`),
    'const ASSETS = [];', `const ASSETS = ${JSON.stringify(assets)};`);
  writeFileSync(join(dir, 'sw.js'), worker);
  return build;
}

/**
 * Rewrites the file at `path` without its comment lines, comment blocks, indentation and blank
 * lines; returns the new text. Line by line, so nothing else changes meaning (no line is joined to
 * another; text after code on a line is left as it is).
 */
function compactFile(path) {
  const lines = [];
  let inComment = false;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (inComment) {
      inComment = !line.includes('*/');
      continue;
    }
    if (line.startsWith('/*')) {
      inComment = !line.includes('*/');
      if (inComment || line.endsWith('*/')) continue;
    }
    if (line && !line.startsWith('//')) lines.push(line);
  }
  const body = lines.join('\n') + '\n';
  writeFileSync(path, body);
  return body;
}

/** An unsigned LEB128 number at `at` in `bytes`: [value, offset after it]. */
function readLeb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** `value` as unsigned LEB128 bytes. */
function leb(value) {
  const out = [];
  do {
    const byte = value % 128;
    value = Math.floor(value / 128);
    out.push(value ? byte | 0x80 : byte);
  } while (value);
  return out;
}

/**
 * Renames the functions the wasm imports from the wasm-bindgen glue (`__wbg_<name>_<16 hex
 * digits>` and `__wbindgen_<name>`, ~170 of them, each spelled out in both files) to short names,
 * in the wasm's import section and the glue's import object alike, and their module
 * (`./muster_bg.js`) to `m`: ~5.7 KB less to download gzipped. Fails when the glue does not spell each renamed import exactly once (a wasm-bindgen
 * whose glue reads otherwise).
 */
export function shortenImports(gluePath, wasmPath) {
  const wasm = readFileSync(wasmPath);
  let glue = readFileSync(gluePath, 'utf8');
  const sections = [wasm.subarray(0, 8)];
  let renamed = 0;
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      sections.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: each import's module and field names, then its kind and description.
    // The glue names its own module once, as the key of its import object: `"./<name>_bg.js": import0`.
    const glueModule = glue.match(/"(\.\/[\w-]+_bg\.js)": import0\b/)?.[1] ?? fail('post-build: the glue names no import module');
    glue = glue.replace(`"${glueModule}": import0`, 'm: import0');
    const [count, first] = readLeb(wasm, start);
    const body = [...leb(count)];
    let p = first;
    const name = () => {
      const [length, from] = readLeb(wasm, p);
      p = from + length;
      return wasm.subarray(from, p).toString('utf8');
    };
    for (let i = 0; i < count; i++) {
      let module = name();
      let field = name();
      const describe = p;
      const kind = wasm[p++];
      if (kind === 0 || kind === 4) p = readLeb(wasm, p + (kind === 4 ? 1 : 0))[1]; // function, tag: a type index
      else if (kind === 3) p += 2; // global: a value type and mutability
      else { // table (reference type, limits), memory (limits)
        if (kind === 1) p++;
        const flags = wasm[p++];
        p = readLeb(wasm, p)[1];
        if (flags & 1) p = readLeb(wasm, p)[1];
      }
      if (/^__wb(g|indgen)_\w+$/.test(field)) {
        const short = `w${(renamed++).toString(36)}`;
        const spelled = glue.split(new RegExp(`\\b${field}\\b`));
        if (spelled.length !== 2) fail(`post-build: the glue spells the import ${field} ${spelled.length - 1} times, not once`);
        glue = spelled.join(short);
        field = short;
      }
      if (module === glueModule) module = 'm';
      for (const text of [module, field]) {
        const bytes = Buffer.from(text, 'utf8');
        body.push(...leb(bytes.length), ...bytes);
      }
      body.push(...wasm.subarray(describe, p));
    }
    sections.push(Buffer.from([id, ...leb(body.length), ...body]));
    at = end;
  }
  writeFileSync(wasmPath, Buffer.concat(sections));
  writeFileSync(gluePath, glue);
}

/**
 * Minifies the wasm-bindgen glue at `path` (terser: compressed, local names shortened): ~1 KB
 * less to download gzipped than `compactFile` leaves it.
 */
async function minifyGlue(path) {
  const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(path, `${code}\n`);
  return `${code}\n`;
}

/**
 * Compacts the wasm-bindgen glue (`shortenImports`, then `minifyGlue`) and the stylesheet
 * (`compactFile`) that `dir`/index.html names, updating their and the wasm's `integrity` hashes
 * there; and the page's own small scripts.
 */
export async function compactAssets(dir) {
  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  const glue = html.match(/\bdata-muster-js="([^"]+)"/)?.[1];
  const wasm = html.match(/\bdata-muster-wasm="([^"]+)"/)?.[1];
  const style = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/)?.[0];
  const targets = [glue, style && attribute(style, 'href'), wasm].filter(Boolean);
  if (targets.length !== 3) fail('post-build: index.html names no glue, no stylesheet or no wasm');
  const path = (href) => join(dir, decodeURIComponent(href.replace(/^\.\//, '')));
  shortenImports(path(glue), path(wasm));
  for (const href of targets) {
    const body = href === wasm ? readFileSync(path(wasm)) : href === glue ? await minifyGlue(path(glue)) : compactFile(path(href));
    const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
    html = html.replace(/<link\b[^>]*>/g, (tag) => (attribute(tag, 'href') === href
      ? tag.replace(/\bintegrity="[^"]*"/, `integrity="${integrity}"`) : tag));
  }
  writeFileSync(join(dir, 'index.html'), html);
  for (const script of OWN_SCRIPTS) compactFile(join(dir, script));
}

/** The page's own scripts in a built site (no integrity hash names them). */
const OWN_SCRIPTS = ['boot.js', 'worker.js', 'pwa/register.js'];

/** Puts the embedding package in `dir`/embed: built fresh (into pkg/) for a release. */
function copyEmbed(dir, release) {
  const pkg = join(ROOT, 'pkg');
  if (release) execFileSync(join(ROOT, 'scripts/build-embed'), [pkg], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(pkg, 'frame.html'))) {
    console.warn('post-build: no pkg/ (run scripts/build-embed): the development site has no embed/');
    return;
  }
  rmSync(join(dir, 'embed'), { recursive: true, force: true });
  cpSync(pkg, join(dir, 'embed'), { recursive: true });
}

/**
 * Writes `dir`/muster.html: trunk's index.html with the stylesheet, the icon, the wasm-bindgen
 * glue and the wasm (gzipped, base64) inlined, and the service worker and manifest (which need a server)
 * left out. Throws when the page refers to anything else it cannot inline.
 */
export function writeSingleFile(dir) {
  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  let style = '';
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const rel = attribute(tag, 'rel');
    const href = attribute(tag, 'href');
    if (rel === 'stylesheet') {
      style += readLocal(dir, href).toString('utf8');
      return '';
    }
    if (rel === 'icon' && href && !href.startsWith('data:')) {
      const type = attribute(tag, 'type') ?? 'image/png';
      return `<link rel="icon" type="${type}" href="data:${type};base64,${readLocal(dir, href).toString('base64')}">`;
    }
    // The app's own preloads and the offline machinery (manifest, touch icon) do not apply to one file.
    return ['modulepreload', 'preload', 'manifest', 'apple-touch-icon'].includes(rel) ? '' : tag;
  });
  const scripts = [];
  html = html.replace(/<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/g, (tag) => {
    if (attribute(tag, 'src').includes('register.js')) return ''; // the service worker needs http(s)
    const glue = attribute(tag, 'data-muster-js');
    if (!glue) throw new Error(`muster.html: cannot inline ${tag}`);
    // www/boot.js (its tag written by Trunk.toml's pattern_script), inlined and allowed by its hash.
    const boot = inlineBoot(dir, glue, attribute(tag, 'data-muster-wasm'));
    scripts.push(`'sha256-${createHash('sha256').update(boot).digest('base64')}'`);
    return `<script type="module">${boot}</script>`;
  });
  if (scripts.length) html = html.replace(/script-src ([^;"]*)/, `script-src $1 ${scripts.join(' ')}`);
  if (style) {
    const digest = createHash('sha256').update(style).digest('base64');
    html = html.replace(/style-src ([^;"]*)/, `style-src $1 'sha256-${digest}'`);
    html = html.replace('</head>', `<style>${style}</style></head>`);
  }
  const leftover = html.match(/\b(?:src|href)="(?!data:|#|https?:)[^"]+"/);
  if (leftover) throw new Error(`muster.html: still refers to a file: ${leftover[0]}`);
  writeFileSync(join(dir, 'muster.html'), html);
}

/**
 * The app's boot (www/boot.js) as one inline module: the wasm-bindgen glue itself (its exports
 * collected into `bindings`) and the wasm's bytes instead of the files they name. The engine's
 * worker needs files, so the single file annotates on the main thread.
 */
function inlineBoot(dir, gluePath, wasmPath) {
  if (!gluePath || !wasmPath) fail('muster.html: the boot script names no glue or no wasm');
  const exported = [];
  let glue = readLocal(dir, gluePath).toString('utf8')
    .replace(/\bexport (function|class|const|let) ([\w$]+)/g, (_, kind, name) => {
      exported.push(name);
      return `${kind} ${name}`;
    })
    .replace(/\bexport ?\{([^}]*)\};?/g, (_, list) => {
      for (const item of list.split(',')) {
        const [name, alias] = item.trim().split(/\s+as\s+/);
        exported.push(alias ? `${alias}: ${name}` : name);
      }
      return '';
    });
  if (/\bexport\s*\{|\bexport\s+\w|\bimport\s*\{|\bimport\s+[\w*'"]/.test(glue) || /<\/script|<!--/i.test(glue)) fail('muster.html: the glue cannot be inlined as is');
  // Gzipped, the wasm takes 40% of the room; the browser's DecompressionStream restores it.
  const wasm = gzipSync(readLocal(dir, wasmPath), { level: 9 }).toString('base64');
  return `const { default: init, ...bindings } = (() => {\n${glue}\nreturn { ${exported.join(', ')} };\n})();\n`
    + `const gzipped = new Blob([Uint8Array.from(atob('${wasm}'), (c) => c.charCodeAt(0))]);\n`
    + `const MUSTER_WASM = await new Response(gzipped.stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();\n`
    + `const wasm = await init({ module_or_path: MUSTER_WASM });\n`
    + `window.wasmBindings = bindings;\n`
    + `dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));\n`;
}

/** The bytes of the site's file that `href` (relative to index.html) names. */
function readLocal(dir, href) {
  return readFileSync(join(dir, decodeURIComponent(href.replace(/^\.\//, '').split(/[?#]/)[0])));
}

function attribute(tag, name) {
  return tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? null;
}

function replaceOnce(text, from, to) {
  if (text.split(from).length !== 2) fail(`post-build: expected exactly one "${from}"`);
  return text.replace(from, () => to);
}

function fail(message) {
  throw new Error(message);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fail('usage: post-build.mjs DIR (or run by trunk)');
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  copyEmbed(dir, release);
  if (release) await compactAssets(dir);
  if (release) writeSingleFile(dir);
  writeServiceWorker(dir, { offline: release });
  if (release) compactFile(join(dir, 'sw.js'));
}
