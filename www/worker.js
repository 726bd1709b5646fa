// The engine off the main thread: the page's own wasm, loaded once more in this module worker
// (same files, from the cache), annotates texts while the page stays responsive.
// Messages in: { js, wasm } once (absolute URLs), then { id, text }; out: { id, json } or { id, error }.
let engine;
onmessage = async ({ data }) => {
  if (data.js) {
    engine = import(data.js).then(async (bindings) => {
      await bindings.default({ module_or_path: data.wasm });
      return bindings;
    });
    return;
  }
  try {
    const bindings = await engine;
    postMessage({ id: data.id, json: bindings.annotate_page(data.text) });
  } catch (e) {
    postMessage({ id: data.id, error: String(e) });
  }
};
