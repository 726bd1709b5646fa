//! Writing results to standard output, and progress to standard error.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::time::{Duration, Instant};

/// How records are laid out on standard output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The one record, bare (`--format json` with one input).
    Single,
    /// A JSON array, one compact record per line.
    Array,
    /// One compact record per line (JSONL).
    Lines,
    /// Records are text that ends with its own line breaks.
    Raw,
}

/// Standard output, written record by record and flushed after each, so results stream.
pub struct Sink {
    out: BufWriter<Stdout>,
    layout: Layout,
    written: usize,
}

impl Sink {
    /// A sink on standard output.
    pub fn new(layout: Layout) -> Self {
        Sink { out: BufWriter::with_capacity(1 << 16, io::stdout()), layout, written: 0 }
    }

    /// Writes one record.
    pub fn record(&mut self, record: &str) -> io::Result<()> {
        match self.layout {
            Layout::Array => {
                self.out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                self.out.write_all(record.as_bytes())?;
            }
            Layout::Single | Layout::Lines => {
                self.out.write_all(record.as_bytes())?;
                self.out.write_all(b"\n")?;
            }
            Layout::Raw => self.out.write_all(record.as_bytes())?,
        }
        self.written += 1;
        self.out.flush()
    }

    /// Closes the array, if any, and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.layout == Layout::Array {
            self.out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// A progress line on standard error: redrawn in place on a terminal, one line a
/// second otherwise (when asked for with `--progress`), silent when off.
pub struct Progress {
    mode: Option<bool>,
    started: Instant,
    shown: Instant,
    items: usize,
    bytes: u64,
}

impl Progress {
    /// Shows progress when `forced`, or when `auto` and standard error is a terminal.
    pub fn new(forced: bool, auto: bool) -> Self {
        let terminal = io::stderr().is_terminal();
        let now = Instant::now();
        Progress { mode: (forced || auto && terminal).then_some(terminal), started: now, shown: now, items: 0, bytes: 0 }
    }

    /// Counts one finished item of `bytes` input bytes.
    pub fn advance(&mut self, bytes: usize) {
        self.items += 1;
        self.bytes += bytes as u64;
        let every = if self.mode == Some(true) { Duration::from_millis(100) } else { Duration::from_secs(1) };
        if self.mode.is_some() && self.shown.elapsed() >= every {
            self.show(false);
        }
    }

    /// Prints a message on its own line, clearing the progress line first.
    pub fn message(&self, message: &str) {
        let clear = if self.mode == Some(true) { "\r\x1b[K" } else { "" };
        eprintln!("{clear}muster: {message}");
    }

    /// Prints the final count.
    pub fn finish(&mut self) {
        if self.mode.is_some() {
            self.show(true);
        }
    }

    fn show(&mut self, last: bool) {
        self.shown = Instant::now();
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        let megabytes = self.bytes as f64 / 1e6;
        let line = format!(
            "muster: {} articles, {megabytes:.1} MB in {seconds:.1} s ({:.0} articles/s, {:.1} MB/s)",
            self.items,
            self.items as f64 / seconds,
            megabytes / seconds
        );
        if self.mode == Some(true) {
            eprint!("\r\x1b[K{line}{}", if last { "\n" } else { "" });
        } else {
            eprintln!("{line}");
        }
    }
}
