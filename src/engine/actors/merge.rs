//! Merging mentions into actors: lexicon identity, transliteration-tolerant person
//! names, organisation names, and the later short forms (surnames, acronyms).

use super::runs::{starts_upper, UnitKind};
use super::scan::Context;
use super::{is_acronym, is_all_caps, words, Candidate, FoundActor, FoundActors, Source};
use crate::engine::lexicon::{lexicon, Form, Hit};
use crate::engine::schema::ActorKind;
use crate::engine::text::{lower, lowercase};
use crate::engine::wordset::WordMap;
use crate::engine::{Doc, Span};
use std::collections::HashMap;

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
/// (Bytes compared inline: this runs for every person's name.)
fn strip_article(w: &str) -> &str {
    let b = w.as_bytes();
    let article = b.get(..2).filter(|a| matches!(a, [b'a' | b'A' | b'e' | b'E', b'l'] | [b'A', b'L']));
    if article.is_some() && b.get(2) == Some(&b'-') {
        return &w[3..];
    }
    if article.is_some_and(|a| matches!(a, [b'A' | b'E', b'l'])) && b.len() >= 8 && w.chars().count() >= 8 && w.chars().nth(2).is_some_and(char::is_lowercase) {
        return &w[2..];
    }
    w
}

/// `c` lower-cased (as [`lower`] does) if it is a letter; ASCII tested inline.
fn folded_letter(c: char) -> Option<char> {
    if c.is_ascii() {
        c.is_ascii_alphabetic().then(|| c.to_ascii_lowercase())
    } else {
        c.is_alphabetic().then(|| lower(c))
    }
}

/// Lower-case consonant skeleton: "Mohammed", "Mohamed", "Muhammad" → "mhmd".
pub(super) fn skeleton(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut last = None;
    for c in strip_article(w).chars().filter_map(folded_letter) {
        let c = match c {
            'q' | 'c' => 'k',
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ï' | 'ë' => continue,
            c => c,
        };
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
    if out.is_empty() {
        lowercase(w)
    } else {
        out
    }
}

fn bare(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    out.extend(strip_article(w).chars().filter_map(folded_letter));
    out
}

impl NameKey {
    fn new(name: &str) -> NameKey {
        // The name's parts (capitalised or hyphenated words), counted in one pass with no list.
        let mut parts = name.split_whitespace().filter(|p| starts_upper(p) || p.contains('-'));
        let (mut first, mut last, mut count, mut short) = (name, name, 0, true);
        if let Some(p) = parts.next() {
            (first, last, count, short) = (p, p, 1, p.chars().count() <= 4);
        }
        for p in parts {
            (last, count) = (p, count + 1);
            short &= p.chars().count() <= 4;
        }
        // "Kim Jong Un", "Choe Son Hui": short three-part names put the family name first,
        // and so do "Kim Yong-hyun", "Lee Seong-kweun" (a given name with a lower-case syllable).
        let korean_given = |p: &str| p.split_once('-').is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase));
        let family_first = (count == 3 && short) || (count == 2 && korean_given(last));
        let (given, family) = if family_first { (last, first) } else { (first, last) };
        NameKey { first: skeleton(given), last: skeleton(family), parts: count, surname: bare(family) }
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
pub(super) struct Builder {
    drafts: Vec<Draft>,
    adjectives: Vec<(Span, usize)>,
    /// Draft by lexicon entry (keys from the fixed lexicon: the cheap hasher).
    by_entry: WordMap<usize, usize>,
    /// Draft by kind and lower-case name, for actors the lexicon does not know.
    by_name: HashMap<(ActorKind, String), usize>,
    /// People by the skeleton of their last name.
    by_last: HashMap<String, Vec<usize>>,
    /// Acronyms defined in the text, with their actor.
    acronyms: HashMap<String, usize>,
    /// The draft of each accepted candidate, in order.
    of_candidate: Vec<usize>,
    /// Titles found before names, by the byte where the name starts.
    roles: HashMap<usize, String>,
    last_person: Option<usize>,
    /// Per last-name skeleton, the person mentioned most recently.
    recent_by_last: HashMap<String, usize>,
}

impl Builder {
    /// A builder that gives known people the titles found before their names.
    pub(super) fn with_roles(roles: HashMap<usize, String>) -> Builder {
        Builder { roles, ..Builder::default() }
    }

    fn draft(&mut self, name: &str, kind: ActorKind, entry: Option<usize>) -> usize {
        // What makes two mentions the same actor: a lexicon entry, or a kind and a lower-case name.
        let name_key = match entry {
            Some(e) => {
                if let Some(&i) = self.by_entry.get(&e) {
                    return i;
                }
                None
            }
            None => {
                let key = (kind, lowercase(name));
                if let Some(&i) = self.by_name.get(&key) {
                    return i;
                }
                Some(key)
            }
        };
        let i = self.drafts.len();
        let person = (kind == ActorKind::Person).then(|| NameKey::new(name));
        if let Some(p) = &person {
            self.by_last.entry(p.last.clone()).or_default().push(i);
        }
        self.drafts.push(Draft { actor: FoundActor { name: name.to_string(), kind, role: None, mentions: Vec::new() }, entry, person });
        if let Some(e) = entry {
            self.by_entry.insert(e, i);
        }
        if let Some(key) = name_key {
            self.by_name.insert(key, i);
        }
        i
    }

    /// The person a name matches (same last-name skeleton, compatible first name).
    /// A lone surname goes to the person with that surname mentioned most recently
    /// ("Kim" after "Kim Jong Un ... Kim Yong-hyun" is the defence minister).
    fn matching_person(&self, key: &NameKey) -> Option<usize> {
        if key.parts == 1 {
            if let Some(&i) = self.recent_by_last.get(&key.last) {
                return Some(i);
            }
        }
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

    pub(super) fn add(&mut self, text: &str, c: &Candidate) {
        let i = match &c.source {
            Source::Lexicon(h) => {
                let e = &lexicon().entries[h.entry];
                let i = self.draft(e.name, e.kind, Some(h.entry));
                if self.drafts[i].actor.role.is_none() {
                    self.drafts[i].actor.role = self.roles.get(&c.span.start).cloned();
                }
                i
            }
            // "Macron told Tebboune" after "Abdelmadjid Tebboune": the surname of a person, not an outlet.
            Source::Org(ActorKind::Media, name) if !name.contains(' ') && self.matching_person(&NameKey::new(name)).is_some() => self.person(name),
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
            if let Some(k) = &self.drafts[i].person {
                self.recent_by_last.insert(k.last.clone(), i);
            }
        }
        self.drafts[i].actor.mentions.push(c.span);
    }

    /// "Popular Mobilization Forces (PMF)": the acronym names the actor just before it.
    /// `parentheses`: the tokens that open "(ACRONYM)" ([`super::acronyms_in_parentheses`]).
    pub(super) fn add_acronym_aliases(&mut self, doc: &Doc, parentheses: &[usize], accepted: &[Candidate]) {
        let (text, tokens) = (doc.text, &doc.tokens);
        for &i in parentheses {
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
    pub(super) fn add_short_forms(&mut self, ctx: &Context, runs: &[std::ops::Range<usize>]) {
        let text = ctx.text();
        let mut taken: Vec<Span> = Vec::with_capacity(self.drafts.iter().map(|d| d.actor.mentions.len()).sum::<usize>() + self.adjectives.len());
        taken.extend(self.drafts.iter().flat_map(|d| d.actor.mentions.iter().copied()).chain(self.adjectives.iter().map(|a| a.0)));
        crate::engine::sort::sort(&mut taken);
        // Units are asked in text order (runs and their units are), so the taken spans that start
        // before a unit's end are counted by a cursor that only moves forward, not by a search.
        let mut after = 0;
        let mut covered = |span: Span| {
            while taken.get(after).is_some_and(|t| t.start < span.end) {
                after += 1;
            }
            after.checked_sub(1).is_some_and(|i| taken[i].overlaps(&span))
        };
        let mut by_initials: HashMap<String, usize> = HashMap::new();
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        // Surnames of people named in full, for a sweep in text order: each lone surname
        // goes to the person with it named last before it (else the first named).
        let mut first_by_surname: HashMap<&str, usize> = HashMap::new();
        let mut named: Vec<(usize, usize)> = Vec::new();
        for (i, d) in self.drafts.iter().enumerate().filter(|(_, d)| !d.actor.mentions.is_empty()) {
            match (&d.person, d.actor.kind) {
                (Some(k), _) if k.parts > 1 => {
                    first_by_surname.entry(k.surname.as_str()).or_insert(i);
                    named.extend(d.actor.mentions.iter().map(|m| (m.start, i)));
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
        crate::engine::sort::sort(&mut named);
        let mut named = named.into_iter().peekable();
        let mut latest_by_surname: HashMap<&str, usize> = HashMap::new();
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
                while seg.first().is_some_and(|u| u.kind != UnitKind::Cap || u.stop) {
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
                        while let Some((_, d)) = named.next_if(|&(start, _)| start < span.start) {
                            if let Some(k) = &self.drafts[d].person {
                                latest_by_surname.insert(k.surname.as_str(), d);
                            }
                        }
                        // What `NameKey::new(form).surname` gives for one word, without the rest.
                        let surname = bare(form);
                        latest_by_surname.get(surname.as_str()).or_else(|| first_by_surname.get(surname.as_str())).copied()
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

    pub(super) fn finish(self) -> FoundActors {
        let mut order: Vec<usize> = (0..self.drafts.len()).collect();
        // Each draft's first mention found once, not at every comparison.
        let first: Vec<usize> = self.drafts.iter().map(|d| d.actor.mentions.iter().map(|m| m.start).min().unwrap_or(usize::MAX)).collect();
        crate::engine::sort::sort_by_key(&mut order, |&i| first[i]);
        let mut new_index = vec![0; self.drafts.len()];
        for (n, &i) in order.iter().enumerate() {
            new_index[i] = n;
        }
        let mut drafts: Vec<Option<Draft>> = self.drafts.into_iter().map(Some).collect();
        let mut actors = Vec::with_capacity(order.len());
        for i in order {
            if let Some(mut d) = drafts[i].take() {
                crate::engine::sort::sort(&mut d.actor.mentions);
                d.actor.mentions.dedup();
                actors.push(d.actor);
            }
        }
        let listed = actors.iter().take_while(|a| !a.mentions.is_empty()).count();
        let adjectives = self.adjectives.into_iter().map(|(s, i)| (s, new_index[i])).collect();
        FoundActors::new(actors, listed, adjectives)
    }
}

/// Initials of a name's capitalised words: "Middle East Eye" → "MEE".
fn initials(name: &str) -> String {
    name.split([' ', '-']).filter(|w| w.chars().next().is_some_and(char::is_uppercase) && *w != "The").filter_map(|w| w.chars().next()).collect()
}
