//! Runs every case of `tests/testdata/*.json` against the engine and prints how many pass.
//! The format is described in `tests/testdata/README.md`.
#![cfg(not(target_arch = "wasm32"))]

use muster::{annotate, Annotations};
use serde_json::Value;
use std::path::Path;

/// Byte offset → code point offset of the `occurrence`-th (1-based) `needle` in `text`.
fn locate(text: &str, needle: &str, occurrence: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut found = None;
    for _ in 0..occurrence.max(1) {
        let at = from + text[from..].find(needle)?;
        found = Some(at);
        from = at + needle.len().max(1);
    }
    let start = found?;
    let cp = |b: usize| text[..b].chars().count();
    Some((cp(start), cp(start + needle.len())))
}

fn actor_name(out: &Annotations, id: &Option<String>) -> Value {
    match id {
        Some(id) => out.actors.iter().find(|a| &a.id == id).map_or(Value::Null, |a| Value::from(a.name.as_str())),
        None => Value::Null,
    }
}

/// Compares `expected[key]`, when present, with `actual`; records a failure.
fn compare(errors: &mut Vec<String>, what: &str, expected: &Value, key: &str, actual: Value) {
    if let Some(want) = expected.get(key) {
        if *want != actual {
            errors.push(format!("{what}: {key} expected {want}, got {actual}"));
        }
    }
}

fn check_figures(text: &str, out: &Annotations, want: &[Value], errors: &mut Vec<String>) {
    let mut used = vec![false; out.figures.len()];
    for w in want {
        let wt = w["text"].as_str().unwrap_or_default();
        let occ = w.get("occurrence").and_then(Value::as_u64).unwrap_or(1) as usize;
        let Some((s, e)) = locate(text, wt, occ) else {
            errors.push(format!("bad case: figure text {wt:?} not in text"));
            continue;
        };
        let Some(i) = out.figures.iter().position(|f| f.start == s && f.end == e) else {
            let near: Vec<&str> = out.figures.iter().filter(|f| f.start < e && s < f.end).map(|f| f.text.as_str()).collect();
            errors.push(format!("figure {wt:?} not found (overlapping: {near:?})"));
            continue;
        };
        used[i] = true;
        let f = &out.figures[i];
        let what = format!("figure {wt:?}");
        let json = serde_json::to_value(f).unwrap_or_default();
        for key in ["kind", "value", "min", "max", "qualifier", "location", "action"] {
            compare(errors, &what, w, key, json[key].clone());
        }
        compare(errors, &what, w, "owner", actor_name(out, &f.owner));
    }
    for (f, used) in out.figures.iter().zip(used) {
        if !used {
            errors.push(format!("unexpected figure {:?} (value {:?})", f.text, f.value));
        }
    }
}

fn check_actors(out: &Annotations, want: &[Value], errors: &mut Vec<String>) {
    for w in want {
        let forms: Vec<&str> = w["forms"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        let Some(first) = forms.first() else { continue };
        let Some(actor) = out.actors.iter().find(|a| a.mentions.iter().any(|m| m.text == *first)) else {
            errors.push(format!("actor form {first:?} not found"));
            continue;
        };
        let what = format!("actor {:?}", actor.name);
        for form in &forms[1..] {
            if !actor.mentions.iter().any(|m| m.text == *form) {
                let elsewhere = out.actors.iter().find(|a| a.mentions.iter().any(|m| m.text == *form)).map(|a| a.name.clone());
                errors.push(format!("{what}: form {form:?} not merged (found under {elsewhere:?})"));
            }
        }
        compare(errors, &what, w, "name", Value::from(actor.name.as_str()));
        compare(errors, &what, w, "kind", serde_json::to_value(actor.kind).unwrap_or_default());
    }
}

fn check_claims(text: &str, out: &Annotations, want: &[Value], errors: &mut Vec<String>) {
    let overlapping = |needle: &str| {
        let (s, e) = locate(text, needle, 1)?;
        out.claims.iter().find(|c| c.start < e && s < c.end)
    };
    for w in want {
        let wt = w["text"].as_str().unwrap_or_default();
        let Some(claim) = overlapping(wt) else {
            errors.push(format!("claim {wt:?} not found"));
            continue;
        };
        let what = format!("claim {wt:?}");
        let json = serde_json::to_value(claim).unwrap_or_default();
        for key in ["stance", "contested", "cue"] {
            compare(errors, &what, w, key, json[key].clone());
        }
        compare(errors, &what, w, "source", actor_name(out, &claim.source));
        for by in w.get("contested_by").and_then(Value::as_array).into_iter().flatten() {
            let by = by.as_str().unwrap_or_default();
            let linked = locate(text, by, 1).is_some_and(|(s, e)| {
                out.claims.iter().any(|c| c.start < e && s < c.end && claim.contested_by.contains(&c.id))
            });
            if !linked {
                errors.push(format!("{what}: not linked to a contesting claim at {by:?}"));
            }
        }
    }
}

/// Runs one case; returns its failures.
fn run_case(case: &Value) -> Vec<String> {
    let text = case["text"].as_str().unwrap_or_default();
    let out = annotate(text);
    let mut errors = Vec::new();
    if let Some(want) = case.get("figures").and_then(Value::as_array) {
        check_figures(text, &out, want, &mut errors);
    }
    if let Some(want) = case.get("actors").and_then(Value::as_array) {
        check_actors(&out, want, &mut errors);
    }
    for bad in case.get("not_actors").and_then(Value::as_array).into_iter().flatten() {
        let bad = bad.as_str().unwrap_or_default();
        if out.actors.iter().any(|a| a.mentions.iter().any(|m| m.text == bad)) {
            errors.push(format!("{bad:?} should not be an actor mention"));
        }
    }
    if let Some(want) = case.get("claims").and_then(Value::as_array) {
        check_claims(text, &out, want, &mut errors);
    }
    for quiet in case.get("not_claims").and_then(Value::as_array).into_iter().flatten() {
        let quiet = quiet.as_str().unwrap_or_default();
        if let Some((s, e)) = locate(text, quiet, 1) {
            if let Some(c) = out.claims.iter().find(|c| c.start < e && s < c.end) {
                errors.push(format!("{quiet:?} should hold no claim, found {:?}", c.text));
            }
        }
    }
    for calm in case.get("not_contested").and_then(Value::as_array).into_iter().flatten() {
        let calm = calm.as_str().unwrap_or_default();
        if let Some((s, e)) = locate(text, calm, 1) {
            if let Some(c) = out.claims.iter().find(|c| c.contested && c.start < e && s < c.end) {
                errors.push(format!("claim {:?} should not be contested", c.text));
            }
        }
    }
    errors
}

#[test]
fn corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/testdata");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("tests/testdata").flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    files.sort();
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let mut report = String::new();
    for file in files {
        let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (mut p, mut f, mut s) = (0, 0, 0);
        for (i, case) in cases.iter().enumerate() {
            let name = case.get("name").and_then(Value::as_str).map_or_else(|| format!("#{i}"), str::to_string);
            if let Some(why) = case.get("skip") {
                s += 1;
                report += &format!("  skip {}: {name}: {why}\n", file.display());
                continue;
            }
            let errors = run_case(case);
            if errors.is_empty() {
                p += 1;
            } else {
                f += 1;
                report += &format!("  FAIL {}: {name}\n      {}\n", file.file_name().unwrap().to_string_lossy(), errors.join("\n      "));
            }
        }
        println!("{}: {p} passed, {f} failed, {s} skipped", file.file_name().unwrap().to_string_lossy());
        passed += p;
        failed += f;
        skipped += s;
    }
    print!("{report}");
    println!("corpus: {passed} passed, {failed} failed, {skipped} skipped");
    assert_eq!(failed, 0, "corpus cases failed:\n{report}");
}
