//! Claims: who says what, who denies it, and what contradicts what.
//!
//! Every sentence that reports something (a reporting verb, "according to", a
//! quotation carried on from an attributed one, "Source: headline"), that the writer
//! hedges ("alleged", "reportedly"), or that denies something becomes one claim
//! spanning the sentence (a "despite ..." clause becomes a second, contesting claim).
//! [`contest`] then decides which claims are contested and links them both ways.
//! Works from words alone; actors sharpen the sources, figures the contradictions.

mod contest;
mod cues;

use super::actors::FoundActors;
use super::figures::FoundFigure;
use super::schema::{ActorKind, Stance};
use super::text::TokenKind;
use super::{Doc, Span};
use cues::{Cue, CueKind, Polar, Words};

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

/// A claim under construction, with what the contest rules need to compare it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    span: Span,
    source: Option<usize>,
    /// The source's last capitalised word, lower-cased: tells sources apart without actors.
    source_key: Option<String>,
    cue: String,
    stance: Option<Stance>,
    /// Hedged by the writer, or a denial of something claim-like: contested on its own.
    contested_alone: bool,
    /// Events the claim asserts or denies.
    events: Vec<Polar>,
    /// Events inside the scope of a hedge word ("the alleged deployment").
    hedged_events: Vec<Polar>,
    /// An armed group the claim says is finished.
    finished_group: Option<String>,
    /// What the claim is about: its names (lower-cased) and "troops" if it names a force.
    topics: Vec<String>,
    /// For a denial of something claim-like: the names in what it denies.
    denied_topics: Vec<String>,
    /// Troop numbers the claim gives.
    numbers: Vec<u64>,
    /// Indexes of the figures inside the claim.
    figures: Vec<usize>,
    /// Claims contesting this one.
    links: Vec<usize>,
}

/// What one sentence holds before it becomes claims.
struct Sentence {
    /// Index of its first token in the document.
    first: usize,
    words: Words,
    cues: Vec<Cue>,
    headline: bool,
    /// A quotation is open when the sentence starts / ends.
    quoted_before: bool,
    quoted_after: bool,
}

/// Finds the claims of a document.
pub fn find(doc: &Doc, actors: &FoundActors, figures: &[FoundFigure]) -> Vec<FoundClaim> {
    let sentences = read_sentences(doc);
    let mut drafts: Vec<Draft> = Vec::new();
    // Index into `drafts` of the claim the previous sentence made, if any.
    let mut previous: Option<usize> = None;
    for si in 0..sentences.len() {
        let Some((first, second)) = claims_of(doc, actors, &sentences, si, previous.map(|p| &drafts[p])) else {
            previous = None;
            continue;
        };
        let unverified = sentences[si].cues.iter().any(|c| c.kind == CueKind::Unverified);
        drafts.push(first);
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
            drafts.push(second);
        }
        previous = Some(drafts.len() - 1);
    }
    let mut by_start: Vec<usize> = (0..figures.len()).collect();
    crate::engine::sort::sort_by_key(&mut by_start, |&f| figures[f].span.start);
    for d in &mut drafts {
        let from = by_start.partition_point(|&f| figures[f].span.start < d.span.start);
        d.figures = by_start[from..].iter().copied().take_while(|&f| figures[f].span.start < d.span.end).filter(|&f| d.span.contains(&figures[f].span)).collect();
        d.numbers.extend(d.figures.iter().filter_map(|&f| figures[f].value.or(figures[f].min)));
        crate::engine::sort::sort(&mut d.numbers);
        d.numbers.dedup();
    }
    contest::link(&mut drafts, figures);
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

fn read_sentences(doc: &Doc) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut cursor = 0;
    let mut quoted = false;
    for &span in &doc.sentences {
        while cursor < doc.tokens.len() && doc.tokens[cursor].span.start < span.start {
            cursor += 1;
        }
        let first = cursor;
        while cursor < doc.tokens.len() && doc.tokens[cursor].span.end <= span.end {
            cursor += 1;
        }
        let toks = &doc.tokens[first..cursor];
        let words = Words::new(toks.iter().map(|t| (t.text(doc.text), t.space_before)));
        let quoted_before = quoted;
        for (k, w) in words.lower.iter().enumerate() {
            match w.as_str() {
                "\u{201C}" => quoted = true,
                "\u{201D}" => quoted = false,
                // A straight quote opens after white space and closes when glued to a word.
                "\"" => quoted = k == 0 || toks[k].space_before,
                _ => {}
            }
        }
        let last = words.lower.last().map_or("", String::as_str);
        let line_ends = doc.tokens.get(cursor).is_none_or(|t| t.newline_before);
        let headline = line_ends && toks.len() <= 24 && !matches!(last, "." | "!" | "?" | "\"" | "\u{201D}" | "'" | "\u{2026}" | ":");
        let cues = cues::find(&words);
        out.push(Sentence { first, words, cues, headline, quoted_before, quoted_after: quoted });
    }
    out
}

/// Words that are capitalised without naming a source.
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "on" | "in" | "at" | "he" | "she" | "they" | "it" | "we" | "i" | "speaking" | "meanwhile" | "but"
            | "and" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january"
            | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october"
            | "november" | "december" | "last" | "earlier" | "later" | "also" | "this" | "that" | "his" | "her" | "according" | "there" | "amid"
            | "however" | "after" | "as" | "if" | "while" | "when" | "our" | "their" | "its" | "you"
    )
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
}

/// The claim (and the claim of its "despite ..." clause) sentence `si` makes, if any.
fn claims_of(doc: &Doc, actors: &FoundActors, sentences: &[Sentence], si: usize, previous: Option<&Draft>) -> Option<(Draft, Option<Draft>)> {
    let s = &sentences[si];
    let w = &s.words;
    let n = w.len();
    let events = cues::events(w, 0, n);
    let colon = colon_source(s);
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
    let is_claim = !s.cues.is_empty() || colon.is_some() || despite.is_some() || carried.is_some() || (s.headline && !events.is_empty());
    if !is_claim {
        return None;
    }
    let tok_span = |a: usize, b: usize| Span::new(doc.tokens[s.first + a].span.start, doc.tokens[s.first + b - 1].span.end);
    let cue_text = |c: &Cue| tok_span(c.at, c.at + c.len).of(doc.text).to_string();
    let main_end = despite.map_or(n, |(d, _)| trim_end(w, d));
    let mut draft = Draft {
        span: tok_span(0, main_end.max(1)),
        events: cues::events(w, 0, main_end),
        finished_group: cues::finished_group(w),
        topics: topics(w, 0, n),
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
    draft.contested_alone = hedge.is_some() || s.cues.iter().any(|c| cues::denial_is_claim_like(w, c));
    if let Some((a, b)) = s.cues.iter().find(|c| cues::denial_is_claim_like(w, c)).and_then(|c| cues::denied_object(w, c)) {
        draft.denied_topics = topics(w, a, b);
        draft.denied_topics.retain(|t| t != "troops");
    }
    for c in s.cues.iter().filter(|c| c.kind == CueKind::Hedge) {
        let mut end = c.at + c.len;
        let limit = if c.at == 0 || w.at(c.at).starts_with("specul") || w.at(c.at).starts_with("rumo") { n } else { (end + 12).min(n) };
        while end < limit && !w.is_clause_break(end) {
            end += 1;
        }
        draft.hedged_events.extend(cues::events(w, c.at + c.len, end));
    }
    // The source.
    let speech = report.or(strong).or(negation);
    let window = match speech {
        Some(c) => source_window(w, c),
        None => colon.map(|k| (0, k)),
    };
    if let Some((a, b)) = window {
        // The speaker is the actor named nearest to the cue (or to the colon).
        let cue_at = speech.map_or(b, |c| c.at);
        draft.source = source_actor(doc.text, actors, tok_span(a, b), doc.tokens[s.first + cue_at.min(n - 1)].span.start);
        draft.source_key = (a..b).rev().find(|&k| w.capital[k] && doc.tokens[s.first + k].kind == TokenKind::Word && !is_filler(w.at(k))).map(|k| w.at(k).to_string());
        let pronoun = (a..b).any(|k| is_pronoun(w.at(k)));
        if draft.source.is_none() && draft.source_key.is_none() && pronoun {
            if let Some(p) = previous {
                draft.source = p.source;
                draft.source_key.clone_from(&p.source_key);
            }
        }
    } else if let Some(carried) = &carried {
        match carried.later {
            // The attribution follows the quotation, in a later sentence.
            Some((k, c)) => {
                let later = &sentences[k];
                if let Some((a, b)) = source_window(&later.words, &c) {
                    let span = Span::new(doc.tokens[later.first + a].span.start, doc.tokens[later.first + b - 1].span.end);
                    draft.source = source_actor(doc.text, actors, span, doc.tokens[later.first + c.at].span.start);
                    draft.source_key = (a..b).rev().find(|&j| later.words.capital[j] && !is_filler(later.words.at(j))).map(|j| later.words.at(j).to_string());
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
    let second = despite.map(|(d, end)| {
        let span = tok_span(d, end);
        Draft {
            span,
            source: source_actor(doc.text, actors, span, span.start),
            source_key: (d + 1..end).find(|&k| w.capital[k] && !is_filler(w.at(k))).map(|k| w.at(k).to_string()),
            cue: cue_text(&Cue { kind: CueKind::Report, at: d, len: 1 }),
            stance: Some(Stance::Asserted),
            contested_alone: true,
            events: cues::events(w, d + 1, end),
            topics: topics(w, d, end),
            ..Draft::default()
        }
    });
    if second.is_some() {
        draft.contested_alone = true;
    }
    Some((draft, second))
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
    let mut start = c.at;
    while start > 0 && !matches!(w.at(start - 1), "\u{201D}" | "\"" | "that" | ";") {
        start -= 1;
    }
    // Skip the comma after a closing quotation ("...," McNulty said).
    while start < c.at && matches!(w.at(start), "," | "'") {
        start += 1;
    }
    if start < c.at {
        Some((start, c.at))
    } else {
        after(c.at + c.len)
    }
}

/// The actor named in `span` that most likely speaks: a person before an outlet, an
/// outlet before a body, a body before a state.
/// Among equals, the one mentioned nearest to byte `cue`.
/// An actor after a preposition ("ambassador to Germany") is not the speaker.
fn source_actor(text: &str, actors: &FoundActors, span: Span, cue: usize) -> Option<usize> {
    let after_preposition = |m: &Span| {
        let before = text.get(..m.start).unwrap_or("").trim_end();
        let mut words = before.rsplit(|c: char| !c.is_alphabetic());
        let (word, previous) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
        let preposition = matches!(word, "to" | "in" | "with" | "from" | "for" | "against" | "at" | "on" | "into" | "toward" | "towards");
        preposition && !(word == "to" && previous.eq_ignore_ascii_case("according"))
    };
    let rank = |k: ActorKind| match k {
        ActorKind::Person => 0,
        ActorKind::Media => 1,
        ActorKind::Organization | ActorKind::Military => 2,
        ActorKind::ArmedGroup => 3,
        ActorKind::State => 4,
    };
    actors
        .actors
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let distance = a.mentions.iter().filter(|m| span.contains(m) && !after_preposition(m)).map(|m| m.start.abs_diff(cue).min(m.end.abs_diff(cue))).min()?;
            Some((rank(a.kind), distance, i))
        })
        .min()
        .map(|(_, _, i)| i)
}

/// In a headline "CBS News: Troops Head East", the index of the colon.
fn colon_source(s: &Sentence) -> Option<usize> {
    if !s.headline {
        return None;
    }
    let w = &s.words;
    let k = (1..w.len().min(6)).find(|&k| w.at(k) == ":")?;
    let words = (0..k).all(|j| w.capital[j] || w.at(j) == "." || w.at(j) == "'");
    let banner = matches!(w.at(0), "read" | "see" | "watch" | "related" | "update" | "breaking" | "exclusive" | "opinion" | "analysis" | "live" | "date" | "photo" | "video");
    (words && !banner && k + 1 < w.len()).then_some(k)
}

/// A "despite X's announcement ..." clause: its first token and its end.
fn despite_clause(w: &Words) -> Option<(usize, usize)> {
    let d = (1..w.len()).find(|&i| w.at(i) == "despite" || (w.at(i) == "contrary" && w.at(i + 1) == "to"))?;
    let said = (d + 1..(d + 8).min(w.len())).any(|k| {
        let x = w.at(k);
        ["announc", "plan", "pledg", "promis", "assur", "claim", "statement", "insist", "saying", "said", "denial", "vow", "commitment", "report", "evidence"]
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

/// The names a stretch of words mentions (lower-cased capitalised words, "U.S." as
/// "us"), plus "troops" when it names a force.
fn topics(w: &Words, from: usize, to: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in from..to.min(w.len()) {
        let x = w.at(k);
        if x == "u" && w.at(k + 1) == "." && w.at(k + 2) == "s" {
            out.push("us".into());
        } else if cues::is_force_noun(x) {
            out.push("troops".into());
        } else if w.capital[k] && x.chars().count() > 1 && !is_filler(x) {
            out.push(x.to_string());
        }
    }
    crate::engine::sort::sort(&mut out);
    out.dedup();
    out
}

/// Troop numbers in the sentence: a number (commas joined) that a force noun follows
/// within three words ("1,500 US troops").
fn troop_numbers(w: &Words) -> Vec<u64> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if !w.at(i).starts_with(|c: char| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut digits = w.at(i).to_string();
        let mut j = i + 1;
        while w.at(j) == "," && w.at(j + 1).len() == 3 && w.at(j + 1).bytes().all(|b| b.is_ascii_digit()) {
            digits.push_str(w.at(j + 1));
            j += 2;
        }
        let troops = (j..(j + 3).min(w.len())).any(|k| cues::is_force_noun(w.at(k)));
        if let (true, Ok(v)) = (troops, digits.parse::<u64>()) {
            out.push(v);
        }
        i = j;
    }
    out
}
