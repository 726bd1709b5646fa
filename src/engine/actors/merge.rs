//! Merging mentions into actors: lexicon identity, transliteration-tolerant person
//! names, organisation names, and the later short forms (surnames, acronyms).

use super::runs::{starts_upper, UnitKind};
use super::scan::Context;
use super::{is_acronym, is_all_caps, words, Candidate, FoundActor, FoundActors, Source};
use crate::engine::lexicon::{lexicon, Form, Hit};
use crate::engine::schema::ActorKind;
use crate::engine::text::{lower, lowercase};
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

/// Appends `w`'s letters, lower-cased and without an Arabic article, to `out`: "al-Sudani" → "sudani".
/// (Into a buffer: the short forms reuse one for every lone word they look up.)
fn push_bare(w: &str, out: &mut String) {
    let w = strip_article(w);
    // Most words are ASCII letters only: copied at once and lowered in place, not char by char.
    if w.bytes().all(|b| b.is_ascii_alphabetic()) {
        let from = out.len();
        out.push_str(w);
        if let Some(copy) = out.get_mut(from..) {
            copy.make_ascii_lowercase();
        }
        return;
    }
    out.extend(w.chars().filter_map(folded_letter));
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
        let mut surname = String::with_capacity(family.len());
        push_bare(family, &mut surname);
        NameKey { first: skeleton(given), last: skeleton(family), parts: count, surname }
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
    /// The person drafted before this one with the same last-name skeleton.
    same_last: Option<usize>,
}

/// The one map type of the merge (words to drafts): each key and value type a map is compiled
/// for costs the wasm its own copy of the map's code.
type Index = HashMap<String, usize>;

/// Maps `key` to `value` unless it is mapped already (allocating only for a new key).
fn insert_first(map: &mut Index, key: &str, value: usize) {
    if !map.contains_key(key) {
        map.insert(key.to_string(), value);
    }
}

/// Maps `key` to `value`, in place of what it mapped to (allocating only for a new key).
fn insert_latest(map: &mut Index, key: &str, value: usize) {
    match map.get_mut(key) {
        Some(v) => *v = value,
        None => {
            map.insert(key.to_string(), value);
        }
    }
}

/// Assembles drafts; every lookup goes through a hash map so that long texts stay linear.
#[derive(Default)]
pub(super) struct Builder {
    drafts: Vec<Draft>,
    adjectives: Vec<(Span, usize)>,
    /// Draft by lexicon entry, indexed by entry.
    by_entry: Vec<Option<usize>>,
    /// Draft by lower-case name and kind ([`name_key`]), for actors the lexicon does not know.
    by_name: Index,
    /// By the skeleton of their last name, the person drafted last (the others through [`Draft::same_last`]).
    by_last: Index,
    /// Acronyms defined in the text, with their actor.
    acronyms: Index,
    /// The draft of each accepted candidate, in order.
    of_candidate: Vec<usize>,
    /// Titles found before names.
    roles: Roles,
    last_person: Option<usize>,
    /// Per last-name skeleton, the person mentioned most recently.
    recent_by_last: Index,
}

/// Titles found before names, by the byte where the name starts (sorted by it, for a binary search).
#[derive(Default)]
pub(super) struct Roles(Vec<(usize, String)>);

impl Roles {
    /// The titles, each with the byte where its name starts; of two at one byte, the first counts.
    pub(super) fn new(mut roles: Vec<(usize, String)>) -> Roles {
        crate::engine::sort::sort_by_key(&mut roles, |r| r.0);
        Roles(roles)
    }

    /// These titles and `more` (which count after them).
    pub(super) fn with(mut self, more: Vec<(usize, String)>) -> Roles {
        self.0.extend(more);
        Roles::new(self.0)
    }

    /// The title of the name that starts at byte `start`.
    pub(super) fn at(&self, start: usize) -> Option<&String> {
        self.0.get(self.0.partition_point(|r| r.0 < start)).filter(|r| r.0 == start).map(|r| &r.1)
    }
}

/// What tells actors the lexicon does not know apart: the lower-case name, then the kind.
fn name_key(name: &str, kind: ActorKind) -> String {
    let mut key = lowercase(name);
    key.push(char::from(kind as u8));
    key
}

impl Builder {
    /// A builder that gives known people the titles found before their names.
    pub(super) fn with_roles(roles: Roles) -> Builder {
        Builder { roles, ..Builder::default() }
    }

    /// The draft of the actor `name` (of `kind`, lexicon `entry`), made if new; `key` is the
    /// person's name key when the caller has made it already.
    fn draft(&mut self, name: &str, kind: ActorKind, entry: Option<usize>, key: Option<NameKey>) -> usize {
        // What makes two mentions the same actor: a lexicon entry, or a kind and a lower-case name.
        let name_key = match entry {
            Some(e) => {
                if let Some(&Some(i)) = self.by_entry.get(e) {
                    return i;
                }
                None
            }
            None => {
                let key = name_key(name, kind);
                if let Some(&i) = self.by_name.get(&key) {
                    return i;
                }
                Some(key)
            }
        };
        let i = self.drafts.len();
        let person = (kind == ActorKind::Person).then(|| key.unwrap_or_else(|| NameKey::new(name)));
        let same_last = person.as_ref().and_then(|p| self.by_last.insert(p.last.clone(), i));
        self.drafts.push(Draft { actor: FoundActor { name: name.to_string(), kind, role: None, mentions: Vec::new() }, entry, person, same_last });
        if let Some(e) = entry {
            if self.by_entry.len() <= e {
                self.by_entry.resize(e + 1, None);
            }
            if let Some(slot) = self.by_entry.get_mut(e) {
                *slot = Some(i);
            }
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
        // The first drafted of those that match: the chain runs from the last drafted back.
        let mut matching = None;
        let mut at = self.by_last.get(&key.last).copied();
        while let Some(d) = at.and_then(|i| self.drafts.get(i)) {
            if d.person.as_ref().is_some_and(|k| k.matches(key)) {
                matching = at;
            }
            at = d.same_last;
        }
        matching
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
            None => self.draft(name, ActorKind::Person, None, Some(key)),
        }
    }

    pub(super) fn add(&mut self, text: &str, c: &Candidate) {
        let i = match &c.source {
            Source::Lexicon(h) => {
                let e = &lexicon().entries[h.entry];
                let i = self.draft(e.name, e.kind, Some(h.entry), None);
                if self.drafts[i].actor.role.is_none() {
                    self.drafts[i].actor.role = self.roles.at(c.span.start).cloned();
                }
                i
            }
            // "Macron told Tebboune" after "Abdelmadjid Tebboune": the surname of a person, not an outlet.
            Source::Org(ActorKind::Media, name) if !name.contains(' ') && self.matching_person(&NameKey::new(name)).is_some() => self.person(name),
            Source::Org(kind, name) => self.draft(name, *kind, None, None),
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
                insert_latest(&mut self.recent_by_last, &k.last, i);
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
                insert_first(&mut self.acronyms, tokens[i + 1].text(text), d);
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
        let mut by_initials = Index::new();
        let mut by_name = Index::new();
        // Surnames of people named in full, for a sweep in text order: each lone surname
        // goes to the person with it named last before it (else the first named).
        let mut first_by_surname = Index::new();
        let mut named: Vec<(usize, usize)> = Vec::new();
        for (i, d) in self.drafts.iter().enumerate().filter(|(_, d)| !d.actor.mentions.is_empty()) {
            match (&d.person, d.actor.kind) {
                (Some(k), _) if k.parts > 1 => {
                    insert_first(&mut first_by_surname, &k.surname, i);
                    named.extend(d.actor.mentions.iter().map(|m| (m.start, i)));
                }
                (_, ActorKind::Person | ActorKind::State) => {}
                _ => {
                    by_initials.entry(initials(&d.actor.name)).or_insert(i);
                    if d.entry.is_none() {
                        insert_first(&mut by_name, &d.actor.name, i);
                    }
                }
            }
        }
        crate::engine::sort::sort(&mut named);
        let mut named = named.into_iter().peekable();
        let mut latest_by_surname = Index::new();
        let mut found: Vec<(Span, usize)> = Vec::new();
        // A lone word's bare form (see `NameKey::surname`), in one buffer for every word.
        let mut surname = String::new();
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
                                insert_latest(&mut latest_by_surname, &k.surname, d);
                            }
                        }
                        // What `NameKey::new(form).surname` gives for one word, without the rest.
                        surname.clear();
                        push_bare(form, &mut surname);
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
