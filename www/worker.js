// The engine off the main thread: the page's own wasm module (compiled once, handed over by the
// page) instantiated in this module worker, annotates texts while the page stays responsive.
// Messages in: { js, module } once, then { id, text }; out: { id, json } or { id, error }.
let engine;
onmessage = async ({ data }) => {
  if (data.js) {
    engine = import(data.js).then(async (bindings) => {
      await bindings.default({ module_or_path: data.module });
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
