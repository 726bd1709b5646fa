//! The JS API for embedders: `annotate(text)` with UTF-16 offsets.

use wasm_bindgen::prelude::*;

/// Annotates `text`; offsets are UTF-16 code units, as `String.prototype.slice` counts.
#[wasm_bindgen]
pub fn annotate(text: &str) -> Result<JsValue, JsValue> {
    let result = crate::annotate_with(text, crate::OffsetUnit::Utf16);
    serde_wasm_bindgen::to_value(&result).map_err(|e| JsValue::from_str(&e.to_string()))
}
