// Starts the app without any inline script, so the page's Content-Security-Policy can forbid them:
// trunk writes this tag (Trunk.toml `pattern_script`) with the hashed file names in data attributes.
// The compiled module is kept for the engine's worker, which then needs no second download.
const tag = document.querySelector('script[data-muster-js]');
const bindings = await import(tag.dataset.musterJs);
const url = tag.dataset.musterWasm;
const module = await WebAssembly.compileStreaming(fetch(url))
  .catch(async () => WebAssembly.compile(await (await fetch(url)).arrayBuffer()));
window.musterWasmModule = module;
const wasm = await bindings.default({ module_or_path: module });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
