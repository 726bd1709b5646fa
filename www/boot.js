// Starts the app without any inline script, so the page's Content-Security-Policy can forbid them:
// trunk writes this tag (Trunk.toml `pattern_script`) with the hashed file names in data attributes.
const tag = document.querySelector('script[data-muster-js]');
const bindings = await import(tag.dataset.musterJs);
const wasm = await bindings.default({ module_or_path: tag.dataset.musterWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
