//! The JS API for embedders (`docs/EMBEDDING.md`): `annotate(text, options?)` with UTF-16
//! offsets, `ledger(articles)` across articles, and `version()`. The npm package wraps these with `init`, `highlight` and the
//! `<muster-annotator>` element.

use crate::api::options::Categories;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// `options.categories`: a list of names or one comma-separated string.
#[derive(Deserialize)]
#[serde(untagged)]
enum CategoryList {
    Names(Vec<String>),
    Joined(String),
}

/// The options object `annotate` accepts; unknown keys are ignored.
#[derive(Deserialize, Default)]
#[serde(default)]
struct AnnotateOptions {
    categories: Option<CategoryList>,
}

fn error(message: impl std::fmt::Display) -> JsValue {
    js_sys::TypeError::new(&format!("muster: {message}")).into()
}

/// Annotates `text`; offsets are UTF-16 code units, as `String.prototype.slice` counts.
/// `options.categories` (e.g. `["figures", "claims"]`) keeps only those lists.
/// Returns plain objects (`null` for absent values); throws a `TypeError` on bad options.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: AnnotateOptions = if options.is_undefined() || options.is_null() {
        AnnotateOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| error(format!("bad options: {e}")))?
    };
    let categories = match options.categories {
        None => Ok(Categories::default()),
        Some(CategoryList::Names(names)) => {
            Categories::from_names(names.iter().map(String::as_str))
        }
        Some(CategoryList::Joined(list)) => Categories::parse(&list),
    }
    .map_err(error)?;
    let mut result = crate::annotate_with(text, crate::OffsetUnit::Utf16);
    categories.apply(&mut result);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&result, &serializer).map_err(error)
}

/// One open article given to [`ledger`].
#[derive(Deserialize)]
struct LedgerArticle {
    name: String,
    text: String,
}

/// The cross-article ledger of `articles` (`[{ name, text }, ...]`): force figures grouped by
/// owner and place, who asserts which value in which article, and the pairs that cannot both
/// hold (see `engine::ledger`). Throws a `TypeError` when `articles` is not such a list.
#[wasm_bindgen]
pub fn ledger(articles: JsValue) -> Result<JsValue, JsValue> {
    let articles: Vec<LedgerArticle> = serde_wasm_bindgen::from_value(articles).map_err(|e| error(format!("bad articles: {e}")))?;
    let pairs: Vec<(&str, &str)> = articles.iter().map(|a| (a.name.as_str(), a.text.as_str())).collect();
    let result = crate::engine::ledger::of_texts(&pairs);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&result, &serializer).map_err(error)
}

/// The library's version, as in `Cargo.toml`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
