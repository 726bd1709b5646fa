//! Converts the engine's byte offsets into the unit a caller counts in.

use super::Span;

/// The unit offsets are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode code points: Python string indices (the CLI, `score.py`).
    CodePoint,
    /// UTF-16 code units: JavaScript string indices (the JS API, the page).
    Utf16,
    /// UTF-8 bytes: Rust string indices.
    Byte,
}

/// Byte offset → unit offset, for one text.
pub struct OffsetMap {
    /// `(byte, unit)` at every char boundary where the two stop agreeing; empty for `Byte`.
    marks: Vec<(usize, usize)>,
    unit: OffsetUnit,
}

impl OffsetMap {
    /// Prepares conversions for `text`; linear in its length.
    pub fn new(text: &str, unit: OffsetUnit) -> Self {
        let mut marks = Vec::new();
        if unit != OffsetUnit::Byte {
            let bytes = text.as_bytes();
            let (mut byte, mut counted) = (0, 0);
            loop {
                // A run of ASCII counts one unit per byte, in either unit: whole blocks at once (std's
                // `is_ascii` reads a word at a time), then byte by byte in a plain loop (the iterator form
                // is a call per byte at opt-level "z").
                while bytes.get(byte..byte + 64).is_some_and(<[u8]>::is_ascii) {
                    byte += 64;
                    counted += 64;
                }
                while byte < bytes.len() && bytes[byte].is_ascii() {
                    byte += 1;
                    counted += 1;
                }
                let Some(ch) = text.get(byte..).and_then(|rest| rest.chars().next()) else { break };
                marks.push((byte, counted));
                counted += match unit {
                    OffsetUnit::Utf16 => ch.len_utf16(),
                    _ => 1,
                };
                byte += ch.len_utf8();
                marks.push((byte, counted));
            }
        }
        OffsetMap { marks, unit }
    }

    /// The offset, in this map's unit, of a byte offset on a char boundary.
    pub fn offset(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Byte {
            return byte;
        }
        // Between marks every char is ASCII, so units advance one per byte.
        match self.marks.partition_point(|&(b, _)| b <= byte) {
            0 => byte,
            i => {
                let (b, u) = self.marks[i - 1];
                u + (byte - b)
            }
        }
    }

    /// Both ends of a span.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.offset(span.start), self.offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_and_utf16_differ_on_emoji() {
        let text = "a😀bé c";
        let cp = OffsetMap::new(text, OffsetUnit::CodePoint);
        let u16 = OffsetMap::new(text, OffsetUnit::Utf16);
        let c = text.find('c').unwrap();
        assert_eq!(cp.offset(c), 5);
        assert_eq!(u16.offset(c), 6);
        let b = text.find('b').unwrap();
        assert_eq!(cp.offset(b), 2);
        assert_eq!(u16.offset(b), 3);
        assert_eq!(cp.offset(0), 0);
        assert_eq!(cp.offset(text.len()), 6);
    }
}
