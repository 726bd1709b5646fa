//! The number grammar: every numeric expression, troop-related or not, with its value or bounds.
//!
//! Reads the shared tokens ([`super::text`]) left to right, once: digits with separators
//! ("1,500", "28 500", "2.5m"), number words ("twenty-five hundred", "a dozen"), vague
//! amounts ("tens of thousands"), ranges ("50-60,000", "between 4,000 and 5,000") and the
//! qualifiers around them ("more than", "some", "or so"). Each expression is also typed
//! (count, ordinal, money, percentage, year, date, time, age) so later stages can skip
//! what is not a count.

use super::schema::Qualifier;
use super::text::{is_dash_bytes, tokens_span, Token, TokenKind};
use super::wordset::{words, WordIndex};
use super::{Doc, Span};
use std::sync::OnceLock;

/// What sort of quantity a numeric expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count of things: "2,500", "two dozen", "hundreds of".
    Count,
    /// A rank, unit designation or reference mark: "256th", "101st", the footnote "\[2\]".
    Ordinal,
    /// An amount of money: "US$6 billion", "£40m", "300 dollars".
    Money,
    /// A share: "40%", "12 per cent".
    Percent,
    /// A calendar year: "in 2014", "2017 and 2019".
    Year,
    /// A day of a month: "January 4", "7 August".
    Date,
    /// A clock time: "10:30", "9 a.m.".
    Time,
    /// Someone's age: "25-year-old", "aged 19".
    Age,
    /// A number with a fraction and no scale word: "2.5".
    Fraction,
}

/// A numeric expression: "around 2,500", "between 4,000 and 5,000", "hundreds of".
#[derive(Debug, Clone, PartialEq)]
pub struct NumberExpr {
    /// From the qualifier, if any, through the last number word.
    pub span: Span,
    /// The number words alone, without the qualifier ("2,500" in "around 2,500").
    pub number: Span,
    /// The number, when one is given.
    pub value: Option<u64>,
    /// Lower bound.
    pub min: Option<u64>,
    /// Upper bound.
    pub max: Option<u64>,
    /// How the number bounds the amount.
    pub qualifier: Qualifier,
    /// What sort of quantity it is.
    pub kind: NumberKind,
}

impl NumberExpr {
    /// Whether this is a count (the only kind that can size a force).
    pub fn is_count(&self) -> bool {
        self.kind == NumberKind::Count
    }
}

/// Every numeric expression in the document, in text order.
pub fn find(doc: &Doc) -> Vec<NumberExpr> {
    find_classed(doc, &token_classes(doc))
}

/// [`find`] with each token's classes already looked up, as [`token_classes`] gives them (the figure
/// reader looks its tokens up in one index holding its lists and [`tagged_words`], once for both stages;
/// the grammar reads only its own bits, [`FIRST_BIT`] and above).
pub(super) fn find_classed(doc: &Doc, classes: &[u64]) -> Vec<NumberExpr> {
    let s = Scanner { text: doc.text, toks: &doc.tokens, classes };
    let mut out: Vec<NumberExpr> = Vec::new();
    let mut i = 0;
    while i < s.toks.len() {
        if !s.may_start(i) {
            i += 1;
            continue;
        }
        match s.expression(i, out.last()) {
            Some((expr, next)) => {
                out.push(expr);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Number words and their values.
const UNITS: [(&str, u64); 19] = [
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
    ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19),
];
const TENS: [(&str, u64); 8] = [
    ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
];
/// Scale words after a number ("4 thousand", "1.5 million").
const SCALES: [(&str, u64); 6] =
    [("hundred", 100), ("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000), ("lakh", 100_000), ("crore", 10_000_000)];
/// Scale suffixes glued to digits ("2.5m", "1.5k", "6bn").
const SUFFIXES: [(&str, u64); 5] = [("k", 1_000), ("m", 1_000_000), ("mn", 1_000_000), ("bn", 1_000_000_000), ("b", 1_000_000_000)];
/// Vague plurals: "hundreds (of)" and their plausible bounds.
const VAGUE: [(&str, u64, u64); 5] = [
    ("dozens", 24, 99), ("scores", 40, 99), ("hundreds", 100, 999), ("thousands", 1_000, 9_999),
    ("millions", 1_000_000, 9_999_999),
];
const MONTHS: &str = "\
    january february march april may june july august september october november december jan feb mar apr jun jul \
    aug sep sept oct nov";
const CURRENCY_WORDS: &str = "\
    dollar dollars euro euros pound pounds sterling ruble rubles rouble roubles yuan yen rupee rupees hryvnia hryvnias \
    shekels riyals dinars usd eur gbp cents";
const CURRENCY_CODES: &str = "usd eur gbp rs inr rub uah cad";
/// Words before a 4-digit number that make it a year.
const YEAR_CUES: &str = "in since by until till from before after during of early late mid year summer winter";

/// Every word that can open an expression (sorted): "a", "between", "half", "several",
/// vague plurals, number words and the first words of the qualifiers. A test checks it covers them all.
const OPENERS: &str = "\
    a about above almost an approx approximately around as at below between circa close closer dozens eight eighteen \
    eighty eleven entre environ estimated fewer fifteen fifty five forty four fourteen half hundreds in just less \
    millions more nearly nine nineteen ninety no north not one over plus près quelque roughly scores seven seventeen \
    seventy several six sixteen sixty slightly some ten tens the thirteen thirty thousands three twelve twenty two \
    under up upward upwards well";

/// Qualifiers before the number, longest first, with what they mean.
const PRE_QUALIFIERS: [(&[&str], Qualifier); 49] = [
    (&["slightly", "more", "than"], Qualifier::AtLeast),
    (&["a", "little", "over"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["just", "shy", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["more", "than"], Qualifier::AtLeast),
    (&["at", "least"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["upward", "of"], Qualifier::AtLeast),
    (&["just", "over"], Qualifier::AtLeast),
    (&["well", "over"], Qualifier::AtLeast),
    (&["north", "of"], Qualifier::AtLeast),
    (&["up", "to"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["less", "than"], Qualifier::AtMost),
    (&["closer", "to"], Qualifier::Approximate),
    (&["close", "to"], Qualifier::AtMost),
    (&["just", "under"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["an", "estimated"], Qualifier::Approximate),
    (&["an", "approximate"], Qualifier::Approximate),
    (&["the", "estimated"], Qualifier::Approximate),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["nearly"], Qualifier::AtMost),
    (&["almost"], Qualifier::AtMost),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
    (&["around"], Qualifier::Approximate),
    (&["about"], Qualifier::Approximate),
    (&["approximately"], Qualifier::Approximate),
    (&["approx", "."], Qualifier::Approximate),
    (&["approx"], Qualifier::Approximate),
    (&["roughly"], Qualifier::Approximate),
    (&["some"], Qualifier::Approximate),
    (&["estimated"], Qualifier::Approximate),
    (&["circa"], Qualifier::Approximate),
    (&["~"], Qualifier::Approximate),
    // French, as translated copy keeps it: "plus de 2 000 soldats", "environ 1 500".
    (&["plus", "de"], Qualifier::AtLeast),
    (&["près", "de"], Qualifier::AtMost),
    (&["environ"], Qualifier::Approximate),
    (&["quelque"], Qualifier::Approximate),
];

/// Words that say a "from A to B" pair is a change, not a range.
const CHANGE_WORDS: &str = "\
    reduce reduced reducing cut cuts cutting increase increased increasing raise raised rise rose risen grow grew grown \
    fall fell fallen drop dropped boost boosted lower lowered shrink shrank expand expanded";

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| same_word(w, word)).map(|&(_, v)| v)
}

fn one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| same_word(w, word))
}

/// Orders a lexicon entry (lower case) against a word of any case, by the word's lower-case bytes.
pub(super) fn folded_cmp(entry: &str, word: &str) -> std::cmp::Ordering {
    // A plain loop: the iterator form is not inlined at opt-level "z" and costs a fifth of the stage.
    let (a, b) = (entry.as_bytes(), word.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        let y = b[i].to_ascii_lowercase();
        if a[i] != y {
            return a[i].cmp(&y);
        }
        i += 1;
    }
    a.len().cmp(&b.len())
}

/// The grammar's classes are the top bits of a `u64`, from this one up, so that the figure reader's index
/// can hold them beside its own lists, below ([`find_classed`]).
pub(super) const FIRST_BIT: u32 = 51;
/// Where the field of [`word_classes`] for a qualifier's first word starts: the place in [`PRE_QUALIFIERS`]
/// of the first qualifier it opens, plus one (0 for a word that opens no qualifier; see [`SAME_HEAD`]).
const HEAD_SHIFT: u32 = FIRST_BIT;
/// The field at [`HEAD_SHIFT`] (six bits).
const HEAD: u64 = 0x3F << HEAD_SHIFT;
/// The bit of [`word_classes`] for a word that can open an expression (is in [`OPENERS`]).
const OPENS: u64 = 1 << (HEAD_SHIFT + 6);
/// The bit of [`word_classes`] for a word that can start a number: a number word, a vague amount,
/// "a", "an", "half", "several". Every other word fails [`Scanner::atom`].
const STARTS_ATOM: u64 = OPENS << 1;
/// The bit of [`word_classes`] for a month's name or abbreviation ([`MONTHS`]).
const MONTH: u64 = STARTS_ATOM << 1;
/// The bit of [`word_classes`] for a currency's name after an amount ([`CURRENCY_WORDS`]).
const CURRENCY_WORD: u64 = MONTH << 1;
/// The bit of [`word_classes`] for a currency's code before an amount ([`CURRENCY_CODES`]).
const CURRENCY_CODE: u64 = CURRENCY_WORD << 1;
/// The bit of [`word_classes`] for a word before a 4-digit number that makes it a year ([`YEAR_CUES`]).
const YEAR_CUE: u64 = CURRENCY_CODE << 1;
/// The bit of [`word_classes`] for a word that makes "from A to B" a change ([`CHANGE_WORDS`]); the last bit.
const CHANGE: u64 = YEAR_CUE << 1;
const _: () = assert!(CHANGE == 1 << 63);

/// For each of [`PRE_QUALIFIERS`], the qualifiers that open with the same word (bit `k` for
/// `PRE_QUALIFIERS[k]`). A word's [`HEAD`] field is the place of the first qualifier it opens, plus one.
const SAME_HEAD: [u64; PRE_QUALIFIERS.len()] = same_heads();

/// [`SAME_HEAD`], computed at compile time.
const fn same_heads() -> [u64; PRE_QUALIFIERS.len()] {
    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut i = 0;
        while i < a.len() && i < b.len() && a[i] == b[i] {
            i += 1;
        }
        i == a.len() && i == b.len()
    }
    let mut out = [0; PRE_QUALIFIERS.len()];
    let mut k = 0;
    while k < out.len() {
        let mut j = 0;
        while j < out.len() {
            if same(PRE_QUALIFIERS[k].0[0], PRE_QUALIFIERS[j].0[0]) {
                out[k] |= 1 << j;
            }
            j += 1;
        }
        k += 1;
    }
    out
}

/// The words of the grammar's lists, each with its bits ([`HEAD`], [`OPENS`], [`STARTS_ATOM`],
/// [`MONTH`]...), in lower case: the words of [`word_classes`]'s index.
pub(super) fn tagged_words() -> Vec<(&'static str, u64)> {
    let numbers = UNITS.iter().chain(&TENS).map(|e| e.0).chain(VAGUE.iter().map(|e| e.0));
    let atoms: Vec<&'static str> = numbers.chain(["a", "an", "half", "tens", "hundreds", "several"]).collect();
    let heads = PRE_QUALIFIERS.iter().zip(SAME_HEAD).map(|((phrase, _), same)| (phrase[0], u64::from(same.trailing_zeros() + 1) << HEAD_SHIFT));
    let mut tagged: Vec<(&'static str, u64)> = heads.collect();
    tagged.extend(words(OPENERS).map(|w| (w, OPENS)));
    tagged.extend(atoms.iter().map(|&w| (w, STARTS_ATOM)));
    let lists = [(MONTHS, MONTH), (CURRENCY_WORDS, CURRENCY_WORD), (CURRENCY_CODES, CURRENCY_CODE), (YEAR_CUES, YEAR_CUE), (CHANGE_WORDS, CHANGE)];
    for (list, bit) in lists {
        tagged.extend(words(list).map(|w| (w, bit)));
    }
    tagged
}

/// The bits of [`tagged_words`] for `word`, ignoring ASCII case: one hash lookup.
fn word_classes(word: &str) -> u64 {
    static INDEX: OnceLock<WordIndex<u64>> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::from_words(&tagged_words())).folded_classes(word)
}

/// [`word_classes`] of every token, looked up once: the grammar asks them of a token again and again.
/// Numbers have none; the one punctuation with any is "~", a qualifier.
fn token_classes(doc: &Doc) -> Box<[u64]> {
    let classes = doc.tokens.iter().map(|t| match t.kind {
        TokenKind::Word => word_classes(t.text(doc.text)),
        TokenKind::Punct if t.is(doc.text, "~") => word_classes("~"),
        _ => 0,
    });
    classes.collect()
}

/// ASCII case-insensitive equality, with the length and first byte compared inline first: the table scans
/// of this stage and of [`super::figures`] call it for most tokens, and most lengths differ.
#[inline(always)]
pub(super) fn same_word(a: &str, b: &str) -> bool {
    let first = |s: &str| s.as_bytes().first().map(u8::to_ascii_lowercase);
    a.len() == b.len() && first(a) == first(b) && a.eq_ignore_ascii_case(b)
}

/// A number as read, before qualifiers and ranges: integer and fractional digits times a scale.
#[derive(Clone, Copy)]
struct Amount {
    /// Digits before and after the decimal point, as one integer.
    digits: u64,
    /// How many of `digits` are decimals.
    decimals: u32,
    /// Multiplier from a scale word or suffix (1 when none).
    scale: u64,
    /// Written with thousands separators ("60,000").
    grouped: bool,
    /// Vague bounds ("hundreds of"), instead of a number.
    vague: Option<(u64, u64)>,
}

impl Amount {
    fn plain(value: u64) -> Self {
        Amount { digits: value, decimals: 0, scale: 1, grouped: false, vague: None }
    }

    /// The whole value, if it is a whole number.
    fn value(&self) -> Option<u64> {
        let den = 10u64.checked_pow(self.decimals)?;
        let num = (self.digits as u128).checked_mul(self.scale as u128)?;
        (num % den as u128 == 0).then(|| u64::try_from(num / den as u128).ok()).flatten()
    }
}

/// One parsed atom: its amount, its first and one-past-last token.
struct Atom {
    amount: Amount,
    start: usize,
    end: usize,
    /// Words, not digits ("two thousand").
    words: bool,
    /// A rank ("256th"), not an amount.
    ordinal: bool,
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Each token's [`word_classes`] ([`token_classes`]).
    classes: &'a [u64],
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    /// Token `i`'s [`word_classes`] (none past either end).
    fn class(&self, i: usize) -> u64 {
        self.classes.get(i).copied().unwrap_or(0)
    }

    /// Whether token `i` is in the list of `bit` ([`MONTH`], [`CURRENCY_WORD`]...).
    fn in_list(&self, i: usize, bit: u64) -> bool {
        self.class(i) & bit != 0
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The bytes of token `i` (empty past either end): punctuation is matched on them inline, where
    /// `word(i) == ","` is two calls at opt-level "z" (slicing the `str`, comparing it).
    fn bytes(&self, i: usize) -> &'a [u8] {
        self.toks.get(i).and_then(|t| self.text.as_bytes().get(t.span.start..t.span.end)).unwrap_or_default()
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word(self.text, w))
    }

    fn is_number(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// Token `i` follows the one before it with no space.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn is_dash(&self, i: usize) -> bool {
        is_dash_bytes(self.bytes(i))
    }

    /// A cheap test that token `i` can open an expression: a digit, "~", or a word that begins
    /// a qualifier, a number word or a vague amount.
    fn may_start(&self, i: usize) -> bool {
        self.is_number(i) || self.in_list(i, OPENS | HEAD)
    }

    /// Parses one expression starting at token `i` (its qualifier, if any, starts there).
    fn expression(&self, i: usize, prev: Option<&NumberExpr>) -> Option<(NumberExpr, usize)> {
        let (qualifier, qlen) = self.pre_qualifier(i);
        let at = i + qlen;
        if (self.is(at, "between") || self.is(at, "entre")) && qlen == 0 {
            let a = self.atom(at + 1)?;
            if self.is(a.end, "and") || self.is(a.end, "et") {
                if let Some(b) = self.atom(a.end + 1) {
                    return self.range(i, a, b, true);
                }
            }
            return None;
        }
        let a = self.atom(at)?;
        // "from A to B": a range only when nothing says it is a change.
        if let Some(b) = self.range_tail(&a) {
            let change = self.is(at.wrapping_sub(1), "from") && (at.saturating_sub(14)..at).any(|k| self.in_list(k, CHANGE));
            let ordered = match (a.amount.value(), b.amount.value()) {
                (Some(x), Some(y)) => x < y || scaled_left(&a.amount, &b.amount).is_some_and(|x| x < y),
                _ => false,
            };
            if ordered && !change {
                return self.range(i, a, b, false);
            }
        }
        let kind = self.kind_of(&a, prev);
        let (qualifier, end) = self.post_qualifier(a.end, if qlen > 0 { Some(qualifier) } else { None });
        let start = if kind == NumberKind::Count { i } else { at };
        let qualifier = if kind == NumberKind::Count { qualifier } else { Qualifier::Exact };
        let expr = self.build(start, end, &a, qualifier, kind);
        Some((expr, end))
    }

    /// A qualifier ending right before a number; returns it and its length in tokens.
    fn pre_qualifier(&self, i: usize) -> (Qualifier, usize) {
        // Most expressions open on their digits, and no qualifier does.
        if self.is_number(i) {
            return (Qualifier::Exact, 0);
        }
        // The qualifiers that open with this word, in order (one lookup, not a scan of them all).
        let head = (self.class(i) & HEAD) >> HEAD_SHIFT;
        let mut heads = SAME_HEAD.get((head as usize).wrapping_sub(1)).copied().unwrap_or(0);
        while heads != 0 {
            let (words, q) = PRE_QUALIFIERS[heads.trailing_zeros() as usize];
            heads &= heads - 1;
            let rest_matches = || words.iter().enumerate().skip(1).all(|(k, w)| self.is(i + k, w));
            if rest_matches() && self.starts_atom(i + words.len()) {
                return (q, words.len());
            }
        }
        (Qualifier::Exact, 0)
    }

    /// Qualifiers after the number: "or more", "or so", "-plus", "+".
    fn post_qualifier(&self, end: usize, pre: Option<Qualifier>) -> (Qualifier, usize) {
        let q = pre.unwrap_or(Qualifier::Exact);
        if self.is(end, "or") && self.is(end + 1, "more") {
            return (Qualifier::AtLeast, end + 2);
        }
        if self.is(end, "or") && self.is(end + 1, "so") {
            return (Qualifier::Approximate, end + 2);
        }
        if matches!(self.bytes(end), b"+") && self.glued(end) {
            return (Qualifier::AtLeast, end + 1);
        }
        if self.is_dash(end) && self.is(end + 1, "plus") && self.glued(end) {
            return (Qualifier::AtLeast, end + 2);
        }
        (q, end)
    }

    fn starts_atom(&self, i: usize) -> bool {
        self.is_number(i) || self.word_value(i).is_some() || self.vague_at(i).is_some()
            || (self.is(i, "a") || self.is(i, "an")) && (self.scale_word(i + 1).is_some() || self.is(i + 1, "dozen"))
            || self.is(i, "half") && self.is(i + 1, "a") && (self.scale_word(i + 2).is_some() || self.is(i + 2, "dozen"))
            || self.is(i, "between")
            || self.is(i, "entre")
    }

    /// A second number after a dash, "to" or "or", when it makes a range with `a`.
    fn range_tail(&self, a: &Atom) -> Option<Atom> {
        let sep = a.end;
        if a.ordinal || a.amount.vague.is_some() {
            return None;
        }
        if self.is_dash(sep) || self.is(sep, "to") || self.is(sep, "or") || self.is(sep, "à") {
            let b = self.atom(sep + 1)?;
            if b.ordinal || b.amount.vague.is_some() || (a.words != b.words && !self.is_dash(sep)) {
                return None;
            }
            // "555-1234-99", "2024-01-04": codes and dates, not ranges.
            if self.is_dash(sep) && self.is_dash(b.end) && self.is_number(b.end + 1) {
                return None;
            }
            return Some(b);
        }
        None
    }

    fn range(&self, start: usize, a: Atom, b: Atom, between: bool) -> Option<(NumberExpr, usize)> {
        let hi = b.amount.value()?;
        let lo = scaled_left(&a.amount, &b.amount).filter(|&x| x < hi).or_else(|| a.amount.value())?;
        if lo >= hi && !between {
            return None;
        }
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        let span = tokens_span(self.toks, start, b.end - 1);
        let number = Span::new(self.toks[a.start].span.start, span.end);
        let expr = NumberExpr { span, number, value: None, min: Some(lo), max: Some(hi), qualifier: Qualifier::Range, kind: NumberKind::Count };
        Some((expr, b.end))
    }

    fn build(&self, start: usize, end: usize, a: &Atom, qualifier: Qualifier, kind: NumberKind) -> NumberExpr {
        // A quoted amount's opening quote is before where the expression was found.
        let span = tokens_span(self.toks, start.min(a.start), end - 1);
        let number = tokens_span(self.toks, a.start, a.end - 1);
        if let Some((lo, hi)) = a.amount.vague {
            return NumberExpr { span, number, value: None, min: Some(lo), max: Some(hi), qualifier: Qualifier::Vague, kind };
        }
        let value = a.amount.value();
        if value.is_none() {
            return NumberExpr { span, number, value: None, min: None, max: None, qualifier, kind: NumberKind::Fraction };
        }
        let (min, max) = match qualifier {
            Qualifier::AtLeast => (value, None),
            Qualifier::AtMost => (None, value),
            _ => (value, value),
        };
        NumberExpr { span, number, value, min, max, qualifier, kind }
    }

    /// What sort of quantity an atom is, from the words around it.
    fn kind_of(&self, a: &Atom, prev: Option<&NumberExpr>) -> NumberKind {
        let (s, e) = (a.start, a.end);
        // A footnote marker, "island.[2]" or a note opening "[2] Estimate by...", refers; it counts nothing.
        let footnote = !a.words && e == s + 1 && self.bytes(s).len() <= 3 && self.word(s.wrapping_sub(1)) == "[" && self.glued(s)
            && matches!(self.bytes(e), b"]") && self.glued(e);
        if a.ordinal || footnote {
            return NumberKind::Ordinal;
        }
        let before = s.wrapping_sub(1);
        let value = a.amount.value().unwrap_or(0);
        if matches!(self.word(before), "$" | "£" | "€" | "¥" | "₹" | "₽" | "₴" | "₪") || self.in_list(before, CURRENCY_CODE)
            || self.in_list(e, CURRENCY_WORD)
        {
            return NumberKind::Money;
        }
        if matches!(self.bytes(e), b"%") || self.is(e, "percent") || self.is(e, "pct") || (self.is(e, "per") && self.is(e + 1, "cent")) {
            return NumberKind::Percent;
        }
        if a.words {
            return if self.is_age_after(e) { NumberKind::Age } else { NumberKind::Count };
        }
        let digits = self.word(s);
        if matches!(self.bytes(e), b":") && self.glued(e) && self.is_number(e + 1) {
            return NumberKind::Time;
        }
        if ["am", "pm", "GMT", "UTC", "GMT+"].iter().any(|w| self.is(e, w))
            || (self.is(e, "a") || self.is(e, "p")) && matches!(self.bytes(e + 1), b".") && self.is(e + 2, "m")
        {
            return NumberKind::Time;
        }
        if self.is_age_after(e) || self.is(before, "aged") || self.is(before, "age") {
            return NumberKind::Age;
        }
        let month = |i: usize| self.tok(i).is_some_and(|t| t.is_capitalized(self.text)) && self.in_list(i, MONTH);
        let month_before = month(before) || (matches!(self.bytes(before), b".") && month(before.wrapping_sub(1)));
        if (month_before || month(e)) && (1..=31).contains(&value) && !a.amount.grouped {
            return NumberKind::Date;
        }
        let yearish = digits.len() == 4 && e == s + 1 && (1900..=2100).contains(&value);
        if yearish {
            let prev_year = prev.is_some_and(|p| matches!(p.kind, NumberKind::Year | NumberKind::Date))
                && (one_of(&["and", "or", "to", ",", "-", "–"], self.word(before)));
            let decade = self.is(e, "s") && self.glued(e);
            let cue = self.in_list(before, YEAR_CUE) || month(before) || month(before.wrapping_sub(1));
            let ends = self.tok(e).is_none_or(|t| t.kind == TokenKind::Punct && !self.is_dash(e));
            // "a 2023 review", "the 2022 invasion": a year modifying a singular noun ("the 2000 troops" stays a count).
            let singular_next = self.tok(e).is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized(self.text))
                && !self.word(e).ends_with('s');
            let attributive = one_of(&["a", "an"], self.word(before)) || one_of(&["the", "its", "their", "this", "that"], self.word(before)) && singular_next;
            if prev_year || decade || cue || ends || attributive {
                return NumberKind::Year;
            }
        }
        NumberKind::Count
    }

    /// "-year-old", "years old", "-year-olds".
    fn is_age_after(&self, e: usize) -> bool {
        let year = |i: usize| self.is(i, "year") || self.is(i, "years");
        (self.is_dash(e) && year(e + 1) && self.is_dash(e + 2) && self.word(e + 3).to_ascii_lowercase().starts_with("old"))
            || (year(e) && self.is(e + 1, "old"))
    }

    fn scale_word(&self, i: usize) -> Option<u64> {
        lookup(&SCALES, self.word(i))
    }

    fn word_value(&self, i: usize) -> Option<u64> {
        let w = self.word(i);
        lookup(&UNITS, w).or_else(|| lookup(&TENS, w))
    }

    /// Vague amounts starting at `i`: bounds and end token.
    fn vague_at(&self, i: usize) -> Option<(u64, u64, usize)> {
        let w = self.word(i);
        // "tens of thousands", "hundreds of thousands", "tens of millions".
        if (self.is(i, "tens") || self.is(i, "hundreds")) && self.is(i + 1, "of") {
            let inner = lookup(&[("thousands", 1_000u64), ("millions", 1_000_000)], self.word(i + 2));
            if let Some(scale) = inner {
                let base = if self.is(i, "tens") { 10 } else { 100 };
                return Some((base * scale, base * scale * 10 - 1, self.of_end(i + 3)));
            }
        }
        // "several thousand", "a few hundred", "a couple of hundred", "several dozen".
        let (lo_mul, hi_mul, next) = if self.is(i, "several") {
            (3, 9, i + 1)
        } else if self.is(i, "a") && self.is(i + 1, "few") {
            (2, 5, i + 2)
        } else if self.is(i, "a") && self.is(i + 1, "couple") {
            (2, 3, if self.is(i + 2, "of") { i + 3 } else { i + 2 })
        } else if self.is(i, "a") && self.is(i + 1, "handful") && self.is(i + 2, "of") {
            return Some((2, 9, i + 3));
        } else {
            (0, 0, i)
        };
        if next > i {
            let unit = self.scale_word(next).filter(|&u| u >= 100).or_else(|| self.is(next, "dozen").then_some(12))?;
            return Some((lo_mul * unit, hi_mul * unit + unit - 1, self.of_end(next + 1)));
        }
        let (_, lo, hi) = VAGUE.iter().find(|(v, _, _)| same_word(v, w))?;
        // '"dozens" of troops': a quoted amount still ties to its noun.
        if self.quoted(i) && self.is(i + 2, "of") {
            return Some((*lo, *hi, i + 3));
        }
        if self.is(i, "scores") && !self.is(i + 1, "of") {
            return None;
        }
        Some((*lo, *hi, self.of_end(i + 1)))
    }

    /// Whether the word at `i` stands alone in double quotes: '"dozens"'.
    fn quoted(&self, i: usize) -> bool {
        i > 0 && matches!(self.bytes(i - 1), b"\"" | [0xE2, 0x80, 0x9C]) && matches!(self.bytes(i + 1), b"\"" | [0xE2, 0x80, 0x9D])
    }

    /// Past an "of" that ties a vague amount to its noun.
    fn of_end(&self, i: usize) -> usize {
        if self.is(i, "of") {
            i + 1
        } else {
            i
        }
    }

    /// One number (digits or words, with scale) starting at token `i`.
    fn atom(&self, i: usize) -> Option<Atom> {
        if self.is_number(i) {
            return self.digit_atom(i);
        }
        // Most words tried ("the", "in", "more") cannot start one: one lookup turns them away.
        if !self.in_list(i, STARTS_ATOM) {
            return None;
        }
        if let Some((lo, hi, end)) = self.vague_at(i) {
            let amount = Amount { vague: Some((lo, hi)), ..Amount::plain(0) };
            // The quotes around a quoted amount are part of it.
            let start = if end == i + 3 && self.quoted(i) { i - 1 } else { i };
            return Some(Atom { amount, start, end, words: true, ordinal: false });
        }
        self.word_atom(i)
    }

    fn digit_atom(&self, i: usize) -> Option<Atom> {
        let first = self.word(i);
        // Designations glued to letters ("F-16", "MiG-29", "T-72") and codes with a leading zero.
        let after_word = self.toks.get(i.wrapping_sub(2)).is_some_and(|t| t.kind == TokenKind::Word);
        if self.is_dash(i.wrapping_sub(1)) && self.glued(i) && self.glued(i.wrapping_sub(1)) && after_word {
            return None;
        }
        if (first.len() > 1 && first.starts_with('0')) || matches!(self.bytes(i.wrapping_sub(1)), b"+" | b"/" | b"#" | b":") && self.glued(i) {
            return None;
        }
        // The tail of a dotted date or code: "2024" in "04.01.2024".
        if matches!(self.bytes(i.wrapping_sub(1)), b".") && self.glued(i) && self.glued(i.wrapping_sub(1)) && self.is_number(i.wrapping_sub(2)) {
            return None;
        }
        if matches!(self.bytes(i + 1), b"/") && self.glued(i + 1) && self.is_number(i + 2) {
            return None;
        }
        let mut digits: u64 = first.parse().ok()?;
        let mut end = i + 1;
        let mut grouped = false;
        while matches!(self.bytes(end), b",") && self.glued(end) && self.glued(end + 1) && self.is_number(end + 1) && self.bytes(end + 1).len() == 3 && first.len() <= 3 {
            digits = digits.checked_mul(1000)?.checked_add(self.word(end + 1).parse().ok()?)?;
            end += 2;
            grouped = true;
        }
        // "28 500": space-separated thousands (never three groups: that is a phone number).
        let spaced = |k: usize| self.is_number(k) && self.bytes(k).len() == 3 && self.tok(k).is_some_and(|t| t.space_before && !t.newline_before);
        if !grouped && first.len() <= 3 && spaced(end) && !self.is_number(i.wrapping_sub(1)) {
            if spaced(end + 1) {
                return None;
            }
            digits = digits * 1000 + self.word(end).parse::<u64>().ok()?;
            end += 1;
            grouped = true;
        }
        // "3.000 soldiers", "1.200.000" (translated European text): dots before groups of three digits
        // and no scale word are thousands separators ("1.500 million" stays a decimal).
        let dotted = |k: usize| matches!(self.bytes(k), b".") && self.glued(k) && self.glued(k + 1) && self.is_number(k + 1) && self.bytes(k + 1).len() == 3;
        if !grouped && (1..=3).contains(&first.len()) && !first.starts_with('0') && dotted(end) {
            let mut k = end;
            while dotted(k) {
                k += 2;
            }
            let suffixed = self.glued(k) && self.tok(k).is_some_and(|t| t.kind == TokenKind::Word);
            if self.scale_word(k).is_none() && !suffixed && !(matches!(self.bytes(k), b".") && self.glued(k) && self.is_number(k + 1)) {
                while end < k {
                    digits = digits.checked_mul(1000)?.checked_add(self.word(end + 1).parse().ok()?)?;
                    end += 2;
                }
                grouped = true;
            }
        }
        let mut decimals = 0;
        // "1,5 million" (translated European text): a comma before one or two digits and a scale word
        // cannot separate thousands, so it is a decimal comma.
        let decimal_comma = !grouped
            && matches!(self.bytes(end), b",")
            && (1..=2).contains(&self.bytes(end + 1).len())
            && self.scale_word(end + 2).is_some_and(|s| s >= 1_000);
        if (matches!(self.bytes(end), b".") || decimal_comma) && self.glued(end) && self.glued(end + 1) && self.is_number(end + 1) {
            if matches!(self.bytes(end + 2), b".") && self.is_number(end + 3) {
                return None; // "1.2.3", "04.01.2024"
            }
            let frac = self.word(end + 1);
            decimals = u32::try_from(frac.len()).ok().filter(|&d| d <= 6)?;
            digits = digits.checked_mul(10u64.pow(decimals))?.checked_add(frac.parse().ok()?)?;
            end += 2;
        }
        let mut scale = 1;
        if self.glued(end) && self.tok(end).is_some_and(|t| t.kind == TokenKind::Word) {
            let suffix = self.word(end);
            if one_of(&["st", "nd", "rd", "th"], suffix) {
                let amount = Amount { digits, decimals, scale, grouped, vague: None };
                return Some(Atom { amount, start: i, end: end + 1, words: false, ordinal: true });
            }
            match lookup(&SUFFIXES, suffix) {
                Some(s) => {
                    scale = s;
                    end += 1;
                }
                None if suffix == "s" => {}
                None => return None, // "5G", "4x4", "3D", "20km"
            }
        } else if let Some(s) = self.scale_word(end) {
            scale = s;
            end += 1;
            if let Some(s2) = self.scale_word(end).filter(|&s2| s2 > s) {
                scale *= s2; // "2 hundred thousand"
                end += 1;
            }
        }
        Some(Atom { amount: Amount { digits, decimals, scale, grouped, vague: None }, start: i, end, words: false, ordinal: false })
    }

    fn word_atom(&self, i: usize) -> Option<Atom> {
        let mut k = i;
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut any = false;
        // "a hundred", "a thousand", "a dozen", "half a dozen", "half a million".
        if self.is(k, "half") && self.is(k + 1, "a") {
            let whole = self.scale_word(k + 2).or_else(|| self.is(k + 2, "dozen").then_some(12))?;
            return Some(Atom { amount: Amount::plain(whole / 2), start: i, end: k + 3, words: true, ordinal: false });
        }
        if (self.is(k, "a") || self.is(k, "an")) && (self.scale_word(k + 1).is_some() || self.is(k + 1, "dozen")) {
            current = 1;
            any = true;
            k += 1;
        }
        if self.is(i, "one") && (self.is(i.wrapping_sub(1), "no") || self.is(i + 1, "another")) {
            return None;
        }
        loop {
            let w = self.word(k);
            if let Some(v) = lookup(&UNITS, w) {
                if any && current % 10 != 0 && current % 100 != 0 {
                    break;
                }
                if any && current % 100 != 0 && current >= 20 && v >= 10 {
                    break;
                }
                current += v;
            } else if let Some(v) = lookup(&TENS, w) {
                if any && current % 100 != 0 {
                    break;
                }
                current += v;
                // "twenty-five"
                if self.is_dash(k + 1) && self.glued(k + 1) {
                    if let Some(u) = lookup(&UNITS, self.word(k + 2)).filter(|&u| u < 10) {
                        current += u;
                        k += 2;
                    }
                }
            } else if self.is(k, "dozen") && any {
                current = current.max(1) * 12;
                k += 1;
                break;
            } else if let Some(scale) = self.scale_word(k).filter(|_| any) {
                if scale == 100 {
                    current = current.max(1) * 100;
                } else {
                    total += current.max(1) * scale;
                    current = 0;
                }
            } else if self.is(k, "and") && any && self.word_value(k + 1).is_some() && (current >= 100 || total > 0) {
                // "one hundred and fifty"
            } else {
                break;
            }
            any = true;
            k += 1;
        }
        if !any || k == i {
            return None;
        }
        // "two-thirds", "one-quarter": a share, not a count.
        if self.is_dash(k) && self.glued(k) && one_of(&["half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths"], self.word(k + 1)) {
            return None;
        }
        let value = total + current;
        // Keep the closing scale word so a range can lend it to its left end: "two to three thousand".
        let scale = self.scale_word(k - 1).filter(|&s| value % s == 0).unwrap_or(1);
        let amount = Amount { digits: value / scale, scale, ..Amount::plain(0) };
        Some(Atom { amount, start: i, end: k, words: true, ordinal: false })
    }
}

/// The left number of a range, scaled like the right one when written short: "50-60,000", "two to three thousand".
fn scaled_left(a: &Amount, b: &Amount) -> Option<u64> {
    if a.vague.is_some() || a.scale != 1 || a.grouped {
        return None;
    }
    let av = a.value()?;
    let bv = b.value()?;
    if b.scale > 1 {
        let scaled = Amount { scale: b.scale, ..*a }.value()?;
        return (scaled <= bv).then_some(scaled);
    }
    if b.grouped && av < 1000 && bv >= 1000 && av * 1000 <= bv {
        return Some(av * 1000);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_are_sorted_and_cover_every_way_to_open_an_expression() {
        let openers: Vec<&str> = words(OPENERS).collect();
        assert!(openers.windows(2).all(|w| w[0] < w[1]) && openers.iter().all(|w| *w == w.to_ascii_lowercase()));
        let starters = ["a", "an", "between", "entre", "half", "several", "tens", "hundreds", "thousands", "millions", "dozens", "scores"];
        let words = starters.iter().chain(UNITS.iter().chain(TENS.iter()).map(|(w, _)| w));
        let qualifiers = PRE_QUALIFIERS.iter().map(|(q, _)| &q[0]).filter(|w| **w != "~");
        for w in words.clone().chain(qualifiers) {
            assert!(word_classes(w) & OPENS != 0, "{w} cannot open an expression");
        }
        assert!(PRE_QUALIFIERS.len() < 0x3F, "the HEAD field holds a qualifier's place");
        for w in words.filter(|w| !matches!(**w, "between" | "entre")) {
            assert!(word_classes(w) & STARTS_ATOM != 0, "{w} cannot start a number");
        }
    }

    type Row = (String, Option<u64>, Option<u64>, Option<u64>, Qualifier, NumberKind);

    /// (text, value, min, max, qualifier, kind) of every expression.
    fn read(s: &str) -> Vec<Row> {
        let doc = Doc::new(s);
        find(&doc).into_iter().map(|n| (n.span.of(s).to_string(), n.value, n.min, n.max, n.qualifier, n.kind)).collect()
    }

    /// The single count in `s`: (span text, value, min, max, qualifier).
    fn count(s: &str) -> (String, Option<u64>, Option<u64>, Option<u64>, Qualifier) {
        let all: Vec<_> = read(s).into_iter().filter(|n| n.5 == NumberKind::Count).collect();
        assert_eq!(all.len(), 1, "{s:?}: {all:?}");
        let (t, v, lo, hi, q, _) = all[0].clone();
        (t, v, lo, hi, q)
    }

    fn exact(s: &str, text: &str, v: u64) {
        assert_eq!(count(s), (text.to_string(), Some(v), Some(v), Some(v), Qualifier::Exact), "{s:?}");
    }

    #[test]
    fn digits_with_separators_and_scales() {
        exact("sent 1,500 troops", "1,500", 1500);
        exact("sent 1500 troops", "1500", 1500);
        exact("a force of 28 500 men", "28 500", 28_500);
        exact("1.5 million reservists", "1.5 million", 1_500_000);
        exact("2.5m conscripts", "2.5m", 2_500_000);
        exact("1.5k fighters", "1.5k", 1_500);
        exact("4 thousand troops", "4 thousand", 4_000);
        exact("1,250,000 men", "1,250,000", 1_250_000);
    }

    #[test]
    fn number_words() {
        exact("two thousand troops", "two thousand", 2_000);
        exact("twenty-five hundred marines", "twenty-five hundred", 2_500);
        exact("a dozen advisers", "a dozen", 12);
        exact("two dozen soldiers", "two dozen", 24);
        exact("one hundred and fifty paratroopers", "one hundred and fifty", 150);
        exact("three soldiers", "three", 3);
        exact("Forty-two fighters", "Forty-two", 42);
        exact("two thousand five hundred troops", "two thousand five hundred", 2_500);
        assert!(read("no one was hurt").is_empty());
        assert!(read("two-thirds of the troops").is_empty());
    }

    #[test]
    fn qualifiers() {
        let s = |x: &str| count(x).4;
        assert_eq!(count("around 2,500 troops"), ("around 2,500".into(), Some(2500), Some(2500), Some(2500), Qualifier::Approximate));
        assert_eq!(count("more than 300 troops"), ("more than 300".into(), Some(300), Some(300), None, Qualifier::AtLeast));
        assert_eq!(count("up to 5,000 troops"), ("up to 5,000".into(), Some(5000), None, Some(5000), Qualifier::AtMost));
        for q in ["about", "approximately", "roughly", "some", "an estimated", "Around"] {
            assert_eq!(s(&format!("{q} 900 troops")), Qualifier::Approximate, "{q}");
        }
        for q in ["nearly", "almost", "close to", "as many as", "fewer than", "less than", "under", "below", "no more than"] {
            assert_eq!(s(&format!("{q} 900 troops")), Qualifier::AtMost, "{q}");
        }
        for q in ["over", "at least", "upwards of", "More than", "in excess of"] {
            assert_eq!(s(&format!("{q} 900 troops")), Qualifier::AtLeast, "{q}");
        }
        assert_eq!(count("2,000 or more troops"), ("2,000 or more".into(), Some(2000), Some(2000), None, Qualifier::AtLeast));
        assert_eq!(s("1,000 or so soldiers"), Qualifier::Approximate);
        assert_eq!(s("a 5,000-plus force"), Qualifier::AtLeast);
    }

    #[test]
    fn ranges() {
        let r = |x: &str, t: &str, lo: u64, hi: u64| {
            assert_eq!(count(x), (t.to_string(), None, Some(lo), Some(hi), Qualifier::Range), "{x:?}");
        };
        r("3,000-4,000 troops", "3,000-4,000", 3000, 4000);
        r("3,000 to 4,000 troops", "3,000 to 4,000", 3000, 4000);
        r("between 4,000 and 5,000 troops", "between 4,000 and 5,000", 4000, 5000);
        r("50-60,000 troops", "50-60,000", 50_000, 60_000);
        r("2,500–3,000 soldiers", "2,500–3,000", 2500, 3000);
        r("two to three thousand men", "two to three thousand", 2000, 3000);
        r("between 4 and 5 million people", "between 4 and 5 million", 4_000_000, 5_000_000);
        r("two or three soldiers", "two or three", 2, 3);
        // A change is two numbers, not a range.
        let both = read("troop levels were reduced to 2,500 from 4,500");
        assert_eq!(both.iter().map(|n| n.1).collect::<Vec<_>>(), [Some(2500), Some(4500)]);
        let both = read("raised from 2,000 to 3,000 troops");
        assert_eq!(both.len(), 2);
    }

    #[test]
    fn vague_amounts() {
        let v = |x: &str, t: &str, lo: u64, hi: u64| {
            assert_eq!(count(x), (t.to_string(), None, Some(lo), Some(hi), Qualifier::Vague), "{x:?}");
        };
        v("hundreds of troops", "hundreds of", 100, 999);
        v("thousands of soldiers", "thousands of", 1000, 9999);
        v("tens of thousands of troops", "tens of thousands of", 10_000, 99_999);
        v("hundreds of thousands of men", "hundreds of thousands of", 100_000, 999_999);
        v("dozens of fighters", "dozens of", 24, 99);
        v("several thousand troops", "several thousand", 3000, 9999);
        v("a few hundred marines", "a few hundred", 200, 599);
        assert!(read("several soldiers").is_empty());
    }

    #[test]
    fn kinds_that_are_not_counts() {
        let kinds = |x: &str| read(x).into_iter().map(|n| n.5).collect::<Vec<_>>();
        use NumberKind::*;
        assert_eq!(kinds("the 256th Infantry Brigade"), [Ordinal]);
        assert_eq!(kinds("moved 300 troops to the island.[2]"), [Count, Ordinal]);
        assert_eq!(kinds("An estimated US$6 billion"), [Money]);
        assert_eq!(kinds("£40m and 300 dollars"), [Money, Money]);
        assert_eq!(kinds("40% of troops, 12 per cent"), [Percent, Percent]);
        assert_eq!(kinds("in 2014, and in 2017 and 2019"), [Year, Year, Year]);
        assert_eq!(kinds("on January 4, 2024"), [Date, Year]);
        assert_eq!(kinds("on 7 August"), [Date]);
        assert_eq!(kinds("at 10:30 and 9 a.m."), [Time, Time]);
        assert_eq!(kinds("a 25-year-old soldier, aged 19"), [Age, Age]);
        assert!(read("12 F-16 jets, a MiG-29 and an F16").iter().all(|n| n.1 == Some(12)));
        assert!(read("call +44 20 7946 0958").iter().all(|n| n.5 != Count || n.1 != Some(20_794)));
        assert_eq!(kinds("Baghdad denies 1500 US troops"), [Count]);
        assert_eq!(kinds("sent 2000 troops"), [Count]);
    }
}
