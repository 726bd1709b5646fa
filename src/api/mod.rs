//! The boundary: the native CLI and, in wasm builds with the `embed` feature (the npm package),
//! the JS exports. Thin over the engine.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(all(target_arch = "wasm32", feature = "embed"))]
pub mod js;
pub mod options;
