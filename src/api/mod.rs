//! The boundary: the native CLI and, in wasm builds, the JS exports. Thin over the engine.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod js;
pub mod options;
