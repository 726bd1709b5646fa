//! The JS API for embedders (`docs/EMBEDDING.md`): `annotate_packed(text, options?)` (the package's `annotate`) with UTF-16
//! offsets, `ledger(articles)` across articles, and `version()`. The npm package wraps these with `init`, `highlight` and the
//! `<muster-annotator>` element.

use crate::api::options::Categories;
use crate::Annotations;
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

/// Annotates `text` for the package's `annotate` (`www/embed/lib/unpack.js` turns the result back
/// into the schema's plain objects); offsets are UTF-16 code units, as `String.prototype.slice` counts.
/// `options.categories` (e.g. `["figures", "claims"]`) keeps only those lists; bad options throw a
/// `TypeError`. The result is packed (see [`Packer`]) so that crossing into JS is two copies
/// rather than a call per field.
#[wasm_bindgen]
pub fn annotate_packed(text: &str, options: JsValue) -> Result<js_sys::Array, JsValue> {
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
    let packed = Packer::pack(&result);
    Ok(js_sys::Array::of2(&js_sys::Float64Array::from(&packed.numbers[..]), &JsValue::from_str(&packed.strings)))
}

/// [`Annotations`] as one list of numbers and one string, read back in the same order by
/// `unpack.js`. A string is its length in UTF-16 units (its text follows the previous ones in
/// `strings`), or -1 for none; an absent number is -1; an enum is its variant's index; a list
/// is its length, then its items. Spans' `text` is left out: it is the input's slice.
/// - figures: id, start, end, kind, value, min, max, qualifier, owner, location, action;
/// - actors: id, name, kind, role, then mentions (start, end);
/// - claims: id, start, end, source, cue, stance, contested (0/1), then contested_by (ids).
struct Packer {
    numbers: Vec<f64>,
    strings: String,
}

impl Packer {
    fn pack(result: &Annotations) -> Packer {
        let mut p = Packer { numbers: Vec::with_capacity(result.figures.len() * 11 + result.claims.len() * 9 + 64), strings: String::new() };
        p.count(result.figures.len());
        for f in &result.figures {
            p.string(Some(&f.id));
            p.numbers.extend([f.start as f64, f.end as f64, f.kind as u8 as f64]);
            for bound in [f.value, f.min, f.max] {
                p.numbers.push(bound.map_or(-1.0, |n| n as f64));
            }
            p.numbers.push(f.qualifier as u8 as f64);
            for text in [&f.owner, &f.location, &f.action] {
                p.string(text.as_deref());
            }
        }
        p.count(result.actors.len());
        for a in &result.actors {
            p.string(Some(&a.id));
            p.string(Some(&a.name));
            p.numbers.push(a.kind as u8 as f64);
            p.string(a.role.as_deref());
            p.count(a.mentions.len());
            for m in &a.mentions {
                p.numbers.extend([m.start as f64, m.end as f64]);
            }
        }
        p.count(result.claims.len());
        for c in &result.claims {
            p.string(Some(&c.id));
            p.numbers.extend([c.start as f64, c.end as f64]);
            p.string(c.source.as_deref());
            p.string(Some(&c.cue));
            p.numbers.extend([c.stance as u8 as f64, f64::from(u8::from(c.contested))]);
            p.count(c.contested_by.len());
            for id in &c.contested_by {
                p.string(Some(id));
            }
        }
        p
    }

    fn count(&mut self, n: usize) {
        self.numbers.push(n as f64);
    }

    fn string(&mut self, text: Option<&str>) {
        match text {
            None => self.numbers.push(-1.0),
            Some(text) => {
                self.count(utf16_len(text));
                self.strings.push_str(text);
            }
        }
    }
}

/// The length of `text` in UTF-16 code units: one per character, two for those beyond U+FFFF
/// (counted from the bytes, without decoding: a character's first byte is not `10xxxxxx`, and
/// a four-byte one's is `11110xxx`).
fn utf16_len(text: &str) -> usize {
    text.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
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
