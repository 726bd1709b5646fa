//! The development set, scored honestly: the CLI annotates every article of
//! `../shared/annotation/articles`, `score.py` scores the predictions against the gold
//! files, the scores are printed (`cargo test --test devset -- --nocapture`), and
//! zero span errors are required. Skipped, with a message, when `../shared` is absent.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

/// `../shared/annotation`, beside the project root (or `MUSTER_ANNOTATION`).
fn annotation_dir() -> PathBuf {
    std::env::var_os("MUSTER_ANNOTATION")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/annotation"))
}

#[test]
fn devset_scores_with_zero_span_errors() {
    let annotation = annotation_dir();
    if !annotation.join("score.py").is_file() {
        println!("devset: SKIPPED: {} not found (clone ../shared beside the project)", annotation.display());
        return;
    }
    let predictions = Path::new(env!("CARGO_TARGET_TMPDIR")).join("devset-predictions");
    std::fs::create_dir_all(&predictions).expect("create the predictions folder");
    let gold_dir = annotation.join("gold");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&gold_dir)
        .expect("read the gold folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    golds.sort();
    assert!(!golds.is_empty(), "no gold files in {}", gold_dir.display());
    for gold in &golds {
        let stem = gold.file_stem().and_then(|s| s.to_str()).expect("gold file name");
        let article = annotation.join("articles").join(format!("{stem}.txt"));
        let out = Command::new(env!("CARGO_BIN_EXE_muster")).arg("annotate").arg(&article).output().expect("run the CLI");
        assert!(out.status.success(), "muster annotate {}: {}", article.display(), String::from_utf8_lossy(&out.stderr));
        std::fs::write(predictions.join(format!("{stem}.json")), &out.stdout).expect("write the prediction");
    }
    let scored = Command::new("python3")
        .arg(annotation.join("score.py"))
        .args([annotation.join("articles"), gold_dir, predictions])
        .output()
        .expect("run python3 score.py");
    let report = String::from_utf8_lossy(&scored.stdout);
    println!("devset ({} articles):\n{report}{}", golds.len(), String::from_utf8_lossy(&scored.stderr));
    assert!(scored.status.success(), "score.py failed");
    let span_errors = report
        .lines()
        .find_map(|line| line.strip_prefix("span_errors"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .expect("score.py prints span_errors");
    assert_eq!(span_errors, 0, "the CLI's spans do not slice the articles (see the errors above)");
}
