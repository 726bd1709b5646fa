//! Claims: who says what, who denies it, and what contradicts what.
//!
//! Every sentence that reports something (a reporting verb, "according to", a
//! quotation carried on from an attributed one, "Source: headline"), that the writer
//! hedges ("alleged", "reportedly"), or that denies something becomes one claim
//! spanning the sentence (a "despite ..." clause becomes a second, contesting claim).
//! `contest` then decides which claims are contested and links them both ways.
//! Works from words alone; actors sharpen the sources, figures the contradictions.

mod contest;
mod cues;
mod sides;

use super::actors::FoundActors;
use super::figures::FoundFigure;
use super::schema::{ActorKind, Stance};
use super::text::{tokens_span, Token, TokenKind};
use super::{Doc, Span};
use cues::{Cue, CueKind, Polar, Words, CAPITAL, FILLER, FORCE};

/// A claim as the engine found it, before ids and offsets are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundClaim {
    /// The claim's content (or the whole sentence that holds it).
    pub span: Span,
    /// Index into [`FoundActors::actors`] of the source.
    pub source: Option<usize>,
    /// The reporting verb or phrase.
    pub cue: String,
    /// How the claim is framed.
    pub stance: Stance,
    /// Whether anything disputes or hedges it.
    pub contested: bool,
    /// Indexes of the claims that contest it.
    pub contested_by: Vec<usize>,
}

/// A claim under construction, with what the contest rules need to compare it; its
/// words are borrowed from the document's lower-cased words and the actors' sides.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft<'a> {
    span: Span,
    source: Option<usize>,
    /// The source's last capitalised word, lower-cased: tells sources apart without actors.
    source_key: Option<&'a str>,
    /// The party the source speaks for (see [`sides`]).
    side: Option<&'a str>,
    /// The last word of the source's words ("agency" for "the country's spy agency"),
    /// so that "the agency" in a later sentence points back to it.
    source_head: Option<&'a str>,
    cue: String,
    stance: Option<Stance>,
    /// Hedged by the writer, or a denial of something claim-like: contested on its own.
    contested_alone: bool,
    /// Events the claim asserts or denies.
    events: Vec<Polar>,
    /// Events inside the scope of a hedge word ("the alleged deployment").
    hedged_events: Vec<Polar>,
    /// An armed group the claim says is finished.
    finished_group: Option<Topic<'a>>,
    /// What the claim is about: the actors and other names it mentions, and whether it names
    /// a force (each with whether it is named, as [`Context::mentioned`] gives them).
    topics: Vec<(Topic<'a>, bool)>,
    /// What the claim's content (without its source's words) is about; each topic with
    /// whether it is named there, not only pointed at by an adjective.
    subject: Vec<(Topic<'a>, bool)>,
    /// Its force is one named before ("the reinforcements", "these troops"): its subject is in context.
    anaphoric: bool,
    /// For a denial of something claim-like: the names in what it denies.
    denied_topics: Vec<(Topic<'a>, bool)>,
    /// For a denial of something claim-like named only by a noun ("denied the allegations").
    denies_previous: bool,
    /// Troop numbers the claim gives.
    numbers: Vec<u64>,
    /// Indexes of the figures inside the claim.
    figures: Vec<usize>,
    /// The sides whose forces the claim's figures size: each figure's owner, else the
    /// body that speaks or that the claim opens with ("The African Union will withdraw 2,000 soldiers").
    force_sides: Vec<&'a str>,
    /// The first state, force, group or body the claim names, if it opens the claim.
    lead_actor: Option<usize>,
    /// Claims contesting this one.
    links: Vec<usize>,
}

/// Something a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Topic<'a> {
    /// An actor, by index into [`FoundActors::actors`], named or pointed at by an adjective.
    Actor(usize),
    /// Another name (a place, a lower-cased capitalised word).
    Name(&'a str),
    /// A military force ("troops", "brigade").
    Troops,
}

/// Actor mentions and adjectives in text order: those inside a span in O(log n).
pub(crate) struct ActorIndex {
    /// (where, actor, is an adjective), sorted by start.
    entries: Vec<(Span, usize, bool)>,
}

impl ActorIndex {
    fn new(actors: &FoundActors) -> Self {
        // Both lists are in text order already: merged, a mention before an adjective at the same place.
        let (mentions, adjectives) = (actors.by_position(), &actors.adjectives);
        let mut entries: Vec<(Span, usize, bool)> = Vec::with_capacity(mentions.len() + adjectives.len());
        let (mut m, mut a) = (0, 0);
        while m < mentions.len() || a < adjectives.len() {
            match (mentions.get(m), adjectives.get(a)) {
                (Some(&(span, i)), Some(adjective)) if span.start <= adjective.0.start => {
                    entries.push((span, i, false));
                    m += 1;
                }
                (Some(&(span, i)), None) => {
                    entries.push((span, i, false));
                    m += 1;
                }
                (_, Some(&(span, i))) => {
                    entries.push((span, i, true));
                    a += 1;
                }
                (None, None) => break,
            }
        }
        ActorIndex { entries }
    }

    /// The entries that start inside `span` (they may end after it).
    fn starting_in(&self, span: Span) -> &[(Span, usize, bool)] {
        let from = self.entries.partition_point(|e| e.0.start < span.start);
        let rest = self.entries.get(from..).unwrap_or(&[]);
        rest.get(..rest.partition_point(|e| e.0.start < span.end)).unwrap_or(&[])
    }

    /// The entries wholly inside `span`.
    fn within(&self, span: Span) -> impl Iterator<Item = &(Span, usize, bool)> {
        self.starting_in(span).iter().filter(move |e| e.0.end <= span.end)
    }

    /// The last entry that ends at or before byte `at`.
    fn before(&self, at: usize) -> Option<(Span, usize, bool)> {
        let upto = self.entries.partition_point(|e| e.0.start < at);
        self.entries[..upto].iter().rev().take(2).find(|e| e.0.end <= at).copied()
    }
}

/// What one sentence holds before it becomes claims.
struct Sentence<'a> {
    /// Index of its first token in the document.
    first: usize,
    words: Words<'a>,
    cues: &'a [Cue],
    headline: bool,
    /// A quotation is open when the sentence starts / ends.
    quoted_before: bool,
    quoted_after: bool,
}

/// Finds the claims of a document.
pub fn find(doc: &Doc, actors: &FoundActors, figures: &[FoundFigure]) -> Vec<FoundClaim> {
    let mut buffer = String::new();
    let ranges = token_ranges(doc);
    let lexed = cues::lex(doc.text, &doc.tokens, &ranges, &mut buffer);
    let mut cue_store = Vec::new();
    let sentences = read_sentences(doc, &ranges, &lexed, &mut cue_store);
    let index = ActorIndex::new(actors);
    let sides = sides::of_actors(doc.text, actors, &index);
    let ctx = Context { doc, actors, index: &index, sides: &sides };
    let mut drafts: Vec<Draft> = Vec::with_capacity(sentences.len());
    // Index into `drafts` of the claim the previous sentence made, if any.
    let mut previous: Option<usize> = None;
    for si in 0..sentences.len() {
        let Some(second) = claims_of(&ctx, &sentences, si, previous, &mut drafts) else {
            previous = None;
            continue;
        };
        // "..., according to a source, though that figure could not be verified" doubts its own report.
        // "The Pentagon said it could not confirm the figure": a source reports that it cannot vouch for the claim before.
        let cues = sentences[si].cues;
        let w = &sentences[si].words;
        let of_before = |u: &Cue| {
            let pronoun = (u.at.saturating_sub(2)..u.at).find(|&p| matches!(w.at(p), "it" | "they" | "we"));
            pronoun.is_some_and(|p| cues.iter().any(|r| r.kind == CueKind::Report && r.at + r.len == p))
        };
        let reported_doubt = cues.iter().find(|c| c.kind == CueKind::Unverified).is_some_and(|u| of_before(u) && cues::names_a_claim_only(w, u.at + u.len, w.len()));
        let own_report = !reported_doubt && cues.iter().any(|c| matches!(c.kind, CueKind::Report | CueKind::ReportBefore | CueKind::HedgeVerb));
        let unverified = !own_report && cues.iter().any(|c| c.kind == CueKind::Unverified);
        if let (true, Some(p)) = (unverified, previous) {
            // "... could not be independently verified" doubts the claim just before.
            let this = drafts.len() - 1;
            drafts[this].links.push(p);
            drafts[p].links.push(this);
        }
        if let Some(mut second) = second {
            let main = drafts.len() - 1;
            drafts[main].links.push(main + 1);
            second.links.push(main);
            drafts.push(*second);
        }
        previous = Some(drafts.len() - 1);
    }
    let span_of = |f: usize| figures.get(f).map_or(Span::default(), |x| x.span);
    let mut by_start: Vec<usize> = (0..figures.len()).collect();
    crate::engine::sort::sort_by_key(&mut by_start, |&f| span_of(f).start);
    for d in &mut drafts {
        let from = by_start.partition_point(|&f| span_of(f).start < d.span.start);
        d.figures = by_start.iter().skip(from).copied().take_while(|&f| span_of(f).start < d.span.end).filter(|&f| d.span.contains(&span_of(f))).collect();
        d.numbers.extend(d.figures.iter().filter_map(|&f| figures.get(f)).filter_map(|f| f.value.or(f.min)));
        crate::engine::sort::sort(&mut d.numbers);
        d.numbers.dedup();
        let body = |i: usize| !matches!(actors.actors[i].kind, ActorKind::Person | ActorKind::Media);
        let speaker = d.source.filter(|&i| body(i)).or(d.lead_actor.filter(|&i| body(i)));
        d.force_sides = d.figures.iter().filter_map(|&f| figures.get(f)).filter_map(|f| f.owner.or(speaker)).filter_map(|o| ctx.side(Some(o))).collect();
    }
    contest::link(&mut drafts, figures, doc.text);
    drafts
        .into_iter()
        .map(|d| FoundClaim {
            span: d.span,
            source: d.source,
            cue: d.cue,
            stance: d.stance.unwrap_or(Stance::Asserted),
            contested: d.contested_alone || !d.links.is_empty(),
            contested_by: d.links,
        })
        .collect()
}

/// The sentences of `doc` (their token `ranges`), given every token lower-cased and classified by
/// [`cues::lex`]; their cues are kept in `cue_store`, one after another.
fn read_sentences<'a>(doc: &'a Doc, ranges: &[(usize, usize)], (lower, class): &'a (Vec<&'a str>, Vec<u32>), cue_store: &'a mut Vec<Cue>) -> Vec<Sentence<'a>> {
    let mut out = Vec::with_capacity(ranges.len());
    // Each sentence with where its cues end in the store; they borrow the store once it is full.
    let mut cue_ends = Vec::with_capacity(ranges.len());
    let mut quoted = false;
    for &(first, end) in ranges {
        let toks = doc.tokens.get(first..end).unwrap_or(&[]);
        let words = Words::new(toks, lower.get(first..end).unwrap_or(&[]), class.get(first..end).unwrap_or(&[]));
        let quoted_before = quoted;
        for (k, (w, t)) in words.lower.iter().zip(toks).enumerate() {
            // Quotation marks only (their first bytes tested inline first).
            if t.kind != TokenKind::Punct || !matches!(w.as_bytes().first(), Some(0xE2 | b'"')) {
                continue;
            }
            match *w {
                "\u{201C}" => quoted = true,
                "\u{201D}" => quoted = false,
                // A straight quote opens after white space and closes when glued to a word.
                "\"" => quoted = k == 0 || t.space_before,
                _ => {}
            }
        }
        let last = words.lower.last().copied().unwrap_or("");
        let line_ends = doc.tokens.get(end).is_none_or(|t| t.newline_before);
        let headline = line_ends && toks.len() <= 24 && !matches!(last, "." | "!" | "?" | "\"" | "\u{201D}" | "'" | "\u{2026}" | ":");
        cues::find(&words, cue_store);
        cue_ends.push(cue_store.len());
        out.push(Sentence { first, words, cues: &[], headline, quoted_before, quoted_after: quoted });
    }
    let cue_store: &'a [Cue] = cue_store;
    let mut start = 0;
    for (s, &end) in out.iter_mut().zip(&cue_ends) {
        s.cues = cue_store.get(start..end).unwrap_or(&[]);
        start = end;
    }
    out
}

/// The tokens of each sentence of `doc`, as index ranges.
fn token_ranges(doc: &Doc) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut cursor = 0;
    let tokens = &doc.tokens[..];
    for &span in &doc.sentences {
        while cursor < tokens.len() && tokens[cursor].span.start < span.start {
            cursor += 1;
        }
        let first = cursor;
        while cursor < tokens.len() && tokens[cursor].span.end <= span.end {
            cursor += 1;
        }
        out.push((first, cursor));
    }
    out
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
}

/// What every sentence's claims are read against.
struct Context<'a, 't> {
    doc: &'a Doc<'t>,
    actors: &'a FoundActors,
    index: &'a ActorIndex,
    /// The side of each actor.
    sides: &'a [Option<String>],
}

impl<'a> Context<'a, '_> {
    /// The document's tokens, as a slice (indexing a `Vec` is a call at opt-level "z").
    fn tokens(&self) -> &'a [Token] {
        &self.doc.tokens
    }

    /// Whether token `i` of the document is a word.
    fn is_word(&self, i: usize) -> bool {
        self.tokens().get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The byte span of tokens `a..b` of the sentence that starts at token `first`.
    fn span(&self, first: usize, a: usize, b: usize) -> Span {
        tokens_span(self.tokens(), first + a, first + b.max(a + 1) - 1)
    }

    /// The source of a cue within the tokens `a..b` of sentence `s`.
    fn source_in(&self, s: &Sentence<'a>, (a, b): (usize, usize), cue_at: usize) -> Speaker<'a> {
        let w = &s.words;
        let cue = self.tokens().get(s.first + cue_at.min(w.len().saturating_sub(1))).map_or(0, |t| t.span.start);
        // "..., the Lithuanian defence ministry said": the words after the last comma speak.
        let comma = (a..b).rev().take(10).find(|&k| w.at(k).as_bytes() == b",").map(|k| k + 1).filter(|&k| k < b);
        let narrow = comma.unwrap_or(b.saturating_sub(4).max(a));
        // "a US newspaper reported": an unnamed outlet speaks, not the country it comes from.
        let outlet = b > a && matches!(w.at(b - 1), "newspaper" | "newspapers" | "daily" | "magazine" | "website" | "outlet" | "outlets" | "broadcaster");
        let adjective_source = |span: Span| if outlet { None } else { self.adjective_source(span) };
        let not_outlet_state = |i: &usize| !(outlet && self.actors.actors[*i].kind == ActorKind::State);
        let in_comma = comma.and_then(|k| self.named_source(self.span(s.first, k, b), cue).filter(not_outlet_state).or_else(|| adjective_source(self.span(s.first, k, b))));
        // "..., three sources said": unnamed third parties speak, not a name earlier in the sentence
        // ("residents and the armed group said" still points back at the group).
        let unnamed = comma.is_some_and(|k| {
            in_comma.is_none()
                && !(k..b).any(|j| matches!(w.at(j), "the" | "its" | "their"))
                && (outlet || (k..b).any(|j| matches!(w.at(j), "sources" | "source" | "diplomats" | "diplomat" | "analysts" | "analyst" | "witnesses" | "witness" | "residents" | "experts" | "observers" | "people")))
        });
        let source = in_comma
            .or_else(|| (!unnamed).then(|| self.named_source(self.span(s.first, a, b), cue)).flatten())
            .or_else(|| adjective_source(self.span(s.first, narrow, b)));
        let key = (a..b).rev().find(|&k| w.capital(k) && self.is_word(s.first + k) && !w.is(k, FILLER)).map(|k| w.at(k));
        // Every pronoun is a filler word: the class bit first.
        let pronoun = (a..b).any(|k| w.is(k, FILLER) && is_pronoun(w.at(k)));
        let head = (a..b).rev().find(|&k| self.is_word(s.first + k)).map(|k| w.at(k));
        let definite = b - a <= 3 && matches!(w.at(a), "the" | "one" | "a" | "an" | "another") && (a + 1..b).all(|k| !w.capital(k));
        Speaker { source, key, pronoun, definite, head, window: (a, b) }
    }

    /// The actor (or else the name) that token `k` of sentence `s` belongs to.
    fn topic_at(&self, s: &Sentence<'a>, k: usize) -> Option<Topic<'a>> {
        let at = self.doc.tokens.get(s.first + k)?.span;
        match self.index.before(at.end) {
            Some((span, actor, _)) if span.overlaps(&at) => Some(Topic::Actor(actor)),
            _ => Some(Topic::Name(s.words.at(k))),
        }
    }

    /// The actor named in `span` that most likely speaks: a person before an outlet, an
    /// outlet before a body, a body before a state. Among equals, the one mentioned
    /// nearest to byte `cue`. An actor after a preposition ("ambassador to Germany") is not the speaker.
    fn named_source(&self, span: Span, cue: usize) -> Option<usize> {
        let text = self.doc.text;
        let after_preposition = |m: &Span| {
            let before = text.get(..m.start).unwrap_or("").trim_end();
            let mut words = before.rsplit(|c: char| !c.is_alphabetic());
            let mut word = words.next().unwrap_or("");
            let preposition = |w: &str| (2..=7).contains(&w.len()) && matches!(w, "to" | "in" | "with" | "from" | "for" | "against" | "at" | "on" | "into" | "toward" | "towards");
            // Most mentions follow neither a preposition nor "the": only then is the word before read.
            if word != "the" && !preposition(word) {
                return false;
            }
            let mut previous = words.next().unwrap_or("");
            // "clashes with the Taliban": an article may stand between ("a spokesman for the Bundeswehr",
            // "analysts at the Crisis Group" name the speaker's own body).
            if word == "the" && matches!(previous, "with" | "against" | "into" | "toward" | "towards") {
                (word, previous) = (previous, words.next().unwrap_or(""));
            }
            preposition(word) && !(word == "to" && previous.eq_ignore_ascii_case("according"))
        };
        let rank = |k: ActorKind| match k {
            ActorKind::Person => 0,
            ActorKind::Media => 1,
            ActorKind::Organization | ActorKind::Military => 2,
            ActorKind::ArmedGroup => 3,
            ActorKind::State => 4,
        };
        // "JERUSALEM (Reuters) - The Israeli military said": the agency credited in a dateline carries, it does not speak.
        let dateline_credit = |m: &Span| {
            let after = text.get(m.end..).unwrap_or("");
            text.get(..m.start).unwrap_or("").ends_with('(') && after.starts_with(')') && after[1..].trim_start().starts_with(['-', '\u{2013}', '\u{2014}'])
        };
        self.actors
            .mentions_in(span)
            .filter(|(m, _)| !after_preposition(m) && !dateline_credit(m))
            .map(|(m, i)| (rank(self.actors.actors[i].kind), m.start.abs_diff(cue).min(m.end.abs_diff(cue)), i))
            .min()
            .map(|(_, _, i)| i)
    }

    /// A reported actor that an adjective in `span` points at ("Ukrainian officials said").
    fn adjective_source(&self, span: Span) -> Option<usize> {
        self.index.within(span).filter(|e| e.2 && e.1 < self.actors.listed).last().map(|e| e.1)
    }

    /// The side an actor speaks for.
    fn side(&self, actor: Option<usize>) -> Option<&'a str> {
        actor.and_then(|i| self.sides.get(i)?.as_deref())
    }

    /// What tokens `from..to` of sentence `s` are about: the actors they name or point at,
    /// other capitalised names, and whether they name a force; each with whether it is named
    /// (not only an adjective). Each topic comes once, in no particular order: every rule
    /// reads them as a set.
    fn mentioned(&self, s: &Sentence<'a>, from: usize, to: usize) -> Vec<(Topic<'a>, bool)> {
        let w = &s.words;
        let to = to.min(w.len());
        if from >= to {
            return Vec::new();
        }
        let span = self.span(s.first, from, to);
        let entries = self.index.starting_in(span);
        let inside = |e: &(Span, usize, bool)| e.0.end <= span.end;
        let mut out: Vec<(Topic, bool)> = Vec::with_capacity(entries.len() + 8);
        out.extend(entries.iter().filter(|e| inside(e)).map(|e| (Topic::Actor(e.1), !e.2)));
        // The first entry inside the span that does not end before the token at hand (an index, not a
        // `Peekable`, whose `peek` is a call at opt-level "z").
        let mut next = 0;
        // Only forces and capitalised words are topics: their class bits are tested first, in a tight loop.
        let classes = w.classes();
        for k in from..to {
            let class = classes.get(k).copied().unwrap_or(0);
            if class & (FORCE | CAPITAL) == 0 {
                continue;
            }
            let force = class & FORCE != 0;
            let at = self.tokens()[s.first + k].span.start;
            while entries.get(next).is_some_and(|e| !inside(e) || e.0.end <= at) {
                next += 1;
            }
            if entries.get(next).is_some_and(|e| e.0.start <= at) {
                continue;
            }
            let x = w.at(k);
            if force {
                out.push((Topic::Troops, true));
            } else if class & FILLER == 0 && x.chars().nth(1).is_some() {
                out.push((Topic::Name(x), true));
            }
        }
        dedup_topics(&mut out);
        out
    }
}

/// Keeps each topic of `items` once, named if any of its copies is.
fn dedup_topics(items: &mut Vec<(Topic, bool)>) {
    if items.len() > 16 {
        // Sorted (named before pointed at) for a long sentence, so that it stays O(n log n).
        crate::engine::sort::sort_by(items, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        items.dedup_by(|a, b| a.0 == b.0);
        return;
    }
    let mut kept = 0;
    for i in 0..items.len() {
        let (topic, named) = items[i];
        match items[..kept].iter_mut().find(|(t, _)| *t == topic) {
            Some(seen) => seen.1 |= named,
            None => {
                items[kept] = (topic, named);
                kept += 1;
            }
        }
    }
    items.truncate(kept);
}

/// Who speaks, as a cue's words tell.
struct Speaker<'a> {
    /// The actor named.
    source: Option<usize>,
    /// The last capitalised word, lower-cased: tells sources apart without actors.
    key: Option<&'a str>,
    /// A pronoun points back ("he said").
    pronoun: bool,
    /// Only "the" and common nouns ("the agency said"): points back to a source with that head.
    definite: bool,
    /// The last word.
    head: Option<&'a str>,
    /// The tokens that name the speaker.
    window: (usize, usize),
}

/// The claim sentence `si` makes, if any, pushed onto `drafts` (where `previous` is the
/// previous sentence's), and the claim of its "despite ..." clause. (Pushed here and boxed: a
/// draft is large, and each move copies it.)
fn claims_of<'a>(ctx: &Context<'a, '_>, sentences: &[Sentence<'a>], si: usize, previous: Option<usize>, drafts: &mut Vec<Draft<'a>>) -> Option<Option<Box<Draft<'a>>>> {
    let previous = previous.and_then(|p| drafts.get(p));
    let doc = ctx.doc;
    let s = sentences.get(si)?;
    let w = &s.words;
    let n = w.len();
    // "CBS News: ...": a named actor before the colon speaks ("PENTAGON BRIEFING: ..." is a banner).
    let colon = colon_source(s).filter(|&k| ctx.index.within(ctx.span(s.first, 0, k)).next().is_some());
    let despite = despite_clause(w);
    // The main clause's reporting cue, not one inside the "despite ..." clause.
    let in_main = |c: &&Cue| despite.is_none_or(|(d, end)| c.at < d || c.at >= end);
    let report = s.cues.iter().filter(in_main).find(|c| matches!(c.kind, CueKind::Report | CueKind::ReportBefore | CueKind::HedgeVerb));
    // A quotation carried over from, or on to, an attributed sentence.
    let opens_quote = matches!(w.at(0), "\u{201C}" | "\"");
    let carried = if report.is_none() && (s.quoted_before || s.quoted_after || opens_quote) {
        quoted_run_cue(sentences, si, previous)
    } else {
        None
    };
    let is_claim = !s.cues.is_empty() || colon.is_some() || despite.is_some() || carried.is_some() || (s.headline && !cues::events(w, 0, n).is_empty());
    if !is_claim {
        return None;
    }
    let tok_span = |a: usize, b: usize| ctx.span(s.first, a, b);
    let cue_text = |c: &Cue| tok_span(c.at, c.at + c.len).of(doc.text).to_string();
    let main_end = despite.map_or(n, |(d, _)| trim_end(w, d));
    let mut draft = Draft {
        span: tok_span(0, main_end.max(1)),
        events: cues::events(w, 0, main_end),
        finished_group: cues::finished_group(w).and_then(|k| ctx.topic_at(s, k)),
        topics: ctx.mentioned(s, 0, n),
        anaphoric: w.has(FORCE) && (1..main_end).any(|k| w.is(k, FORCE) && matches!(w.at(k - 1), "the" | "these" | "those")),
        lead_actor: ctx.index.within(tok_span(0, 4.min(n))).find(|e| !e.2).map(|e| e.1),
        numbers: troop_numbers(w),
        ..Draft::default()
    };
    let strong = s.cues.iter().find(|c| matches!(c.kind, CueKind::Denial | CueKind::Dismissal));
    let hedge = s.cues.iter().find(|c| matches!(c.kind, CueKind::Hedge | CueKind::HedgeVerb | CueKind::Unverified));
    let negation = s.cues.iter().find(|c| c.kind == CueKind::Negation);
    let (stance, cue) = match (strong, hedge, negation) {
        (Some(c), _, _) => (Stance::Denied, Some(c)),
        (None, Some(c), _) => (Stance::Hedged, Some(c)),
        (None, None, Some(c)) => (Stance::Denied, Some(c)),
        _ => (Stance::Asserted, report),
    };
    draft.stance = Some(stance);
    draft.cue = match (cue, &colon, &carried) {
        (Some(c), _, _) => cue_text(c),
        (None, Some(_), _) => ":".into(),
        (None, None, Some(c)) => c.cue.clone(),
        _ if despite.is_some() => "despite".into(),
        _ => "headline".into(),
    };
    let claim_like = s.cues.iter().find(|c| cues::denial_is_claim_like(w, c));
    draft.contested_alone = hedge.is_some() || claim_like.is_some();
    if let Some((a, b)) = claim_like.and_then(|c| cues::denied_object(w, c)) {
        // "a report by Lebanon's Al Mayadeen that ...": who made the report is not what it says.
        draft.denied_topics = match cues::reporter_phrase(w, a, b) {
            Some((by, end)) => [ctx.mentioned(s, a, by), ctx.mentioned(s, end, b)].concat(),
            None => ctx.mentioned(s, a, b),
        };
        draft.denied_topics.retain(|(t, _)| *t != Topic::Troops);
        // "denied any delay", "denied any wrongdoing": what someone alleged before.
        draft.denies_previous = draft.denied_topics.is_empty() && (cues::names_a_claim_only(w, a, b) || w.at(a) == "any");
    }
    // "told state media that the report was fabricated": a dismissal of a claim named before it.
    if let Some(c) = claim_like.filter(|c| c.kind == CueKind::Dismissal && c.at >= 2) {
        if draft.denied_topics.is_empty() && (cues::names_a_claim_only(w, c.at.saturating_sub(4), c.at) || cues::pronoun_subject(w, c.at)) {
            draft.denies_previous = true;
        }
    }
    for c in s.cues.iter().filter(|c| c.kind == CueKind::Hedge) {
        let mut end = c.at + c.len;
        let limit = if c.at == 0 || w.at(c.at).starts_with("specul") || w.at(c.at).starts_with("rumo") { n } else { (end + 12).min(n) };
        while end < limit && !w.is_clause_break(end) {
            end += 1;
        }
        draft.hedged_events.extend(cues::events(w, c.at + c.len, end));
    }
    // The source: the first speech cue whose words name one ("Hamas disputed ... and says").
    let speech = s
        .cues
        .iter()
        .filter(in_main)
        // "Moscow has not confirmed ...": a source withholds confirmation.
        // A negation speaks for its subject ("Kigali has no plans") unless a reporting verb names the speaker
        // (""There are no Rwandan troops," the spokesman said": the troops do not speak).
        .filter(|c| matches!(c.kind, CueKind::Report | CueKind::ReportBefore | CueKind::HedgeVerb | CueKind::Denial | CueKind::Dismissal) || (c.kind == CueKind::Negation && report.is_none()) || (c.kind == CueKind::Hedge && matches!(w.at(c.at), "not" | "neither")))
        // ""They are not accurate," the minister said": "they" is what is dismissed, not who speaks.
        .filter(|c| !(c.kind == CueKind::Dismissal && cues::pronoun_subject(w, c.at)));
    let mut found: Option<Speaker> = None;
    // A few cues at most: a sentence of a thousand "he said"s stays linear.
    for c in speech.take(4) {
        if let Some(window) = source_window(w, c) {
            let here = ctx.source_in(s, window, c.at);
            let named = here.source.is_some();
            if found.is_none() || named {
                found = Some(here);
            }
            if named {
                break;
            }
        }
    }
    if found.is_none() {
        if let Some(k) = colon {
            found = Some(ctx.source_in(s, (0, k), k));
        }
    }
    let (a, b) = found.as_ref().map_or((0, 0), |f| f.window);
    if (a, b, main_end) == (0, 0, n) {
        // No source's words to leave out: the subject is all the claim mentions.
        draft.subject.clone_from(&draft.topics);
    } else {
        draft.subject = ctx.mentioned(s, 0, a.min(main_end));
        draft.subject.extend(ctx.mentioned(s, b, main_end));
    }
    // "the drawdown would be completed within months": the drawdown the claim before spoke of.
    let names_nothing = draft.subject.iter().all(|(t, _)| *t == Topic::Troops);
    let event_named_before = || {
        (1..main_end).any(|k| {
            w.at(k - 1) == "the" && matches!(w.at(k), "drawdown" | "deployment" | "withdrawal" | "pullout" | "buildup" | "build-up" | "redeployment" | "reinforcements")
        })
    };
    if let Some(p) = previous.filter(|_| names_nothing && event_named_before()) {
        draft.subject.clone_from(&p.subject);
    }
    // "Iran denied supplying the Houthis ..., calling the accusations baseless" is about the Houthis, not the claim before.
    let source_only = |t: &Topic| *t == Topic::Troops || found.as_ref().and_then(|f| f.source).is_some_and(|src| *t == Topic::Actor(src));
    // ... but not who is said to spread the claim, after a dismissal: "as "fake news" spread by Western intelligence".
    let last_dismissal = claim_like.and_then(|_| s.cues.iter().rev().find(|c| c.kind == CueKind::Dismissal));
    let tail = last_dismissal.map_or(main_end, |c| (c.at + c.len).min(main_end));
    let names_other = |t: &[(Topic, bool)]| t.iter().any(|(t, named)| *named && !source_only(t));
    if tail == main_end && names_other(&draft.subject) || tail < main_end && (names_other(&ctx.mentioned(s, 0, a.min(tail))) || names_other(&ctx.mentioned(s, b, tail))) {
        draft.denies_previous = false;
    }
    if let Some(speaker) = found {
        draft.source = speaker.source;
        draft.source_key = speaker.key;
        if let Some(p) = previous.filter(|_| draft.source.is_none() && draft.source_key.is_none()) {
            // "the agency" after "the country's spy agency"; "one official" after "officials".
            let same_head = match (&p.source_head, &speaker.head) {
                (Some(before), Some(now)) => before == now || before.strip_suffix('s') == Some(*now),
                _ => false,
            };
            if speaker.pronoun || (speaker.definite && same_head) {
                draft.source = p.source;
                draft.source_key.clone_from(&p.source_key);
            }
        }
        draft.source_head = speaker.head;
        // "Abu Dhabi denied arming either side" answers what someone said of Abu Dhabi;
        // "The army denied losing the base", with no named denier, the claim before.
        if claim_like.is_some_and(|c| cues::denies_an_act(w, c) || cues::denies_own_act(w, c)) {
            match draft.source {
                Some(src) => draft.denied_topics = vec![(Topic::Actor(src), true)],
                None => draft.denies_previous = draft.denied_topics.is_empty(),
            }
        }
    } else if let Some(carried) = &carried {
        match carried.later {
            // The attribution follows the quotation, in a later sentence.
            Some((k, c)) => {
                let later = &sentences[k];
                if let Some(window) = source_window(&later.words, &c) {
                    let speaker = ctx.source_in(later, window, c.at);
                    (draft.source, draft.source_key) = (speaker.source, speaker.key);
                }
            }
            None => {
                if let Some(p) = previous {
                    draft.source = p.source;
                    draft.source_key.clone_from(&p.source_key);
                }
            }
        }
    }
    draft.side = ctx.side(draft.source).or_else(|| previous.filter(|p| p.source.is_some() && p.source == draft.source).and_then(|p| p.side));
    let second = despite.map(|(d, end)| {
        let span = tok_span(d, end);
        let source = ctx.named_source(span, span.start).or_else(|| ctx.adjective_source(span));
        Box::new(Draft {
            span,
            source,
            source_key: (d + 1..end).find(|&k| w.capital(k) && !w.is(k, FILLER)).map(|k| w.at(k)),
            side: ctx.side(source),
            cue: cue_text(&Cue { kind: CueKind::Report, at: d, len: 1 }),
            stance: Some(Stance::Asserted),
            contested_alone: true,
            events: cues::events(w, d + 1, end),
            topics: ctx.mentioned(s, d, end),
            subject: ctx.mentioned(s, d + 1, end),
            ..Draft::default()
        })
    });
    if second.is_some() || answered_in_sentence(ctx, s) {
        draft.contested_alone = true;
    }
    drafts.push(draft);
    Some(second)
}

/// "Houthis say they hit a warship; Pentagon says no ship was hit": two sources in one
/// sentence, the second (after ";" or "but") saying the negative.
fn answered_in_sentence(ctx: &Context, s: &Sentence) -> bool {
    let w = &s.words;
    let reports = s.cues.iter().filter(|c| c.kind == CueKind::Report).take(4);
    reports.clone().zip(reports.skip(1)).any(|(c1, c2)| {
        let Some(turn) = (c1.at + 1..c2.at).find(|&k| matches!(w.at(k), ";" | "but" | "while" | "whereas")) else { return false };
        let first = ctx.source_in(s, (0, c1.at), c1.at).source;
        let second = ctx.source_in(s, (turn + 1, c2.at), c2.at).source;
        let negative = (c2.at + 1..w.len()).take_while(|&k| !w.is_clause_break(k)).any(|k| matches!(w.at(k), "no" | "not" | "never" | "nothing"));
        negative && first.is_some() && second.is_some() && ctx.side(first) != ctx.side(second) && first != second
    })
}

/// Drops trailing commas and dashes before token `end`.
fn trim_end(w: &Words, mut end: usize) -> usize {
    while end > 1 && matches!(w.at(end - 1), "," | "-" | "\u{2014}" | "\u{2013}" | ";") {
        end -= 1;
    }
    end
}

/// Tokens that name the source of the cue `c`: after "according to", else before
/// the verb back to a closing quotation mark, else after the verb ("said Ryder").
fn source_window(w: &Words, c: &Cue) -> Option<(usize, usize)> {
    let after = |from: usize| {
        let mut end = from;
        while end < w.len() && !w.is_clause_break(end) && !matches!(w.at(end), "." | "\u{201C}" | "\"" | "that") {
            end += 1;
        }
        (end > from).then_some((from, end))
    };
    if c.kind == CueKind::ReportBefore {
        return after(c.at + c.len);
    }
    // "Minsk called the NATO statement "speculation"": who labels it speaks.
    let label = (c.kind == CueKind::Dismissal)
        .then(|| (c.at.saturating_sub(8)..c.at).rev().find(|&k| matches!(w.at(k), "called" | "calling" | "described" | "labelled" | "labeled" | "branded" | "termed")))
        .flatten();
    let end = label.unwrap_or(c.at);
    let mut start = end;
    // The first byte tested inline first: most words start with none of these (a string compare is a call at opt-level "z").
    let stops_window = |x: &str| matches!(x.as_bytes().first(), Some(0xE2 | b'"' | b't' | b';')) && matches!(x, "\u{201D}" | "\"" | "that" | ";");
    while start > 0 && !stops_window(w.at(start - 1)) {
        start -= 1;
    }
    // Skip the comma after a closing quotation ("...," McNulty said).
    while start < end && matches!(w.at(start), "," | "'") {
        start += 1;
    }
    if start < end {
        Some((start, end))
    } else {
        after(c.at + c.len)
    }
}

/// In a headline "CBS News: Troops Head East", the index of the colon.
fn colon_source(s: &Sentence) -> Option<usize> {
    if !s.headline {
        return None;
    }
    let w = &s.words;
    let k = (1..w.len().min(6)).find(|&k| w.at(k) == ":")?;
    let words = (0..k).all(|j| w.capital(j) || w.at(j) == "." || w.at(j) == "'");
    let banner = matches!(w.at(0), "read" | "see" | "watch" | "related" | "update" | "breaking" | "exclusive" | "opinion" | "analysis" | "live" | "date" | "photo" | "video");
    (words && !banner && k + 1 < w.len()).then_some(k)
}

/// A "despite X's announcement ..." clause: its first token and its end.
fn despite_clause(w: &Words) -> Option<(usize, usize)> {
    // Lengths first: most words are compared with neither (and the words read from the slice: this runs
    // over every token of every sentence, and `Words::at` is a call at opt-level "z").
    let d = (1..w.lower.len()).find(|&i| {
        let x = w.lower[i];
        (x.len() == 7 && x == "despite") || (x.len() == 8 && x == "contrary" && w.at(i + 1) == "to")
    })?;
    let said = (d + 1..(d + 8).min(w.len())).any(|k| {
        let x = w.at(k);
        [
            "announc", "plan", "pledg", "promis", "assur", "claim", "statement", "insist", "saying", "said", "denial", "vow", "commitment", "report", "evidence",
            "call", "demand", "request", "objection", "opposition", "warning",
        ]
            .iter()
            .any(|p| x.starts_with(p))
    });
    if !said {
        return None;
    }
    let mut end = d + 1;
    while end < w.len() && !matches!(w.at(end), "," | ";" | "\u{2014}") {
        end += 1;
    }
    while end > d + 1 && matches!(w.at(end - 1), "." | "!" | "?") {
        end -= 1;
    }
    Some((d, end))
}

/// Where a quoted sentence gets its attribution from.
struct Carried {
    /// The reporting cue's text.
    cue: String,
    /// The later sentence (and its cue) that attributes the quotation; `None` when the
    /// quotation continues the attributed sentence before it.
    later: Option<(usize, Cue)>,
}

/// For a sentence inside a quotation: the attribution of the run it belongs to (a
/// later sentence of the run, or the attributed sentence just before it).
fn quoted_run_cue(sentences: &[Sentence], si: usize, previous: Option<&Draft>) -> Option<Carried> {
    for (k, s) in sentences.iter().enumerate().skip(si).take(5) {
        if let Some(c) = s.cues.iter().find(|c| c.kind == CueKind::Report) {
            return Some(Carried { cue: s.words.at(c.at).to_string(), later: Some((k, *c)) });
        }
        if !s.quoted_after {
            break;
        }
    }
    let opens = matches!(sentences[si].words.at(0), "\u{201C}" | "\"");
    let earlier = si.checked_sub(1).and_then(|k| {
        let s = &sentences[k];
        s.cues.iter().find(|c| c.kind == CueKind::Report).map(|c| s.words.at(c.at).to_string())
    });
    previous.filter(|_| sentences[si].quoted_before || opens).map(|p| Carried { cue: earlier.unwrap_or_else(|| p.cue.clone()), later: None })
}

/// Troop numbers in the sentence: a number (commas joined) that a force noun follows
/// within three words ("1,500 US troops").
fn troop_numbers(w: &Words) -> Vec<u64> {
    let mut out = Vec::new();
    if !w.has(FORCE) {
        return out;
    }
    let mut i = 0;
    while i < w.len() {
        if !w.is_number(i) {
            i += 1;
            continue;
        }
        // The digits joined, read group by group: no number that does not fit in a u64.
        let mut value = w.at(i).parse::<u64>().ok();
        let mut j = i + 1;
        while w.at(j) == "," && w.at(j + 1).len() == 3 && w.at(j + 1).bytes().all(|b| b.is_ascii_digit()) {
            let group = w.at(j + 1).parse::<u64>().ok();
            value = value.and_then(|v| v.checked_mul(1000)?.checked_add(group?));
            j += 2;
        }
        let troops = (j..(j + 3).min(w.len())).any(|k| w.is(k, FORCE));
        if let (true, Some(v)) = (troops, value) {
            out.push(v);
        }
        i = j;
    }
    out
}
