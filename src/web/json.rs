//! JSON in and out of the page, each way through `serde_json::Value`: typed data is only ever
//! converted to and from a `Value`, and only `Value` is parsed and printed. Every serde impl is
//! then compiled once (for the `Value` (de)serializer) instead of once per parser and printer,
//! which keeps the page's wasm smaller.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

/// Parses JSON text into a value, with serde_json's message on failure.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_str(text)
}

/// Parses JSON text as a `T`, or None.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(parse(text).ok()?).ok()
}

/// `value` as a JSON value (`Null` if it cannot be one).
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// `value` as compact JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(&to_value(value)).unwrap_or_default()
}

/// `value` as indented JSON text.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(&to_value(value)).unwrap_or_default()
}
