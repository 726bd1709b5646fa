//! The one binary: the web page when built for `wasm32` (by trunk), the CLI natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    muster::web::start();
}

/// The page's engine worker (www/worker.js) calls this: annotations with byte offsets, as JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn annotate_page(text: &str) -> String {
    muster::web::annotate_page(text)
}

/// The native CLI allocates with mimalloc: the engine makes ~200,000 small allocations per MB of
/// text, which mimalloc serves in ~10% fewer instructions in all than glibc's malloc
/// (docs/BENCHMARKS.md). The benchmark (benches/engine.rs) does the same; wasm builds use `heap` (lib.rs).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(muster::api::cli::run(std::env::args().skip(1).collect()));
}
