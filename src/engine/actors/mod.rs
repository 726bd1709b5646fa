//! Actors: recognise, type and merge the people, states, forces, armed groups and outlets.
//!
//! 1. Known actors come from the [`lexicon`](super::lexicon): names, aliases, capitals
//!    (kept only where they act as governments) and demonyms (kept as adjectives).
//! 2. Unknown actors come from name runs ([`runs`]): people after titles or with cues
//!    (apposition, verbs of saying, "told X"), organisations ending in a head word
//!    ("Committee", "Brigade", "News"), acronyms defined in parentheses.
//! 3. Where candidates overlap, the longest wins.
//! 4. Mentions are merged into actors: lexicon entries by identity, people by name
//!    skeleton (transliteration-tolerant), organisations by name; then later short forms
//!    (surnames, acronyms, repeated names) are found in what is left.
//!
//! Actors known only through adjectives ("American troops" with no "US" in the text) sit
//! at the end of [`FoundActors::actors`], after [`FoundActors::listed`]; they are not
//! reported as actors but let later stages resolve owners.

mod runs;
mod words;

use super::lexicon::{keep_disjoint, lexicon, Form, Hit};
use super::schema::ActorKind;
use super::text::{Token, TokenKind};
use super::{Doc, Span};
use runs::{Unit, UnitKind};
use std::collections::HashMap;

/// One actor as the engine found it, before ids and offsets are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundActor {
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: ActorKind,
    /// Role or title, for people.
    pub role: Option<String>,
    /// Every mention, in text order, never overlapping another actor's.
    pub mentions: Vec<Span>,
}

/// The actors of one article, plus the words that point at them without naming them.
#[derive(Debug, Clone, Default)]
pub struct FoundActors {
    /// Actors in order of first mention; those known only from adjectives come last.
    pub actors: Vec<FoundActor>,
    /// How many actors have mentions (`actors[..listed]`): the ones to report.
    pub listed: usize,
    /// Demonyms and other adjectives ("American", "Iraqi") with the actor they stand for;
    /// used for ownership, not reported as mentions.
    pub adjectives: Vec<(Span, usize)>,
}

impl FoundActors {
    /// The actor a mention or adjective at exactly or around `span` refers to.
    pub fn actor_at(&self, span: Span) -> Option<usize> {
        self.adjectives
            .iter()
            .find(|(s, _)| s.overlaps(&span))
            .map(|&(_, i)| i)
            .or_else(|| self.actors.iter().position(|a| a.mentions.iter().any(|m| m.overlaps(&span))))
    }

    /// The actors to report: those with at least one mention.
    pub fn listed(&self) -> &[FoundActor] {
        &self.actors[..self.listed]
    }
}

/// Where a candidate mention comes from.
#[derive(Debug, Clone)]
enum Source {
    /// A lexicon form.
    Lexicon(Hit),
    /// An organisation named by its head word or its acronym; the name to show.
    Org(ActorKind, String),
    /// A person; role when a title stood before the name; `alias` for "known as X".
    Person { role: Option<String>, alias: bool },
}

#[derive(Debug, Clone)]
struct Candidate {
    span: Span,
    source: Source,
}

impl Candidate {
    /// Tie-break between candidates of equal length: lexicon first.
    fn rank(&self) -> u8 {
        match self.source {
            Source::Lexicon(_) => 0,
            Source::Org(..) => 1,
            Source::Person { .. } => 2,
        }
    }
}

/// Finds the actors of a document.
pub fn find(doc: &Doc) -> FoundActors {
    let text = doc.text;
    let lx = lexicon();
    let hits: Vec<Hit> = lx.find(text).into_iter().filter(|h| keep_hit(doc, h)).collect();
    let units = runs::units(text, &doc.tokens);
    let runs = runs::runs(&doc.tokens, &units);
    let headlines = doc.sentences.iter().map(|&line| is_headline(doc, line)).collect();
    let ctx = Context { doc, hits: &hits, units: &units, headlines };
    let mut cands: Vec<Candidate> = hits.iter().map(|&h| Candidate { span: h.span, source: Source::Lexicon(h) }).collect();
    cands.extend(hits.iter().filter_map(|h| service_of(text, h)));
    for r in &runs {
        if !ctx.in_headline(units[r.start].span) {
            ctx.scan_run(&units[r.clone()], &mut cands);
        }
    }
    ctx.acronym_definitions(&mut cands);
    let mut accepted = longest_first(cands);
    adopt_known_acronyms(text, &mut accepted);
    let mut b = Builder::default();
    for c in &accepted {
        b.add(text, c);
    }
    b.add_acronym_aliases(doc, &accepted);
    b.add_short_forms(&ctx, &runs);
    b.finish()
}

/// Keeps candidates longest first, dropping any that overlap one already kept; text order.
fn longest_first(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.span.end - c.span.start), c.rank(), c.span.start));
    keep_disjoint(cands, |c| c.span)
}

/// "US army", "Russian Navy": a state's armed service, named after the state.
fn service_of(text: &str, h: &Hit) -> Option<Candidate> {
    let entry = &lexicon().entries[h.entry];
    if entry.kind != ActorKind::State || h.form == Form::Capital {
        return None;
    }
    let rest = text[h.span.end..].strip_prefix(' ')?;
    const SERVICES: &[&str] = &["Army", "army", "Navy", "navy", "Air Force", "air force", "Marine Corps", "Coast Guard", "National Guard", "Special Forces", "special forces"];
    let service = SERVICES.iter().find(|s| rest.starts_with(**s) && !rest[s.len()..].starts_with(char::is_alphanumeric))?;
    let owner = if h.form == Form::Demonym { h.span.of(text) } else { entry.name };
    let mut name = format!("{owner} ");
    for (i, w) in service.split(' ').enumerate() {
        if i > 0 {
            name.push(' ');
        }
        let mut cs = w.chars();
        name.extend(cs.next().map(|c| c.to_ascii_uppercase()));
        name.push_str(cs.as_str());
    }
    let span = Span::new(h.span.start, h.span.end + 1 + service.len());
    Some(Candidate { span, source: Source::Org(ActorKind::Military, name) })
}

/// "Iraq's News Agency (INA)" where the lexicon knows "INA": the name found in the
/// text becomes a form of the known actor.
fn adopt_known_acronyms(text: &str, accepted: &mut [Candidate]) {
    for i in 1..accepted.len() {
        let Source::Lexicon(hit) = accepted[i].source else { continue };
        let (prev, acr) = (&accepted[i - 1], accepted[i].span);
        let between = &text[prev.span.end..acr.start];
        let closes = text[acr.end..].starts_with(')');
        if matches!(prev.source, Source::Org(..)) && closes && between.trim() == "(" && is_acronym(acr.of(text)) {
            accepted[i - 1].source = Source::Lexicon(Hit { span: prev.span, ..hit });
        }
    }
}

/// Index of the token starting at byte `at`, if any.
fn token_at(tokens: &[Token], at: usize) -> Option<usize> {
    tokens.binary_search_by_key(&at, |t| t.span.start).ok()
}

/// Index of the token ending at byte `at`, if any.
fn token_ending(tokens: &[Token], at: usize) -> Option<usize> {
    tokens.binary_search_by_key(&at, |t| t.span.end).ok()
}

fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Whether a lexicon hit stands for an actor here.
fn keep_hit(doc: &Doc, h: &Hit) -> bool {
    let (text, tokens) = (doc.text, &doc.tokens);
    let (Some(first), Some(last)) = (token_at(tokens, h.span.start), token_ending(tokens, h.span.end)) else { return true };
    let word = |i: usize| tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(text));
    let prev = first.checked_sub(1).and_then(word);
    let next = word(last + 1);
    let form = h.span.of(text);
    // "IS", "US", "AP" inside shouted headlines are words, not names.
    if form.len() <= 4 && is_all_caps(form) && (prev.is_some_and(is_all_caps) || next.is_some_and(is_all_caps)) {
        return false;
    }
    let next_tok = tokens.get(last + 1).map(|t| t.text(text));
    let possessive = next_tok.is_some_and(|t| t == "’" || t == "'") && word(last + 2) == Some("s");
    let after = if possessive { word(last + 3) } else { next };
    let capital_after = after.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && tokens.get(if possessive { last + 3 } else { last + 1 }).is_some_and(|t| t.space_before);
    match h.form {
        Form::Name => {
            // "Palestine Street", "Lebanon Road": a place named after the state.
            let entry = &lexicon().entries[h.entry];
            !(entry.kind == ActorKind::State && !possessive && after.is_some_and(is_place_name_head))
        }
        Form::Demonym => true,
        Form::Capital => {
            if next_tok == Some("-") {
                return word(last + 2).is_some_and(words::is_government_compound);
            }
            if possessive {
                // "Washington’s support" acts; "Baghdad’s streets", "Baghdad’s International Airport" are places.
                return !capital_after && !after.is_some_and(words::is_place_noun);
            }
            // "the Moscow concert hall": a capital after an article modifies a noun.
            let article = prev.is_some_and(|w| matches!(w, "the" | "a" | "an")) && !matches!(form, "Kremlin" | "White House");
            !(article || prev.is_some_and(words::is_place_before) || capital_after || next.is_some_and(words::is_place_noun))
        }
    }
}

fn is_place_name_head(w: &str) -> bool {
    matches!(w, "Street" | "Square" | "Road" | "Avenue" | "Airport" | "Bridge" | "Strip" | "Province" | "Region" | "Governorate")
}

/// Whether a line is a headline in title case: mostly capitalised words, no final stop.
fn is_headline(doc: &Doc, line: Span) -> bool {
    let text = doc.text;
    let first = doc.tokens.partition_point(|t| t.span.start < line.start);
    let (mut caps, mut lower) = (0, 0);
    for t in doc.tokens[first..].iter().take_while(|t| t.span.end <= line.end).filter(|t| t.kind == TokenKind::Word) {
        let w = t.text(text);
        if w.chars().next().is_some_and(char::is_uppercase) {
            caps += 1;
        } else if w.len() > 3 {
            lower += 1;
        }
    }
    let ends_like_prose = line.of(text).trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', ';', ',']);
    caps >= 4 && lower * 3 <= caps && !ends_like_prose
}

/// What every run scan needs.
struct Context<'a, 't> {
    doc: &'a Doc<'t>,
    /// Kept lexicon hits, in text order, disjoint.
    hits: &'a [Hit],
    units: &'a [Unit],
    /// Per sentence: whether it is a title-case headline.
    headlines: Vec<bool>,
}

impl Context<'_, '_> {
    fn text(&self) -> &str {
        self.doc.text
    }

    fn unit_text(&self, u: &Unit) -> &str {
        u.span.of(self.doc.text)
    }

    /// The lexicon hit covering a unit, if any.
    fn hit_in(&self, u: &Unit) -> Option<&Hit> {
        let after = self.hits.partition_point(|h| h.span.start < u.span.end);
        after.checked_sub(1).map(|i| &self.hits[i]).filter(|h| h.span.overlaps(&u.span))
    }

    /// Whether a unit can be part of a person's name.
    fn is_name_unit(&self, u: &Unit) -> bool {
        match u.kind {
            UnitKind::Initial | UnitKind::Particle => true,
            UnitKind::Cap => {
                let w = self.unit_text(u);
                !words::is_stop(w)
                    && !is_all_caps(w)
                    && !words::is_title(w)
                    && words::head_kind(w).is_none()
                    && self.hit_in(u).is_none_or(|h| lexicon().entries[h.entry].kind == ActorKind::Person)
            }
            _ => false,
        }
    }

    /// Whether the line holding `span` is a headline in title case.
    fn in_headline(&self, span: Span) -> bool {
        let i = self.doc.sentences.partition_point(|s| s.end <= span.start);
        self.headlines.get(i).copied().unwrap_or(false)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.doc.tokens.get(i).filter(|t| t.kind == TokenKind::Word).map(|t| t.text(self.doc.text))
    }

    /// The two words before token `i`, looking past symbols glued to it ("told °®Name").
    fn words_before(&self, i: usize) -> (Option<&str>, Option<&str>) {
        let tokens = &self.doc.tokens;
        let mut p = i;
        while p > 0 && p + 2 > i && !tokens[p].space_before && tokens[p - 1].kind == TokenKind::Punct && !"(\"“‘'’,.;:—–-".contains(tokens[p - 1].text(self.text())) {
            p -= 1;
        }
        (p.checked_sub(1).and_then(|q| self.word(q)), p.checked_sub(2).and_then(|q| self.word(q)))
    }

    fn tok(&self, i: usize) -> Option<&str> {
        self.doc.tokens.get(i).map(|t| t.text(self.doc.text))
    }

    /// Looks for people and organisations in one run.
    fn scan_run(&self, run: &[Unit], out: &mut Vec<Candidate>) {
        let text = self.text();
        let mut used = vec![false; run.len()];
        // People after titles: "Air Force Major General Patrick Ryder".
        let mut i = 0;
        while i < run.len() {
            if run[i].kind != UnitKind::Cap || !words::is_title(self.unit_text(&run[i])) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < run.len()
                && (words::is_title(self.unit_text(&run[j]))
                    || (run[j].kind == UnitKind::Connector && j + 1 < run.len() && words::is_title(self.unit_text(&run[j + 1]))))
            {
                j += 1;
            }
            if !run[i..j].iter().any(|u| words::is_core_title(self.unit_text(u))) {
                i = j;
                continue;
            }
            let mut k = j;
            while k < run.len() && self.is_name_unit(&run[k]) {
                k += 1;
                if run[k - 1].possessive {
                    break;
                }
            }
            while k > j && run[k - 1].kind == UnitKind::Particle {
                k -= 1;
            }
            if k > j && run[j].kind == UnitKind::Cap {
                let role = Span::new(run[i].span.start, run[j - 1].span.end).of(text).to_string();
                let role = match i.checked_sub(1).and_then(|p| self.hit_in(&run[p])) {
                    Some(h) => format!("{role} ({})", lexicon().entries[h.entry].name),
                    None => role,
                };
                let span = Span::new(run[j].span.start, run[k - 1].span.end);
                out.push(Candidate { span, source: Source::Person { role: Some(role), alias: false } });
                used[i..k].iter_mut().for_each(|u| *u = true);
                i = k;
            } else {
                i = j.max(i + 1);
            }
        }
        // The rest: organisations by head word, else people by cues.
        let mut s = 0;
        while s < run.len() {
            if used[s] {
                s += 1;
                continue;
            }
            let mut e = s;
            while e < run.len() && !used[e] {
                e += 1;
            }
            self.scan_segment(&run[s..e], out);
            s = e;
        }
    }

    /// An organisation ending in a head word, or a person shown by context.
    fn scan_segment(&self, seg: &[Unit], out: &mut Vec<Candidate>) {
        let text = self.text();
        let mut s = 0;
        while s < seg.len() && (words::is_stop(self.unit_text(&seg[s])) || seg[s].kind != UnitKind::Cap && seg[s].kind != UnitKind::Ordinal) {
            s += 1;
        }
        let mut seg = &seg[s..];
        // "Deputy Head of the Security and Defence Committee": the title is not the body's name.
        let titles = seg.iter().take_while(|u| u.kind == UnitKind::Cap && words::is_title(self.unit_text(u))).count();
        if seg[..titles].iter().any(|u| words::is_core_title(self.unit_text(u))) {
            seg = &seg[titles..];
            while seg.first().is_some_and(|u| u.kind == UnitKind::Connector) {
                seg = &seg[1..];
            }
        }
        if seg.is_empty() {
            return;
        }
        // "the ICRC and Human Rights Watch": a name does not run across "and" after a known actor or before "the".
        if let Some(c) = (1..seg.len()).rev().find(|&c| {
            seg[c].kind == UnitKind::Connector
                && self.unit_text(&seg[c]) == "and"
                && (seg.get(c + 1).is_some_and(|u| self.unit_text(u) == "the") || self.hit_in(&seg[c - 1]).is_some_and(|h| h.form != Form::Demonym))
        }) {
            self.scan_segment(&seg[..c], out);
            self.scan_segment(&seg[c + 1..], out);
            return;
        }
        // "the 256th Infantry Brigade Combat Team of the Louisiana army National Guard": two units.
        let is_head = |u: &Unit| u.kind == UnitKind::Cap && words::head_kind(self.unit_text(u)).is_some();
        if let Some(h) = (1..seg.len().saturating_sub(2)).find(|&h| is_head(&seg[h]) && seg[h + 1].kind == UnitKind::Connector && seg[h + 2..].iter().any(is_head)) {
            self.scan_segment(&seg[..=h], out);
            self.scan_segment(&seg[h + 1..], out);
            return;
        }
        // "Soldiers of the 82nd Airborne Division": what comes before "of" is not the name.
        if let Some(c) = seg.iter().position(|u| u.kind == UnitKind::Connector && self.unit_text(u) == "of") {
            if !seg[..c].iter().any(is_head) && seg[c..].iter().any(is_head) {
                return self.scan_segment(&seg[c + 1..], out);
            }
        }
        let tokens = &self.doc.tokens;
        let first_tok = seg[0].tokens.0;
        let head = (0..seg.len()).rev().find(|&h| seg[h].kind == UnitKind::Cap && words::head_kind(self.unit_text(&seg[h])).is_some());
        if let Some(h) = head {
            let head_word = self.unit_text(&seg[h]);
            let mut kind = words::head_kind(head_word).unwrap_or(ActorKind::Organization);
            let mut start = seg[0].span.start;
            let the_before = first_tok.checked_sub(1).and_then(|p| self.word(p)) == Some("The");
            let mut end = h;
            if h + 1 < seg.len() && matches!(self.unit_text(&seg[h + 1]), "of" | "for" | "on") {
                end = seg.len() - 1;
            }
            let name_span = Span::new(start, seg[end].span.end);
            let name = name_span.of(text);
            if kind == ActorKind::Organization && (name.contains("Defen") || name.contains("War")) && matches!(head_word, "Ministry" | "Department") {
                kind = ActorKind::Military;
            }
            if head_word == "Agency" && (name.contains("News") || name.contains("Press")) {
                kind = ActorKind::Media;
            }
            if kind == ActorKind::Military && ["Liberation", "Islamic", "Jihad", "Resistance"].iter().any(|w| name.contains(w)) {
                kind = ActorKind::ArmedGroup;
            }
            let media_alone = kind == ActorKind::Media && the_before && h == 0;
            if h >= 1 || end > h || media_alone {
                if kind == ActorKind::Media && the_before {
                    start = tokens[first_tok - 1].span.start;
                }
                let span = Span::new(start, seg[end].span.end);
                out.push(Candidate { span, source: Source::Org(kind, org_name(text, span)) });
                return;
            }
        }
        // People shown by context: strip leading lexicon words ("Iraqi").
        let mut s = 0;
        while s < seg.len() && self.hit_in(&seg[s]).is_some_and(|h| lexicon().entries[h.entry].kind != ActorKind::Person) {
            s += 1;
        }
        let whole = &seg[s..];
        // The name: the leading name units ("Mohammed Shia al-Sudani" in "... al-Sudani in Washington").
        let mut n = whole.iter().take_while(|u| self.is_name_unit(u)).count();
        while n > 0 && whole[n - 1].kind == UnitKind::Particle {
            n -= 1;
        }
        let seg = &whole[..n];
        let complete = n == whole.len();
        if seg.is_empty() || seg.len() > 6 || seg[0].kind != UnitKind::Cap {
            return;
        }
        if seg.iter().all(|u| self.hit_in(u).is_some()) {
            return;
        }
        let span = Span::new(seg[0].span.start, seg[seg.len() - 1].span.end);
        let caps = seg.iter().filter(|u| u.kind == UnitKind::Cap).count();
        let first = seg[0].tokens.0;
        let last = seg[seg.len() - 1].tokens.1;
        let (prev, prev2) = self.words_before(first);
        let next = self.word(last + 1);
        let after_comma = || {
            let mut k = last + 2;
            if self.tok(last + 1) != Some(",") {
                return None;
            }
            while self.word(k).is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an" | "former" | "senior" | "deputy" | "then" | "better" | "also" | "acting")) {
                k += 1;
            }
            self.word(k).map(str::to_lowercase)
        };
        let told = matches!(prev, Some("told")) || (prev == Some("to") && prev2.is_some_and(|w| w.eq_ignore_ascii_case("according")));
        let alias_cue = prev == Some("as") && prev2 == Some("known") && {
            let k = seg[0].tokens.0.saturating_sub(3);
            self.tok(k).is_some_and(|w| matches!(w, "," | "better" | "also" | "commonly" | "widely" | "popularly"))
        };
        let person = if alias_cue {
            out.push(Candidate { span, source: Source::Person { role: None, alias: true } });
            return;
        } else if prev.is_some_and(words::is_role) || next == Some("administration") && caps == 1 {
            true
        } else if caps >= 2 && complete {
            after_comma().is_some_and(|w| words::is_role(&w) || w == "known")
                || next.is_some_and(words::is_say)
                || (self.tok(last + 1) == Some("(") && self.tok(last + 2) == Some("@"))
                || told
        } else {
            false
        };
        if person {
            out.push(Candidate { span, source: Source::Person { role: None, alias: false } });
        } else if told && caps == 1 && whole.len() == 1 {
            out.push(Candidate { span, source: Source::Org(ActorKind::Media, span.of(text).to_string()) });
        }
    }

    /// "Iraq's News Agency (INA)": the words whose initials spell a parenthesised acronym.
    fn acronym_definitions(&self, out: &mut Vec<Candidate>) {
        let tokens = &self.doc.tokens;
        let text = self.text();
        for i in 1..tokens.len().saturating_sub(2) {
            if tokens[i].text(text) != "(" || tokens[i + 2].text(text) != ")" {
                continue;
            }
            let acr = tokens[i + 1].text(text);
            if !is_acronym(acr) {
                continue;
            }
            // Units ending right before "(", initials matched from the right.
            let last = self.units.partition_point(|u| u.tokens.1 + 1 < i);
            if !self.units.get(last).is_some_and(|u| u.tokens.1 + 1 == i) {
                continue;
            }
            let letters: Vec<char> = acr.chars().collect();
            let mut need = letters.len();
            let mut k = last + 1;
            while need > 0 && k > 0 {
                let u = &self.units[k - 1];
                if k <= last && u.tokens.1 + 1 != self.units[k].tokens.0 {
                    break;
                }
                let w = self.unit_text(u);
                if u.kind == UnitKind::Connector {
                    k -= 1;
                    continue;
                }
                if !w.starts_with(letters[need - 1]) {
                    break;
                }
                need -= 1;
                k -= 1;
            }
            if need > 0 {
                continue;
            }
            let span = Span::new(self.units[k].span.start, self.units[last].span.end);
            let name = span.of(text);
            let head = name.rsplit(' ').next().unwrap_or(name);
            let kind = match words::head_kind(head) {
                Some(ActorKind::Organization) if name.contains("News") || name.contains("Press") => ActorKind::Media,
                Some(kind) => kind,
                None => ActorKind::Organization,
            };
            out.push(Candidate { span, source: Source::Org(kind, name.to_string()) });
        }
    }
}

/// An organisation's display name: its words, with a leading lower-case "army" capitalised.
fn org_name(text: &str, span: Span) -> String {
    span.of(text).to_string()
}

fn is_acronym(w: &str) -> bool {
    (2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// A person's name reduced for transliteration-tolerant comparison.
#[derive(Debug, Clone, PartialEq)]
struct NameKey {
    first: String,
    last: String,
    parts: usize,
    /// The bare surname ("sudani" for "al-Sudani"), for short forms.
    surname: String,
}

/// Drops an Arabic article: "al-Sudani" → "Sudani", "Alshabandar" → "shabandar".
fn strip_article(w: &str) -> &str {
    for p in ["al-", "Al-", "el-", "El-", "AL-"] {
        if let Some(rest) = w.strip_prefix(p) {
            return rest;
        }
    }
    if (w.starts_with("Al") || w.starts_with("El")) && w.chars().count() >= 8 && w.chars().nth(2).is_some_and(char::is_lowercase) {
        return &w[2..];
    }
    w
}

/// Lower-case consonant skeleton: "Mohammed", "Mohamed", "Muhammad" → "mhmd".
fn skeleton(w: &str) -> String {
    let mut out = String::new();
    for c in strip_article(w).chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase) {
        let c = match c {
            'q' | 'c' => 'k',
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ï' | 'ë' => continue,
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.is_empty() {
        w.to_lowercase()
    } else {
        out
    }
}

fn bare(w: &str) -> String {
    strip_article(w).chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect()
}

impl NameKey {
    fn new(name: &str) -> NameKey {
        let parts: Vec<&str> = name.split_whitespace().filter(|p| p.chars().next().is_some_and(char::is_uppercase) || p.contains('-')).collect();
        let first = parts.first().copied().unwrap_or(name);
        let last = parts.last().copied().unwrap_or(name);
        NameKey { first: skeleton(first), last: skeleton(last), parts: parts.len(), surname: bare(last) }
    }

    /// Whether two names can be the same person.
    fn matches(&self, other: &NameKey) -> bool {
        self.last == other.last && (self.parts == 1 || other.parts == 1 || self.first == other.first)
    }
}

/// An actor being assembled.
#[derive(Debug)]
struct Draft {
    actor: FoundActor,
    entry: Option<usize>,
    person: Option<NameKey>,
}

/// Assembles drafts; every lookup goes through a hash map so that long texts stay linear.
#[derive(Default)]
struct Builder {
    drafts: Vec<Draft>,
    adjectives: Vec<(Span, usize)>,
    /// Draft by identity: `e<entry>` for lexicon actors, `<kind>:<lower-case name>` otherwise.
    by_key: HashMap<String, usize>,
    /// People by the skeleton of their last name.
    by_last: HashMap<String, Vec<usize>>,
    /// Acronyms defined in the text, with their actor.
    acronyms: HashMap<String, usize>,
    /// The draft of each accepted candidate, in order.
    of_candidate: Vec<usize>,
    last_person: Option<usize>,
}

impl Builder {
    fn draft(&mut self, name: &str, kind: ActorKind, entry: Option<usize>) -> usize {
        let key = match entry {
            Some(e) => format!("e{e}"),
            None => format!("{kind:?}:{}", name.to_lowercase()),
        };
        if let Some(&i) = self.by_key.get(&key) {
            return i;
        }
        let i = self.drafts.len();
        let person = (kind == ActorKind::Person).then(|| NameKey::new(name));
        if let Some(p) = &person {
            self.by_last.entry(p.last.clone()).or_default().push(i);
        }
        self.drafts.push(Draft { actor: FoundActor { name: name.to_string(), kind, role: None, mentions: Vec::new() }, entry, person });
        self.by_key.insert(key, i);
        i
    }

    /// The person a name matches (same last-name skeleton, compatible first name).
    fn matching_person(&self, key: &NameKey) -> Option<usize> {
        let candidates = self.by_last.get(&key.last)?;
        candidates.iter().copied().find(|&i| self.drafts[i].person.as_ref().is_some_and(|k| k.matches(key)))
    }

    fn person(&mut self, name: &str) -> usize {
        let key = NameKey::new(name);
        match self.matching_person(&key) {
            Some(i) => {
                let d = &mut self.drafts[i];
                if d.entry.is_none() && d.person.as_ref().is_some_and(|k| k.parts < key.parts) {
                    d.actor.name = name.to_string();
                    d.person = Some(key);
                }
                i
            }
            None => self.draft(name, ActorKind::Person, None),
        }
    }

    fn add(&mut self, text: &str, c: &Candidate) {
        let i = match &c.source {
            Source::Lexicon(h) => {
                let e = &lexicon().entries[h.entry];
                self.draft(e.name, e.kind, Some(h.entry))
            }
            Source::Org(kind, name) => self.draft(name, *kind, None),
            Source::Person { role, alias } => {
                let i = match (alias, self.last_person) {
                    (true, Some(p)) => p,
                    _ => self.person(c.span.of(text)),
                };
                if self.drafts[i].actor.role.is_none() {
                    self.drafts[i].actor.role = role.clone();
                }
                i
            }
        };
        self.of_candidate.push(i);
        if matches!(c.source, Source::Lexicon(Hit { form: Form::Demonym, .. })) {
            self.adjectives.push((c.span, i));
            return;
        }
        if self.drafts[i].actor.kind == ActorKind::Person {
            self.last_person = Some(i);
        }
        self.drafts[i].actor.mentions.push(c.span);
    }

    /// "Popular Mobilization Forces (PMF)": the acronym names the actor just before it.
    fn add_acronym_aliases(&mut self, doc: &Doc, accepted: &[Candidate]) {
        let (text, tokens) = (doc.text, &doc.tokens);
        for i in 1..tokens.len().saturating_sub(2) {
            if tokens[i].text(text) != "(" || tokens[i + 2].text(text) != ")" || !is_acronym(tokens[i + 1].text(text)) {
                continue;
            }
            let before = tokens[i - 1].span.end;
            // The actor ends right before "(" (or before its possessive "’s").
            let Some(c) = accepted.partition_point(|c| c.span.end <= before).checked_sub(1) else { continue };
            let gap = text.get(accepted[c].span.end..before).unwrap_or("x");
            if !gap.trim_start_matches(['’', '\'', 's']).is_empty() {
                continue;
            }
            let Some(&d) = self.of_candidate.get(c) else { continue };
            if self.drafts[d].actor.kind != ActorKind::Person {
                self.acronyms.entry(tokens[i + 1].text(text).to_string()).or_insert(d);
            }
        }
    }

    /// Later short forms in what no candidate took: surnames, full names seen before,
    /// acronyms and repeated organisation names.
    fn add_short_forms(&mut self, ctx: &Context, runs: &[std::ops::Range<usize>]) {
        let text = ctx.text();
        let mut taken: Vec<Span> = self.drafts.iter().flat_map(|d| d.actor.mentions.iter().copied()).chain(self.adjectives.iter().map(|a| a.0)).collect();
        taken.sort();
        let covered = |span: Span| {
            let after = taken.partition_point(|t| t.start < span.end);
            after.checked_sub(1).is_some_and(|i| taken[i].overlaps(&span))
        };
        let mut by_initials: HashMap<String, usize> = HashMap::new();
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        let mut by_surname: HashMap<&str, usize> = HashMap::new();
        for (i, d) in self.drafts.iter().enumerate().filter(|(_, d)| !d.actor.mentions.is_empty()) {
            match (&d.person, d.actor.kind) {
                (Some(k), _) if k.parts > 1 => {
                    by_surname.entry(k.surname.as_str()).or_insert(i);
                }
                (_, ActorKind::Person | ActorKind::State) => {}
                _ => {
                    by_initials.entry(initials(&d.actor.name)).or_insert(i);
                    if d.entry.is_none() {
                        by_name.entry(d.actor.name.as_str()).or_insert(i);
                    }
                }
            }
        }
        let mut found: Vec<(Span, usize)> = Vec::new();
        for r in runs {
            let run = &ctx.units[r.clone()];
            let mut s = 0;
            while s < run.len() {
                if covered(run[s].span) {
                    s += 1;
                    continue;
                }
                let mut e = s;
                while e < run.len() && !covered(run[e].span) {
                    e += 1;
                    if run[e - 1].possessive {
                        break;
                    }
                }
                let mut seg = &run[s..e];
                while seg.first().is_some_and(|u| u.kind != UnitKind::Cap || words::is_stop(ctx.unit_text(u))) {
                    seg = &seg[1..];
                }
                while seg.last().is_some_and(|u| u.kind != UnitKind::Cap) {
                    seg = &seg[..seg.len() - 1];
                }
                if let (Some(a), Some(b)) = (seg.first(), seg.last()) {
                    let span = Span::new(a.span.start, b.span.end);
                    let form = span.of(text);
                    let known = if let Some(&d) = self.acronyms.get(form) {
                        Some(d)
                    } else if is_acronym(form) {
                        by_initials.get(form).copied()
                    } else if is_all_caps(form) || words::is_stop(form) || words::is_title(form) {
                        None
                    } else if let Some(&d) = by_name.get(form) {
                        Some(d)
                    } else if seg.len() == 1 {
                        by_surname.get(NameKey::new(form).surname.as_str()).copied()
                    } else {
                        let key = NameKey::new(form);
                        self.matching_person(&key).filter(|_| key.parts > 1)
                    };
                    found.extend(known.map(|d| (span, d)));
                }
                s = e;
            }
        }
        for (span, d) in found {
            self.drafts[d].actor.mentions.push(span);
        }
    }

    fn finish(self) -> FoundActors {
        let mut order: Vec<usize> = (0..self.drafts.len()).collect();
        let first = |d: &Draft| d.actor.mentions.iter().map(|m| m.start).min().unwrap_or(usize::MAX);
        order.sort_by_key(|&i| first(&self.drafts[i]));
        let mut new_index = vec![0; self.drafts.len()];
        for (n, &i) in order.iter().enumerate() {
            new_index[i] = n;
        }
        let mut drafts: Vec<Option<Draft>> = self.drafts.into_iter().map(Some).collect();
        let mut actors = Vec::with_capacity(order.len());
        for i in order {
            if let Some(mut d) = drafts[i].take() {
                d.actor.mentions.sort();
                d.actor.mentions.dedup();
                actors.push(d.actor);
            }
        }
        let listed = actors.iter().take_while(|a| !a.mentions.is_empty()).count();
        let adjectives = self.adjectives.into_iter().map(|(s, i)| (s, new_index[i])).collect();
        FoundActors { actors, listed, adjectives }
    }
}

/// Initials of a name's capitalised words: "Middle East Eye" → "MEE".
fn initials(name: &str) -> String {
    name.split([' ', '-']).filter(|w| w.chars().next().is_some_and(char::is_uppercase) && *w != "The").filter_map(|w| w.chars().next()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = Doc::new(text);
        let found = find(&doc);
        found.listed().iter().map(|a| (a.name.clone(), a.mentions.iter().map(|m| m.of(text).to_string()).collect())).collect()
    }

    #[test]
    fn never_panics_on_any_slice() {
        let text = "GOMA (AP) — Rwanda-backed M23 (AFC) rebels, the Congo River Alliance (AFC), told °®Âþµº: \"Iraq’s News Agency (INA)\" and Gen. O’Brien’s Sécurité (SS) al- bin ( ) (";
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let _ = actors(&text[a..b]);
            }
        }
    }

    #[test]
    fn adjective_only_actors_are_not_listed() {
        let doc = Doc::new("Two American soldiers were hurt.");
        let found = find(&doc);
        assert_eq!(found.listed().len(), 0);
        let at = doc.text.find("American").unwrap();
        let owner = found.actor_at(Span::new(at, at + 8)).expect("demonym resolves");
        assert_eq!(found.actors[owner].name, "United States");
    }

    #[test]
    fn skeletons_tolerate_transliteration() {
        assert_eq!(skeleton("Mohammed"), skeleton("Muhammad"));
        assert_eq!(skeleton("Izzat"), skeleton("Ezzat"));
        assert_eq!(skeleton("al-Shabandar"), skeleton("Alshabandar"));
    }

    #[test]
    fn later_surname_joins_the_person() {
        let got = actors("Gen. Ahmed Jibril al-Tamimi spoke. Tamimi left.");
        assert_eq!(got, [("Ahmed Jibril al-Tamimi".to_string(), vec!["Ahmed Jibril al-Tamimi".to_string(), "Tamimi".to_string()])]);
    }
}
