//! The sentence segmenter.
//!
//! A sentence ends at `.`, `!` or `?` (plus closing quotes or brackets) when white
//! space and a capital or digit follow, unless the word before the stop is an
//! abbreviation ("U.S.", "Maj. Gen.", "Jan.") or an initial ("Jessica L. McNulty").
//! A line break ends a sentence (headlines, bullets, bylines) unless the line
//! breaks mid-sentence: no stop before it and a lower-case word after it.
//! A dateline ("ERBIL, Kurdistan Region -", "WASHINGTON (Reuters) --") is a region
//! of its own, so the sentence after it starts with its first real word.
//! Regions cover every token, in order, and never overlap.

use super::text::{tokens_span, Token, TokenKind};
use super::wordset::WordIndex;
use super::Span;
use std::sync::OnceLock;

/// Words that end with a period without ending the sentence (lower case, no dot; matched ignoring ASCII case).
const ABBREVIATIONS: &str = "\
    mr mrs ms dr prof gen lt col maj sgt capt cpl pvt cmdr adm brig gov sen rep pres st mt ft no nos vs jan feb mar \
    apr jun jul aug sep sept oct nov dec inc co corp ltd jr sr etc approx est dept gov't govt rev hon messrs fig al";

/// Sentence regions of `text`, in order, covering every token.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut start: Option<usize> = None; // index of the current sentence's first token
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if let Some(s) = start {
            if t.newline_before && !continues_line(text, tokens, i) {
                out.push(tokens_span(tokens, s, i - 1));
                start = None;
            }
        }
        if start.is_none() {
            start = Some(i);
            if starts_line(tokens, i) {
                if let Some(end) = dateline_end(text, tokens, i) {
                    out.push(tokens_span(tokens, i, end));
                    start = None;
                    i = end + 1;
                    continue;
                }
            }
        }
        if let Some(last) = stop_end(text, tokens, i) {
            let s = start.unwrap_or(i);
            if ends_sentence(text, tokens, s, i, last) {
                out.push(tokens_span(tokens, s, last));
                start = None;
            }
            i = last + 1;
            continue;
        }
        i += 1;
    }
    if let Some(s) = start {
        if !tokens.is_empty() {
            out.push(tokens_span(tokens, s, tokens.len() - 1));
        }
    }
    out
}

fn starts_line(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens[i].newline_before
}

fn is_closer(c: &str) -> bool {
    matches!(c, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{BB}")
}

fn is_opener(c: &str) -> bool {
    matches!(c, "\"" | "'" | "\u{201C}" | "\u{2018}" | "(" | "[" | "\u{AB}")
}

/// If token `i` starts a run of stops (`.`, `!`, `?`, `…`) with closers glued after
/// it, the index of the run's last token.
fn stop_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    // Bytes matched inline: this runs for every token (`…` is E2 80 A6 in UTF-8).
    let is_stop = |t: &Token| t.kind == TokenKind::Punct && matches!(text.as_bytes().get(t.span.start..t.span.end), Some(b"." | b"!" | b"?" | b"\xE2\x80\xA6"));
    if !is_stop(&tokens[i]) {
        return None;
    }
    let mut j = i;
    while j + 1 < tokens.len() && !tokens[j + 1].space_before && (is_stop(&tokens[j + 1]) || is_closer(tokens[j + 1].text(text))) {
        j += 1;
    }
    Some(j)
}

/// Whether the stop run `stop..=last` ends the sentence that began at token `first`.
fn ends_sentence(text: &str, tokens: &[Token], first: usize, stop: usize, last: usize) -> bool {
    let Some(next) = tokens.get(last + 1) else { return true };
    if !next.space_before {
        return false;
    }
    // The next word must start with a capital or a digit, maybe after an opening quote.
    let mut k = last + 1;
    if is_opener(tokens[k].text(text)) && k + 1 < tokens.len() && !tokens[k + 1].space_before {
        k += 1;
    }
    let n = &tokens[k];
    let capital = n.kind == TokenKind::Number || n.is_capitalized(text);
    if !capital {
        return false;
    }
    tokens[stop].text(text) != "." || !is_abbreviation(text, tokens, first, stop)
}

/// Whether the period at `stop` closes an abbreviation or an initial rather than a sentence.
fn is_abbreviation(text: &str, tokens: &[Token], first: usize, stop: usize) -> bool {
    if stop == first || tokens[stop].space_before {
        return false;
    }
    let word = &tokens[stop - 1];
    if word.kind != TokenKind::Word {
        return false;
    }
    let w = word.text(text);
    // "U.S.", "U.N.", "a.m.": a letter glued to a previous "X." is part of a dotted abbreviation.
    let dotted = stop >= 2 + first && tokens[stop - 2].text(text) == "." && !word.space_before;
    if w.chars().count() == 1 || dotted {
        return true;
    }
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| WordIndex::new(&[ABBREVIATIONS]));
    // The index ignores ASCII case; other capitals ("İ") are lowered first, and rarely seen.
    let lower;
    let w = if w.is_ascii() {
        w
    } else {
        lower = super::text::lowercase(w);
        &lower
    };
    index.folded_classes(w) != 0
}

/// Whether the line that starts at token `i` continues the sentence of the line before:
/// no stop or colon ends the line before and the new line starts with a lower-case word.
fn continues_line(text: &str, tokens: &[Token], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = tokens[i - 1].text(text);
    let ended = matches!(prev, "." | "!" | "?" | ":" | "\u{2026}") || is_closer(prev);
    let t = &tokens[i];
    !ended && t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_lowercase)
}

/// If a dateline starts at token `i` ("GOMA, Democratic Republic of Congo (Reuters) —",
/// "WASHINGTON:"), the index of its last token (the dash or colon).
fn dateline_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let all_caps = |t: &Token| t.kind == TokenKind::Word && t.text(text).chars().all(|c| !c.is_lowercase());
    // The city: all-caps words, maybe joined by a glued apostrophe or hyphen ("N'DJAMENA", "AL-KHOBAR").
    let mut j = i;
    let mut letters = 0;
    while let Some(t) = tokens.get(j).filter(|t| all_caps(t) && (j == i || !t.newline_before)) {
        letters = letters.max(t.text(text).chars().count());
        j += 1;
        let glue = tokens.get(j).is_some_and(|g| !g.space_before && matches!(g.text(text), "'" | "\u{2019}" | "-"));
        if glue && tokens.get(j + 1).is_some_and(|n| !n.space_before && all_caps(n)) {
            j += 1;
        }
    }
    // Three letters at least: "US - Iraq talks" is not a dateline.
    if letters < 3 {
        return None;
    }
    let mut in_parens = false;
    // Capitalised place words after the all-caps city, commas, and one "(Agency)".
    while j < tokens.len() && j < i + 16 && !tokens[j].newline_before {
        let t = &tokens[j];
        let w = t.text(text);
        if in_parens {
            in_parens = w != ")";
        } else if w == "(" {
            in_parens = true;
        } else if matches!(w, "-" | "\u{2013}" | "\u{2014}" | ":") {
            break;
        } else if !(w == "," || w == "." || all_caps(t) || t.is_capitalized(text) || matches!(w, "of" | "the" | "al")) {
            return None;
        }
        j += 1;
    }
    let dash = tokens.get(j).filter(|t| !t.newline_before && matches!(t.text(text), "-" | "\u{2013}" | "\u{2014}" | ":"))?;
    let mut end = j;
    // "--" is two tokens.
    while end + 1 < tokens.len() && !tokens[end + 1].space_before && matches!(tokens[end + 1].text(text), "-" | "\u{2013}" | "\u{2014}") {
        end += 1;
    }
    let after = tokens.get(end + 1)?;
    // A colon dateline is one all-caps word ("WASHINGTON:"), never "NY Times:".
    if dash.text(text) == ":" && j != i + 1 {
        return None;
    }
    let spaced = dash.text(text) == ":" || (dash.space_before && after.space_before);
    (spaced && after.is_capitalized(text) && !after.newline_before).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::tokenize;

    fn sentences(s: &str) -> Vec<&str> {
        split(s, &tokenize(s)).iter().map(|r| r.of(s)).collect()
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside() {
        assert_eq!(
            sentences("The U.S. Army sent Maj. Gen. John A. Smith to Kyiv on Jan. 4. He met Mr. Zelensky at 9 a.m. Monday."),
            ["The U.S. Army sent Maj. Gen. John A. Smith to Kyiv on Jan. 4.", "He met Mr. Zelensky at 9 a.m. Monday."]
        );
        assert_eq!(sentences("Troops left the U.N. mission. Then they returned."), ["Troops left the U.N. mission.", "Then they returned."]);
    }

    #[test]
    fn splits_at_stops_before_capitals_only() {
        assert_eq!(sentences("It rose 2.5 percent. 300 troops left! Why? no."), ["It rose 2.5 percent.", "300 troops left!", "Why? no."]);
    }

    #[test]
    fn quotations_end_after_the_closing_mark() {
        assert_eq!(
            sentences("“We will stay. The mission goes on,” he said. “No retreat.” Then silence."),
            ["“We will stay.", "The mission goes on,” he said.", "“No retreat.”", "Then silence."]
        );
        assert_eq!(sentences("He said \"enough.\" Nobody replied."), ["He said \"enough.\"", "Nobody replied."]);
    }

    #[test]
    fn headlines_and_bullets_are_their_own_lines() {
        assert_eq!(
            sentences("Russia Masses Troops Near Border\nMoscow said nothing.\n\n• 40,000 soldiers\n• 200 tanks"),
            ["Russia Masses Troops Near Border", "Moscow said nothing.", "• 40,000 soldiers", "• 200 tanks"]
        );
    }

    #[test]
    fn a_line_broken_mid_sentence_is_joined() {
        assert_eq!(sentences("He said the troops would train,\nadvise and assist. Then they left."), ["He said the troops would train,\nadvise and assist.", "Then they left."]);
    }

    #[test]
    fn datelines_stand_apart() {
        assert_eq!(
            sentences("ERBIL, Kurdistan Region - An official denied it."),
            ["ERBIL, Kurdistan Region -", "An official denied it."]
        );
        assert_eq!(sentences("WASHINGTON (Dispatches) -- The US is deploying troops."), ["WASHINGTON (Dispatches) --", "The US is deploying troops."]);
        assert_eq!(sentences("GOMA, Democratic Republic of Congo (Reuters) — M23 rebels advanced."), ["GOMA, Democratic Republic of Congo (Reuters) —", "M23 rebels advanced."]);
        assert_eq!(sentences("WASHINGTON: The Pentagon said so."), ["WASHINGTON:", "The Pentagon said so."]);
        assert_eq!(sentences("N'DJAMENA, Chad - The army left."), ["N'DJAMENA, Chad -", "The army left."]);
        assert_eq!(sentences("AL-KHOBAR, Saudi Arabia — Troops arrived."), ["AL-KHOBAR, Saudi Arabia —", "Troops arrived."]);
        assert_eq!(sentences("NEW YORK (AP) — Officials met."), ["NEW YORK (AP) —", "Officials met."]);
        assert_eq!(sentences("NY Times: U.S. Deploying 2,000 Troops"), ["NY Times: U.S. Deploying 2,000 Troops"]);
        assert_eq!(sentences("NATO - the alliance - met."), ["NATO - the alliance - met."]);
        assert_eq!(sentences("US - Iraq Talks Begin"), ["US - Iraq Talks Begin"]);
    }

    #[test]
    fn never_fails_on_odd_input() {
        assert!(sentences("").is_empty());
        assert_eq!(sentences("..."), ["..."]);
        assert_eq!(sentences("A. B. C."), ["A. B. C."]);
        assert_eq!(sentences("ÉTAT -"), ["ÉTAT -"]);
    }
}
