//! The tokenizer every stage shares: words, numbers and punctuation with byte spans.
//!
//! Words are runs of letters and digits that start with a letter ("Iraq", "F16");
//! numbers are runs of ASCII digits ("2" "," "500" are three tokens: the number
//! grammar joins them); everything else that is not white space is one
//! punctuation token per char ("’", "-", "$"). Tokens never cross white space.

use super::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, then letters or digits.
    Word,
    /// ASCII digits only.
    Number,
    /// One char that is neither a letter, a digit nor white space.
    Punct,
}

/// One token of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is, in bytes.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// White space (of any kind) stands right before it.
    pub space_before: bool,
    /// A line break stands between it and the token before.
    pub newline_before: bool,
}

/// The bytes from the start of token `first` to the end of token `last` (an empty span at 0
/// if either is missing): `get`, not indexing, so no panic branch at each of its many callers.
pub fn tokens_span(tokens: &[Token], first: usize, last: usize) -> Span {
    match (tokens.get(first), tokens.get(last)) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    }
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }

    /// Whether the token's text is exactly `s`: a byte comparison, cheaper than
    /// `text(text) == s` (no char-boundary checks).
    pub fn is(&self, text: &str, s: &str) -> bool {
        text.as_bytes().get(self.span.start..self.span.end) == Some(s.as_bytes())
    }

    /// Whether the token's text is `word` ignoring ASCII case: the lengths are compared first, and the
    /// bytes are compared without slicing a `str` (no char-boundary checks), so a miss costs a few instructions.
    pub fn is_word(&self, text: &str, word: &str) -> bool {
        let word = word.as_bytes();
        if self.span.end.wrapping_sub(self.span.start) != word.len() {
            return false;
        }
        let Some(bytes) = text.as_bytes().get(self.span.start..self.span.end) else { return false };
        // A plain loop: `eq_ignore_ascii_case` is a call at opt-level "z", and most words differ at their first byte.
        let mut i = 0;
        while i < word.len() {
            if !bytes[i].eq_ignore_ascii_case(&word[i]) {
                return false;
            }
            i += 1;
        }
        true
    }

    /// Whether its first char is an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        // ASCII tested inline first: decoding and `char::is_uppercase` are calls at opt-level "z".
        match text.as_bytes().get(self.span.start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text(text).chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// Inlined into the tokenizer's word loop, its one caller: a call per char at opt-level "z" otherwise.
#[inline(always)]
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii() && (c.is_alphanumeric() || extends_previous(c))
}

/// Whether `w` is a hyphen or a dash ("-", "–", "—", non-breaking "‑"): bytes matched inline (a `str`
/// comparison is a call at opt-level "z", and the stages ask this of many tokens).
pub fn is_dash(w: &str) -> bool {
    is_dash_bytes(w.as_bytes())
}

/// [`is_dash`] on a token's bytes (no `str` to slice first).
pub fn is_dash_bytes(w: &[u8]) -> bool {
    matches!(w, b"-" | b"\xE2\x80\x93" | b"\xE2\x80\x94" | b"\xE2\x80\x91")
}

/// Chars that belong to the char before them: combining marks, joiners, variation
/// selectors and emoji modifiers. They stay inside the token they follow, so no
/// highlight ever cuts one off its base character.
pub fn extends_previous(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0100}'..='\u{E01EF}')
}

/// The char at byte `i` of `text` (a char boundary) and its length in bytes; ASCII
/// without decoding.
#[inline(always)]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// How many bytes at the start of `bytes` are ASCII letters or digits, tested eight at a time.
pub(crate) fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const TOP: u64 = 0x80 * LANES;
    // A lane's top bit: the byte is at or past `from` (for ASCII bytes, whose top bit is clear).
    let at_least = |x: u64, from: u8| (x + u64::from(0x80 - from) * LANES) & TOP;
    let mut run = 0;
    while let Some(eight) = bytes.get(run..run + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        let x = u64::from_le_bytes(eight);
        let low7 = x & !TOP;
        let folded = low7 | (0x20 * LANES);
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let digit = at_least(low7, b'0') & !at_least(low7, b'9' + 1);
        let other = !((letter | digit) & !x) & TOP;
        if other != 0 {
            return run + (other.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes.get(run..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

/// The end of the run starting at byte `from` whose bytes all satisfy `keep`, an ASCII test: a byte loop,
/// no char decoded (the run ends on a char boundary, as a byte of a longer char fails an ASCII test).
#[inline(always)]
fn ascii_run_end(text: &str, mut from: usize, keep: impl Fn(u8) -> bool) -> usize {
    let bytes = text.as_bytes();
    while from < bytes.len() && keep(bytes[from]) {
        from += 1;
    }
    from
}

/// The end of the run starting at byte `from` whose chars all satisfy `keep`.
#[inline(always)]
fn run_end(text: &str, mut from: usize, keep: impl Fn(char) -> bool) -> usize {
    while let Some((c, len)) = char_at(text, from) {
        if !keep(c) {
            break;
        }
        from += len;
    }
    from
}

/// `c` in lower case, one char for one: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
/// capitals (the scripts of names in the news) are lowered, anything else is returned as it is.
/// Used instead of `char::to_lowercase`, whose full Unicode table costs ~5 KB of the page's
/// gzipped wasm; the engine only compares lower-cased words with English word lists and names.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let lowered = match u {
        0x130 => u32::from(b'i'), // İ
        0x178 => 0xFF,            // Ÿ
        0x41..=0x5A | 0xC0..=0xDE if u != 0xD7 => u + 32,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x391..=0x3AB if u != 0x3A2 => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        _ => u,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// `text` in lower case, char by char as [`lower`] does.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lower).collect()
}

/// Dashes, quotes, bullets and the ellipsis (U+2010 to U+2027): punctuation the tokenizer knows without tables.
const PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2010}'..='\u{2027}';

/// Splits `text` into tokens; linear in its length, never fails.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    let mut space_before = false;
    let mut newline_before = false;
    let mut at = 0;
    while let Some((c, len)) = char_at(text, at) {
        let start = at;
        at += len;
        // ASCII tested inline first: `char`'s Unicode predicates are calls at opt-level "z", once per char.
        // Other chars beyond ASCII need Unicode tables, except the dashes, quotes, bullets and ellipsis of
        // news text (U+2010 to U+2027): punctuation, neither space, letter nor mark.
        let unicode = !c.is_ascii() && !PUNCTUATION.contains(&c);
        let space = if c.is_ascii() { matches!(c, ' ' | '\t'..='\r') } else { unicode && (c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}') };
        if space {
            space_before = true;
            newline_before |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            continue;
        }
        if unicode && extends_previous(c) {
            match tokens.last_mut() {
                // A mark right after a token belongs to it.
                Some(last) if !space_before => {
                    last.span.end = at;
                    continue;
                }
                // After white space it is part of that space: no token may start on it.
                Some(_) => continue,
                None if space_before => continue,
                None => {}
            }
        }
        let kind = if c.is_ascii_digit() {
            at = ascii_run_end(text, at, |d| d.is_ascii_digit());
            TokenKind::Number
        } else if c.is_ascii_alphabetic() || unicode && c.is_alphabetic() {
            // Most words are ASCII: their letters and digits first, byte by byte, then any other chars.
            at = run_end(text, at + ascii_alphanumeric_run(&text.as_bytes()[at..]), is_word_char);
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        tokens.push(Token { span: Span::new(start, at), kind, space_before, newline_before });
        space_before = false;
        newline_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(texts("Around 2,500 U.S. troops"), ["Around", "2", ",", "500", "U", ".", "S", ".", "troops"]);
        assert_eq!(texts("Iraq’s al-Sudani F16 256th"), ["Iraq", "’", "s", "al", "-", "Sudani", "F16", "256", "th"]);
    }

    #[test]
    fn keeps_accents_and_scripts_inside_words() {
        assert_eq!(texts("Władysław Kosiniak-Kamysz عين الأسد"), ["Władysław", "Kosiniak", "-", "Kamysz", "عين", "الأسد"]);
    }

    #[test]
    fn keeps_marks_and_modifiers_on_their_base() {
        assert_eq!(texts("US\u{FE0F} 2,500\u{20E3} !\u{0301} \u{0301}x"), ["US\u{FE0F}", "2", ",", "500\u{20E3}", "!\u{0301}", "x"]);
    }

    #[test]
    fn common_punctuation_is_neither_space_letter_nor_mark() {
        for c in PUNCTUATION {
            assert!(!c.is_whitespace() && !c.is_alphanumeric() && !extends_previous(c) && c != '\u{FEFF}' && c != '\u{200B}', "{c:?}");
        }
        assert_eq!(texts("“Stop”—now… ‘go’"), ["“", "Stop", "”", "—", "now", "…", "‘", "go", "’"]);
    }

    #[test]
    fn dashes_and_capitals() {
        assert!(["-", "–", "—", "‑"].iter().all(|d| is_dash(d)));
        assert!(!["--", "_", "", "a", "−"].iter().any(|d| is_dash(d)));
        let s = "Kyiv army Éire über";
        let caps: Vec<bool> = tokenize(s).iter().map(|t| t.is_capitalized(s)).collect();
        assert_eq!(caps, [true, false, true, false]);
    }

    #[test]
    fn records_space_and_line_breaks() {
        let t = tokenize("a b\nc");
        assert!(!t[0].space_before);
        assert!(t[1].space_before && !t[1].newline_before);
        assert!(t[2].newline_before);
    }

    #[test]
    fn word_runs_end_at_the_first_byte_that_is_no_ascii_letter_or_digit() {
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = *b"aZ09mQxy7Kzb";
                bytes[at] = b;
                let expected = bytes.iter().take_while(|x| x.is_ascii_alphanumeric()).count();
                assert_eq!(ascii_alphanumeric_run(&bytes), expected, "byte {b:#x} at {at}");
            }
        }
    }
}
