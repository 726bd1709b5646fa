//! Troop figures: numbers that give the size of an armed force.
//!
//! Each count from [`numbers::find`] becomes a figure when the words around it say it
//! sizes a force: a force noun after it ("2,500 American troops"), a force noun it
//! qualifies ("a 3,500-strong contingent", "a force of 4,000", "troop levels of 2,500"),
//! or a figure before it in the same sentence that it continues ("... and 900 in Syria",
//! "injured two others"). Kind, action, location and owner are read from the same sentence.

use super::actors::FoundActors;
use super::numbers::{self, same_word, NumberExpr};
use super::schema::{ActorKind, FigureKind, Qualifier};
use super::text::{is_dash, tokens_span, Token, TokenKind};
use super::{Doc, Span};

mod lexicon;
use lexicon::*;

/// A troop figure as the engine found it, before ids and offsets are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundFigure {
    /// From the qualifier, if any, through the force noun.
    pub span: Span,
    /// Force or casualty.
    pub kind: FigureKind,
    /// The number.
    pub value: Option<u64>,
    /// Lower bound.
    pub min: Option<u64>,
    /// Upper bound.
    pub max: Option<u64>,
    /// How the number bounds the size.
    pub qualifier: Qualifier,
    /// Index into [`FoundActors::actors`] of the force's owner.
    pub owner: Option<usize>,
    /// Where the force is or goes.
    pub location: Option<String>,
    /// What happens to it.
    pub action: Option<&'static str>,
}

/// Finds the troop figures of a document.
pub fn find(doc: &Doc, actors: &FoundActors) -> Vec<FoundFigure> {
    let r = Reader::new(doc, actors);
    let mut out: Vec<FoundFigure> = Vec::new();
    // The last count read in the current sentence: its sentence, last token, and whether it was a figure.
    let mut last: Option<(u32, usize, Option<usize>)> = None;
    for n in numbers::find_classed(doc, &r.classes) {
        if !n.is_count() {
            continue;
        }
        let Some(first) = r.token_at(n.span.start) else { continue };
        let Some(num_first) = r.token_at(n.number.start) else { continue };
        let end = r.token_end(n.span.end);
        let sentence = r.sentence[first];
        // A figure continues across a semicolon: "900 troops in Estonia; 300 in Poland".
        // ... and into the next sentence when that picks up the same force: "... 1,000 troops in Chad. The last 300 left on Friday.",
        // "... 54,000 US personnel. About 30,000 of them are on Okinawa."
        let previous = last.filter(|&(s, e, fig)| {
            let next = || (e..first).all(|k| r.sentence[k] == s || r.sentence[k] == sentence);
            let picks_up = r.picks_up_force(first) || r.is(end, "of") && r.any(end + 1, &["them", "those", "these"]);
            first.saturating_sub(e) <= 40 && (s == sentence || s + 1 == sentence && (e..first).any(|k| r.word(k) == ";") || fig.is_some() && picks_up && next())
        });
        // "3,000 troops are to leave ..., two officials said, leaving roughly 11,000 in the country": what remains of the figure.
        let remainder = first > 0 && r.any(first - 1, &["leaving", "leaves", "left"]);
        let previous = match (previous, out.len().checked_sub(1)) {
            (Some((s, e, None)), Some(f)) if remainder && r.token_at(out[f].span.start).is_some_and(|t| r.same_sentence(t, first)) => Some((s, e, Some(f))),
            _ => previous,
        };
        let found = r.read(&n, first, num_first, end, previous.map(|p| p.2), &out);
        // "killed at Tower 22 ... and dozens more were wounded": a number in a name does not interrupt the figure before it.
        let in_name = found.is_none() && first == num_first && first > 0 && r.capitalized(first - 1) && r.same_sentence(first - 1, first)
            && r.kind(first) == Some(TokenKind::Number);
        if in_name && last.is_some_and(|(s, _, fig)| s == sentence && fig.is_some()) {
            continue;
        }
        last = Some((sentence, end, None));
        if let Some(f) = found {
            if out.last().is_some_and(|p| p.span.overlaps(&f.span)) {
                continue;
            }
            last = Some((sentence, end, Some(out.len())));
            out.push(f);
        }
    }
    out
}

/// “, ” and ’ in UTF-8, to match tokens' bytes.
const LEFT_QUOTE: &[u8] = "“".as_bytes();
const RIGHT_QUOTE: &[u8] = "”".as_bytes();
const RIGHT_SINGLE_QUOTE: &[u8] = "’".as_bytes();

/// How a number was tied to a force.
struct Shape {
    /// Figure span, in tokens `[start, end)`.
    start: usize,
    end: usize,
    /// Tokens between the number and the noun, for owner and reinforcement cues.
    chain: (usize, usize),
    /// The figure continues an earlier one in its sentence (index into the output).
    inherits: Option<usize>,
}

struct Reader<'a> {
    doc: &'a Doc<'a>,
    toks: &'a [Token],
    actors: &'a FoundActors,
    /// Sentence number of every token (a boxed slice: indexing it is inline, a `Vec`'s is a call at opt-level "z").
    sentence: Box<[u32]>,
    /// The actor every token names or stands for (as [`FoundActors::actor_at`] would answer), in one pass.
    actor_of: Vec<Option<usize>>,
    /// The lexicon lists and tables holding every token, with its classes in the number grammar ([`lexicon::classes`]; 0 for numbers).
    classes: Box<[u64]>,
}

impl<'a> Reader<'a> {
    fn new(doc: &'a Doc<'a>, actors: &'a FoundActors) -> Self {
        let toks = &doc.tokens[..];
        // No list holds a number.
        let classes: Box<[u64]> = toks.iter().map(|t| if t.kind == TokenKind::Number { 0 } else { classes(t.text(doc.text)) }).collect();
        // Filled in place: `Vec::push` is a call per token at opt-level "z".
        let mut sentence = vec![0u32; toks.len()].into_boxed_slice();
        let mut id = 0u32;
        let mut region = 0;
        let sentences = doc.sentences.as_slice();
        for (i, (t, slot)) in toks.iter().zip(sentence.iter_mut()).enumerate() {
            while region + 1 < sentences.len() && sentences[region].end <= t.span.start {
                region += 1;
                id += 1;
            }
            if i > 0 && (t.newline_before || Self::ends_sentence(doc, &classes, i - 1)) {
                id += 1;
            }
            *slot = id;
        }
        // Adjectives first, then mentions in actor order: the first to claim a token keeps it, as in `actor_at`.
        let mut actor_of = vec![None; toks.len()];
        let mentions = actors.actors.iter().enumerate().flat_map(|(a, actor)| actor.mentions.iter().map(move |m| (*m, a)));
        for (span, a) in actors.adjectives.iter().copied().chain(mentions) {
            let first = toks.partition_point(|t| t.span.end <= span.start);
            let count = toks[first..].partition_point(|t| t.span.start < span.end);
            for slot in actor_of.iter_mut().skip(first).take(count) {
                slot.get_or_insert(a);
            }
        }
        Reader { doc, toks, actors, sentence, actor_of, classes }
    }

    /// Token `i` is a full stop (or ! ? ;) that closes a sentence.
    fn ends_sentence(doc: &Doc, classes: &[u64], i: usize) -> bool {
        // Runs for every token: bytes compared inline (a `str` compare is a call at opt-level "z").
        let Some(t) = doc.tokens.get(i) else { return false };
        match doc.text.as_bytes().get(t.span.start..t.span.end) {
            Some(b"!" | b"?" | b";") => return true,
            Some(b".") => {}
            _ => return false,
        }
        let Some(next) = doc.tokens.get(i + 1) else { return true };
        let prev = i.checked_sub(1).map_or("", |p| doc.tokens[p].text(doc.text));
        let abbreviation = prev.chars().count() == 1 || i.checked_sub(1).is_some_and(|p| classes[p] & ABBREVIATIONS.bit() != 0);
        next.space_before && !abbreviation && (next.is_capitalized(doc.text) || next.kind == TokenKind::Number)
    }

    fn token_at(&self, byte: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.span.start < byte);
        (i < self.toks.len()).then_some(i)
    }

    fn token_end(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= byte)
    }

    /// The bytes of token `i` (empty past the end), for matching punctuation inline.
    fn bytes(&self, i: usize) -> &'a [u8] {
        self.toks.get(i).and_then(|t| self.doc.text.as_bytes().get(t.span.start..t.span.end)).unwrap_or_default()
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.doc.text))
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word(self.doc.text, w))
    }

    /// The kind of token `i`, if there is one.
    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` is one of the words of a short inline `list` (ignoring ASCII case).
    fn any(&self, i: usize, list: &[&str]) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        // Lengths first, inline: most words of the list have another.
        let len = t.span.end.wrapping_sub(t.span.start);
        list.iter().any(|w| w.len() == len && t.is_word(self.doc.text, w))
    }

    /// Token `i` is a word of a lexicon list.
    fn among(&self, i: usize, list: Words) -> bool {
        self.classes.get(i).is_some_and(|c| c & list.bit() != 0)
    }

    /// The value of token `k` in a lexicon table (sorted by key, lower case), ignoring ASCII case.
    fn lookup(&self, table: Table, k: usize) -> Option<&'static str> {
        // Most tokens are in no table: their class bits turn them away before the binary search.
        if self.classes.get(k).is_none_or(|c| c & TABLE_KEY == 0) {
            return None;
        }
        table.get(self.word(k))
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_capitalized(self.doc.text))
    }

    /// Tokens `a` and `b` are in one sentence (false past the end).
    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.sentence.get(a), self.sentence.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        tokens_span(self.toks, start, end.wrapping_sub(1))
    }

    fn actor(&self, i: usize) -> Option<usize> {
        self.actor_of.get(i).copied().flatten()
    }

    fn actor_kind(&self, i: usize) -> Option<ActorKind> {
        self.actor(i).and_then(|a| self.actors.actors.get(a)).map(|a| a.kind)
    }

    /// Reads one count: is it a troop figure, and with what attributes?
    fn read(&self, n: &NumberExpr, first: usize, num: usize, end: usize, previous: Option<Option<usize>>, out: &[FoundFigure]) -> Option<FoundFigure> {
        if self.not_a_count(first, num) {
            return None;
        }
        let shape = self
            .strong(first, end)
            .or_else(|| self.noun_chain(first, num, end))
            .or_else(|| self.group_of(first, end))
            .or_else(|| self.elliptical(n, first, num, end, previous))?;
        // "one soldier in ten": a ratio, not a count.
        if n.value == Some(1) && self.is(shape.end, "in") && (self.toks.get(shape.end + 1).is_some_and(|t| t.kind == TokenKind::Number) || lookup_value(self.word(shape.end + 1))) {
            return None;
        }
        let inherited = shape.inherits.and_then(|i| out.get(i));
        let before = out.last().filter(|f| self.token_at(f.span.start).is_some_and(|t| self.same_sentence(t, shape.start)));
        // "killed 37 militants and 12 soldiers": a figure joined to a casualty shares its fate.
        let joined = before.filter(|f| {
            shape.start > 0 && self.any(shape.start - 1, &["and", ",", "or"]) && self.token_end(f.span.end) + 1 == shape.start
        });
        // "300 dead soldiers", "12 wounded troops"
        let in_chain = (shape.chain.0..shape.chain.1).find_map(|k| self.lookup(CASUALTY_AFTER_ACTION, k));
        let casualty = self
            .casualty(shape.start, shape.end)
            .or(in_chain)
            .or_else(|| inherited.or(joined).and_then(|f| (f.kind == FigureKind::Casualty).then_some(f.action).flatten()));
        // "more than 350,000 casualties": the noun itself says killed or wounded, not which.
        let casualty_noun = self.any(shape.end - 1, &["casualties", "losses"]) || self.losses_before(shape.start);
        let kind = if casualty.is_some() || casualty_noun { FigureKind::Casualty } else { FigureKind::Force };
        // "12 generals sacked": officers are counted only as casualties, never as a force's size.
        if kind == FigureKind::Force && self.among(shape.end - 1, RANK_NOUNS) {
            return None;
        }
        let action = match casualty {
            Some(a) => Some(a),
            None => self.force_action(shape.start, shape.end, shape.chain).or_else(|| inherited.and_then(|f| f.action)),
        };
        let location = self.location(shape.start, shape.end, action).or_else(|| inherited.and_then(|f| f.location.clone()));
        let owner = self.owner(&shape, kind, action, inherited, before).map(|a| self.state_of(a));
        let action = action.or_else(|| location.as_ref().and_then(|_| self.default_action(shape.end)));
        Some(FoundFigure {
            span: self.span(shape.start, shape.end),
            kind,
            value: n.value,
            min: n.min,
            max: n.max,
            qualifier: n.qualifier,
            owner,
            location,
            action,
        })
    }

    /// "Unit 8200", "Resolution 2334" (names) and "one in five" (ratios) are not counts.
    fn not_a_count(&self, first: usize, num: usize) -> bool {
        let ratio = first >= 2 && self.is(first - 1, "in") && (self.kind(first - 2) == Some(TokenKind::Number) || self.is(first - 2, "one"));
        ratio || first == num && num > 0 && self.capitalized(num - 1) && self.among(num - 1, DESIGNATORS)
    }

    /// "a 3,500-strong contingent", "a 200-man unit".
    fn strong(&self, first: usize, end: usize) -> Option<Shape> {
        let dash = end;
        let hyphen = is_dash(self.word(dash)) && self.glued(dash);
        let at = if hyphen { dash + 1 } else { dash };
        let strong = self.is(at, "strong");
        if !(strong && (hyphen || self.toks.get(at).is_some()) || hyphen && self.among(at, SIZE_UNITS)) {
            return None;
        }
        let noun_ok = |k: usize| self.among(k, GROUP_NOUNS) || (strong && self.strong_noun(k));
        let mut noun = None;
        for k in at + 1..(at + 6).min(self.toks.len()) {
            if self.among(k, BLOCKERS) || !self.same_sentence(first, k) {
                return None;
            }
            if noun_ok(k) {
                noun = Some(k);
            } else if noun.is_some() || !(self.modifier(k) || self.kind(k) == Some(TokenKind::Word) && !self.among(k, STOPS)) {
                break;
            }
        }
        let Some(k) = noun else {
            // "The militia, estimated at 5,000 strong, ..."
            let anchored = strong && (first.saturating_sub(8)..first).any(|j| self.same_sentence(j, first) && (self.among(j, GROUP_NOUNS) || self.strong_noun(j)));
            return anchored.then_some(Shape { start: first, end: at + 1, chain: (at, at), inherits: None });
        };
        let start = if first > 0 && self.any(first - 1, &["a", "an"]) { first - 1 } else { first };
        Some(Shape { start, end: k + 1, chain: (at + 1, k), inherits: None })
    }

    /// A number followed by modifiers and a force noun: "around 2,500 American troops".
    fn noun_chain(&self, first: usize, num: usize, end: usize) -> Option<Shape> {
        let mut k = end;
        let mut head = None;
        let mut military = self.group_before(first) || self.counted_force_before(first) || self.armed_possessor(first);
        let mut used_of = false;
        let mut part_of = false;
        let limit = end + 10;
        while k < limit && k < self.toks.len() && self.same_sentence(k, num) {
            // "3,000 African Union troops": a blocker inside a known name blocks nothing.
            if self.among(k, BLOCKERS) && self.actor(k).is_none() {
                return None;
            }
            if self.is(k, "of") && !used_of && head.is_none() {
                if self.among(k + 1, POSSESSIVES) {
                    // "The SDF said 4 of its members were killed": its members are an armed group's.
                    military |= self.any(k + 1, &["its", "their"]) && self.party_before(first) && self.armed_before(first);
                    used_of = true;
                    k += 2;
                    // "lost 300 of its 2,000 soldiers": a part of the force counted after it.
                    let number = |j: usize| self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Number);
                    // "3,000 of the roughly 10,000 troops": the whole's own qualifier.
                    let hedge = |j: usize| self.any(j, &["roughly", "about", "around", "some", "nearly", "approximately", "almost", "an", "estimated"]);
                    let mut q = k;
                    while q < k + 2 && hedge(q) {
                        q += 1;
                    }
                    if q > k && number(q) {
                        k = q;
                    }
                    if number(k) {
                        while number(k) || (matches!(self.word(k), "," | ".") && self.glued(k) && number(k + 1) && self.glued(k + 1)) {
                            k += 1;
                        }
                        part_of = true;
                    }
                    continue;
                }
                // "1,000 of Russia's troops"
                if self.capitalized(k + 1) && matches!(self.word(k + 2), "’" | "'") && self.is(k + 3, "s") {
                    used_of = true;
                    k += 1;
                    continue;
                }
            }
            // "\"around 10,000\" North Korean soldiers": a quotation closing on the number.
            if k == end && head.is_none() && matches!(self.word(k), "\"" | "”") && self.glued(k) {
                k += 1;
                continue;
            }
            // "4,000 Rwandan Defence Force (RDF) troops": an acronym in brackets.
            if head.is_none() && k > end && self.word(k) == "(" && self.word(k + 2) == ")" && self.capitalized(k + 1) {
                k += 3;
                continue;
            }
            // "about 350 US Army and Air Force personnel"
            if head.is_none() && k > end && self.any(k, &["and", "or", "&"]) && self.capitalized(k + 1) && !self.among(k + 1, STOPS) {
                k += 1;
                continue;
            }
            if self.strong_noun(k) || self.boots(k) {
                if !self.attributive(k) {
                    head = Some(k);
                }
            } else if head.is_some() {
                break;
            } else if self.among(k, WEAK_NOUNS) {
                let under_arms = self.any(k + 1, &["under", "in", "at"]) && self.any(k + 2, &["arms", "uniform"]);
                // "The army has suffered 20,000 casualties": a force named before by its noun.
                let force_before = (first.saturating_sub(10)..first).any(|j| self.same_sentence(j, first) && (self.among(j, GROUP_NOUNS) || self.is(j, "military")));
                // "Ukraine's army has lost 5,000 men": a force that loses men loses its own.
                let suffered = || (first.saturating_sub(4)..first).any(|j| self.same_sentence(j, first) && self.among(j, SUFFER_VERBS));
                // "The M23, which has about 6,000 men": members of an armed group named before.
                // Not "The IDF detained 40 men": there the group acts on the men.
                let acted_on = || (first.saturating_sub(6)..first).any(|j| self.same_sentence(j, first) && self.lookup(CASUALTY_BEFORE, j).is_some()) && !suffered();
                let group_members = self.any(k, &["men", "members", "volunteers", "instructors", "advisers", "advisors", "guards"])
                    && (self.armed_before(first) || force_before && self.is(k, "men") && suffered())
                    && !acted_on();
                let party_losses = self.is(k, "casualties") && (self.party_before(first) || self.war_context(first) || force_before);
                if (military || under_arms || party_losses || group_members || self.service_before(k) || self.of_military(k + 1)) && !self.attributive(k) {
                    head = Some(k);
                }
            } else if !self.modifier(k) {
                break;
            }
            if self.among(k, MILITARY_MODIFIERS) || matches!(self.actor_kind(k), Some(ActorKind::Military | ActorKind::ArmedGroup)) {
                military = true;
            }
            k += 1;
        }
        let head = head?;
        // The part's span stops at its own number; the whole is a figure of its own.
        let end_tok = if part_of { end } else if self.boots(head) { head + 4 } else { head + 1 };
        Some(Shape { start: first, end: end_tok, chain: (end, head), inherits: None })
    }

    /// "Russian losses ... had reached 490,000 personnel": a count that totals losses.
    fn losses_before(&self, first: usize) -> bool {
        first > 0
            && self.any(first - 1, &["reached", "at", "to", "of", "totalled", "totaled", "totalling", "totaling", "exceeded", "topped", "hit"])
            && (first.saturating_sub(14)..first).any(|j| self.same_sentence(j, first) && self.is(j, "losses"))
    }

    /// A state or armed force named earlier in the sentence ("Russia has suffered 350,000 casualties").
    fn party_before(&self, first: usize) -> bool {
        (first.saturating_sub(20)..first).any(|j| {
            self.same_sentence(j, first) && matches!(self.actor_kind(j), Some(ActorKind::State | ActorKind::Military | ActorKind::ArmedGroup))
        })
    }

    /// Words of war near a number ("300,000 casualties on both sides"): its casualties are troops'.
    fn war_context(&self, first: usize) -> bool {
        const WAR_WORDS: &[&str] = &["sides", "war", "battle", "battlefield", "front", "frontline", "fighting", "offensive", "invasion", "counteroffensive"];
        (first.saturating_sub(15)..first + 15).any(|j| self.same_sentence(j, first) && self.any(j, WAR_WORDS))
    }

    /// A military or an armed group named earlier in the sentence.
    fn armed_before(&self, first: usize) -> bool {
        (first.saturating_sub(20)..first).any(|j| self.same_sentence(j, first) && matches!(self.actor_kind(j), Some(ActorKind::Military | ActorKind::ArmedGroup)))
    }

    /// "militias numbering in the tens of thousands", "forces totalling 1,000": a force noun, a
    /// counting verb, and the number with no noun of its own.
    fn numbering_before(&self, first: usize) -> bool {
        let cue = if first >= 3 && self.is(first - 1, "the") && self.is(first - 2, "in") { first - 3 } else { first.wrapping_sub(1) };
        self.any(cue, &["numbering", "numbered", "totalling", "totaling", "totalled", "totaled"])
            && (cue.saturating_sub(8)..cue).any(|j| self.same_sentence(j, first) && (self.strong_noun(j) || self.among(j, GROUP_NOUNS)))
    }

    /// "of the armed forces", "of the Wagner group", "of Hamas": a weak noun's members are armed.
    fn of_military(&self, k: usize) -> bool {
        if !self.is(k, "of") {
            return false;
        }
        let k = if self.any(k + 1, &["the", "its", "their"]) { k + 2 } else { k + 1 };
        self.among(k, MILITARY_MODIFIERS)
            || self.any(k, &["armed", "security"]) && self.any(k + 1, &["forces", "services"])
            || matches!(self.actor_kind(k), Some(ActorKind::Military | ActorKind::ArmedGroup))
    }

    /// "forces totalling 1,000 men": a force named just before, then a counting word.
    fn counted_force_before(&self, first: usize) -> bool {
        // "the first units, some 2,600 men": an apposition right after the force noun.
        let apposition = first >= 2 && self.word(first - 1) == "," && (self.strong_noun(first - 2) || self.among(first - 2, GROUP_NOUNS));
        apposition
            || first > 0
            && self.any(first - 1, &["totalling", "totaling", "numbering", "comprising", "including", "of", "with"])
            && (first.saturating_sub(8)..first - 1).any(|j| self.same_sentence(j, first) && (self.strong_noun(j) || self.among(j, GROUP_NOUNS)))
    }

    /// "Wagner's 1,500 men", "the army's 3,000 men": the possessor before the number is armed.
    fn armed_possessor(&self, first: usize) -> bool {
        first >= 3
            && matches!(self.word(first - 2), "’" | "'")
            && self.is(first - 1, "s")
            && (self.among(first - 3, MILITARY_MODIFIERS) || self.among(first - 3, GROUP_NOUNS) || matches!(self.actor_kind(first - 3), Some(ActorKind::Military | ActorKind::ArmedGroup)))
    }

    /// "boots on the ground".
    fn boots(&self, k: usize) -> bool {
        self.is(k, "boots") && self.is(k + 1, "on") && self.is(k + 2, "the") && self.is(k + 3, "ground")
    }

    /// A strong force noun at `k` ("troops", "fighters", "peacekeepers").
    fn strong_noun(&self, k: usize) -> bool {
        self.among(k, FORCE_NOUNS)
    }

    /// "service members", "military personnel": the weak noun is vouched for by the word before it.
    fn service_before(&self, k: usize) -> bool {
        k > 0 && self.among(k - 1, MILITARY_MODIFIERS)
    }

    /// The noun at `k` modifies a following noun ("personnel carriers", "militia groups").
    fn attributive(&self, k: usize) -> bool {
        let w = self.word(k);
        let plural = w.len() > 3 && (w.ends_with('s') || w.ends_with('S') || w.ends_with("men")) && !self.among(k, INVARIANT_NOUNS);
        (!plural && self.among(k + 1, NON_HEADS)) || (self.is_dash_at(k + 1) && self.glued(k + 1))
    }

    fn is_dash_at(&self, k: usize) -> bool {
        is_dash(self.word(k))
    }

    /// A word that may stand between a number and its force noun.
    fn modifier(&self, k: usize) -> bool {
        let w = self.word(k);
        if w.is_empty() || self.among(k, STOPS) {
            return false;
        }
        let t = &self.toks[k];
        match t.kind {
            TokenKind::Number => false,
            TokenKind::Punct => {
                // "U.S.", "Iran-backed", "Russia's"
                (w == "." && self.glued(k) && k > 0 && self.word(k - 1).chars().count() == 1 && self.capitalized(k - 1))
                    || (is_dash(w) && self.glued(k) && self.glued(k + 1))
                    || (matches!(w, "’" | "'") && self.is(k + 1, "s") && self.glued(k + 1))
            }
            TokenKind::Word => {
                t.is_capitalized(self.doc.text)
                    || self.among(k, MODIFIERS)
                    || self.among(k, MILITARY_MODIFIERS)
                    || (k > 0 && is_dash(self.word(k - 1)) && self.glued(k))
                    || (is_dash(self.word(k + 1)) && self.glued(k + 1) && self.glued(k + 2))
                    || (self.is(k, "s") && k > 0 && matches!(self.word(k - 1), "’" | "'"))
            }
        }
    }

    /// The number follows "force of", "battalion of", "troop levels of".
    fn group_before(&self, first: usize) -> bool {
        first >= 2 && self.any(first - 1, &["of", "at"]) && (self.among(first - 2, GROUP_NOUNS) || self.among(first - 2, LEVEL_NOUNS))
    }

    /// "a force of 4,000", "troop levels of 2,500".
    fn group_of(&self, first: usize, end: usize) -> Option<Shape> {
        if first < 2 || !self.any(first - 1, &["of", "at", "to"]) {
            return None;
        }
        let noun = first - 2;
        if self.among(noun, LEVEL_NOUNS) && noun > 0 && self.any(noun - 1, &["troop", "force", "troops"]) {
            return Some(Shape { start: noun - 1, end, chain: (end, end), inherits: None });
        }
        if !self.is(first - 1, "of") || !self.among(noun, GROUP_NOUNS) || self.bare_after(end).is_none() {
            return None;
        }
        let mut start = noun;
        while start > 0 && start > noun.saturating_sub(3) && (self.modifier(start - 1) && !self.capitalized(start - 1) || self.any(start - 1, &["strong"])) {
            start -= 1;
        }
        if start > 0 && self.among(start - 1, DETERMINERS) {
            start -= 1;
        }
        Some(Shape { start, end, chain: (end, end), inherits: None })
    }

    /// The number stands alone (no noun after it); returns where the figure would end.
    fn bare_after(&self, end: usize) -> Option<usize> {
        let w = self.word(end);
        if w.is_empty() {
            return Some(end);
        }
        if self.any(end, &["others", "more"]) && (self.bare_after(end + 1).is_some()) {
            return Some(end + 1);
        }
        // "900 of them", "500 of whom"; but not "30 of its 42 brigades".
        if self.is(end, "of") {
            return self.any(end + 1, &["them", "whom", "those", "these", "which"]).then_some(end);
        }
        match self.kind(end)? {
            TokenKind::Punct => (!matches!(w, "%" | "-" | "–" | "/" | ":" | "$") || !self.glued(end)).then_some(end),
            TokenKind::Number => None,
            TokenKind::Word => (self.among(end, BARE_FOLLOWERS) || self.lookup(CASUALTY_AFTER_ACTION, end).is_some()).then_some(end),
        }
    }

    /// "The Germans had some 1,100 in Mazar-i-Sharif": a state (or its people) has the count in a named
    /// place, and a force noun stands in the text just before (the question it answers).
    fn held_by_state_in_place(&self, first: usize, end: usize) -> bool {
        first >= 2
            && self.among(first - 1, HAVE_WORDS)
            && self.actor_kind(first - 2) == Some(ActorKind::State)
            && self.is(end, "in")
            && self.capitalized(end + 1)
            && (first.saturating_sub(60)..first).any(|j| self.strong_noun(j))
    }

    /// "troops from Kenya (1,000), Burundi (800) and Uganda (600)": a state's or force's share in
    /// brackets, after a force noun in its sentence (the shares after it follow the first).
    fn share_in_brackets(&self, first: usize, end: usize) -> bool {
        first >= 2
            && self.word(first - 1) == "("
            && self.word(end) == ")"
            && matches!(self.actor_kind(first - 2), Some(ActorKind::State | ActorKind::Military | ActorKind::ArmedGroup))
            && (first.saturating_sub(14)..first).any(|k| self.same_sentence(k, first) && (self.strong_noun(k) || self.among(k, GROUP_NOUNS)))
    }

    /// Whether the count at `first` picks up a force named in the sentence before: "The last 300", "the remaining 700".
    fn picks_up_force(&self, first: usize) -> bool {
        first >= 2 && self.any(first - 1, &["last", "remaining", "other", "final"]) && self.any(first - 2, &["the", "its", "their"])
    }

    /// "... and 900 in Syria", "injured two others", "reduced to 2,500 from 4,500".
    fn elliptical(&self, n: &NumberExpr, first: usize, num: usize, end: usize, previous: Option<Option<usize>>) -> Option<Shape> {
        if self.table_row(first, end) || self.numbering_before(first) && self.bare_after(end).is_some() {
            return Some(Shape { start: first, end, chain: (end, end), inherits: None });
        }
        let stop = self.bare_after(end)?;
        let others = stop > end;
        let words = self.kind(num) == Some(TokenKind::Word);
        if let Some(prev) = previous {
            let prev = prev?; // the count before was not a figure: this one is like it
            let casualty_verb = first > 0 && self.lookup(CASUALTY_BEFORE, first - 1).is_some();
            if words && !others && !casualty_verb && self.casualty(first, stop).is_none() {
                return None;
            }
            return Some(Shape { start: first, end: stop, chain: (end, end), inherits: Some(prev) });
        }
        // "from 2,000 to 3,000 soldiers": the noun after the second number is shared.
        if self.any(end, &["to", "or", "and"]) {
            let mut k = end + 1;
            while k < end + 6 && (self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Number) || self.word(k) == "," && self.glued(k)) {
                k += 1;
            }
            if k > end + 1 && self.noun_chain(k, k, k).is_some() {
                return Some(Shape { start: first, end, chain: (end, end), inherits: None });
            }
        }
        // "The Germans had some 1,100 in Mazar-i-Sharif": a state's holding in a place, where troops were spoken of just before.
        if self.held_by_state_in_place(first, end) || self.share_in_brackets(first, end) {
            return Some(Shape { start: first, end: stop, chain: (end, end), inherits: None });
        }
        // No number before: a force noun and a quantity word lead to it ("troops ... number about 2,500").
        if words || n.value.is_none() && n.min.is_none() || first == 0 || !self.among(first - 1, QUANTITY_CUES) {
            return None;
        }
        let from = first.saturating_sub(14);
        let anchored = (from..first).any(|k| self.same_sentence(k, first) && (self.strong_noun(k) || self.among(k, LEVEL_NOUNS) || self.among(k, GROUP_NOUNS) || self.is(k, "losses")));
        anchored.then_some(Shape { start: first, end: stop, chain: (end, end), inherits: None })
    }

    /// A row of a table in running text, "Niger armed forces: 33,000": the label on its own line
    /// names a force, a colon, then the number ending the row or its first item.
    fn table_row(&self, first: usize, end: usize) -> bool {
        if first == 0 || self.word(first - 1) != ":" {
            return false;
        }
        let row_ends = self.toks.get(end).is_none_or(|t| t.newline_before || matches!(self.word(end), "," | ";" | "(" | "."));
        if !row_ends {
            return false;
        }
        let mut k = first - 1;
        while k > 0 && first - k < 12 && self.toks.get(k).is_some_and(|t| !t.newline_before) {
            k -= 1;
            if self.strong_noun(k) || self.among(k, GROUP_NOUNS) || self.is(k, "military") && !self.attributive(k) {
                return true;
            }
        }
        false
    }

    /// "12 people, among them four servicemen, died": the verb after the aside that holds the figure.
    fn casualty_after_aside(&self, end: usize) -> Option<&'static str> {
        let comma = (end..end + 4).find(|&k| self.same_sentence(k, end.saturating_sub(1)) && self.word(k) == ",")?;
        let mut k = comma + 1;
        while self.among(k, CASUALTY_SKIP_AFTER) && k < comma + 4 {
            k += 1;
        }
        // "..., killed 20 civilians" is what they did, not what befell them.
        let active = self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number) || self.any(k + 1, &["a", "an", "the", "at"]);
        self.lookup(CASUALTY_AFTER_ACTION, k).filter(|_| !active && self.same_sentence(k, end.saturating_sub(1)))
    }

    /// Killed / wounded / captured, from a cue right before or after the figure.
    fn casualty(&self, start: usize, end: usize) -> Option<&'static str> {
        let mut k = start;
        for _ in 0..3 {
            if k == 0 {
                break;
            }
            k -= 1;
            if let Some(a) = self.lookup(CASUALTY_BEFORE, k) {
                // "the deaths of three soldiers"
                return Some(a);
            }
            // "killing at least 12 people, including four soldiers"
            if self.any(k, &["including", "among"]) {
                let from = k.saturating_sub(10);
                if let Some(a) = (from..k).rev().filter(|&j| self.same_sentence(j, k)).find_map(|j| self.lookup(CASUALTY_BEFORE, j)) {
                    return Some(a);
                }
                if let Some(a) = self.casualty_after_aside(end) {
                    return Some(a);
                }
            }
            if !self.among(k, CASUALTY_SKIP_BEFORE) {
                break;
            }
        }
        // "Dozens of soldiers, including a general, were captured": past the aside.
        let aside = (self.is(end, ",") && self.any(end + 1, &["including", "among"]))
            .then(|| (end + 2..end + 10).find(|&k| self.is(k, ",") && self.toks.get(k + 1).is_some_and(|t| t.space_before) && self.same_sentence(k, end)))
            .flatten();
        let from = aside.map_or(end, |k| k + 1);
        for k in from..from + 7 {
            if !self.same_sentence(k, end.saturating_sub(1)) {
                break;
            }
            if let Some(a) = self.lookup(CASUALTY_AFTER_ACTION, k) {
                // "The column of 2,000, including 300 commandos, killed 20 civilians": what they did.
                let active = self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number) || self.any(k + 1, &["a", "an", "the", "at"]);
                return (aside.is_none() || !active).then_some(a);
            }
            if self.is(k, "in") && self.any(k + 1, &["critical", "serious", "grave"]) && self.is(k + 2, "condition") {
                return Some("wounded");
            }
            if self.is(k, "lost") && self.any(k + 1, &["their", "his", "her"]) && self.any(k + 2, &["lives", "life"]) {
                return Some("killed");
            }
            // "Thirteen peacekeepers and foreign soldiers were killed"
            let coordinated = self.any(k, &["of", "the"])
                || k > end
                    && (self.strong_noun(k)
                        || self.kind(k) == Some(TokenKind::Number)
                        || self.among(k, GROUP_NOUNS)
                        || self.among(k, WEAK_NOUNS)
                        || self.among(k, BLOCKERS)
                        || self.any(k, &["a", "an", "one", "several"])
                        || self.capitalized(k) && !self.among(k, STOPS)
                        || self.modifier(k) && !self.capitalized(k) && self.among(k, MODIFIERS));
            if !self.among(k, CASUALTY_SKIP_AFTER) && !coordinated {
                break;
            }
        }
        None
    }

    /// Deploy, withdraw, present, reduce, reinforce or rotate, from the nearest cue in the sentence.
    fn force_action(&self, start: usize, end: usize, chain: (usize, usize)) -> Option<&'static str> {
        // "Spain has 300 troops", "there are 2,500 troops": a standing force.
        let mut k = start;
        for _ in 0..3 {
            if k == 0 {
                break;
            }
            k -= 1;
            if self.among(k, HAVE_WORDS) && !(self.is(k, "had") && self.is(k + 1, "been")) {
                return Some("present");
            }
            if self.any(k, &["are", "were", "is", "remain", "remains"]) && (k > 0 && self.is(k - 1, "there") || k > 1 && self.is(k - 2, "there")) {
                return Some("present");
            }
            if !self.any(k, &["currently", "still", "now", "only", "just", "a", "an", "the", "its", "their", "his", "total", "of", "nearly"]) {
                break;
            }
        }
        let mut best: Option<(usize, &'static str, usize)> = None;
        // Back to a contrast at most: in "welcomed the deployment but warned that the army, at 73,000
        // soldiers, ..." the deployment is not the army's.
        let from = (start.saturating_sub(10)..start).rev().find(|&k| self.among(k, CONTRASTS)).unwrap_or(start.saturating_sub(10));
        let before = (from..start).rev();
        let after = end..(end + 12).min(self.toks.len());
        for k in before.chain(after) {
            if !self.same_sentence(k, start) {
                continue;
            }
            let call_up = self.among(k, CALL_VERBS) && self.is(k + 1, "up");
            let Some(mut action) = self.lookup(ACTION_WORDS, k).or(call_up.then_some("deploy")) else { continue };
            let dist = if k < start { start - k } else { k - end + 1 };
            if k > 0 && is_dash(self.word(k - 1)) && self.glued(k) {
                continue; // "New York-based"
            }
            if k < start && self.any(k, &["left", "leaving", "leave"]) {
                action = "present"; // "leaving 12,000 troops to secure the country" is what stays
            }
            if self.is(k, "deployed") && self.any(k + 1, &["in", "at", "inside"]) {
                action = "present";
            }
            if matches!(action, "withdraw" | "deploy" | "reduce") && (k.saturating_sub(4)..k).any(|j| self.among(j, NEGATIONS) || self.word(j) == "n" && self.is(j + 2, "t")) {
                action = "present";
            }
            if best.is_none_or(|(d, _, _)| dist < d) {
                best = Some((dist, action, k));
            }
        }
        if let Some((_, a, _)) = best {
            return Some(a);
        }
        (chain.0..chain.1).find(|&k| self.among(k, REINFORCE_MODIFIERS)).map(|_| "reinforce")
    }

    /// With a place but no verb: "troops in Iraq" are present, "troops to Iraq" are deployed.
    fn default_action(&self, end: usize) -> Option<&'static str> {
        if self.any(end, &["in", "at", "inside", "across", "along", "near"]) {
            Some("present")
        } else if self.any(end, &["to", "into"]) {
            Some("deploy")
        } else {
            None
        }
    }

    /// Where the force is or goes: a place after the figure, else one before it in the sentence.
    fn location(&self, start: usize, end: usize, action: Option<&str>) -> Option<String> {
        let limit = (end + 16).min(self.toks.len());
        let from_ok = matches!(action, Some("withdraw" | "present" | "reduce"));
        let mut k = end;
        while k < limit && self.same_sentence(k, start) {
            let ordinal = self.glued(k + 1) && self.any(k + 1, &["st", "nd", "rd", "th"]);
            // "... 70,000," the chief told reporters in Kyiv: the place of the telling, not of the force.
            // Bytes matched inline (a `str` comparison is a call at opt-level "z"): ";", ":" and the quotation marks.
            let punct = self.bytes(k);
            let telling = self.among(k, SPEECH_VERBS) || matches!(punct, b"\"" | LEFT_QUOTE | RIGHT_QUOTE);
            if self.kind(k) == Some(TokenKind::Number) && !ordinal || matches!(punct, b";" | b":") || telling {
                break;
            }
            let idiom = k > 0 && self.among(k - 1, IDIOM_HEADS);
            if !idiom && (self.among(k, PLACE_PREPOSITIONS) || (from_ok && self.is(k, "from"))) {
                if let Some((place, _)) = self.place(k + 1) {
                    return Some(place);
                }
            }
            k += 1;
        }
        let mut k = start;
        while k > start.saturating_sub(20) && k > 0 {
            k -= 1;
            if !self.same_sentence(k, start) || self.among(k, CLAUSE_CONTRASTS) {
                break;
            }
            let idiom = k > 0 && self.among(k - 1, IDIOM_HEADS);
            if !idiom && self.among(k, PLACE_BEFORE) {
                if let Some((place, pend)) = self.place(k + 1) {
                    if pend <= start {
                        return Some(place);
                    }
                }
            }
        }
        None
    }

    /// A place name starting at `k` (after its preposition): "Iraq and Syria", "the Red Sea", "the border".
    fn place(&self, k: usize) -> Option<(String, usize)> {
        let (first, mut end) = self.place_one(k)?;
        let mut text = self.doc.text[self.span(first, end).start..self.span(first, end).end].to_string();
        if self.is(end, "and") {
            if let Some((f2, e2)) = self.place_one(end + 1) {
                text = self.doc.text[self.span(first, e2).start..self.span(f2, e2).end].to_string();
                end = e2;
            }
        }
        Some((text, end))
    }

    fn place_one(&self, mut k: usize) -> Option<(usize, usize)> {
        if self.any(k, &["the", "its", "their"]) {
            k += 1;
        }
        while self.among(k, DIRECTIONS) && !self.capitalized(k) {
            k += 1;
        }
        let first = k;
        let mut end = k;
        while end < self.toks.len() && end < first + 6 && !(end > first && self.toks.get(end).is_some_and(|t| t.newline_before)) {
            let cap = self.capitalized(end) && self.kind(end) == Some(TokenKind::Word);
            let joiner = end > first && (is_dash(self.word(end)) && self.glued(end) && self.glued(end + 1) || self.any(end, &["al", "of", "el"]) && self.capitalized(end + 1) || self.is(end, "al") && is_dash(self.word(end + 1)));
            if cap && !self.among(end, STOPS) && !self.among(end, NOT_PLACES) || joiner {
                end += 1;
            } else {
                break;
            }
        }
        if self.among(end, GEO_HEADS) && (end > first || !self.is(end, "region")) {
            end += 1;
        }
        // "Air Base 201": a designator's number belongs to the name.
        if end > first && self.toks.get(end).is_some_and(|t| t.kind == TokenKind::Number) && self.among(end - 1, DESIGNATORS) {
            end += 1;
        }
        // "reported to Defence Minister Sergei Shoigu": a title, not a place, follows.
        if end == first || is_dash(self.word(end - 1)) || self.capitalized(end) && self.any(end, &["minister", "president", "general", "secretary", "commander"]) {
            return None;
        }
        if (first..end).any(|i| self.among(i, ORG_WORDS)) {
            return None;
        }
        if matches!(self.actor_kind(first), Some(kind) if kind != ActorKind::State) {
            return None;
        }
        // "to Western intelligence", "to Uruguayan peacekeepers": an adjective, not a place.
        let last = self.word(end - 1);
        let adjective = ["an", "ian", "ese", "ish", "ern", "i"].iter().any(|s| last.ends_with(s)) && !self.among(end - 1, GEO_HEADS);
        let next = self.toks.get(end);
        let verb = ["ed", "ing", "ly"].iter().any(|s| self.word(end).ends_with(s));
        let noun_after = next.is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized(self.doc.text)) && !self.among(end, PLACE_FOLLOWERS);
        if noun_after && (adjective || !verb) {
            return None;
        }
        Some((first, end))
    }

    /// Whose force: an actor named among the modifiers ("American troops"), a possessive before
    /// ("Russia's 150,000 troops"), "of X" or "from X" after, the figure it continues, or else the
    /// nearest armed actor before it in the sentence that is neither a place nor a speaker.
    fn owner(&self, shape: &Shape, kind: FigureKind, action: Option<&str>, inherited: Option<&FoundFigure>, before: Option<&FoundFigure>) -> Option<usize> {
        let (start, end) = (shape.start, shape.end);
        let named = |k: usize| self.actor(k).filter(|_| !matches!(self.actor_kind(k), Some(ActorKind::Person | ActorKind::Media)));
        if let Some(a) = (shape.chain.0..shape.chain.1.max(shape.chain.0)).filter(|&k| !self.sponsor(k)).find_map(named) {
            return Some(a);
        }
        if start >= 3 && matches!(self.bytes(start - 2), RIGHT_SINGLE_QUOTE | b"'") && self.is(start - 1, "s") {
            if let Some(a) = named(start - 3) {
                return Some(a);
            }
        }
        // "Kenya (1,000), Burundi (800)": the name just before the bracket.
        if start >= 2 && self.word(start - 1) == "(" {
            if let Some(a) = named(start - 2) {
                return Some(a);
            }
        }
        let after = if self.is(end + 1, "the") { end + 2 } else { end + 1 };
        let leaving = (start.saturating_sub(8)..start).any(|k| self.lookup(ACTION_WORDS, k).is_some_and(|a| matches!(a, "withdraw" | "reduce")));
        let origin = self.is(end, "from") && !leaving && !matches!(action, Some("withdraw" | "reduce")) && matches!(self.actor_kind(after), Some(ActorKind::State | ActorKind::ArmedGroup));
        // "inflicted losses of up to 300 servicemen on Ukrainian forces": the losses are theirs.
        let inflicted_on = kind == FigureKind::Casualty && self.is(end, "on");
        if self.is(end, "of") || origin || inflicted_on {
            if let Some(a) = named(after) {
                return Some(a);
            }
        }
        if let Some(a) = inherited.and_then(|f| f.owner) {
            return Some(a);
        }
        // "Russia has suffered 350,000 casualties", "the army lost 40 soldiers": the sufferer owns them.
        if kind == FigureKind::Casualty {
            let verb = (start.saturating_sub(4)..start).rev().find(|&k| self.same_sentence(k, start) && self.among(k, SUFFER_VERBS));
            // Not an adjective inside the figure before ("which deployed 2,900 South African soldiers, lost 13").
            let in_figure = |k: usize| before.is_some_and(|f| self.toks.get(k).is_some_and(|t| f.span.contains(&t.span)));
            let party = |k: &usize| !in_figure(*k) && matches!(self.actor_kind(*k), Some(ActorKind::State | ActorKind::Military | ActorKind::ArmedGroup));
            if let Some(a) = verb.and_then(|v| (v.saturating_sub(4)..v).rev().take_while(|&k| self.same_sentence(k, v)).find(party)).and_then(|k| self.actor(k)) {
                return Some(a);
            }
            // "Russian losses ... had reached 490,000 personnel", "Russia's losses".
            let losses = (start.saturating_sub(14)..start).rev().take_while(|&k| self.same_sentence(k, start)).find(|&k| self.is(k, "losses"));
            if let Some(a) = losses.and_then(|j| [j.wrapping_sub(1), j.wrapping_sub(3)].into_iter().find(party)).and_then(|k| self.actor(k)) {
                return Some(a);
            }
        }
        // "said it would withdraw its 2,500 troops", "Britain said it would send": the speaker owns them.
        // For casualties only a possessive counts: in "the IDF said it killed 20 fighters" the speaker is the killer.
        let pronouns = if kind == FigureKind::Force { OWNER_PRONOUNS } else { OWNER_POSSESSIVES };
        let possessed = (start.saturating_sub(12)..shape.chain.1.max(start)).any(|k| self.same_sentence(k, start) && self.among(k, pronouns));
        let armed = |k: usize| match self.actor_kind(k) {
            Some(ActorKind::Military | ActorKind::ArmedGroup) => true,
            Some(ActorKind::State) => kind == FigureKind::Force || possessed,
            Some(ActorKind::Organization) => kind == FigureKind::Force && self.is_force_body(k),
            _ => false,
        };
        let nearest = (start.saturating_sub(25)..start)
            .rev()
            .take_while(|&k| self.same_sentence(k, start))
            .filter(|&k| kind == FigureKind::Force || possessed || k + 4 < start && !self.is_agent(k))
            .find(|&k| armed(k) && !self.sponsor(k) && !self.after_locative(k) && (possessed || !self.is_place_or_speaker(k)));
        nearest.and_then(|k| self.actor(k)).or_else(|| before.and_then(|f| f.owner))
    }

    /// A state's own forces belong to the state, when the state is an actor of the article too:
    /// "United States Army" and "Pentagon" → "United States", "Armed Forces of Ukraine" → "Ukraine".
    fn state_of(&self, actor: usize) -> usize {
        let list = &self.actors.actors;
        let Some(a) = list.get(actor).filter(|a| a.kind == ActorKind::Military) else { return actor };
        let named = |state: &str| {
            let n = &a.name;
            n.strip_prefix(state).is_some_and(|rest| rest.starts_with(' ')) || n.strip_suffix(state).is_some_and(|rest| rest.ends_with(" of "))
        };
        let known_state = STATE_FORCES.iter().find(|(force, _)| *force == a.name).map(|&(_, state)| state);
        list.iter()
            .position(|s| s.kind == ActorKind::State && (named(&s.name) || known_state == Some(s.name.as_str())))
            .unwrap_or(actor)
    }

    /// The organisation at `k` fields forces: NATO, the AU, a UN mission.
    fn is_force_body(&self, k: usize) -> bool {
        self.actor(k).and_then(|a| self.actors.actors.get(a)).is_some_and(|a| FORCE_BODIES.contains(&a.name.as_str()) || a.name.ends_with(" Mission"))
    }

    /// Token `k` sits in a compound that names a sponsor, not an owner: "Iran-backed", "pro-Russian".
    fn sponsor(&self, k: usize) -> bool {
        let (mut lo, mut hi) = (k, k);
        while lo >= 2 && is_dash(self.word(lo - 1)) && self.glued(lo - 1) && self.glued(lo) {
            lo -= 2;
        }
        while is_dash(self.word(hi + 1)) && self.glued(hi + 1) && self.glued(hi + 2) {
            hi += 2;
        }
        (hi > k || lo < k) && (self.among(hi, SPONSORED) || self.any(lo, &["pro", "anti"]))
    }

    /// The actor mention at `k` does the harm rather than suffers it: "an attack by JNIM fighters", "Hamas killed".
    fn is_agent(&self, k: usize) -> bool {
        (k.saturating_sub(3)..k).any(|j| self.is(j, "by")) || (k + 1..k + 4).any(|j| self.lookup(CASUALTY_BEFORE, j).is_some())
    }

    /// The actor mention at `k` stands after a place preposition ("troops in Iraq") or before a
    /// speech verb ("Seoul's spy agency said").
    fn is_place_or_speaker(&self, k: usize) -> bool {
        self.after_locative(k) || (k + 1..k + 6).any(|j| self.same_sentence(j, k) && self.among(j, SPEECH_VERBS))
    }

    /// The actor mention at `k` stands after a place preposition: "American troops in Syria".
    fn after_locative(&self, k: usize) -> bool {
        let mut first = k;
        while first > 0 && self.actor(first - 1) == self.actor(k) && self.actor(k).is_some() {
            first -= 1;
        }
        let skip_the = if first > 0 && self.is(first - 1, "the") { first - 1 } else { first };
        skip_the > 0 && self.among(skip_the - 1, LOCATIVES)
    }
}

/// Whether `w` is a small number word ("ten", "five").
fn lookup_value(w: &str) -> bool {
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "hundred", "thousand"].iter().any(|n| same_word(n, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, Option<u64>)> {
        let doc = Doc::new(text);
        find(&doc, &FoundActors::default()).into_iter().map(|f| (f.span.of(text).to_string(), f.value)).collect()
    }

    #[test]
    fn odd_input_never_panics_and_spans_stay_on_char_boundaries() {
        let odd = [
            "", "-", "’s", "2,", ",500 troops", "1.", "1.5", "between", "between 4", "a force of", "strong troops",
            "99999999999999999999999 troops", "1,000,000,000,000,000,000,000 soldiers", "9.99999999999 million troops",
            "٢٬٥٠٠ جندي", "2,500 عسكري troops", "🙂 2,500 🙂 troops 🙂", "2,500\u{200B}troops", "—2,500— troops",
            "more than", "up to 5,000", "and 900 in Syria", "killing two", "twenty-", "a dozen", "U.S. 2,000 U.S.",
        ];
        for text in odd {
            for (span, _) in figures(text) {
                assert!(text.contains(&span), "{text:?}");
            }
        }
    }

    #[test]
    fn elliptical_figures_follow_the_figure_before_them() {
        assert_eq!(figures("2,500 troops in Iraq and 900 in Syria"), [("2,500 troops".into(), Some(2500)), ("900".into(), Some(900))]);
        assert_eq!(figures("150 attacks in Iraq and 90 in Syria"), []);
    }

    #[test]
    fn huge_input_is_read_in_one_pass() {
        let text = "Around 2,500 American troops in Iraq and 900 in Syria. ".repeat(5_000);
        assert_eq!(figures(&text).len(), 10_000);
    }
}
