//! The words that make a claim: reporting verbs, hedges, denials, and the events
//! (deploy, withdraw, stay) whose polarity lets two claims contradict each other.
//!
//! Each token is lower-cased once (borrowed when it already is) and classified once;
//! cue phrases are looked up by their first word in a hashed table.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A lower-cased view of one sentence's tokens ("n't" reads as "not", curly
/// apostrophes as straight ones), with what the cue and event rules ask of each.
pub(super) struct Words<'t> {
    /// Lower-cased token texts.
    pub lower: Vec<Cow<'t, str>>,
    /// Whether each token starts with a capital and stands apart (white space before
    /// it, or a quotation mark or bracket): a word glued to a stop is noise, not a name.
    pub capital: Vec<bool>,
    /// Whether white space stands before each token.
    pub spaced: Vec<bool>,
    /// Whether each token ends a clause (see [`Words::is_clause_break`]).
    breaks: Vec<bool>,
    /// Whether the sentence names a military force at all (guards ambiguous verbs such as "sent").
    force: bool,
    /// The event each token opens, before negation.
    opens: Vec<Option<Polar>>,
    /// Whether each token negates its clause ("not", "denied", "ruled out").
    negates: Vec<bool>,
}

impl<'t> Words<'t> {
    /// Builds the view from token texts, each with whether white space stands before it.
    pub fn new(texts: impl Iterator<Item = (&'t str, bool)>) -> Self {
        let mut lower: Vec<Cow<'t, str>> = Vec::new();
        let mut capital = Vec::new();
        let mut spaced_before = Vec::new();
        for (t, spaced) in texts {
            spaced_before.push(spaced);
            let glued_to_stop = !spaced && lower.last().is_some_and(|p| matches!(p.as_ref(), "." | "!" | "?" | ","));
            let mut w: Cow<'t, str> = match (t.is_ascii(), t.bytes().any(|b| b.is_ascii_uppercase())) {
                (true, false) => Cow::Borrowed(t),
                (true, true) => Cow::Owned(t.to_ascii_lowercase()),
                (false, _) => Cow::Owned(crate::engine::text::lowercase(t)),
            };
            if w == "\u{2019}" || w == "\u{2018}" {
                w = Cow::Borrowed("'");
            }
            if w == "t" && lower.last().is_some_and(|p| p == "'") {
                w = Cow::Borrowed("not");
            }
            capital.push(!glued_to_stop && t.chars().next().is_some_and(char::is_uppercase));
            lower.push(w);
        }
        let breaks = lower.iter().map(|x| matches!(x.as_ref(), "," | ";" | "\u{2014}" | "\u{2013}" | "but" | "despite" | "while" | "although" | "whereas" | "however" | "yet")).collect();
        let force = lower.iter().any(|x| is_force_noun(x));
        let negates = (0..lower.len())
            .map(|k| NEGATORS.contains(&lower[k].as_ref()) || (matches!(lower[k].as_ref(), "rule" | "rules" | "ruled" | "ruling") && lower.get(k + 1).is_some_and(|n| n == "out")))
            .collect();
        let mut words = Words { lower, capital, spaced: spaced_before, breaks, force, opens: Vec::new(), negates };
        words.opens = (0..words.len()).map(|i| event_at(&words, i)).collect();
        words
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// The word at `i`, or "" past the end.
    pub fn at(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w.as_ref())
    }

    /// Whether the words `seq` start at `i`.
    pub fn matches(&self, i: usize, seq: &[&str]) -> bool {
        seq.iter().enumerate().all(|(k, w)| self.at(i + k) == *w)
    }

    /// Whether token `i` closes a quotation (a curly closing mark, or a straight one glued to the word before).
    pub fn closes_quote(&self, i: usize) -> bool {
        match self.at(i) {
            "\u{201D}" => true,
            "\"" => !self.spaced.get(i).copied().unwrap_or(true),
            _ => false,
        }
    }

    /// Whether token `i` ends a clause: a comma, semicolon, dash or a conjunction that turns.
    pub fn is_clause_break(&self, i: usize) -> bool {
        self.breaks.get(i).copied().unwrap_or(false)
    }
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

const REPORT: &[&str] = &[
    "said", "says", "told", "tells", "reported", "announced", "announces", "announcing", "stated", "confirmed", "confirms",
    "estimated", "estimates", "warned", "warns", "noted", "notes", "added", "adds", "stressed", "stresses", "stressing",
    "emphasized", "emphasised", "emphasizes", "emphasises", "underscored", "underscores", "acknowledged", "acknowledges",
    "insisted", "insists", "argued", "argues", "arguing", "remarked", "wrote", "writes", "tweeted", "revealed",
    "disclosed", "declared", "declares", "asserted", "asserts", "explained", "saying", "quoted", "cited", "blamed",
    "blames", "predicted", "indicated", "briefed", "testified", "conceded", "admitted", "admits", "vowed", "vows",
    "pledged", "pledges", "promised", "promises", "say", "described", "describes",
];
const HEDGE: &[&[&str]] = &[
    &["alleged"], &["allegedly"], &["purportedly"], &["purported"], &["reportedly"], &["supposedly"], &["ostensibly"],
    &["unconfirmed"], &["unverified"], &["speculation"], &["speculations"], &["rumours"], &["rumors"], &["rumour"],
    &["rumor"], &["rumoured"], &["rumored"], &["pretext"], &["pretexts"], &["so", "-", "called"], &["what", "is", "called"],
    &["what", "it", "called"], &["what", "it", "calls"], &["what", "they", "call"], &["what", "they", "called"],
    &["accused", "of"], &["is", "to", "be", "believed"], &["are", "to", "be", "believed"], &["independently", "verify"],
    &["independently", "verified"], &["independently", "confirm"], &["independently", "confirmed"], &["not", "be", "verified"],
    &["not", "be", "confirmed"], &["without", "providing", "evidence"], &["without", "offering", "evidence"],
    &["without", "evidence"], &["provided", "no", "evidence"], &["offered", "no", "evidence"], &["gave", "no", "evidence"],
    &["believed", "to"], &["thought", "to"], &["is", "said", "to"], &["are", "said", "to"], &["was", "said", "to"],
    &["were", "said", "to"], &["if", "confirmed"], &["unable", "to", "verify"], &["unable", "to", "confirm"],
    &["not", "able", "to", "verify"], &["not", "been", "able", "to", "verify"], &["not", "able", "to", "confirm"],
    &["not", "been", "able", "to", "confirm"], &["not", "confirmed"], &["not", "confirm"], &["not", "officially", "confirmed"],
    &["not", "been", "confirmed"], &["neither", "confirmed"],
];
const DENIAL: &[&str] = &[
    "deny", "denies", "denied", "denying", "denial", "reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses",
    "dismissed", "dismissing", "refute", "refutes", "refuted", "rebutted", "rebuts", "disputed", "disputes", "contradicted",
    "categorically",
];
const DISMISSAL: &[&[&str]] = &[
    &["no", "truth"], &["not", "true"], &["untrue"], &["baseless"], &["unfounded"], &["groundless"], &["fabricated"],
    &["fabrication"], &["fabrications"], &["fake", "news"], &["just", "speech"], &["just", "talk"], &["mere", "speculation"],
    &["nothing", "but", "rumours"], &["nothing", "but", "rumors"], &["ruled", "out"], &["rules", "out"], &["rule", "out"],
    &["false", "reports"], &["false", "claims"], &["disinformation"], &["misinformation"], &["nonsense"], &["hoax"],
    &["pure", "invention"], &["pure", "fiction"], &["fantasy"], &["fantasies"], &["absurd"], &["lies", "and"],
    &["exaggerated"], &["exaggeration"], &["overstated"], &["inflated"], &["pure", "propaganda"], &["mere", "propaganda"],
    &["just", "propaganda"], &["nothing", "but", "propaganda"], &["no", "support", "from"], &["no", "backing", "from"],
    &["no", "weapons", "from"], &["no", "military", "support"], &["no", "assistance", "from"], &["incorrectly"],
    &["erroneously"], &["misstated"], &["earlier", "version"],
];
/// Verbs that deny only when a claim-like noun follows ("questioned the ministry's figures").
const WEAK_DENIAL: &[&str] = &["questioned", "questions", "questioning", "challenged", "challenges", "challenging", "contested", "contests"];
const NEGATION: &[&[&str]] = &[
    &["no", "plans"], &["no", "plan"], &["not", "planning"], &["not", "plan"], &["no", "intention"], &["not", "aware"],
    &["does", "not", "need"], &["do", "not", "need"], &["did", "not", "need"], &["doesn", "'", "not", "need"],
    &["don", "'", "not", "need"], &["no", "need"], &["not", "received"], &["not", "considering"], &["not", "intend"],
    &["never", "planned"], &["no", "such"], &["there", "are", "no"], &["there", "is", "no"], &["there", "were", "no"],
    &["there", "was", "no"], &["there", "have", "been", "no"], &["there", "has", "been", "no"],
];
/// Nouns that make the object of a denial claim-like ("denied reports that ...").
const CLAIM_NOUNS: &[&str] = &[
    "report", "reports", "claim", "claims", "allegation", "allegations", "accusation", "accusations", "rumours", "rumors",
    "suggestion", "suggestions", "speculation", "assertion", "assertions", "statement", "statements", "news", "that", "any",
    "it", "\"", "\u{201C}", "media", "story", "stories", "account", "accounts", "charges", "charge", "figure", "figures",
    "number", "numbers", "estimate", "estimates", "toll", "characterisation", "characterization", "version", "findings", "conclusions",
];
const DETERMINERS: &[&str] = &["a", "an", "the", "this", "these", "those", "such", "his", "her", "their", "its", "our", "no"];

/// What a word can start: the cue phrases that begin with it (in priority order) and
/// the single-word cues it is.
#[derive(Default)]
struct Lead {
    phrases: Vec<(CueKind, &'static [&'static str])>,
    report: bool,
    denial: bool,
    weak_denial: bool,
}

/// Words that start a cue only with special handling in [`cue_at`].
const SPECIAL: &[&str] = &["fake", "false", "lies", "accuses", "accusing", "according", "claimed", "claims", "claim", "claiming", "reports", "states", "estimate", "report", "tell", "warn", "insist", "deny", "put", "say"];

/// Every word that can start a cue, with what it can start.
fn leads() -> &'static HashMap<&'static str, Lead> {
    static LEADS: OnceLock<HashMap<&'static str, Lead>> = OnceLock::new();
    LEADS.get_or_init(|| {
        let mut map: HashMap<&'static str, Lead> = HashMap::new();
        let tables: [(CueKind, &[&[&str]]); 3] = [(CueKind::Dismissal, DISMISSAL), (CueKind::Negation, NEGATION), (CueKind::Hedge, HEDGE)];
        for (kind, table) in tables {
            for seq in table {
                map.entry(seq[0]).or_default().phrases.push((kind, seq));
            }
        }
        for w in REPORT {
            map.entry(w).or_default().report = true;
        }
        for w in DENIAL {
            map.entry(w).or_default().denial = true;
        }
        for w in WEAK_DENIAL {
            map.entry(w).or_default().weak_denial = true;
        }
        for w in SPECIAL {
            map.entry(w).or_default();
        }
        map
    })
}

/// Every cue in the sentence, in order.
pub(super) fn find(w: &Words) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let found = cue_at(w, i);
        if let Some(c) = found {
            cues.push(c);
            i += c.len;
        } else {
            i += 1;
        }
    }
    cues
}

fn cue_at(w: &Words, i: usize) -> Option<Cue> {
    let word = w.at(i);
    let lead = leads().get(word)?;
    let prev = if i > 0 { w.at(i - 1) } else { "" };
    let next = w.at(i + 1);
    let cue = |kind, len| Some(Cue { kind, at: i, len });
    if w.matches(i, &["according", "to"]) {
        return cue(CueKind::ReportBefore, 2);
    }
    for &(kind, seq) in lead.phrases.iter().filter(|(k, _)| *k != CueKind::Hedge) {
        // "There are no Rwandan troops in Congo" says the opposite of a report; "there was no comment" does not.
        // "there are no plans to ...": the narrower cue, "no plans", is the one to show.
        let narrower = || leads().get("no").is_some_and(|l| l.phrases.iter().any(|(_, p)| w.matches(i + seq.len() - 1, p)));
        if seq[0] == "there" && (narrower() || !(i + seq.len()..(i + seq.len() + 4).min(w.len())).take_while(|&k| !w.is_clause_break(k)).any(|k| is_force_noun(w.at(k)) || w.opens[k].is_some())) {
            continue;
        }
        if w.matches(i, seq) {
            return cue(kind, seq.len());
        }
    }
    for &(_, seq) in lead.phrases.iter().filter(|(k, _)| *k == CueKind::Hedge) {
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
        let noun = (i + 1..(i + 3).min(w.len())).find(|&k| is_force_noun(w.at(k)));
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
        let noun = DETERMINERS.contains(&prev)
            || DENIAL.contains(&prev)
            || matches!(prev, "of" | "the" | "'" | "both" | "all" | "many" | "several" | "two")
            || (word == "claims" && matches!(next, "are" | "were" | "have" | "had" | "of" | "about"));
        let other_sense = matches!(next, "by" | "responsibility" | "credit" | "the" | "victory" | "lives" | "control");
        if word == "claim" && !matches!(prev, "they" | "we" | "i" | "sources" | "officials") {
            return None;
        }
        return (!noun && !other_sense).then_some(Cue { kind: CueKind::HedgeVerb, at: i, len: 1 });
    }
    if lead.weak_denial && !DETERMINERS.contains(&prev) && claim_noun_follows(w, i + 1) {
        return cue(CueKind::Denial, 1);
    }
    if lead.denial {
        // "the disputed region", "a denial" as a noun phrase of its own still counts; "the disputed" does not.
        return (!(DETERMINERS.contains(&prev) && word.ends_with("ed"))).then_some(Cue { kind: CueKind::Denial, at: i, len: 1 });
    }
    if matches!(word, "reports" | "states") {
        // Verb only before "that" ("Reuters reports that ..."), never "the reports" or "United States".
        return (next == "that").then_some(Cue { kind: CueKind::Report, at: i, len: 1 });
    }
    if matches!(word, "estimate" | "report" | "tell" | "warn" | "insist" | "deny") && next == "that" {
        return cue(CueKind::Report, 1);
    }
    if word == "put" && w.at(i + 1) == "the" && matches!(w.at(i + 2), "number" | "figure" | "toll" | "strength" | "size") {
        return cue(CueKind::Report, 1);
    }
    if word == "say" && matches!(prev, "to" | "a" | "would" | "could" | "should" | "not" | "final" | "no") {
        return None;
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
    if lead.report {
        let adjective = DETERMINERS.contains(&prev) || matches!(prev, "is" | "are" | "was" | "were" | "be" | "been" | "being" | "widely" | "un");
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
            // "...; Kigali denies": nothing follows, what came before is denied.
            let last = (c.at + c.len..w.len()).all(|k| matches!(w.at(k), "." | "!" | "\"" | "\u{201D}" | "it" | "this" | "that" | "them"));
            last || denies_an_act(w, c) || claim_noun_follows(w, c.at + c.len) || (c.at.saturating_sub(4)..c.at).any(|k| matches!(w.at(k), "reports" | "claims" | "allegations" | "report" | "claim" | "figure" | "figures" | "toll" | "estimate" | "account"))
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
    (from..(from + 4).min(w.len())).any(|k| CLAIM_NOUNS.contains(&w.at(k)) && w.at(k + 1) == "that" && matches!(w.at(k + 2), "it" | "they"))
}

/// In what a denial denies (`from..to`), the words naming who made the report ("a report
/// by Lebanon's Al Mayadeen that ..."): they say who spoke, not what was said.
pub(super) fn reporter_phrase(w: &Words, from: usize, to: usize) -> Option<(usize, usize)> {
    let noun = (from..(from + 4).min(to)).find(|&k| CLAIM_NOUNS.contains(&w.at(k)) && matches!(w.at(k + 1), "by" | "from" | "in"))?;
    let end = (noun + 2..to).find(|&k| matches!(w.at(k), "that" | "of" | "about" | "," | "claiming" | "saying")).unwrap_or(to);
    Some((noun + 1, end))
}

/// Whether the words `from..to` (what a denial denies) only point at a claim made
/// elsewhere ("the allegations", "that figure", "the ministry's figures") and say
/// nothing of their own ("reports of looting", "claims that ...").
pub(super) fn names_a_claim_only(w: &Words, from: usize, to: usize) -> bool {
    // "Hezbollah denies this.": a pronoun and nothing else points at the claim before.
    let pronoun = |k: usize| matches!(w.at(k), "this" | "it" | "that" | "them");
    if (from..to).any(pronoun) && (from..to).all(|k| pronoun(k) || matches!(w.at(k), "." | "!" | "\"" | "\u{201D}")) {
        return true;
    }
    let noun_at = |k: usize| CLAIM_NOUNS.contains(&w.at(k)) && !matches!(w.at(k), "that" | "any" | "it" | "media" | "\"" | "\u{201C}");
    let Some(noun) = (from..(from + 5).min(to)).find(|&k| noun_at(k)) else {
        return false;
    };
    let leading = (from..noun).all(|k| DETERMINERS.contains(&w.at(k)) || matches!(w.at(k), "'" | "s" | "that" | "those") || !w.capital[k]);
    let next = w.at(noun + 1);
    leading && !matches!(next, "of" | "that" | "about" | "on" | "regarding" | "concerning" | "over" | "linking" | "accusing" | "saying" | "claiming" | "suggesting")
}

/// Whether a claim-like noun stands within six words from `from`.
fn claim_noun_follows(w: &Words, from: usize) -> bool {
    (from..(from + 6).min(w.len())).any(|k| CLAIM_NOUNS.contains(&w.at(k)))
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

const FORCE_NOUNS: &[&str] = &[
    "troops", "troop", "soldiers", "forces", "force", "personnel", "units", "unit", "brigade", "brigades", "battalion",
    "battalions", "division", "marines", "army", "military", "reinforcements", "servicemen", "contingent", "peacekeepers",
    "fighters", "mercenaries", "boots", "coalition", "presence", "advisers", "advisors", "members", "instructors",
    "trainers", "garrison", "platoons", "platoon", "regiment", "regiments", "squadron", "sailors", "airmen", "reservists",
    "conscripts", "recruits", "militiamen", "paratroopers", "commandos", "battlegroup", "legionnaires",
];
const NEGATORS: &[&str] = &[
    "not", "no", "never", "without", "deny", "denies", "denied", "denying", "reject", "rejected", "rejects", "dismissed",
    "dismisses", "refuted", "refutes", "nor",
];

/// Whether `w` names a military force ("troops", "brigade", "members").
pub(super) fn is_force_noun(w: &str) -> bool {
    // Every force noun is 4 to 14 bytes long: most words are rejected without a comparison.
    (4..=14).contains(&w.len()) && FORCE_NOUNS.contains(&w)
}

/// The event the word at `i` opens, if any, before negation (computed once per token by [`Words::new`]).
fn event_at(w: &Words, i: usize) -> Option<Polar> {
    let x = w.at(i);
    if x.len() < 2 || !x.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    let force = w.force;
    let stem_in = |stems: &[&str]| stems.iter().any(|s| x.starts_with(s));
    if stem_in(&["deploy", "reinforc", "dispatch"]) || matches!(x, "buildup" | "build-up") {
        return Some((Event::Deploy, true));
    }
    // "keep about 2,500 troops": a number may stand between.
    let force_follows = || (i + 1..(i + 6).min(w.len())).any(|k| is_force_noun(w.at(k)));
    // "There are no Rwandan troops in Congo": troops that are (or are not) there were (or were not) sent.
    // Only where a named place follows: "there are no conscripts there" says nothing of a deployment.
    let place_follows = || (i + 1..(i + 4).min(w.len())).any(|k| matches!(w.at(k), "in" | "on" | "inside") && w.capital.get(k + 1).copied().unwrap_or(false));
    if is_force_noun(x) && (i.saturating_sub(5)..i).any(|k| w.at(k) == "there" && matches!(w.at(k + 1), "are" | "is" | "were" | "was")) && place_follows() {
        return Some((Event::Deploy, true));
    }
    if force && (matches!(x, "send" | "sends" | "sent" | "sending" | "arrive" | "arrived" | "arriving" | "massing" | "amassing")
        || (matches!(x, "coming" | "heading" | "moving") && w.at(i + 1) == "to")
        || (matches!(x, "bolster" | "bolstering" | "boost" | "boosting" | "increase" | "increasing" | "expand" | "expanding" | "surge" | "surging") && force_follows()))
    {
        return Some((Event::Deploy, true));
    }
    if stem_in(&["withdr", "pullout", "pull-out", "drawdown"])
        || matches!(x, "remove" | "removed" | "removes" | "removing" | "removal" | "reduce" | "reduced" | "reducing" | "reduction")
        || (matches!(x, "pull" | "pulled" | "pulling" | "pulls") && matches!(w.at(i + 1), "out" | "back"))
        || (matches!(x, "scale" | "scaled" | "scaling") && w.at(i + 1) == "down")
        || (matches!(x, "cut" | "cuts" | "cutting") && force_follows())
        || (matches!(x, "bring" | "brings" | "bringing" | "brought") && force_follows() && (i + 1..(i + 8).min(w.len())).any(|k| matches!(w.at(k), "home" | "back")))
    {
        return Some((Event::Withdraw, true));
    }
    // "had left Niger": a place after "left" (not "left 20 dead", "left behind").
    let left_place = x == "left" && w.capital.get(i + 1).copied().unwrap_or(false);
    if force && (left_place || matches!(x, "leave" | "leaving" | "exit" | "exiting" | "departure" | "evacuate" | "evacuated" | "evacuating")) {
        return Some((Event::Withdraw, true));
    }
    if matches!(x, "end" | "ends" | "ended" | "ending" | "terminate" | "terminating")
        && (i + 1..(i + 6).min(w.len())).take_while(|&k| !w.is_clause_break(k)).any(|k| {
            matches!(w.at(k), "presence" | "mission" | "existence" | "deployment" | "coalition" | "arrangements" | "stationing" | "occupation")
        })
    {
        return Some((Event::Withdraw, true));
    }
    if force && (matches!(x, "remain" | "remains" | "remained" | "remaining" | "stay" | "stays" | "stayed" | "staying")
        || (matches!(x, "retain" | "maintain" | "keep" | "keeping") && (w.at(i + 2) == "presence" || force_follows())))
    {
        return Some((Event::Withdraw, false));
    }
    if x == "at" && w.at(i + 1) == "the" && matches!(w.at(i + 2), "request" | "invitation") {
        return Some((Event::Withdraw, false));
    }
    // Verbs only: "new strikes" and "a direct hit" name no claim of their own.
    if matches!(x, "struck" | "hit") && !matches!(w.at(i.wrapping_sub(1)), "a" | "the" | "direct") {
        return Some((Event::Strike, true));
    }
    None
}

/// Whether a routine rotation is named between `from` and `to` ("part of a normal rotation").
fn routine_rotation(w: &Words, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        matches!(w.at(k), "rotation" | "rotations" | "replacing" | "replacement" | "replace" | "relieve" | "relieving" | "rotate" | "rotating" | "rotational")
            && (k.saturating_sub(4).max(from)..k).any(|j| matches!(w.at(j), "normal" | "routine" | "regular" | "scheduled" | "planned" | "usual"))
    })
}

/// The events the tokens `from..to` assert or deny, clause by clause, without repeats.
pub(super) fn events(w: &Words, from: usize, to: usize) -> Vec<Polar> {
    let mut out: Vec<Polar> = Vec::new();
    let mut clause_start = from;
    let to = to.min(w.len());
    for i in from..=to {
        if i < to && !w.is_clause_break(i) && !(w.at(i) == "and" && w.at(i + 1) == "that") {
            continue;
        }
        let clause_end = i;
        let rotation = routine_rotation(w, clause_start, clause_end);
        if rotation {
            out.push((Event::Deploy, false));
        }
        let mut negated = false;
        for k in clause_start..clause_end {
            // "has not disclosed how much it pays for the deployment": what is withheld is the telling.
            let withheld = (k + 1..(k + 3).min(clause_end)).any(|j| matches!(w.at(j), "disclosed" | "disclose" | "revealed" | "reveal" | "specified" | "specify" | "commented" | "comment" | "elaborate" | "elaborated" | "explained" | "explain"));
            if w.negates[k] && !withheld {
                negated = true;
            }
            if let Some((event, positive)) = w.opens[k] {
                // "any deployment", "a possible withdrawal": nothing is asserted yet.
                let irrealis = (k.saturating_sub(2).max(clause_start)..k).any(|j| matches!(w.at(j), "any" | "possible" | "potential" | "future"))
                    || (clause_start..k).any(|j| matches!(w.at(j), "if" | "whether" | "until" | "unless"));
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

/// The armed group a clause says is finished ("Daesh is no longer a danger", "X was
/// defeated"): the index of the capitalised word before the verb.
pub(super) fn finished_group(w: &Words) -> Option<usize> {
    (1..w.len()).find_map(|i| {
        let no_longer = w.matches(i, &["is", "no", "longer"]) || w.matches(i, &["was", "no", "longer"]) || w.matches(i, &["has", "been", "defeated"]) || w.matches(i, &["was", "defeated"]) || w.matches(i, &["is", "defeated"]) || w.matches(i, &["has", "been", "eliminated"]);
        (no_longer && w.capital[i - 1] && w.at(i - 1).len() > 1).then_some(i - 1)
    })
}
