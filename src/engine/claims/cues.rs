//! The words that make a claim: reporting verbs, hedges, denials, and the events
//! (deploy, withdraw, stay) whose polarity lets two claims contradict each other.
//!
//! Each token is lower-cased and classified once per document ([`lex`]), by one
//! lookup in a [`WordIndex`] of the closed word lists below; cue phrases are looked up
//! by their first word in a hashed table.

use std::sync::OnceLock;

use crate::engine::text::{self, Token, TokenKind};
use crate::engine::wordset::{fold, tagged, words, WordIndex};

/// The capital that [`text::lower`] shortens ("İ" → "i"); every other char keeps its length.
const DOTTED_I: char = '\u{130}';

/// Every token of a document lower-cased and classified, once: the lower-cased texts and
/// each token's classes (bits such as [`FORCE`]). The texts are slices of `buffer`, which
/// this fills with the whole text lower-cased (so a token's lower case lies at its own
/// offsets; the rare token with a "İ" is lower-cased after it). `sentences` are token
/// ranges: whether a word stands apart or reads as "not" depends on the word before it in
/// its sentence; tokens outside them have no class.
pub(super) fn lex<'a>(text: &'a str, tokens: &[Token], sentences: &[(usize, usize)], buffer: &'a mut String) -> (Vec<&'a str>, Vec<u32>) {
    // The text's bytes with ASCII capitals lowered eight at a time (other bytes unchanged) ...
    let mut bytes = text.as_bytes().to_vec();
    let mut eights = bytes.chunks_exact_mut(8);
    for eight in &mut eights {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(&*eight).unwrap_or_default());
        eight.copy_from_slice(&fold(word).to_le_bytes());
    }
    eights.into_remainder().make_ascii_lowercase();
    // ... then each other char lowered in place, which keeps its length (but "İ").
    let mut dotted = false;
    let mut at = 0;
    while let Some(rest) = text.get(at..) {
        at += ascii_run(rest.as_bytes());
        let Some(c) = text.get(at..).and_then(|r| r.chars().next()) else { break };
        let lowered = text::lower(c);
        dotted |= c == DOTTED_I;
        if lowered != c && lowered.len_utf8() == c.len_utf8() {
            if let Some(slot) = bytes.get_mut(at..at + c.len_utf8()) {
                lowered.encode_utf8(slot);
            }
        }
        at += c.len_utf8();
    }
    *buffer = String::from_utf8(bytes).unwrap_or_default();
    // Tokens with a "İ" (their index, and where their lower case starts), lower-cased after the text.
    let mut shortened: Vec<(usize, usize)> = Vec::new();
    if dotted {
        for (k, t) in tokens.iter().enumerate() {
            let written = text.get(t.span.start..t.span.end).unwrap_or("");
            if written.contains(DOTTED_I) {
                shortened.push((k, buffer.len()));
                buffer.push_str(&text::lowercase(written));
            }
        }
    }
    let buffer: &'a str = buffer;
    let mut lower: Vec<&'a str> = tokens.iter().map(|t| buffer.get(t.span.start..t.span.end).unwrap_or("")).collect();
    for (i, &(k, from)) in shortened.iter().enumerate() {
        let to = shortened.get(i + 1).map_or(buffer.len(), |next| next.1);
        lower[k] = buffer.get(from..to).unwrap_or("");
    }
    let index = classes();
    let apostrophe = index.classes("'");
    let not = index.classes("not");
    let mut token_classes = vec![0u32; tokens.len()];
    // Slices, not `Vec`s, in the loop: indexing a `Vec` is a call at opt-level "z".
    let (class, lowered) = (&mut token_classes[..], &mut lower[..]);
    for &(first, end) in sentences {
        for k in first..end.min(tokens.len()) {
            let t = &tokens[k];
            if t.kind == TokenKind::Number {
                // No list holds a number, and digits are never capitals.
                continue;
            }
            let word = lowered[k];
            let mut bits = index.classes(word);
            let after_apostrophe = k > first && class[k - 1] & APOSTROPHE != 0;
            if bits & APOSTROPHE != 0 && word != "'" {
                lowered[k] = "'";
                bits = apostrophe;
            } else if after_apostrophe && word == "t" {
                lowered[k] = "not";
                bits = not;
            } else if word.len() >= 6 && bits & TRIGGER_BITS == 0 && matches!(word.as_bytes()[0], b'd' | b'r' | b'p' | b'w') {
                if let Some(&(_, trigger)) = EVENT_STEMS.iter().find(|(stem, _)| stem.as_bytes().first() == word.as_bytes().first() && word.starts_with(stem)) {
                    bits |= trigger_bit(trigger);
                }
            }
            if k > first && class[k - 1] & RULE != 0 && word == "out" {
                // "ruled out" negates like "not".
                class[k - 1] |= NEGATES;
            }
            if bits & NEGATOR != 0 {
                bits |= NEGATES;
            }
            // A word glued to a stop is noise, not a name.
            let glued_to_stop = !t.space_before && k > first && class[k - 1] & STOP != 0;
            let first_byte = text.as_bytes().get(t.span.start).copied().unwrap_or(0);
            let upper = if first_byte.is_ascii() {
                first_byte.is_ascii_uppercase()
            } else {
                text.get(t.span.start..t.span.end).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
            };
            if upper && !glued_to_stop {
                bits |= CAPITAL;
            }
            class[k] = bits;
        }
    }
    (lower, token_classes)
}

/// How many bytes at the start of `bytes` are ASCII; eight at a time.
fn ascii_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    for eight in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(eight).unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        run += 8;
    }
    run + bytes.get(run..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii()).count()
}

/// A lower-cased view of one sentence's tokens (see [`lex`]), with what the cue and
/// event rules ask of each.
pub(super) struct Words<'a> {
    /// Lower-cased token texts.
    pub lower: &'a [&'a str],
    /// The classes of each token (bits such as [`FORCE`]).
    class: &'a [u32],
    /// The tokens themselves.
    tokens: &'a [Token],
    /// Whether the sentence names a military force at all (guards ambiguous verbs such as "sent").
    force: bool,
    /// The classes of all its tokens together: a rule whose words the sentence lacks is skipped.
    all: u32,
}

impl<'a> Words<'a> {
    /// The view of a sentence's `tokens`, given their lower-cased texts and classes from [`lex`].
    pub fn new(tokens: &'a [Token], lower: &'a [&'a str], class: &'a [u32]) -> Self {
        let all = class.iter().fold(0, |all, c| all | c);
        Words { lower, class, tokens, force: all & FORCE != 0, all }
    }

    /// Whether some token of the sentence is in any of the classes `bits`.
    #[inline]
    pub fn has(&self, bits: u32) -> bool {
        self.all & bits != 0
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// The word at `i`, or "" past the end.
    #[inline]
    pub fn at(&self, i: usize) -> &'a str {
        self.lower.get(i).copied().unwrap_or("")
    }

    /// Whether the word at `i` is in any of the classes `bits` (such as [`FORCE`]).
    #[inline]
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.class.get(i).is_some_and(|c| c & bits != 0)
    }

    /// Whether token `i` starts with a capital and stands apart (white space before it,
    /// or a quotation mark or bracket).
    pub fn capital(&self, i: usize) -> bool {
        self.is(i, CAPITAL)
    }

    /// Whether token `i` is a number (ASCII digits).
    pub fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// The classes of every token (bits such as [`FORCE`]), for loops over many tokens.
    pub fn classes(&self) -> &'a [u32] {
        self.class
    }

    /// Whether the words `seq` start at `i`.
    pub fn matches(&self, i: usize, seq: &[&str]) -> bool {
        seq.iter().enumerate().all(|(k, w)| self.at(i + k) == *w)
    }

    /// Whether token `i` closes a quotation (a curly closing mark, or a straight one glued to the word before).
    pub fn closes_quote(&self, i: usize) -> bool {
        match self.at(i) {
            "\u{201D}" => true,
            "\"" => !self.tokens.get(i).is_none_or(|t| t.space_before),
            _ => false,
        }
    }

    /// Whether token `i` ends a clause: a comma, semicolon, dash or a conjunction that turns.
    pub fn is_clause_break(&self, i: usize) -> bool {
        self.is(i, BREAK)
    }

    /// The event trigger the word at `i` is, if any.
    fn trigger(&self, i: usize) -> Option<Trigger> {
        let bits = (self.class.get(i)? & TRIGGER_BITS) >> TRIGGERS_FROM;
        (bits != 0).then(|| TRIGGERS.get(bits.trailing_zeros() as usize).map(|t| t.0)).flatten()
    }
}

/// A comma, semicolon, dash or conjunction that turns: it ends a clause.
const BREAK: u32 = 1;
/// A word that negates its clause ("not", "denied").
const NEGATOR: u32 = 1 << 1;
/// A word that names a military force ("troops", "brigade", "members").
pub(super) const FORCE: u32 = 1 << 2;
/// A word that can start a cue (see [`leads`]).
const LEAD: u32 = 1 << 3;
/// A word that is capitalised without naming a source ("The", "Monday", "Meanwhile").
pub(super) const FILLER: u32 = 1 << 4;
/// A word that names a rotation of troops ("rotation", "replacing").
const ROTATION: u32 = 1 << 5;
/// A word that makes what follows conditional ("if", "unless").
const CONDITION: u32 = 1 << 6;
/// "rule" and its forms ("ruled out" negates).
const RULE: u32 = 1 << 7;
/// "is", "was", "has": the verbs that say a group is finished.
const COPULA: u32 = 1 << 8;
/// A stop or comma: a word glued to it does not stand apart.
const STOP: u32 = 1 << 9;
/// An apostrophe, straight or curly.
const APOSTROPHE: u32 = 1 << 10;
/// The first bit of the event triggers: the trigger at position `i` of [`TRIGGERS`] sets bit `TRIGGERS_FROM + i`.
const TRIGGERS_FROM: u32 = 11;
/// The bits of all event triggers.
const TRIGGER_BITS: u32 = ((1 << TRIGGERS.len()) - 1) << TRIGGERS_FROM;
/// Not a list: set by [`lex`] on a word that starts with a capital and stands apart.
pub(super) const CAPITAL: u32 = 1 << 30;
/// Not a list: set by [`lex`] on a token that negates its clause (a negator, or "ruled" before "out").
const NEGATES: u32 = 1 << 31;

const BREAKS: &str = ", ; \u{2014} \u{2013} but despite while although whereas however yet";
const FILLERS: &str = "\
    the a an on in at he she they it we i speaking meanwhile but and monday tuesday wednesday thursday friday \
    saturday sunday january february march april may june july august september october november december last \
    earlier later also this that his her according there amid however after as if while when our their its you";
const ROTATIONS: &str = "\
    rotation rotations replacing replacement replace relieve relieving rotate rotating rotational";
const CONDITIONS: &str = "if whether until unless";
const RULES: &str = "rule rules ruled ruling";
const COPULAS: &str = "is was has";
const STOPS: &str = ". ! ? ,";
const APOSTROPHES: &str = "' \u{2019} \u{2018}";

/// The word classes of every closed list above, and of every event trigger, in one index.
fn classes() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        // The leads' list (bit LEAD) is the words of `leads()`.
        let mut lists: Vec<&'static str> = vec![BREAKS, NEGATORS, FORCE_NOUNS, "", FILLERS, ROTATIONS, CONDITIONS, RULES, COPULAS, STOPS, APOSTROPHES];
        lists.extend(TRIGGERS.iter().map(|t| t.1));
        let mut words = tagged(&lists);
        words.extend(leads().list.iter().map(|&(w, _)| (w, LEAD)));
        WordIndex::from_words(&words)
    })
}

/// The class bit of `trigger`.
fn trigger_bit(trigger: Trigger) -> u32 {
    TRIGGERS.iter().position(|t| t.0 == trigger).map_or(0, |i| 1 << (TRIGGERS_FROM as usize + i))
}

/// What a cue does to the sentence holding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    /// A reporting verb: "said", "told", "announced".
    Report,
    /// A reporting phrase whose source follows: "according to".
    ReportBefore,
    /// The writer keeps a distance: "alleged", "reportedly", "so-called".
    Hedge,
    /// The writer cannot vouch for what the sentence before reports: "could not independently verify".
    Unverified,
    /// The writer's choice of verb doubts the source: "claimed".
    HedgeVerb,
    /// A source denies something claim-like: "denied reports", "dismissed claims".
    Denial,
    /// A phrase that dismisses a claim on its own: "no truth", "baseless".
    Dismissal,
    /// A negated statement that may answer another claim: "no plans", "not aware of".
    Negation,
}

/// One cue found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    /// What it does.
    pub kind: CueKind,
    /// First token, within the sentence.
    pub at: usize,
    /// Number of tokens.
    pub len: usize,
}

const REPORT: &str = "\
    said says told tells reported announced announces announcing stated confirmed confirms estimated estimates \
    warned warns noted notes added adds stressed stresses stressing emphasized emphasised emphasizes emphasises \
    underscored underscores acknowledged acknowledges insisted insists argued argues arguing remarked wrote writes \
    tweeted revealed disclosed declared declares asserted asserts explained saying quoted cited blamed blames \
    predicted indicated briefed testified conceded admitted admits vowed vows pledged pledges promised promises say \
    described describes";
const HEDGE: &str = "\
    alleged, allegedly, purportedly, purported, reportedly, supposedly, ostensibly, unconfirmed, unverified, \
    speculation, speculations, rumours, rumors, rumour, rumor, rumoured, rumored, pretext, pretexts, so - called, \
    what is called, what it called, what it calls, what they call, what they called, accused of, is to be believed, \
    are to be believed, independently verify, independently verified, independently confirm, \
    independently confirmed, not be verified, not be confirmed, without providing evidence, \
    without offering evidence, without evidence, provided no evidence, offered no evidence, gave no evidence, \
    believed to, thought to, is said to, are said to, was said to, were said to, if confirmed, unable to verify, \
    unable to confirm, not able to verify, not been able to verify, not able to confirm, not been able to confirm, \
    not confirmed, not confirm, not officially confirmed, not been confirmed, neither confirmed, cannot confirm, \
    cannot be confirmed, cannot verify, cannot be verified, cannot independently verify, cannot independently confirm";
const DENIAL: &str = "\
    deny denies denied denying denial reject rejects rejected rejecting dismiss dismisses dismissed dismissing \
    refute refutes refuted rebutted rebuts disputed disputes contradicted categorically";
const DISMISSAL: &str = "\
    no truth, not true, untrue, not accurate, inaccurate, baseless, unfounded, groundless, fabricated, fabrication, fabrications, fake news, \
    just speech, just talk, mere speculation, nothing but rumours, nothing but rumors, ruled out, rules out, \
    rule out, false reports, false claims, disinformation, misinformation, nonsense, hoax, pure invention, \
    pure fiction, fantasy, fantasies, absurd, lies and, exaggerated, exaggeration, overstated, inflated, \
    pure propaganda, mere propaganda, just propaganda, nothing but propaganda, no support from, no backing from, \
    no weapons from, no military support, no assistance from, incorrectly, erroneously, misstated, earlier version";
/// Verbs that deny only when a claim-like noun follows ("questioned the ministry's figures").
const WEAK_DENIAL: &str = "\
    questioned questions questioning challenged challenges challenging contested contests";
/// Verbs that deny only a claim named right after them ("rebuffed the report", "brushed aside Kyiv's
/// claims"), never an attack ("denounced the ambush", "rebuffed an assault").
const NAMED_DENIAL: &str = "rebuffed rebuffs brushed downplayed downplays denounced denounces decried";
const NEGATION: &str = "\
    no plans, no plan, not planning, not plan, no intention, not aware, does not need, do not need, did not need, \
    doesn ' not need, don ' not need, no need, not received, not considering, not intend, never planned, no such, \
    there are no, there is no, there were no, there was no, there have been no, there has been no";
/// Nouns that make the object of a denial claim-like ("denied reports that ...").
const CLAIM_NOUNS: &str = "\
    report reports claim claims allegation allegations accusation accusations rumours rumors suggestion suggestions \
    speculation assertion assertions statement statements news that any it \" \u{201C} media story stories account \
    accounts charges charge figure figures number numbers estimate estimates toll characterisation characterization \
    version findings conclusions";
const DETERMINERS: &str = "a an the this these those such his her their its our no";

/// Whether `word` is one of [`CLAIM_NOUNS`].
fn is_claim_noun(word: &str) -> bool {
    object_words().any(1, word)
}

/// Whether `word` is one of [`DETERMINERS`].
fn is_determiner(word: &str) -> bool {
    object_words().any(2, word)
}

/// [`CLAIM_NOUNS`] (bit 1) and [`DETERMINERS`] (bit 2) in one index.
fn object_words() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| WordIndex::new(&[CLAIM_NOUNS, DETERMINERS]))
}

/// What a word can start: the cue phrases that begin with it (in priority order) and
/// the single-word cues it is.
#[derive(Default)]
struct Lead {
    phrases: Vec<(CueKind, Vec<&'static str>)>,
    report: bool,
    denial: bool,
    weak_denial: bool,
    named_denial: bool,
}

/// Words that start a cue only with special handling in [`cue_at`].
const SPECIAL: &str = "\
    called calling labelled labeled branded termed fake false lies accuses accusing according claimed claims claim \
    claiming reports states estimate report reporting tell warn insist deny put say";

/// Every word that can start a cue, with what it can start.
struct Leads {
    /// By word.
    list: Vec<(&'static str, Lead)>,
    /// Each word's position in `list` plus one, as its "lists" (each word comes once): one hash
    /// lookup, no hash map's code for it.
    positions: WordIndex,
}

/// [`Leads`] of the tables above.
fn leads() -> &'static Leads {
    static LEADS: OnceLock<Leads> = OnceLock::new();
    LEADS.get_or_init(|| {
        let mut leads = Vec::new();
        let tables = [(CueKind::Dismissal, DISMISSAL), (CueKind::Negation, NEGATION), (CueKind::Hedge, HEDGE)];
        for (kind, table) in tables {
            for seq in phrases(table) {
                lead_entry(&mut leads, seq[0]).phrases.push((kind, seq));
            }
        }
        for w in words(REPORT) {
            lead_entry(&mut leads, w).report = true;
        }
        for w in words(DENIAL) {
            lead_entry(&mut leads, w).denial = true;
        }
        for w in words(WEAK_DENIAL) {
            lead_entry(&mut leads, w).weak_denial = true;
        }
        for w in words(NAMED_DENIAL) {
            lead_entry(&mut leads, w).named_denial = true;
        }
        for w in words(SPECIAL) {
            lead_entry(&mut leads, w);
        }
        let positions = WordIndex::from_words(&leads.iter().zip(1..).map(|(&(w, _), n)| (w, n)).collect::<Vec<_>>());
        Leads { list: leads, positions }
    })
}

/// The lead of `word` in `leads` (kept sorted by word), added if new.
fn lead_entry<'a>(leads: &'a mut Vec<(&'static str, Lead)>, word: &'static str) -> &'a mut Lead {
    let at = leads.binary_search_by(|&(w, _)| w.cmp(word)).unwrap_or_else(|at| {
        leads.insert(at, (word, Lead::default()));
        at
    });
    &mut leads[at].1
}

/// What `word` can start, if it starts a cue.
fn lead_of(word: &str) -> Option<&'static Lead> {
    let leads = leads();
    (leads.positions.classes(word) as usize).checked_sub(1).and_then(|at| leads.list.get(at)).map(|(_, lead)| lead)
}

/// The phrases of a table (phrases separated by commas, their words by spaces), each as its words.
fn phrases(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table.split(',').map(|phrase| words(phrase).collect::<Vec<_>>()).filter(|seq| !seq.is_empty())
}

/// Appends every cue in the sentence to `cues`, in order.
pub(super) fn find(w: &Words, cues: &mut Vec<Cue>) {
    let mut i = 0;
    while i < w.len() {
        let found = if w.is(i, LEAD) { cue_at(w, i) } else { None };
        if let Some(c) = found {
            cues.push(c);
            i += c.len;
        } else {
            i += 1;
        }
    }
}

/// The cue that starts at `i`, a word of [`LEAD`].
fn cue_at(w: &Words, i: usize) -> Option<Cue> {
    let word = w.at(i);
    let lead = lead_of(word)?;
    let prev = if i > 0 { w.at(i - 1) } else { "" };
    let next = w.at(i + 1);
    let cue = |kind, len| Some(Cue { kind, at: i, len });
    if w.matches(i, &["according", "to"]) {
        return cue(CueKind::ReportBefore, 2);
    }
    for (kind, seq) in lead.phrases.iter().filter(|(k, _)| *k != CueKind::Hedge) {
        let (kind, seq) = (*kind, &seq[..]);
        // "There are no Rwandan troops in Congo" says the opposite of a report; "there was no comment" does not.
        // "there are no plans to ...": the narrower cue, "no plans", is the one to show.
        let narrower = || lead_of("no").is_some_and(|l| l.phrases.iter().any(|(_, p)| w.matches(i + seq.len() - 1, p)));
        if seq[0] == "there" && (narrower() || !(i + seq.len()..(i + seq.len() + 4).min(w.len())).take_while(|&k| !w.is_clause_break(k)).any(|k| w.is(k, FORCE) || event_at(w, k).is_some())) {
            continue;
        }
        if w.matches(i, seq) {
            return cue(kind, seq.len());
        }
    }
    for (_, seq) in lead.phrases.iter().filter(|(k, _)| *k == CueKind::Hedge) {
        let seq = &seq[..];
        // "If confirmed, it would be ..." doubts a report; "If confirmed by the Senate, Hegseth would ..." a nominee.
        if seq == ["if", "confirmed"] && !(w.at(i + 2) == "," && matches!(w.at(i + 3), "it" | "this" | "that" | "these" | "those" | "they" | "such")) {
            continue;
        }
        // "is believed to", "units, thought to number ...": passive; "the president thought to consult" is not.
        if matches!(seq[0], "believed" | "thought") && !matches!(prev, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "," | "widely" | "also" | "still" | "generally" | "now") {
            continue;
        }
        if w.matches(i, seq) {
            // "has not confirmed the figures" doubts a report before; "has not confirmed the presence of ..." says its own.
            let negated_own = matches!(seq[0], "not" | "neither") && seq.iter().any(|x| x.starts_with("confirm")) && !names_a_claim_only(w, i + seq.len(), w.len());
            // "He offered no evidence." doubts the claim before, as "could not be verified" does.
            let unverified = !negated_own && seq.iter().any(|x| x.starts_with("verif") || x.starts_with("confirm") || *x == "evidence");
            // "called the report speculation": a source dismisses, the writer does not hedge.
            let labelled = (i.saturating_sub(6)..i).any(|k| matches!(w.at(k), "called" | "calling" | "described" | "labelled" | "labeled" | "branded" | "termed" | "dismissed"));
            let kind = match (unverified, labelled && (word.starts_with("specul") || word.starts_with("rumo"))) {
                (true, _) => CueKind::Unverified,
                (false, true) => CueKind::Dismissal,
                _ => CueKind::Hedge,
            };
            return cue(kind, seq.len());
        }
    }
    // "No ground forces have entered Lebanon": a force said to be absent answers a report that it is there.
    if word == "no" {
        let noun = (i + 1..(i + 3).min(w.len())).find(|&k| w.is(k, FORCE));
        // Presence or movement only: "no soldiers would face charges" denies nothing reported.
        let present = |k: usize| match w.at(k + 1) {
            "have" | "has" | "had" => matches!(w.at(k + 2), "entered" | "crossed" | "been" | "arrived" | "left"),
            "are" | "were" | "is" | "was" => matches!(w.at(k + 2), "in" | "on" | "inside" | "stationed" | "deployed" | "present" | "there" | "fighting"),
            x => matches!(x, "crossed" | "entered" | "remain" | "remained" | "arrived"),
        };
        return noun.filter(|&k| present(k)).map(|_| Cue { kind: CueKind::Negation, at: i, len: 1 });
    }
    // "accused the peacekeepers of failing": an accusation the writer reports at a distance.
    if matches!(word, "accused" | "accuses" | "accusing") && (i + 2..(i + 7).min(w.len())).take_while(|&k| !w.is_clause_break(k)).any(|k| w.at(k) == "of") {
        return cue(CueKind::Hedge, 1);
    }
    if matches!(word, "claimed" | "claims" | "claim" | "claiming") {
        // "both claims are", "the group's claims were": a noun.
        let noun = is_determiner(prev)
            || lead_of(prev).is_some_and(|l| l.denial)
            || matches!(prev, "of" | "the" | "'" | "both" | "all" | "many" | "several" | "two")
            || (word == "claims" && matches!(next, "are" | "were" | "have" | "had" | "of" | "about"));
        // "has claimed more than 170 attacks": a series claimed as one's own, not a doubted report.
        let series = (i + 1..(i + 7).min(w.len())).take_while(|&k| !w.is_clause_break(k)).any(|k| matches!(w.at(k), "attacks" | "strikes" | "bombings" | "ambushes"))
            && (i + 1..(i + 4).min(w.len())).any(|k| w.is_number(k) || matches!(w.at(k), "dozens" | "hundreds" | "scores" | "several" | "many"));
        let other_sense = series || matches!(next, "by" | "responsibility" | "credit" | "the" | "victory" | "lives" | "control");
        if word == "claim" && !matches!(prev, "they" | "we" | "i" | "sources" | "officials") {
            return None;
        }
        return (!noun && !other_sense).then_some(Cue { kind: CueKind::HedgeVerb, at: i, len: 1 });
    }
    if lead.weak_denial && !is_determiner(prev) && (claim_noun_follows(w, i + 1) || claim_noun_before(w, i)) {
        return cue(CueKind::Denial, 1);
    }
    if lead.denial {
        // "the disputed region", "a denial" as a noun phrase of its own still counts; "the disputed" does not.
        return (!(is_determiner(prev) && word.ends_with("ed"))).then_some(Cue { kind: CueKind::Denial, at: i, len: 1 });
    }
    if lead.named_denial {
        let len = 1 + usize::from(matches!(next, "aside" | "off"));
        let mut k = i + len;
        while k < i + 5 && (is_determiner(w.at(k)) || w.capital(k) || matches!(w.at(k), "'" | "\u{2019}" | "s")) {
            k += 1;
        }
        return names_claim(w.at(k)).then_some(Cue { kind: CueKind::Denial, at: i, len });
    }
    if matches!(word, "reports" | "states") {
        // Verb only before "that" ("Reuters reports that ..."), never "the reports" or "United States".
        return (next == "that").then_some(Cue { kind: CueKind::Report, at: i, len: 1 });
    }
    if matches!(word, "estimate" | "report" | "reporting" | "tell" | "warn" | "insist" | "deny") && next == "that" {
        return cue(CueKind::Report, 1);
    }
    if word == "put" && w.at(i + 1) == "the" && matches!(w.at(i + 2), "number" | "figure" | "toll" | "strength" | "size") {
        return cue(CueKind::Report, 1);
    }
    if word == "say" && matches!(prev, "to" | "a" | "would" | "could" | "should" | "not" | "final" | "no") {
        return None;
    }
    // "called reports of an imminent attack "a media campaign"": whatever the label, reports so named are dismissed.
    if matches!(word, "called" | "calling" | "labelled" | "labeled" | "branded" | "termed") {
        let k = i + 1 + usize::from(matches!(next, "the" | "these" | "those" | "such"));
        let labelled = matches!(w.at(k), "reports" | "claims" | "allegations" | "accusations")
            && (k + 1..w.len()).any(|j| matches!(w.at(j), "\"" | "\u{201C}"));
        return labelled.then_some(Cue { kind: CueKind::Dismissal, at: i, len: 1 });
    }
    // "claims of an attack are "fake"", "the figures were false": a source labels a claim.
    if matches!(word, "fake" | "false" | "lies") {
        let copula = |k: usize| matches!(w.at(k), "is" | "are" | "was" | "were");
        let labelled = copula(i.wrapping_sub(1)) || (matches!(prev, "\"" | "\u{201C}") && copula(i.wrapping_sub(2)));
        return labelled.then_some(Cue { kind: CueKind::Dismissal, at: i, len: 1 });
    }
    // "Notes" or "Sources" alone on a line is a heading, not a telling.
    if i == 0 && (1..w.len()).all(|k| !w.at(k).chars().any(char::is_alphanumeric)) {
        return None;
    }
    // "a reported 5,000 troops": the writer hedges the number as "reportedly" would.
    if word == "reported" && matches!(prev, "a" | "an") && w.is_number(i + 1) {
        return cue(CueKind::Hedge, 1);
    }
    if lead.report {
        let adjective = is_determiner(prev) || matches!(prev, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "widely" | "un");
        let passive_ok = matches!(word, "reported" | "confirmed" | "said" | "estimated") && matches!(prev, "is" | "are" | "was" | "were" | "been") && matches!(next, "that" | "to" | "by");
        if adjective && !passive_ok {
            return None;
        }
        return cue(CueKind::Report, 1);
    }
    None
}

/// The words a denial or dismissal at `c` is about: after a denial verb up to a
/// closing quotation mark ("denied reports that ..."); for a dismissal after a
/// labelling verb, the words between ("called the NATO statement speculation").
pub(super) fn denied_object(w: &Words, c: &Cue) -> Option<(usize, usize)> {
    let label = (c.at.saturating_sub(8)..c.at).rev().find(|&k| matches!(w.at(k), "called" | "calling" | "described" | "labelled" | "labeled" | "branded" | "termed"));
    match (c.kind, label) {
        (CueKind::Dismissal, Some(k)) => Some((k + 1, c.at)),
        (CueKind::Denial | CueKind::Dismissal, _) => {
            let from = c.at + c.len;
            // Up to a quotation closing that opened before the cue; quotes opened after it are part of the object.
            let mut depth = 0usize;
            let end = (from..w.len())
                .find(|&k| {
                    if w.closes_quote(k) {
                        if depth == 0 {
                            return true;
                        }
                        depth -= 1;
                    } else if matches!(w.at(k), "\u{201C}" | "\"") {
                        depth += 1;
                    }
                    false
                })
                .unwrap_or(w.len());
            Some((from, end))
        }
        _ => None,
    }
}

/// Whether the denial cue at `c` targets something claim-like (reports, claims, a
/// that-clause, a quotation), so the denial is contested even with nothing to link.
pub(super) fn denial_is_claim_like(w: &Words, c: &Cue) -> bool {
    match c.kind {
        CueKind::Dismissal => true,
        CueKind::Denial => {
            if w.at(c.at) == "categorically" {
                return true;
            }
            // "...; Kigali denies": nothing follows, what came before is denied; "Moscow denied this, saying ...": nothing but a pronoun.
            let clause_end = (c.at + c.len..w.len()).find(|&k| w.at(k) == ",").unwrap_or(w.len());
            let last = (c.at + c.len..clause_end).all(|k| matches!(w.at(k), "." | "!" | "\"" | "\u{201D}" | "it" | "this" | "that" | "them"));
            last || denies_an_act(w, c) || claim_noun_follows(w, c.at + c.len) || claim_noun_before(w, c.at)
        }
        _ => false,
    }
}

/// Whether the denial at `c` denies doing something ("denied arming the rebels"):
/// one denies what someone alleged of oneself.
pub(super) fn denies_an_act(w: &Words, c: &Cue) -> bool {
    // "denied deliberately targeting": an adverb may stand before the act.
    let k = c.at + c.len + usize::from(w.at(c.at + c.len).ends_with("ly"));
    let next = w.at(k);
    c.kind == CueKind::Denial && matches!(w.at(c.at), "deny" | "denies" | "denied" | "denying") && next.len() > 5 && next.ends_with("ing")
}

/// Whether the denial at `c` rejects a claim about the denier itself ("rejected claims that it
/// had massed troops"): like denying an act, it answers what was said of the denier.
pub(super) fn denies_own_act(w: &Words, c: &Cue) -> bool {
    let from = c.at + c.len;
    (from..(from + 4).min(w.len())).any(|k| is_claim_noun(w.at(k)) && w.at(k + 1) == "that" && matches!(w.at(k + 2), "it" | "they"))
}

/// In what a denial denies (`from..to`), the words naming who made the report ("a report
/// by Lebanon's Al Mayadeen that ..."): they say who spoke, not what was said.
pub(super) fn reporter_phrase(w: &Words, from: usize, to: usize) -> Option<(usize, usize)> {
    let noun = (from..(from + 4).min(to)).find(|&k| is_claim_noun(w.at(k)) && matches!(w.at(k + 1), "by" | "from" | "in"))?;
    let end = (noun + 2..to).find(|&k| matches!(w.at(k), "that" | "of" | "about" | "," | "claiming" | "saying")).unwrap_or(to);
    Some((noun + 1, end))
}

/// Whether the words `from..to` (what a denial denies) only point at a claim made
/// elsewhere ("the allegations", "that figure", "the ministry's figures") and say
/// nothing of their own ("reports of looting", "claims that ...").
pub(super) fn names_a_claim_only(w: &Words, from: usize, to: usize) -> bool {
    // "Hezbollah denies this.": a pronoun and nothing else points at the claim before.
    // ... up to a comma or a closing quotation mark: ""We cannot confirm that," he said."
    let pronoun = |k: usize| matches!(w.at(k), "this" | "it" | "that" | "them");
    let end = (from..to).find(|&k| matches!(w.at(k), "," | "\"" | "\u{201D}")).unwrap_or(to);
    if (from..end).any(pronoun) && (from..end).all(|k| pronoun(k) || matches!(w.at(k), "." | "!")) {
        return true;
    }
    let Some(noun) = (from..(from + 5).min(to)).find(|&k| names_claim(w.at(k))) else {
        return false;
    };
    let leading = (from..noun).all(|k| is_determiner(w.at(k)) || matches!(w.at(k), "'" | "s" | "that" | "those") || !w.capital(k));
    let next = w.at(noun + 1);
    leading && !matches!(next, "of" | "that" | "about" | "on" | "regarding" | "concerning" | "over" | "linking" | "accusing" | "saying" | "claiming" | "suggesting")
}

/// Whether `word` is a noun that names a claim ("report", "allegations", "figure"), not a
/// pronoun or quotation mark of [`CLAIM_NOUNS`].
fn names_claim(word: &str) -> bool {
    is_claim_noun(word) && !matches!(word, "that" | "any" | "it" | "media" | "\"" | "\u{201C}")
}

/// Whether a pronoun and a copula are the subject of the dismissal at `at`: ""That is not true"",
/// "they are simply not accurate", "it was completely baseless" point at the claim before.
pub(super) fn pronoun_subject(w: &Words, at: usize) -> bool {
    let mut k = at;
    // Adverbs between: "simply", "completely", "totally".
    while k > 0 && w.at(k - 1).len() > 3 && w.at(k - 1).ends_with("ly") {
        k -= 1;
    }
    k >= 2 && matches!(w.at(k - 1), "is" | "are" | "was" | "were") && matches!(w.at(k - 2), "this" | "that" | "it" | "they" | "these" | "those")
}

/// Whether a claim-like noun stands in the four words before `at` ("the report, which Kigali
/// denied", "a claim Colombian officials questioned").
fn claim_noun_before(w: &Words, at: usize) -> bool {
    (at.saturating_sub(4)..at).any(|k| matches!(w.at(k), "reports" | "claims" | "allegations" | "report" | "claim" | "figure" | "figures" | "toll" | "estimate" | "account"))
}

/// Whether a claim-like noun stands within six words from `from`.
fn claim_noun_follows(w: &Words, from: usize) -> bool {
    (from..(from + 6).min(w.len())).any(|k| is_claim_noun(w.at(k)))
}

/// An event whose polarity two claims can disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Event {
    /// Sending, deploying, reinforcing (negative: not sent, or only a routine rotation).
    Deploy,
    /// Withdrawing, removing, ending a presence (negative: staying, no plans to withdraw).
    Withdraw,
    /// Striking a target ("claimed to have struck a destroyer"; negative: "no ship was hit").
    Strike,
}

/// An event a clause asserts (`true`) or denies (`false`).
pub(super) type Polar = (Event, bool);

const FORCE_NOUNS: &str = "\
    troops troop soldiers forces force personnel units unit brigade brigades battalion battalions division marines \
    army military reinforcements servicemen contingent peacekeepers fighters mercenaries boots coalition presence \
    advisers advisors members instructors trainers garrison platoons platoon regiment regiments squadron sailors \
    airmen reservists conscripts recruits militiamen paratroopers commandos battlegroup legionnaires";
const NEGATORS: &str = "\
    not no never without deny denies denied denying reject rejected rejects dismissed dismisses refuted refutes nor";

/// Word beginnings that open an event whatever stands around them (each starts with one of
/// the letters [`lex`] checks first).
const EVENT_STEMS: &[(&str, Trigger)] = &[
    ("deploy", Trigger::Deploy), ("reinforc", Trigger::Deploy), ("dispatch", Trigger::Deploy), ("withdr", Trigger::Withdraw),
    ("pullout", Trigger::Withdraw), ("pull-out", Trigger::Withdraw), ("drawdown", Trigger::Withdraw),
];

/// A word that opens an event under a condition of its own (see [`event_at`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// Deploy, always: a word of [`EVENT_STEMS`] ("deployed", "reinforcements").
    Deploy,
    /// Withdraw, always: a word of [`EVENT_STEMS`] ("withdrawal", "drawdown").
    Withdraw,
    /// Deploy, always.
    Buildup,
    /// Deploy, in a sentence that names a force.
    Send,
    /// Deploy, in a sentence that names a force, before "to".
    Heading,
    /// Deploy, in a sentence that names a force, with a force just after.
    Bolster,
    /// Withdraw, always.
    Remove,
    /// Withdraw, before "out" or "back".
    Pull,
    /// Withdraw, before "down".
    Scale,
    /// Withdraw, with a force just after.
    Cut,
    /// Withdraw, with a force just after and "home" or "back" soon after.
    Bring,
    /// Withdraw, in a sentence that names a force.
    Leave,
    /// Withdraw, in a sentence that names a force, before a capitalised word (a place).
    Left,
    /// Withdraw, when a presence or mission follows in the clause.
    End,
    /// Stay, in a sentence that names a force.
    Remain,
    /// Stay, in a sentence that names a force, with a force or presence just after.
    Retain,
    /// Stay: "at the request", "at the invitation".
    At,
    /// Strike, as a verb (not after "a", "the", "direct").
    Strike,
}

/// The words of each trigger (the stems' are found by [`lex`]); a word belongs to one trigger at most.
const TRIGGERS: &[(Trigger, &str)] = &[
    (Trigger::Deploy, ""),
    (Trigger::Withdraw, ""),
    (Trigger::Buildup, "buildup build-up"),
    (Trigger::Send, "send sends sent sending arrive arrived arriving massing amassing"),
    (Trigger::Heading, "coming heading moving"),
    (Trigger::Bolster, "bolster bolstering boost boosting increase increasing expand expanding surge surging"),
    (Trigger::Remove, "remove removed removes removing removal reduce reduced reducing reduction"),
    (Trigger::Pull, "pull pulled pulling pulls"),
    (Trigger::Scale, "scale scaled scaling"),
    (Trigger::Cut, "cut cuts cutting"),
    (Trigger::Bring, "bring brings bringing brought"),
    (Trigger::Leave, "leave leaving exit exiting departure evacuate evacuated evacuating"),
    (Trigger::End, "end ends ended ending terminate terminating"),
    (Trigger::Remain, "remain remains remained remaining stay stays stayed staying"),
    (Trigger::Retain, "retain maintain keep keeping"),
    (Trigger::At, "at"),
    (Trigger::Left, "left"),
    (Trigger::Strike, "struck hit"),
];

/// The event the word at `i` opens, if any, before negation.
fn event_at(w: &Words, i: usize) -> Option<Polar> {
    // "There are no Rwandan troops in Congo": troops that are (or are not) there were (or were not) sent.
    // Only where a named place follows: "there are no conscripts there" says nothing of a deployment.
    if w.is(i, FORCE) && (i.saturating_sub(5)..i).any(|k| w.at(k) == "there" && matches!(w.at(k + 1), "are" | "is" | "were" | "was")) {
        let place_follows = (i + 1..(i + 4).min(w.len())).any(|k| matches!(w.at(k), "in" | "on" | "inside") && w.capital(k + 1));
        return place_follows.then_some((Event::Deploy, true));
    }
    let trigger = w.trigger(i)?;
    let force = w.force;
    // "keep about 2,500 troops": a number may stand between.
    let force_follows = || (i + 1..(i + 6).min(w.len())).any(|k| w.is(k, FORCE));
    let next = w.at(i + 1);
    let (deploy, withdraw, stay, strike) = ((Event::Deploy, true), (Event::Withdraw, true), (Event::Withdraw, false), (Event::Strike, true));
    let (event, holds) = match trigger {
        Trigger::Deploy | Trigger::Buildup => (deploy, true),
        Trigger::Withdraw => (withdraw, true),
        Trigger::Send => (deploy, force),
        Trigger::Heading => (deploy, force && next == "to"),
        Trigger::Bolster => (deploy, force && force_follows()),
        Trigger::Remove => (withdraw, true),
        Trigger::Pull => (withdraw, matches!(next, "out" | "back")),
        Trigger::Scale => (withdraw, next == "down"),
        Trigger::Cut => (withdraw, force_follows()),
        Trigger::Bring => (withdraw, force_follows() && (i + 1..(i + 8).min(w.len())).any(|k| matches!(w.at(k), "home" | "back"))),
        Trigger::Leave => (withdraw, force),
        // "had left Niger": a place after "left" (not "left 20 dead", "left behind").
        Trigger::Left => (withdraw, force && w.capital(i + 1)),
        Trigger::End => (
            withdraw,
            (i + 1..(i + 6).min(w.len())).take_while(|&k| !w.is_clause_break(k)).any(|k| {
                matches!(w.at(k), "presence" | "mission" | "existence" | "deployment" | "coalition" | "arrangements" | "stationing" | "occupation")
            }),
        ),
        Trigger::Remain => (stay, force),
        Trigger::Retain => (stay, force && (w.at(i + 2) == "presence" || force_follows())),
        Trigger::At => (stay, next == "the" && matches!(w.at(i + 2), "request" | "invitation")),
        // Verbs only: "new strikes" and "a direct hit" name no claim of their own.
        Trigger::Strike => (strike, !matches!(w.at(i.wrapping_sub(1)), "a" | "the" | "direct")),
    };
    holds.then_some(event)
}

/// Whether a routine rotation is named between `from` and `to` ("part of a normal rotation").
fn routine_rotation(w: &Words, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        w.is(k, ROTATION)
            && (k.saturating_sub(4).max(from)..k).any(|j| matches!(w.at(j), "normal" | "routine" | "regular" | "scheduled" | "planned" | "usual"))
    })
}

/// The events the tokens `from..to` assert or deny, clause by clause, without repeats.
pub(super) fn events(w: &Words, from: usize, to: usize) -> Vec<Polar> {
    let mut out: Vec<Polar> = Vec::new();
    let mut clause_start = from;
    let to = to.min(w.len());
    // Only a trigger, a rotation or troops said to be "there" make an event, and most sentences have none.
    // ("there" is a filler word: its class bit is tested before its text.)
    let can_hold_event = |from: usize, to: usize| {
        w.class[from..to].iter().any(|c| c & (TRIGGER_BITS | ROTATION) != 0) || w.force && (from..to).any(|k| w.is(k, FILLER) && w.at(k) == "there")
    };
    if from >= to || !can_hold_event(from, to) {
        return out;
    }
    for i in from..=to {
        // ("and" is a filler word: its class bit is tested before its text.)
        if i < to && !w.is_clause_break(i) && !(w.is(i, FILLER) && w.at(i) == "and" && w.at(i + 1) == "that") {
            continue;
        }
        let clause_end = i;
        // A clause with neither a trigger, a rotation nor troops said to be "there" holds no event.
        if !can_hold_event(clause_start, clause_end) {
            clause_start = i + 1;
            continue;
        }
        let rotation = routine_rotation(w, clause_start, clause_end);
        if rotation {
            out.push((Event::Deploy, false));
        }
        let mut negated = false;
        for k in clause_start..clause_end {
            // Only a negation, a force or a trigger matters here (see `event_at`): most words are none.
            if !w.is(k, NEGATES | FORCE | TRIGGER_BITS) {
                continue;
            }
            // "has not disclosed how much it pays for the deployment": what is withheld is the telling.
            let withheld = || {
                (k + 1..(k + 3).min(clause_end)).any(|j| {
                    matches!(w.at(j), "disclosed" | "disclose" | "revealed" | "reveal" | "specified" | "specify" | "commented" | "comment" | "elaborate" | "elaborated" | "explained" | "explain")
                })
            };
            if w.is(k, NEGATES) && !withheld() {
                negated = true;
            }
            if let Some((event, positive)) = event_at(w, k) {
                // "any deployment", "a possible withdrawal": nothing is asserted yet.
                let irrealis = (k.saturating_sub(2).max(clause_start)..k).any(|j| matches!(w.at(j), "any" | "possible" | "potential" | "future"))
                    || (clause_start..k).any(|j| w.is(j, CONDITION));
                if (rotation && event == Event::Deploy) || (irrealis && positive && !negated) {
                    continue;
                }
                out.push((event, positive != negated));
            }
        }
        clause_start = i + 1;
    }
    crate::engine::sort::sort(&mut out);
    out.dedup();
    out
}

/// What a clause says of a group that is finished; each starts with a word of [`COPULAS`].
const FINISHED: &[&[&str]] = &[
    &["is", "no", "longer"], &["was", "no", "longer"], &["has", "been", "defeated"], &["was", "defeated"], &["is", "defeated"],
    &["has", "been", "eliminated"],
];

/// The armed group a clause says is finished ("Daesh is no longer a danger", "X was
/// defeated"): the index of the capitalised word before the verb.
pub(super) fn finished_group(w: &Words) -> Option<usize> {
    if !w.has(COPULA) {
        return None;
    }
    (1..w.len()).find_map(|i| {
        let no_longer = w.is(i, COPULA) && FINISHED.iter().any(|seq| w.matches(i, seq));
        (no_longer && w.capital(i - 1) && w.at(i - 1).len() > 1).then_some(i - 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_sets_its_own_class_bit() {
        let index = classes();
        for (list, bit) in [(BREAKS, BREAK), (NEGATORS, NEGATOR), (FORCE_NOUNS, FORCE), (FILLERS, FILLER), (ROTATIONS, ROTATION), (CONDITIONS, CONDITION), (RULES, RULE), (COPULAS, COPULA), (STOPS, STOP), (APOSTROPHES, APOSTROPHE)] {
            assert!(words(list).all(|w| index.any(bit, w)), "{list:?}");
        }
        // `lex` skips numbers.
        let lists = [BREAKS, NEGATORS, FORCE_NOUNS, FILLERS, ROTATIONS, CONDITIONS, RULES, COPULAS, STOPS, APOSTROPHES];
        let all = lists.iter().chain(TRIGGERS.iter().map(|t| &t.1)).flat_map(|&l| words(l)).chain(leads().list.iter().map(|&(w, _)| w));
        assert!(all.clone().all(|w| !w.bytes().all(|b| b.is_ascii_digit())));
        assert!(index.any(LEAD, "according") && index.any(LEAD, "said") && index.any(LEAD, "so") && !index.any(LEAD, "troops"));
        assert!(FINISHED.iter().all(|seq| words(COPULAS).any(|w| w == seq[0])));
        // `Context::source_in` looks for pronouns among the fillers only.
        assert!(["he", "she", "they", "it", "we", "i"].iter().all(|p| words(FILLERS).any(|w| w == *p)));
        // `events` looks for "there" among the fillers only.
        assert!(words(FILLERS).any(|w| w == "there"));
    }

    #[test]
    fn lower_case_keeps_lengths_but_for_the_dotted_capital_i() {
        let kept = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| c != DOTTED_I).all(|c| text::lower(c).len_utf8() == c.len_utf8());
        assert!(kept);
        let text = "İSTANBUL said ÇANAKKALE troops DON\u{2019}T stay in İzmir.";
        let tokens = text::tokenize(text);
        let mut buffer = String::new();
        let (lower, _) = lex(text, &tokens, &[(0, tokens.len())], &mut buffer);
        let expected: Vec<String> = tokens.iter().map(|t| text::lowercase(t.text(text))).collect();
        assert_eq!(lower[0], "istanbul");
        assert_eq!(lower[2], "çanakkale");
        assert_eq!(lower[4..7], ["don", "'", "not"]);
        assert_eq!(lower[9], "izmir");
        assert!(lower.iter().zip(&expected).enumerate().all(|(k, (l, e))| matches!(k, 5 | 6) || l == e));
    }

    #[test]
    fn a_word_opens_at_most_one_trigger() {
        let index = classes();
        for (trigger, list) in TRIGGERS {
            for w in words(list) {
                let bits = index.classes(w) >> TRIGGERS_FROM;
                assert_eq!(bits.count_ones(), 1, "{w} is in several triggers");
                assert_eq!(TRIGGERS[bits.trailing_zeros() as usize].0, *trigger);
                assert!(!EVENT_STEMS.iter().any(|(stem, _)| w.starts_with(stem)), "{w} also opens by its stem");
            }
        }
        assert!(TRIGGERS_FROM as usize + TRIGGERS.len() <= 30, "the class bits run into CAPITAL and NEGATES");
        assert!(EVENT_STEMS.iter().all(|(stem, _)| matches!(stem.as_bytes()[0], b'd' | b'r' | b'p' | b'w')), "lex looks for stems by these first letters");
    }
}
