//! Name units and runs: the capitalised stretches of text in which people's and
//! organisations' names are looked for.
//!
//! A unit is one name word with what sticks to it: "al-Sudani", "Kosiniak-Kamysz",
//! "Shia’", "O’Brien", "L.", "Gen.", "256th"; a possessive "’s" ends a unit and its run.
//! A run is a stretch of adjacent units on one line ("Prime Minister Mohammed Shia’
//! al-Sudani"), with lower-case connectors ("of", "and", "bin") allowed inside.

use super::super::lexicon::Hit;
use super::super::schema::ActorKind;
use super::super::text::{Token, TokenKind};
use super::words;
use super::super::Span;
use std::ops::Range;

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A capitalised word, possibly joined by hyphens or an apostrophe.
    Cap,
    /// One capital letter, possibly with its dot.
    Initial,
    /// A lower-case name particle: "bin", "van", "de".
    Particle,
    /// A lower-case connector inside organisation names: "of", "and", "for", "the", "in".
    Connector,
    /// An ordinal number: "256th".
    Ordinal,
    /// Lower-case "army" or "navy" inside a unit name ("Louisiana army National Guard").
    LowerService,
}

/// One name word with its span and token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Bytes covered (without a possessive "’s").
    pub span: Span,
    /// What it is.
    pub kind: UnitKind,
    /// Tokens covered (the possessive's tokens included).
    pub tokens: (usize, usize),
    /// Followed by a possessive "’s".
    pub possessive: bool,
    /// A title or rank ([`words::is_title`]), decided once per unit.
    pub title: bool,
    /// A word that never starts a name ([`words::is_stop`]), decided once per unit.
    pub stop: bool,
    /// The kind of body a head word ends ([`words::head_kind`]), decided once per `Cap` unit.
    pub head: Option<ActorKind>,
    /// The lexicon hit that overlaps the unit, if any (an index into the hits given to [`units`]).
    pub hit: Option<usize>,
}

const PARTICLES: &[&str] = &["bin", "bint", "da", "de", "del", "der", "di", "dos", "du", "ibn", "la", "le", "van", "von"];
const CONNECTORS: &[&str] = &["and", "for", "in", "of", "the"];
const HYPHEN_PARTICLES: &[&str] = &["Al", "El", "ad", "al", "an", "ar", "as", "ash", "at", "el"];
const DOTTED: &[&str] = &[
    "Adm", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Dr", "Gen", "Gov", "Jr", "Lt", "Maj", "Mr", "Mrs", "Ms", "Rep",
    "Sen", "Sgt", "Sr", "St",
];

/// Whether `w` has the shape of one romanised Korean syllable ("Yong", "hyun", "kweun",
/// "jong"): an optional initial consonant, vowels, an optional final consonant. English
/// compound halves ("backed", "led", "based", "made") never have this shape.
fn is_korean_syllable(w: &str) -> bool {
    const INITIALS: &[&str] = &["ch", "jj", "kk", "pp", "ss", "tt", "b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t"];
    const FINALS: &[&str] = &["ng", "k", "l", "m", "n", "p", "t"];
    let w = w.to_ascii_lowercase();
    if w.len() > 6 {
        return false;
    }
    let rest = INITIALS.iter().find_map(|i| w.strip_prefix(i)).unwrap_or(&w);
    let vowels = rest.len() - rest.trim_start_matches(['a', 'e', 'i', 'o', 'u', 'w', 'y']).len();
    let tail = &rest[vowels..];
    (1..=3).contains(&vowels) && (tail.is_empty() || FINALS.contains(&tail))
}

fn is_apostrophe(s: &str) -> bool {
    s == "’" || s == "'"
}

/// Whether `w` is in the short `list`: lengths and first bytes compared inline first
/// (`<[&str]>::contains` calls a string compare per entry at opt-level "z", and this runs for most short words).
#[inline(always)]
fn listed(list: &[&str], w: &str) -> bool {
    let first = w.as_bytes().first();
    // An index loop: at opt-level "z" an iterator's `any` stays a call per entry.
    let mut i = 0;
    while i < list.len() {
        let x = list[i];
        if x.len() == w.len() && x.as_bytes().first() == first && x == w {
            return true;
        }
        i += 1;
    }
    false
}

/// The first bytes of `list`'s words as bits of a mask, 64 byte values per word (all ASCII:
/// checked when compiling). Two `u64`s rather than a `u128`, whose shifts are library calls in wasm.
const fn first_bytes(list: &[&str]) -> [u64; 2] {
    let mut mask = [0; 2];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes()[0];
        assert!(b < 128, "a word of a short list starts with a non-ASCII byte");
        mask[(b >> 6) as usize] |= 1 << (b & 63);
        i += 1;
    }
    mask
}

/// Whether `w` starts with a byte of the mask `firsts` (see [`first_bytes`]): one test
/// rules most words out of a list before [`listed`] compares any.
fn may_start(firsts: [u64; 2], w: &str) -> bool {
    matches!(w.as_bytes().first(), Some(&b) if b < 128 && firsts[usize::from(b >> 6)] >> (b & 63) & 1 == 1)
}

/// Whether `w` starts with an upper-case letter. Asked of nearly every word: forced inline (a
/// call at opt-level "z" otherwise) with only the ASCII test; other first chars go to [`starts_upper_char`].
#[inline(always)]
pub(super) fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => starts_upper_char(w),
    }
}

/// Whether `w`'s first char (not ASCII, or none) is upper-case.
fn starts_upper_char(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Splits the tokens into name units (linear time), each with the lexicon hit over it from
/// `hits` (disjoint, in text order).
pub fn units(text: &str, tokens: &[Token], hits: &[Hit]) -> Vec<Unit> {
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(text));
    let glued = |i: usize| tokens.get(i).is_some_and(|t| !t.space_before);
    // One ASCII punctuation byte, compared inline.
    let punct = |i: usize, p: u8| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.span.end == t.span.start + 1 && text.as_bytes().get(t.span.start) == Some(&p));
    let capital = |i: usize| word(i).is_some_and(starts_upper);
    // About one token in four is a name word or connector.
    let mut out = Vec::with_capacity(tokens.len() / 4);
    // How many hits start before the unit at hand ends: units come in text order, so it only grows.
    let mut after = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let start = t.span.start;
        let mut kind = None;
        let mut j = i;
        if let Some(w) = word(i) {
            if punct(i + 1, b'-') && listed(HYPHEN_PARTICLES, w) && glued(i + 1) && glued(i + 2) && capital(i + 2) {
                kind = Some(UnitKind::Cap);
                j = i + 2;
            } else if starts_upper(w) {
                // One char (of at most four bytes).
                let single = w.len() == 1 || w.len() <= 4 && w.chars().nth(1).is_none();
                kind = Some(if single { UnitKind::Initial } else { UnitKind::Cap });
            } else if w.len() > 4 {
                // No particle, connector or lower-case service word is longer.
            } else if may_start(const { first_bytes(PARTICLES) }, w) && listed(PARTICLES, w) {
                kind = Some(UnitKind::Particle);
            } else if may_start(const { first_bytes(CONNECTORS) }, w) && listed(CONNECTORS, w) {
                kind = Some(UnitKind::Connector);
            } else if w == "army" || w == "navy" {
                kind = Some(UnitKind::LowerService);
            }
        } else if t.kind == TokenKind::Number && word(i + 1).is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")) && glued(i + 1) {
            kind = Some(UnitKind::Ordinal);
            j = i + 1;
        }
        let Some(kind) = kind else {
            i += 1;
            continue;
        };
        let mut possessive = false;
        let mut end_tok = j;
        if matches!(kind, UnitKind::Cap | UnitKind::Initial) {
            loop {
                let next = end_tok + 1;
                let hyphen = punct(next, b'-') && glued(next) && glued(next + 1);
                if hyphen && (capital(next + 1) || tokens.get(next + 1).is_some_and(|t| t.kind == TokenKind::Number)) {
                    end_tok = next + 1;
                } else if hyphen && word(next + 1).is_some_and(|w| matches!(w, "in" | "of" | "de" | "du" | "la")) && punct(next + 2, b'-') && glued(next + 2) && glued(next + 3) && capital(next + 3) {
                    // "Commander-in-Chief", "Saint-de-Something": a lower-case link inside a hyphenated word.
                    end_tok = next + 3;
                } else if hyphen && word(next + 1) == Some("elect") {
                    // "President-elect".
                    end_tok = next + 1;
                } else if hyphen && word(end_tok).is_some_and(is_korean_syllable) && word(next + 1).is_some_and(is_korean_syllable) {
                    // "Kim Yong-hyun", "Kim Yo-jong": a Korean given name's lower-case second syllable.
                    end_tok = next + 1;
                } else if punct(next, b'.') && glued(next) && (kind == UnitKind::Initial || word(end_tok).is_some_and(|w| listed(DOTTED, w))) {
                    end_tok = next;
                    break;
                } else if tokens.get(next).is_some_and(|t| t.kind == TokenKind::Punct && is_apostrophe(t.text(text))) && glued(next) {
                    if word(next + 1) == Some("s") && glued(next + 1) && word(end_tok) == Some("People") {
                        // "People’s Defence Force", "Korean People's Army": part of the name.
                        end_tok = next + 1;
                        break;
                    } else if word(next + 1) == Some("s") && glued(next + 1) {
                        possessive = true;
                        break;
                    } else if word(next + 1).is_some() && glued(next + 1) {
                        end_tok = next + 1;
                    } else if word(end_tok).is_some_and(|w| w.ends_with('s')) && !word(next + 1).is_some_and(|w| w.starts_with(char::is_uppercase)) {
                        // "the Group of Experts' findings": a plural possessive, not part of the name.
                        break;
                    } else {
                        end_tok = next;
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        let span = Span::new(start, tokens[end_tok].span.end);
        let last = if possessive { end_tok + 2 } else { end_tok };
        // Only capitalised words are titles, stop words or head words (as `words`' tests check).
        let w = span.of(text);
        let (title, stop, head) = match kind {
            UnitKind::Cap => words::unit_facts(w),
            UnitKind::Initial => (false, words::is_stop(w), None),
            _ => (false, false, None),
        };
        while hits.get(after).is_some_and(|h| h.span.start < span.end) {
            after += 1;
        }
        let hit = after.checked_sub(1).filter(|&h| hits[h].span.overlaps(&span));
        out.push(Unit { span, kind, tokens: (i, last), possessive, title, stop, head, hit });
        i = last + 1;
    }
    out
}

/// Groups units into runs: adjacent units on one line; a possessive ends a run.
/// Runs neither start nor end with a connector, particle or lower-case service word.
pub fn runs(tokens: &[Token], units: &[Unit]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=units.len() {
        let breaks = i == units.len()
            || i == 0
            || units[i].tokens.0 != units[i - 1].tokens.1 + 1
            || tokens[units[i].tokens.0].newline_before
            || units[i - 1].possessive;
        if breaks {
            if i > start {
                push_trimmed(&mut out, units, start..i);
            }
            start = i;
        }
    }
    out
}

fn is_edge(u: &Unit) -> bool {
    matches!(u.kind, UnitKind::Cap | UnitKind::Initial | UnitKind::Ordinal)
}

fn push_trimmed(out: &mut Vec<Range<usize>>, units: &[Unit], mut r: Range<usize>) {
    while r.start < r.end && !is_edge(&units[r.start]) {
        r.start += 1;
    }
    while r.end > r.start && !is_edge(&units[r.end - 1]) {
        r.end -= 1;
    }
    if !r.is_empty() {
        out.push(r);
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::text::tokenize;
    use super::*;

    fn run_texts(text: &str) -> Vec<Vec<&str>> {
        let tokens = tokenize(text);
        let us = units(text, &tokens, &[]);
        runs(&tokens, &us).into_iter().map(|r| us[r].iter().map(|u| u.span.of(text)).collect()).collect()
    }

    #[test]
    fn joins_particles_hyphens_and_apostrophes() {
        assert_eq!(run_texts("Prime Minister Mohammed Shia’ al-Sudani said"), [["Prime", "Minister", "Mohammed", "Shia’", "al-Sudani"]]);
        assert_eq!(run_texts("minister Władysław Kosiniak-Kamysz"), [["Władysław", "Kosiniak-Kamysz"]]);
        assert_eq!(run_texts("Commander Jessica L. McNulty"), [["Commander", "Jessica", "L.", "McNulty"]]);
        assert_eq!(run_texts("Commander-in-Chief Oleksandr Syrskyi"), [["Commander-in-Chief", "Oleksandr", "Syrskyi"]]);
    }

    #[test]
    fn possessive_ends_a_run() {
        assert_eq!(run_texts("Iraq’s Security Media Cell"), [vec!["Iraq"], vec!["Security", "Media", "Cell"]]);
        assert_eq!(run_texts("the People’s Defence Force"), [["People’s", "Defence", "Force"]]);
    }

    #[test]
    fn lower_case_compound_halves_stay_out() {
        assert_eq!(run_texts("Iran-backed groups of the US"), [vec!["Iran"], vec!["US"]]);
        assert_eq!(run_texts("Seoul-based and Kremlin-run outlets"), [vec!["Seoul"], vec!["Kremlin"]]);
    }

    #[test]
    fn korean_given_names_keep_their_second_syllable() {
        assert_eq!(run_texts("Kim Yong-hyun and Lee Seong-kweun"), [["Kim", "Yong-hyun", "and", "Lee", "Seong-kweun"]]);
    }
}
