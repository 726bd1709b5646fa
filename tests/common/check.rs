//! What every engine result must satisfy, whatever the input: offsets valid in the
//! caller's unit and on character boundaries, `text` equal to the slice, items in text
//! order, ids and links consistent, bounds ordered. Returns the violations found.

#![allow(dead_code)] // each includer uses a different part

use muster::{Annotations, OffsetUnit};
use std::collections::{HashMap, HashSet};

/// Every char boundary of `text` as `(offset in unit, byte offset)`, in order, end included.
pub fn boundaries(text: &str, unit: OffsetUnit) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut counted = 0;
    for (byte, ch) in text.char_indices() {
        out.push((counted, byte));
        counted += match unit {
            OffsetUnit::CodePoint => 1,
            OffsetUnit::Utf16 => ch.len_utf16(),
            OffsetUnit::Byte => ch.len_utf8(),
        };
    }
    out.push((counted, text.len()));
    out
}

/// The byte offset of a unit offset, if it falls on a char boundary.
pub fn to_byte(bounds: &[(usize, usize)], offset: usize) -> Option<usize> {
    bounds.binary_search_by_key(&offset, |&(u, _)| u).ok().map(|i| bounds[i].1)
}

/// One highlighted span of a result, named for messages.
struct Item<'a> {
    what: String,
    start: usize,
    end: usize,
    text: &'a str,
}

fn items(out: &Annotations) -> Vec<Item<'_>> {
    let mut v = Vec::new();
    for f in &out.figures {
        v.push(Item { what: format!("figure {}", f.id), start: f.start, end: f.end, text: &f.text });
    }
    for a in &out.actors {
        for (i, m) in a.mentions.iter().enumerate() {
            v.push(Item { what: format!("mention {} of {}", i, a.id), start: m.start, end: m.end, text: &m.text });
        }
    }
    for c in &out.claims {
        v.push(Item { what: format!("claim {}", c.id), start: c.start, end: c.end, text: &c.text });
    }
    v
}

/// Byte spans of every item of `out` (same order as the result lists them), or the problems.
pub fn byte_spans(text: &str, unit: OffsetUnit, out: &Annotations) -> Result<Vec<(usize, usize)>, Vec<String>> {
    let bounds = boundaries(text, unit);
    let mut spans = Vec::new();
    let mut problems = Vec::new();
    for item in items(out) {
        match (to_byte(&bounds, item.start), to_byte(&bounds, item.end)) {
            (Some(s), Some(e)) if s < e => {
                if &text[s..e] != item.text {
                    problems.push(format!("{}: text {:?} != slice {:?} at [{}, {})", item.what, item.text, &text[s..e], item.start, item.end));
                }
                spans.push((s, e));
            }
            (Some(_), Some(_)) => problems.push(format!("{}: empty or reversed span [{}, {})", item.what, item.start, item.end)),
            _ => problems.push(format!("{}: [{}, {}) is off a char boundary or past the end ({:?} units)", item.what, item.start, item.end, unit)),
        }
    }
    if problems.is_empty() {
        Ok(spans)
    } else {
        Err(problems)
    }
}

fn sorted_by_start(spans: impl Iterator<Item = (usize, usize)>) -> bool {
    let v: Vec<_> = spans.collect();
    v.windows(2).all(|w| w[0] <= w[1])
}

/// Every structural rule of a result; empty when all hold.
pub fn problems(text: &str, unit: OffsetUnit, out: &Annotations) -> Vec<String> {
    let mut p = match byte_spans(text, unit, out) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    };
    // Edges: a highlight never begins or ends with white space.
    for item in items(out) {
        if item.text.trim() != item.text {
            p.push(format!("{}: {:?} has white space at an edge", item.what, item.text));
        }
    }
    // Order and overlap.
    if !sorted_by_start(out.figures.iter().map(|f| (f.start, f.end))) {
        p.push("figures are not in text order".into());
    }
    if out.figures.windows(2).any(|w| w[0].end > w[1].start) {
        p.push("two figures overlap".into());
    }
    if !sorted_by_start(out.claims.iter().map(|c| (c.start, c.end))) {
        p.push("claims are not in text order".into());
    }
    // Claims either nest or stand apart: sweep them by start, longest first, with a stack of open ends.
    let mut claims: Vec<(usize, std::cmp::Reverse<usize>, &str)> = out.claims.iter().map(|c| (c.start, std::cmp::Reverse(c.end), c.id.as_str())).collect();
    claims.sort();
    let mut open: Vec<(usize, &str)> = Vec::new();
    for (start, std::cmp::Reverse(end), id) in claims {
        while open.last().is_some_and(|&(e, _)| e <= start) {
            open.pop();
        }
        if let Some(&(outer_end, outer)) = open.last() {
            if end > outer_end {
                p.push(format!("claims {outer} and {id} overlap without nesting"));
            }
        }
        open.push((end, id));
    }
    let mut mentions: Vec<(usize, usize, &str)> = Vec::new();
    for a in &out.actors {
        // Actors known only from an adjective ("Ukrainian soldiers") are listed without mentions
        // when a figure or claim refers to them; any other actor must have one.
        let referenced = out.figures.iter().any(|f| f.owner.as_deref() == Some(&a.id)) || out.claims.iter().any(|c| c.source.as_deref() == Some(&a.id));
        if a.mentions.is_empty() && !referenced {
            p.push(format!("actor {} has no mention", a.id));
        }
        if !sorted_by_start(a.mentions.iter().map(|m| (m.start, m.end))) {
            p.push(format!("mentions of {} are not in text order", a.id));
        }
        mentions.extend(a.mentions.iter().map(|m| (m.start, m.end, a.id.as_str())));
    }
    let firsts: Vec<usize> = out.actors.iter().filter_map(|a| a.mentions.first().map(|m| m.start)).collect();
    if firsts.windows(2).any(|w| w[0] > w[1]) {
        p.push("actors are not listed in order of first mention".into());
    }
    mentions.sort();
    for w in mentions.windows(2) {
        if w[0].1 > w[1].0 {
            p.push(format!("mentions of {} and {} overlap", w[0].2, w[1].2));
        }
    }
    // Ids and links.
    let ids_ok = |prefix: &str, ids: Vec<&str>| ids.iter().enumerate().all(|(i, id)| *id == format!("{prefix}{}", i + 1));
    if !ids_ok("f", out.figures.iter().map(|f| f.id.as_str()).collect()) {
        p.push("figure ids are not f1, f2, …".into());
    }
    if !ids_ok("a", out.actors.iter().map(|a| a.id.as_str()).collect()) {
        p.push("actor ids are not a1, a2, …".into());
    }
    if !ids_ok("c", out.claims.iter().map(|c| c.id.as_str()).collect()) {
        p.push("claim ids are not c1, c2, …".into());
    }
    let actor_ids: HashSet<&str> = out.actors.iter().map(|a| a.id.as_str()).collect();
    let actor = |id: &Option<String>| id.as_deref().is_none_or(|id| actor_ids.contains(id));
    let claims_by_id: HashMap<&str, &muster::Claim> = out.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for f in &out.figures {
        if !actor(&f.owner) {
            p.push(format!("figure {}: owner {:?} is not an actor", f.id, f.owner));
        }
        if let (Some(lo), Some(hi)) = (f.min, f.max) {
            if lo > hi || f.value.is_some_and(|v| v < lo || v > hi) {
                p.push(format!("figure {}: value {:?} outside [{lo}, {hi}]", f.id, f.value));
            }
        }
    }
    for c in &out.claims {
        if !actor(&c.source) {
            p.push(format!("claim {}: source {:?} is not an actor", c.id, c.source));
        }
        if !c.contested_by.is_empty() && !c.contested {
            p.push(format!("claim {}: contested_by is set but contested is false", c.id));
        }
        for by in &c.contested_by {
            match claims_by_id.get(by.as_str()) {
                None => p.push(format!("claim {}: contested_by {by} is not a claim", c.id)),
                Some(d) if d.id == c.id => p.push(format!("claim {} contests itself", c.id)),
                Some(d) if !d.contested_by.contains(&c.id) => p.push(format!("claim {}: link to {by} is one-way", c.id)),
                _ => {}
            }
        }
    }
    p
}

/// Whether `c` visibly attaches to the char before it (a reader sees one character, not two):
/// combining marks, variation selectors, emoji skin tones. (An invisible joiner left outside
/// a highlight changes nothing a reader sees, so it is not counted.)
pub fn attaches_to_previous(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0100}'..='\u{E01EF}')
}

/// Highlights whose start or end cuts a combining mark, joiner or variation selector off its base.
pub fn split_clusters(text: &str, unit: OffsetUnit, out: &Annotations) -> Vec<String> {
    let Ok(spans) = byte_spans(text, unit, out) else { return vec!["invalid spans".into()] };
    // After a control character (a line break) a mark starts a character of its own (UAX #29, GB4).
    let cuts = |b: usize| {
        text[b..].chars().next().is_some_and(attaches_to_previous)
            && text[..b].chars().next_back().is_some_and(|c| !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}'))
    };
    spans
        .into_iter()
        .filter(|&(s, e)| cuts(s) || cuts(e))
        .map(|(s, e)| format!("highlight {:?} at bytes [{s}, {e}) splits a character", &text[s..e]))
        .collect()
}
