//! The sentence segmenter.

use super::text::Token;
use super::Span;

/// Sentence regions of `text`: for now, one per non-empty line.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for t in tokens {
        match out.last_mut() {
            Some(last) if !t.newline_before => last.end = t.span.end,
            _ => out.push(t.span),
        }
    }
    debug_assert!(out.iter().all(|s| s.end <= text.len()));
    out
}
