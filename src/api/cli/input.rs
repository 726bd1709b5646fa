//! Reading inputs: whole files (or standard input) as text, and JSONL articles line by line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

/// A path as given, `-` for standard input.
pub fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// An input that could not be read, or a JSONL line that could not be used.
#[derive(Debug)]
pub struct Failure {
    /// The path as given (`-` for standard input).
    pub file: String,
    /// The 1-based JSONL line, when the failure concerns one line.
    pub line: Option<usize>,
    /// What went wrong, in plain words.
    pub message: String,
}

impl Failure {
    /// A failure of the whole input `path`.
    pub fn of_file(path: &str, message: impl Into<String>) -> Self {
        Failure { file: path.to_string(), line: None, message: message.into() }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}", display_name(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Opens `path` for reading; a directory or a missing file is a [`Failure`].
pub fn open(path: &str) -> Result<Box<dyn Read + Send>, Failure> {
    if path == "-" {
        return Ok(Box::new(io::stdin()));
    }
    let file = File::open(path).map_err(|e| Failure::of_file(path, describe(&e)))?;
    match file.metadata() {
        Ok(meta) if meta.is_dir() => Err(Failure::of_file(path, "is a directory")),
        _ => Ok(Box::new(file)),
    }
}

/// Reads a whole input as text. Invalid UTF-8 is replaced with U+FFFD, with a warning.
pub fn read_text(path: &str) -> Result<Decoded, Failure> {
    let mut bytes = Vec::new();
    open(path)?.read_to_end(&mut bytes).map_err(|e| Failure::of_file(path, describe(&e)))?;
    Ok(decode(bytes, display_name(path)))
}

/// Text decoded from bytes, with the warning to show when some were not UTF-8.
pub struct Decoded {
    /// The text; invalid sequences became U+FFFD.
    pub text: String,
    /// `Some` when bytes were replaced.
    pub warning: Option<String>,
}

/// Decodes `bytes` read from `origin` (a file name, or `file:line`).
pub fn decode(bytes: Vec<u8>, origin: &str) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded { text, warning: None },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let warning = format!("warning: {origin}: not valid UTF-8 (first bad byte at {at}); bad bytes replaced with U+FFFD");
            Decoded { text, warning: Some(warning) }
        }
    }
}

/// An I/O error in plain words, without "(os error N)".
pub fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    }
}

/// One non-blank line of a JSONL input.
pub struct Line {
    /// The input it came from, as given.
    pub source: String,
    /// 1-based line number.
    pub number: usize,
    /// The raw bytes, without the line break.
    pub bytes: Vec<u8>,
}

/// The non-blank lines of JSONL inputs, in order. An input that cannot be opened
/// or read yields one `Err` and the next input follows.
pub struct JsonlLines<'a> {
    paths: std::slice::Iter<'a, String>,
    current: Option<Reading<'a>>,
}

/// The input being read and the number of its last line read.
struct Reading<'a> {
    path: &'a String,
    reader: BufReader<Box<dyn Read + Send>>,
    number: usize,
}

impl<'a> JsonlLines<'a> {
    /// Lines of `paths`, read one after the other.
    pub fn new(paths: &'a [String]) -> Self {
        JsonlLines { paths: paths.iter(), current: None }
    }
}

impl Iterator for JsonlLines<'_> {
    type Item = Result<Line, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some(Reading { path: source, reader, number }) = &mut self.current else {
                let path = self.paths.next()?;
                match open(path) {
                    Ok(r) => {
                        self.current = Some(Reading { path, reader: BufReader::with_capacity(1 << 16, r), number: 0 })
                    }
                    Err(message) => return Some(Err(message)),
                }
                continue;
            };
            let mut bytes = Vec::new();
            *number += 1;
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => self.current = None,
                Ok(_) => {
                    while matches!(bytes.last(), Some(b'\n' | b'\r')) {
                        bytes.pop();
                    }
                    if !bytes.iter().all(u8::is_ascii_whitespace) {
                        return Some(Ok(Line { source: source.to_string(), number: *number, bytes }));
                    }
                }
                Err(e) => {
                    let failure = Failure { file: source.to_string(), line: Some(*number), message: describe(&e) };
                    self.current = None;
                    return Some(Err(failure));
                }
            }
        }
    }
}
