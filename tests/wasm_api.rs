//! The JS API in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! offsets are UTF-16 code units, so `text` equals the JS string sliced at `[start, end)`
//! even after emoji, Arabic and accented names. Run by
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --features embed`.
#![cfg(all(target_arch = "wasm32", feature = "embed"))]

use js_sys::JsString;
use muster::api::js::annotate_packed;
use muster::{Annotations, OffsetUnit};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Invented sentences mixing astral emoji, Arabic script and accented Latin names.
const MIXED: &str = "🇺🇦🔥 Kyiv, Monday: around 2,500 Ukrainian troops moved east, said Ólafur Þórðarson. \
مراسل 📡 reported that 300 Russian soldiers were killed near Bakhmut. \
General Jérôme Koné said France would withdraw 1,000 soldiers from Mali 🇲🇱 by June.";

#[wasm_bindgen(module = "/www/embed/lib/unpack.js")]
extern "C" {
    /// The package's reader of `annotate_packed`'s result (what its `annotate` returns).
    fn unpack(text: &str, packed: &js_sys::Array) -> JsValue;
}

/// Annotates as the package's `annotate(text, options)` does: the wasm export, then `unpack.js`.
fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    annotate_packed(text, options).map(|packed| unpack(text, &packed))
}

/// The package's `annotate(text)`, read back into the schema's types.
fn annotate_js(text: &str) -> Annotations {
    let value = annotate(text, JsValue::UNDEFINED).expect("annotate returns a value");
    serde_wasm_bindgen::from_value(value).expect("the JS object follows the schema")
}

/// Every input text of the case corpus (tests/testdata/*.json).
fn corpus_texts() -> Vec<String> {
    let files = [include_str!("testdata/figures.json"), include_str!("testdata/actors.json"), include_str!("testdata/claims.json")];
    files
        .iter()
        .flat_map(|file| serde_json::from_str::<Vec<serde_json::Value>>(file).expect("a case file is a JSON list"))
        .filter_map(|case| case["text"].as_str().map(str::to_owned))
        .collect()
}

#[wasm_bindgen_test]
fn the_package_returns_exactly_what_the_engine_found() {
    let texts = corpus_texts();
    assert!(texts.len() > 900, "only {} corpus texts", texts.len());
    for text in texts.iter().map(String::as_str).chain([MIXED, "", "\u{0}\u{1} 200 troops \u{0}"]) {
        assert_eq!(annotate_js(text), muster::annotate_with(text, OffsetUnit::Utf16), "for {text:?}");
    }
}

/// Every `(start, end, text)` in the result.
fn spans(out: &Annotations) -> Vec<(usize, usize, String)> {
    let figures = out.figures.iter().map(|f| (f.start, f.end, f.text.clone()));
    let mentions = out.actors.iter().flat_map(|a| a.mentions.iter().map(|m| (m.start, m.end, m.text.clone())));
    let claims = out.claims.iter().map(|c| (c.start, c.end, c.text.clone()));
    figures.chain(mentions).chain(claims).collect()
}

/// Asserts that each span's `text` is the JS slice of the input at its offsets.
fn assert_js_slices(input: &str, out: &Annotations) {
    let js = JsString::from(input);
    for (start, end, text) in spans(out) {
        assert!(start <= end && end <= js.length() as usize, "span {start}..{end} outside the text");
        let slice: String = js.slice(start as u32, end as u32).into();
        assert_eq!(slice, text, "text != input.slice({start}, {end})");
    }
}

#[wasm_bindgen_test]
fn every_span_is_the_js_slice_of_the_input() {
    for input in [MIXED, "😀😀😀 200 troops", "قال الجيش إن 500 جندي انتشروا", "", "\u{0301}\u{200d}"] {
        assert_js_slices(input, &annotate_js(input));
    }
}

#[wasm_bindgen_test]
fn offsets_count_utf16_units_after_astral_characters() {
    let out = annotate_js(MIXED);
    assert!(!out.figures.is_empty(), "no figure found in {MIXED:?}");
    assert!(!out.actors.is_empty(), "no actor found in {MIXED:?}");
    let js = JsString::from(MIXED);
    for figure in &out.figures {
        // The UTF-16 index of the figure's text is where JS would find it: after the two flag/fire
        // emoji (4 units for 2 code points each) it differs from the code point index.
        let at = js.index_of(&figure.text, 0);
        assert_eq!(figure.start as i32, at, "figure {:?} starts at the wrong UTF-16 offset", figure.text);
        let code_points = MIXED[..MIXED.find(&figure.text).unwrap()].chars().count();
        assert_ne!(figure.start, code_points, "offsets are code points, not UTF-16 units");
    }
}

#[wasm_bindgen_test]
fn categories_option_keeps_only_the_named_lists_and_bad_names_throw() {
    use wasm_bindgen::JsCast;
    let options = js_sys::JSON::parse(r#"{"categories": ["figures"]}"#).unwrap();
    let only: Annotations = serde_wasm_bindgen::from_value(annotate(MIXED, options).unwrap()).unwrap();
    assert!(only.actors.is_empty() && only.claims.is_empty());
    assert_eq!(only.figures, annotate_js(MIXED).figures);
    let joined = js_sys::JSON::parse(r#"{"categories": "actors,claims"}"#).unwrap();
    let two: Annotations = serde_wasm_bindgen::from_value(annotate(MIXED, joined).unwrap()).unwrap();
    assert!(two.figures.is_empty());
    let bad = js_sys::JSON::parse(r#"{"categories": ["troops"]}"#).unwrap();
    let error = annotate(MIXED, bad).expect_err("an unknown category throws");
    assert!(error.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn ledger_compares_force_figures_across_articles() {
    let list = serde_json::json!([
        { "name": "wire", "text": "Seoul said North Korea had deployed 11,000 troops to Russia's Kursk region." },
        { "name": "blog", "text": "Pyongyang has deployed 3,000 troops to Russia's Kursk region, a website claimed." },
    ]);
    // Plain objects, as JS callers pass them.
    let articles = serde::Serialize::serialize(&list, &serde_wasm_bindgen::Serializer::json_compatible()).expect("articles convert");
    let value = muster::api::js::ledger(articles).expect("ledger returns a value");
    let ledger: muster::engine::ledger::Ledger = serde_wasm_bindgen::from_value(value).expect("the JS object is a ledger");
    let korea = ledger.forces.iter().find(|e| e.owner.as_deref() == Some("North Korea")).expect("a North Korean force");
    assert_eq!(korea.disagreements, vec![(0, 1)]);
    assert!(muster::api::js::ledger(wasm_bindgen::JsValue::from_str("not a list")).is_err());
}
