//! The JS API for embedders: `annotate(text)` with UTF-16 offsets.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Annotates `text`; offsets are UTF-16 code units, as `String.prototype.slice` counts.
/// Returns plain JS objects in the schema of `docs/SCHEMA.md` (absent values are `null`).
#[wasm_bindgen]
pub fn annotate(text: &str) -> Result<JsValue, JsValue> {
    let result = crate::annotate_with(text, crate::OffsetUnit::Utf16);
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}
