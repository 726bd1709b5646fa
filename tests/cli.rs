//! The `muster` binary as a user runs it: arguments, files, pipes, exit codes.

use serde_json::Value;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Written by us: a deployment report with emoji, Arabic and accented names.
const REPORT: &str = "Around 2,500 American troops 🇺🇸 remain in Iraq, the Pentagon said on Monday. \
Prime Minister Mohammed Shia' al-Sudani (محمد شياع السوداني) denied reports that 300 more would arrive. \
In Niamey, Général Salifou Mody said about 1,000 French soldiers had left Niger — “all of them”, he added. 😀\n";

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("muster-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn muster(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_muster"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run muster");
    // Feed stdin from another thread: the CLI streams its output while reading, so writing
    // all the input before reading any output can fill both pipes and deadlock.
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("muster output");
    match feeder.join().expect("stdin thread") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    }
    output
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// Checks an Annotations object: the three lists only, and every `text` equals the
/// input sliced at `[start, end)` in code points.
fn assert_annotations(value: &Value, input: &str) {
    let object = value.as_object().expect("an object");
    let keys: Vec<&str> = object.keys().map(String::as_str).collect();
    for key in ["figures", "actors", "claims"] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    let chars: Vec<char> = input.chars().collect();
    let check = |span: &Value| {
        let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(span["text"].as_str().unwrap(), slice, "text at [{start}, {end}) in code points");
    };
    value["figures"].as_array().unwrap().iter().for_each(check);
    value["claims"].as_array().unwrap().iter().for_each(check);
    for actor in value["actors"].as_array().unwrap() {
        actor["mentions"].as_array().unwrap().iter().for_each(check);
    }
}

#[test]
fn one_file_prints_exactly_the_annotations_object_with_code_point_offsets() {
    let dir = scratch("one");
    let path = dir.join("report.txt");
    std::fs::write(&path, REPORT).unwrap();
    let out = muster(&["annotate", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let value: Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    assert_eq!(value.as_object().unwrap().len(), 3, "no wrapper keys");
    assert_annotations(&value, REPORT);
    assert_eq!(value, serde_json::to_value(muster::annotate(REPORT)).unwrap(), "same as the library");
    assert!(stderr(&out).is_empty());
}

#[test]
fn dash_reads_standard_input() {
    let out = muster(&["annotate", "-"], REPORT.as_bytes());
    assert!(out.status.success());
    let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_annotations(&value, REPORT);
}

#[test]
fn several_files_give_an_array_in_order_with_error_records() {
    let dir = scratch("several");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, REPORT).unwrap();
    std::fs::write(&b, "Some 4,000 Kenyan troops serve in Somalia.").unwrap();
    let missing = dir.join("missing.txt");
    let args = ["annotate", a.to_str().unwrap(), missing.to_str().unwrap(), b.to_str().unwrap()];
    let out = muster(&args, b"");
    assert_eq!(out.status.code(), Some(1), "a failed input makes the exit non-zero");
    let records: Value = serde_json::from_str(&stdout(&out)).expect("a JSON array");
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["file"], args[1]);
    assert_annotations(&records[0], REPORT);
    assert_eq!(records[1]["file"], args[2]);
    assert_eq!(records[1]["error"], "no such file");
    assert_eq!(records[2]["file"], args[3]);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("missing.txt") && err.contains("no such file"), "{err}");
}

#[test]
fn jsonl_format_gives_one_labelled_record_per_line() {
    let dir = scratch("jsonl-out");
    let a = dir.join("a.txt");
    std::fs::write(&a, REPORT).unwrap();
    let out = muster(&["annotate", "--format", "jsonl", a.to_str().unwrap(), "-"], b"Russia sent 10,000 troops.");
    assert!(out.status.success());
    let lines: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], a.to_str().unwrap());
    assert_eq!(lines[1]["file"], "-");
    assert_annotations(&lines[1], "Russia sent 10,000 troops.");
}

#[test]
fn missing_files_and_directories_get_one_line_naming_them_and_exit_1() {
    let dir = scratch("errors");
    let missing = dir.join("nowhere.txt");
    for (path, reason) in [(missing.to_str().unwrap(), "no such file"), (dir.to_str().unwrap(), "is a directory")] {
        for command in ["annotate", "numbers"] {
            let out = muster(&[command, path], b"");
            assert_eq!(out.status.code(), Some(1), "{command} {path}");
            assert!(out.stdout.is_empty(), "nothing on stdout");
            let err = stderr(&out);
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(err.starts_with("muster: ") && err.contains(path) && err.contains(reason), "{err}");
            assert!(!err.contains("panicked"));
        }
    }
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_naming_the_file() {
    let dir = scratch("utf8");
    let path = dir.join("latin1.txt");
    // "Général" in Latin-1, then a deployment sentence.
    std::fs::write(&path, b"G\xe9n\xe9ral Tchiani said 1,500 troops would stay in Niamey.").unwrap();
    let out = muster(&["annotate", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "lossy decoding is not a failure");
    let err = stderr(&out);
    assert!(err.contains("warning") && err.contains("latin1.txt") && err.contains("U+FFFD"), "{err}");
    let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_annotations(&value, "G\u{FFFD}n\u{FFFD}ral Tchiani said 1,500 troops would stay in Niamey.");
}

#[test]
fn closing_the_pipe_early_ends_quietly() {
    let dir = scratch("pipe");
    let path = dir.join("big.txt");
    std::fs::write(&path, REPORT.repeat(2_000)).unwrap();
    let jsonl: String = (0..3_000)
        .map(|i| serde_json::json!({"id": i, "text": REPORT}).to_string() + "\n")
        .collect();
    let jsonl_path = dir.join("big.jsonl");
    std::fs::write(&jsonl_path, jsonl).unwrap();
    for args in [vec!["annotate", path.to_str().unwrap()], vec!["annotate", "--input", "jsonl", jsonl_path.to_str().unwrap()]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_muster"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "{args:?}: {:?} {err}", out.status);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
    }
}

#[test]
fn jsonl_input_streams_records_in_order_on_several_threads_and_survives_bad_lines() {
    let mut input = String::new();
    for i in 0..300 {
        // Uneven lengths so that threads finish out of order.
        let text = format!("Ukraine said {i} Russian soldiers crossed near Kharkiv. ").repeat(1 + (i * 7) % 40);
        input += &serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string();
        input += "\n";
        if i == 100 {
            input += "{\"id\": \"broken\", \"text\": \n"; // cut-off JSON
            input += "\n"; // blank lines are skipped
            input += "{\"id\": 7}\r\n"; // no text
        }
    }
    let out = muster(&["annotate", "--input", "jsonl", "--jobs", "3", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "bad lines make the exit non-zero");
    let records: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).expect("JSONL")).collect();
    assert_eq!(records.len(), 302);
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    let want: Vec<String> = (0..300).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, want, "every article once, in input order");
    let (bad, missing_text) = (&records[101], &records[102]);
    assert_eq!((bad["line"].as_u64(), bad["file"].as_str()), (Some(102), Some("-")));
    assert!(bad["error"].as_str().unwrap().contains("not JSON"), "{bad}");
    assert_eq!((missing_text["line"].as_u64(), missing_text["id"].as_u64()), (Some(104), Some(7)));
    assert!(missing_text["error"].as_str().unwrap().contains("text"));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "one line per bad line, no progress off a terminal: {err}");
    assert!(err.contains("<stdin>:102:") && err.contains("<stdin>:104:"), "{err}");
    let text = |r: &Value| {
        let i: usize = r["id"].as_str().unwrap()[4..].parse().unwrap();
        format!("Ukraine said {i} Russian soldiers crossed near Kharkiv. ").repeat(1 + (i * 7) % 40)
    };
    assert_annotations(&records[250], &text(&records[250]));
}

#[test]
fn progress_goes_to_stderr_when_asked() {
    let input = "{\"id\": 1, \"text\": \"Mali asked 1,200 troops to leave.\"}\n".repeat(5);
    let out = muster(&["annotate", "--input=jsonl", "--progress", "-"], input.as_bytes());
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 5);
    let err = stderr(&out);
    assert!(err.contains("5 articles"), "{err}");
}

#[test]
fn jsonl_input_as_a_json_array_and_from_a_missing_file() {
    let out = muster(&["annotate", "-i", "jsonl", "-f", "json", "-", "/nonexistent/corpus.jsonl"], b"{\"id\":1,\"text\":\"x\"}\n");
    assert_eq!(out.status.code(), Some(1));
    let records: Value = serde_json::from_str(&stdout(&out)).expect("one JSON array");
    assert_eq!(records[0]["id"], 1);
    assert_eq!(records[1]["file"], "/nonexistent/corpus.jsonl");
    assert!(stderr(&out).contains("/nonexistent/corpus.jsonl: no such file"));
}

#[test]
fn categories_limit_the_lists() {
    let out = muster(&["annotate", "--categories", "figures", "-"], REPORT.as_bytes());
    assert!(out.status.success());
    let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(value["actors"], serde_json::json!([]));
    assert_eq!(value["claims"], serde_json::json!([]));
    assert_eq!(value["figures"], serde_json::to_value(muster::annotate(REPORT).figures).unwrap());
}

#[test]
fn numbers_prints_every_expression_with_code_point_offsets() {
    let text = "😀 Some 2,500 troops, between 4,000 and 5,000 fighters and hundreds of others.";
    let out = muster(&["numbers", "-"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let numbers: Value = serde_json::from_str(&stdout(&out)).expect("a JSON array");
    let doc = muster::engine::Doc::new(text);
    let found = muster::engine::numbers::find(&doc);
    let numbers = numbers.as_array().unwrap();
    assert_eq!(numbers.len(), found.len());
    let chars: Vec<char> = text.chars().collect();
    for (n, f) in numbers.iter().zip(&found) {
        let (start, end) = (n["start"].as_u64().unwrap() as usize, n["end"].as_u64().unwrap() as usize);
        assert_eq!(n["text"].as_str().unwrap(), chars[start..end].iter().collect::<String>());
        assert_eq!(n["text"].as_str().unwrap(), f.span.of(text));
        assert_eq!(n["value"].as_u64(), f.value);
        assert!(n["qualifier"].is_string());
    }
    let out = muster(&["numbers", "--format", "text", "-"], text.as_bytes());
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), found.len());
}

#[test]
fn help_version_and_usage_errors() {
    for args in [&["--help"][..], &["help"], &[]] {
        let out = muster(args, b"");
        assert!(out.status.success());
        assert!(stdout(&out).contains("muster annotate"), "{args:?}");
    }
    for (args, mentions) in [(&["annotate", "--help"][..], "--input"), (&["help", "annotate"], "--format"), (&["numbers", "-h"], "qualifier")] {
        let out = muster(args, b"");
        assert!(out.status.success());
        assert!(stdout(&out).contains(mentions), "{args:?}");
    }
    let out = muster(&["--version"], b"");
    assert_eq!(stdout(&out).trim(), format!("muster {}", env!("CARGO_PKG_VERSION")));
    for args in [&["annotate"][..], &["annotate", "--frobnicate", "a"], &["annotate", "-f", "xml", "a"], &["explain", "a"]] {
        let out = muster(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("muster"), "{err}");
    }
}
