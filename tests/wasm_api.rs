//! The JS API in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! offsets are UTF-16 code units, so `text` equals the JS string sliced at `[start, end)`
//! even after emoji, Arabic and accented names. Run by
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use muster::api::js::annotate;
use muster::Annotations;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Invented sentences mixing astral emoji, Arabic script and accented Latin names.
const MIXED: &str = "🇺🇦🔥 Kyiv, Monday: around 2,500 Ukrainian troops moved east, said Ólafur Þórðarson. \
مراسل 📡 reported that 300 Russian soldiers were killed near Bakhmut. \
General Jérôme Koné said France would withdraw 1,000 soldiers from Mali 🇲🇱 by June.";

/// Calls the exported `annotate` as JS would and reads the plain JS object back.
fn annotate_js(text: &str) -> Annotations {
    let value = annotate(text, wasm_bindgen::JsValue::UNDEFINED).expect("annotate returns a value");
    serde_wasm_bindgen::from_value(value).expect("the JS object follows the schema")
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
