//! Muster: annotates news about military deployments.
//!
//! Three rooms, kept apart (see `docs/ARCHITECTURE.md`):
//! - [`engine`]: pure Rust, text in, annotations out; no web dependency.
//! - [`api`]: the boundary for embedders (wasm-bindgen exports) and the native CLI.
//! - `web`: the Yew page, compiled only for `wasm32`.
//!
//! Beside them, `heap`: the allocator of every wasm build (the page, its worker, the embed package).

#![warn(missing_docs)]

pub mod api;
pub mod engine;
#[cfg(any(target_arch = "wasm32", test))]
mod heap;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use engine::schema::{
    Actor, ActorKind, Annotations, Claim, Figure, FigureKind, Mention, Qualifier, Stance,
};
pub use engine::{annotate, annotate_with, OffsetUnit};

/// Every wasm build (the page, its worker, the embed package) allocates with [`heap`]'s
/// blocks rather than Rust's default dlmalloc (docs/ARCHITECTURE.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: heap::wasm::Heap = heap::wasm::Heap::new();
