//! The native command line (`docs/CLI.md`): `muster annotate`, `muster numbers`.
//!
//! Exit codes: 0 success; 1 an input could not be read or a JSONL line could not be
//! used (the others are still processed) or output failed; 2 a usage error.
//! A closed output pipe ends the run quietly.

mod args;
mod input;
mod output;
mod pool;

use crate::api::options::Categories;
use crate::engine::offsets::{OffsetMap, OffsetUnit};
use crate::engine::{numbers, Doc};
use crate::{Annotations, Qualifier};
use args::{Command, Format, InputKind, Options};
use input::{Failure, Line};
use output::{Layout, Progress, Sink};
use serde::Serialize;
use serde_json::Value;
use std::io;
use std::ops::ControlFlow;

const OVERVIEW: &str = "\
muster: annotates news about military deployments (troop figures, actors, claims)

Usage:
  muster annotate [OPTIONS] FILE... | -    annotations as JSON
  muster numbers [OPTIONS] FILE... | -     every numeric expression found
  muster help COMMAND                      help for one command
  muster --version

Offsets are Unicode code points (Python string indices), end exclusive.
See docs/CLI.md for the full reference.
";

const ANNOTATE_HELP: &str = "\
Usage: muster annotate [OPTIONS] FILE... | -

Annotates each FILE (- reads standard input) and prints the annotations:
  {\"figures\": [...], \"actors\": [...], \"claims\": [...]}
Offsets are Unicode code points, end exclusive; `text` equals the input at [start, end).

Output (--format):
  json    one input: exactly that object; several: a JSON array of
          {\"file\": PATH, \"figures\", \"actors\", \"claims\"} or {\"file\": PATH, \"error\": MESSAGE}
  jsonl   one such record per line (the default with --input jsonl)

Options:
  -f, --format json|jsonl    output format (default json)
  -i, --input text|jsonl     text: each FILE is one article (default);
                             jsonl: each line is {\"id\": ANY, \"text\": STRING}; records carry
                             the id; a bad line gives {\"file\", \"line\", \"id\", \"error\"}
  -c, --categories LIST      only these lists, e.g. figures,claims (others come back empty)
  -j, --jobs N               worker threads (default: one per core); order is kept
      --progress             progress on stderr even when it is not a terminal
                             (with --input jsonl it is shown on a terminal anyway)
  -h, --help                 this help

Invalid UTF-8 is replaced with U+FFFD, with a warning naming the file.
Exit status: 0 ok, 1 some input failed (the rest are still written), 2 usage error.
";

const NUMBERS_HELP: &str = "\
Usage: muster numbers [OPTIONS] FILE... | -

Prints every numeric expression the number grammar recognises, troop-related or not:
  [{\"start\", \"end\", \"text\", \"value\", \"min\", \"max\", \"qualifier\"}]
Offsets are Unicode code points, end exclusive.

Output (--format):
  json    one input: exactly that array; several: a JSON array of {\"file\", \"numbers\"}
  jsonl   one {\"file\", \"numbers\"} record per line
  text    START-END  QUALIFIER  VALUE|MIN..MAX  TEXT, one expression per line

Options:
  -f, --format json|jsonl|text   output format (default json)
  -j, --jobs N                   worker threads (default: one per core)
  -h, --help                     this help
";

/// Runs the CLI with `args` (without the program name); returns the exit code.
pub fn run(args: Vec<String>) -> i32 {
    match args::parse(&args) {
        Err(message) if message.starts_with("muster") => usage_error(&message),
        Err(message) => usage_error(&format!("muster: {message}")),
        Ok(Command::Help(topic)) => print(match topic {
            Some("annotate") => ANNOTATE_HELP,
            Some(_) => NUMBERS_HELP,
            None => OVERVIEW,
        }),
        Ok(Command::Version) => print(&format!("muster {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Command::Annotate(options)) => annotate(&options),
        Ok(Command::Numbers(options)) => numbers(&options),
    }
}

fn usage_error(message: &str) -> i32 {
    eprintln!("{message}");
    2
}

fn print(text: &str) -> i32 {
    let mut sink = Sink::new(Layout::Raw);
    finish_output(sink.record(text).and_then(|_| sink.finish()), 0)
}

/// The exit code once output is done: a closed pipe is fine, other write errors are not.
fn finish_output(written: io::Result<()>, code: i32) -> i32 {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("muster: cannot write output: {}", input::describe(&e));
            1
        }
        _ => code,
    }
}

/// What one job produced: the record to print and the messages for stderr.
struct Outcome {
    record: Option<String>,
    messages: Vec<String>,
    failed: bool,
    bytes: usize,
}

impl Outcome {
    /// A failure; `record` is its error record, when the layout shows one.
    fn failure(failure: &Failure, record: Option<String>) -> Self {
        Outcome {
            record,
            messages: vec![failure.to_string()],
            failed: true,
            bytes: 0,
        }
    }
}

/// A record labelled with where it came from: `{"file", "line", "id", …body}`.
#[derive(Serialize)]
struct Labelled<'a, T: Serialize> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    #[serde(flatten)]
    body: T,
}

impl<'a, T: Serialize> Labelled<'a, T> {
    /// `body` labelled with the input it came from.
    fn of_file(file: &'a str, body: T) -> Self {
        Labelled {
            file: Some(file),
            line: None,
            id: None,
            body,
        }
    }
}

/// The body of an error record.
#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

/// The outcome of a file that failed: its labelled error record where the layout has one
/// record per input (a JSON array or lines), the message on standard error in any case.
fn file_failure(path: &str, failure: &Failure, layout: Layout) -> Outcome {
    let record = matches!(layout, Layout::Array | Layout::Lines).then(|| {
        to_json(&Labelled::of_file(
            path,
            ErrorBody {
                error: &failure.message,
            },
        ))
    });
    Outcome::failure(failure, record)
}

/// One record as compact JSON, on one line.
fn to_json<T: Serialize>(value: &T) -> String {
    // Our types always serialise; an empty record would still keep the stream readable.
    serde_json::to_string(value).unwrap_or_default()
}

/// Runs `work` over `jobs` on the worker pool and writes outcomes in order.
fn run_jobs<J: Send>(
    jobs: impl Iterator<Item = J>,
    options: &Options,
    layout: Layout,
    progress: Progress,
    work: impl Fn(J) -> Outcome + Sync,
) -> i32 {
    let workers = options
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut sink = Sink::new(layout);
    let mut progress = progress;
    let mut failed = false;
    let mut written = Ok(());
    pool::ordered_map(jobs, workers, work, |outcome| {
        for message in &outcome.messages {
            progress.message(message);
        }
        failed |= outcome.failed;
        if let Some(record) = &outcome.record {
            written = sink.record(record);
        }
        progress.advance(outcome.bytes);
        if written.is_err() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    });
    progress.finish();
    let written = written.and_then(|_| sink.finish());
    finish_output(written, i32::from(failed))
}

/// Annotates `text` with the caller's categories, or says why the engine failed.
fn annotate_text(text: &str, categories: Categories) -> Result<Annotations, String> {
    // The engine must never panic; should it, one bad article must not end a corpus run.
    let mut annotations = std::panic::catch_unwind(|| crate::annotate(text)).map_err(|_| {
        "internal error while annotating (please report it with this input)".to_string()
    })?;
    categories.apply(&mut annotations);
    Ok(annotations)
}

/// `muster annotate`.
fn annotate(options: &Options) -> i32 {
    let jsonl_input = options.input == InputKind::Jsonl;
    let format = options.format.unwrap_or(if jsonl_input {
        Format::Jsonl
    } else {
        Format::Json
    });
    let layout = match format {
        Format::Json if options.files.len() == 1 && !jsonl_input => Layout::Single,
        Format::Json => Layout::Array,
        _ => Layout::Lines,
    };
    let progress = Progress::new(options.progress, jsonl_input);
    let categories = options.categories;
    if jsonl_input {
        let work = |line: Result<Line, Failure>| annotate_line(line, categories);
        return run_jobs(
            input::JsonlLines::new(&options.files),
            options,
            layout,
            progress,
            work,
        );
    }
    let work = |path: &String| {
        let decoded = match input::read_text(path) {
            Ok(decoded) => decoded,
            Err(failure) => return file_failure(path, &failure, layout),
        };
        let bytes = decoded.text.len();
        let messages = decoded.warning.into_iter().collect();
        match annotate_text(&decoded.text, categories) {
            Ok(annotations) => {
                let record = match layout {
                    Layout::Single => to_json(&annotations),
                    _ => to_json(&Labelled::of_file(path, annotations)),
                };
                Outcome {
                    record: Some(record),
                    messages,
                    failed: false,
                    bytes,
                }
            }
            Err(message) => {
                file_failure(path, &Failure::of_file(path, message), layout)
            }
        }
    };
    run_jobs(options.files.iter(), options, layout, progress, work)
}

/// The id (`null` when absent) and text of one JSONL line, or why it is unusable.
fn parse_article(line: &str) -> (Value, Result<String, String>) {
    let mut object = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => {
            return (
                Value::Null,
                Err("expected a JSON object {\"id\", \"text\"}".into()),
            )
        }
        Err(e) => {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or_default();
            return (
                Value::Null,
                Err(format!("not JSON: {message} at column {}", e.column())),
            );
        }
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    match object.remove("text") {
        Some(Value::String(text)) => (id, Ok(text)),
        Some(_) => (id, Err("\"text\" is not a string".into())),
        None => (id, Err("no \"text\" field".into())),
    }
}

/// Annotates one JSONL line: `{"id", …annotations}` or `{"file", "line", "id", "error"}`.
fn annotate_line(line: Result<Line, Failure>, categories: Categories) -> Outcome {
    let line = match line {
        Ok(line) => line,
        Err(failure) => {
            let error = Labelled {
                file: Some(&failure.file),
                line: failure.line,
                id: None,
                body: ErrorBody {
                    error: &failure.message,
                },
            };
            return Outcome::failure(&failure, Some(to_json(&error)));
        }
    };
    let bytes = line.bytes.len();
    let origin = format!("{}:{}", input::display_name(&line.source), line.number);
    let decoded = input::decode(line.bytes, &origin);
    let (id, text) = parse_article(&decoded.text);
    let result = text.and_then(|text| annotate_text(&text, categories));
    let mut messages: Vec<String> = decoded.warning.into_iter().collect();
    match result {
        Ok(annotations) => {
            let record = Labelled {
                file: None,
                line: None,
                id: Some(&id),
                body: annotations,
            };
            Outcome {
                record: Some(to_json(&record)),
                messages,
                failed: false,
                bytes,
            }
        }
        Err(message) => {
            let failure = Failure {
                file: line.source.clone(),
                line: Some(line.number),
                message,
            };
            let error = Labelled {
                file: Some(&line.source),
                line: Some(line.number),
                id: Some(&id),
                body: ErrorBody {
                    error: &failure.message,
                },
            };
            messages.push(failure.to_string());
            Outcome {
                record: Some(to_json(&error)),
                messages,
                failed: true,
                bytes,
            }
        }
    }
}

/// A numeric expression as `muster numbers` prints it.
#[derive(Serialize)]
struct NumberRecord<'t> {
    start: usize,
    end: usize,
    text: &'t str,
    value: Option<u64>,
    min: Option<u64>,
    max: Option<u64>,
    qualifier: Qualifier,
}

/// The body of a `numbers` record for one of several inputs.
#[derive(Serialize)]
struct NumbersBody<'a, 't> {
    numbers: &'a [NumberRecord<'t>],
}

/// `muster numbers`.
fn numbers(options: &Options) -> i32 {
    let format = options.format.unwrap_or(Format::Json);
    let several = options.files.len() > 1;
    let layout = match format {
        Format::Json if !several => Layout::Single,
        Format::Json => Layout::Array,
        Format::Jsonl => Layout::Lines,
        Format::Text => Layout::Raw,
    };
    let work = |path: &String| {
        let decoded = match input::read_text(path) {
            Ok(decoded) => decoded,
            Err(failure) => return file_failure(path, &failure, layout),
        };
        let text = decoded.text.as_str();
        let map = OffsetMap::new(text, OffsetUnit::CodePoint);
        let found = numbers::find(&Doc::new(text));
        let records: Vec<NumberRecord> = found
            .iter()
            .map(|n| {
                let (start, end) = map.span(n.span);
                NumberRecord {
                    start,
                    end,
                    text: n.span.of(text),
                    value: n.value,
                    min: n.min,
                    max: n.max,
                    qualifier: n.qualifier,
                }
            })
            .collect();
        let record = match layout {
            Layout::Single => to_json(&records),
            Layout::Raw => numbers_as_text(several.then_some(path.as_str()), &records),
            _ => to_json(&Labelled::of_file(path, NumbersBody { numbers: &records })),
        };
        let messages = decoded.warning.into_iter().collect();
        Outcome {
            record: Some(record),
            messages,
            failed: false,
            bytes: text.len(),
        }
    };
    run_jobs(
        options.files.iter(),
        options,
        layout,
        Progress::new(false, false),
        work,
    )
}

/// `START-END  QUALIFIER  VALUE|MIN..MAX  TEXT` lines, under a `==> FILE <==` header when given.
fn numbers_as_text(file: Option<&str>, records: &[NumberRecord]) -> String {
    let mut out = file.map_or_else(String::new, |f| {
        format!("==> {} <==\n", input::display_name(f))
    });
    let show = |n: Option<u64>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
    for n in records {
        let amount = match n.value {
            Some(v) if n.min == n.max => v.to_string(),
            _ => format!("{}..{}", show(n.min), show(n.max)),
        };
        let qualifier = serde_json::to_value(n.qualifier)
            .ok()
            .and_then(|q| q.as_str().map(str::to_string));
        out += &format!(
            "{}-{}\t{}\t{amount}\t{}\n",
            n.start,
            n.end,
            qualifier.unwrap_or_default(),
            n.text.replace('\n', " ")
        );
    }
    out
}
