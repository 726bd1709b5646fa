//! Which claims contest which: opposite events from different sources, a hedge on
//! an event another claim reports, a figure the other side disputes, a group one
//! source calls finished that another counts fighters for.

use super::{Draft, Polar, Topic};
use crate::engine::figures::FoundFigure;
use crate::engine::ledger::incompatible;
use crate::engine::schema::{FigureKind, Stance};

/// How many following claims each claim is compared with.
const WINDOW: usize = 200;
/// How far apart a claim and its restatement (a headline and its lead) may stand.
const RESTATEMENT_WINDOW: usize = 6;

/// Links every contesting pair of `drafts` (in the article `text`) both ways.
pub(super) fn link(drafts: &mut [Draft], figures: &[FoundFigure], text: &str) {
    let totals: Vec<bool> = figures.iter().map(|f| is_total(text, f)).collect();
    // A claim with no event, number, figure, hedge or finished group can contest nothing
    // and be contested by nothing below: only the others are compared.
    let active: Vec<(usize, Traits)> = drafts.iter().map(|d| traits(d, figures, &totals)).enumerate().filter(|(_, t)| t.flags != 0).collect();
    for (k, &(a, ta)) in active.iter().enumerate() {
        // Claims further apart than any article's length are never compared: stays linear.
        let near = &active[k + 1..];
        let near = &near[..near.partition_point(|&(b, _)| b < a + WINDOW)];
        for &(b, _) in near.iter().filter(|(_, tb)| may_contest(ta, *tb)) {
            let (x, y) = (&drafts[a], &drafts[b]);
            let opposed = opposite_events(x, y) && !different_forces(x, y) && same_subject(x, y);
            let hit = ((opposed || finished_but_counted(x, y) || finished_but_counted(y, x) || figures_clash(x, y, figures, &totals)) && !same_source(x, y))
                || hedges(x, y)
                || hedges(y, x)
                || disputes_number(x, y)
                || disputes_number(y, x);
            if hit {
                drafts[a].links.push(b);
                drafts[b].links.push(a);
            }
        }
    }
    link_denials_by_names(drafts);
    link_denials_of_previous(drafts);
    share_with_restatements(drafts);
    for d in drafts.iter_mut() {
        crate::engine::sort::sort(&mut d.links);
        d.links.dedup();
    }
}

/// Bits of [`Traits::flags`]: what a claim has that a contest rule compares.
const EVENTS: u8 = 1;
const NUMBERS: u8 = 1 << 1;
const FIGURES: u8 = 1 << 2;
const HEDGED_EVENTS: u8 = 1 << 3;
const FINISHED: u8 = 1 << 4;
/// It hedges or denies on its own, and gives numbers (see [`disputes_number`]).
const DISPUTES: u8 = 1 << 5;

/// What a claim has that the rules of [`link`] compare, in a few bits.
#[derive(Clone, Copy)]
struct Traits {
    /// Bits such as [`EVENTS`] (0: it takes part in no rule).
    flags: u8,
    /// Its events (see [`event_bits`]).
    events: u8,
    /// Its hedged events.
    hedged: u8,
    /// The owners of the whole forces its figures size, as a set of hashed bits (see [`bit_of`]).
    owners: u64,
    /// Its troop numbers, as a set of hashed bits.
    numbers: u64,
}

/// One bit for `value` in a 64-bit set: two values that share no bit differ.
fn bit_of(value: u64) -> u64 {
    1 << (value.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

/// The traits of `d`, whose figures are `figures` (each a whole force or not, `totals`).
fn traits(d: &Draft, figures: &[FoundFigure], totals: &[bool]) -> Traits {
    let mut flags = 0;
    for (has, bit) in [
        (!d.events.is_empty(), EVENTS),
        (!d.numbers.is_empty(), NUMBERS),
        (!d.figures.is_empty(), FIGURES),
        (!d.hedged_events.is_empty(), HEDGED_EVENTS),
        (d.finished_group.is_some(), FINISHED),
        (d.contested_alone && matches!(d.stance, Some(Stance::Hedged | Stance::Denied)) && !d.numbers.is_empty(), DISPUTES),
    ] {
        if has {
            flags |= bit;
        }
    }
    let owners = d
        .figures
        .iter()
        .filter(|&&i| totals[i] && figures[i].kind == FigureKind::Force)
        .filter_map(|&i| figures[i].owner)
        .fold(0, |set, owner| set | bit_of(owner as u64));
    let numbers = d.numbers.iter().fold(0, |set, &v| set | bit_of(v));
    Traits { flags, events: event_bits(&d.events), hedged: event_bits(&d.hedged_events), owners, numbers }
}

/// Events as bits, one per event and polarity (room for four kinds of [`super::cues::Event`]).
fn event_bits(events: &[Polar]) -> u8 {
    events.iter().fold(0, |bits, &(event, positive)| bits | 1 << (2 * event as u8 + u8::from(positive)))
}

/// Event bits with every polarity turned over.
fn opposite(bits: u8) -> u8 {
    (bits & 0x55) << 1 | (bits >> 1) & 0x55
}

/// Whether two claims with these traits can meet in any rule of [`link`]: cheap, so that
/// most pairs are never compared in full.
#[inline]
fn may_contest(x: Traits, y: Traits) -> bool {
    let either = |a: u8, b: u8| x.flags & a != 0 && y.flags & b != 0 || y.flags & a != 0 && x.flags & b != 0;
    x.events & opposite(y.events) != 0
        || x.owners & y.owners != 0
        || x.hedged & y.events != 0
        || y.hedged & x.events != 0
        || either(FINISHED, NUMBERS)
        || (x.flags | y.flags) & DISPUTES != 0 && x.numbers & y.numbers != 0
}

/// A denial of something claim-like ("dismissed reports that North Korean troops ...")
/// contests the claims that name what it denies: the nearest earlier claim from another
/// source sharing a name (else the nearest of the next two), and any claim sharing three names.
fn link_denials_by_names(drafts: &mut [Draft]) {
    let n = drafts.len();
    for d in 0..n {
        if drafts[d].denied_topics.is_empty() {
            continue;
        }
        let shared = |t: &Draft| drafts[d].denied_topics.iter().filter(|(x, _)| is_about(t, x)).count();
        let candidate = |t: usize| t != d && drafts[t].stance != Some(Stance::Denied) && !same_source(&drafts[d], &drafts[t]);
        // Before the denial, else (a lead that denies a report described next) just after it.
        let nearest = (d.saturating_sub(6)..d).rev().chain(d + 1..n.min(d + 3)).find(|&t| candidate(t) && shared(&drafts[t]) >= 1);
        // Three shared names need three names on each side.
        let strong: Vec<usize> = if drafts[d].denied_topics.len() < 3 {
            Vec::new()
        } else {
            (d.saturating_sub(WINDOW)..n.min(d + WINDOW)).filter(|&t| drafts[t].topics.len() >= 3 && candidate(t) && shared(&drafts[t]) >= 3).collect()
        };
        for t in nearest.into_iter().chain(strong) {
            drafts[d].links.push(t);
            drafts[t].links.push(d);
        }
    }
}

/// A denial of a claim named only by a noun ("Rwanda denied the allegations", "dismissed
/// the accusation as fantasy") answers a claim just before it from another side: the
/// nearest that names the denier, else the nearest.
fn link_denials_of_previous(drafts: &mut [Draft]) {
    for d in 0..drafts.len() {
        if !drafts[d].denies_previous {
            continue;
        }
        let denier = drafts[d].source.map(Topic::Actor);
        let candidates: Vec<usize> = (d.saturating_sub(4)..d).rev().filter(|&t| drafts[t].stance != Some(Stance::Denied) && !same_source(&drafts[d], &drafts[t])).collect();
        let naming = candidates.iter().copied().find(|&t| denier.as_ref().is_some_and(|a| is_about(&drafts[t], a)));
        // "rejected the accusation" answers the accusation: "Yerevan accused the peacekeepers of ...".
        let accusation = candidates.iter().copied().find(|&t| drafts[t].cue.starts_with("accus") || drafts[t].cue.starts_with("alleg"));
        if let Some(t) = accusation.or(naming).or(candidates.first().copied()) {
            // "Ali said ... troops massing. "We are seeing a buildup," Ali told ...": one statement over two sentences.
            let same = |u: usize| candidates.contains(&u) && drafts[t].source.is_some() && drafts[u].source == drafts[t].source;
            let (mut first, mut last) = (t, t);
            while first > 0 && same(first - 1) {
                first -= 1;
            }
            while same(last + 1) {
                last += 1;
            }
            for u in first..=last {
                drafts[d].links.push(u);
                drafts[u].links.push(d);
            }
        }
    }
}

/// A claim that restates one just before it (the same troop number, the same events: a
/// headline and its lead) is contested by whatever contests the other.
fn share_with_restatements(drafts: &mut [Draft]) {
    let n = drafts.len();
    // Links as they were before this pass, so that shared links do not snowball: this pass
    // only appends, so they are the first `before[i]` links of each claim.
    let before: Vec<usize> = drafts.iter().map(|d| d.links.len()).collect();
    for a in 0..n {
        for b in a + 1..n.min(a + RESTATEMENT_WINDOW) {
            let (x, y) = (&drafts[a], &drafts[b]);
            let restates = !x.events.is_empty() && x.events == y.events && x.numbers.iter().any(|v| y.numbers.contains(v));
            if !restates || x.links[..before[a]].contains(&b) {
                continue;
            }
            for (to, from) in [(b, a), (a, b)] {
                for i in 0..before[from] {
                    let t = drafts[from].links[i];
                    if t != a && t != b {
                        drafts[to].links.push(t);
                        drafts[t].links.push(to);
                    }
                }
            }
        }
    }
}

/// Whether `topic` is among the topics of `d`.
fn is_about(d: &Draft, topic: &Topic) -> bool {
    d.topics.iter().any(|(t, _)| t == topic)
}

/// Whether two claims with opposite events speak of the same thing: their content
/// (without the sources' words) shares a name that at least one of them names outright
/// (two "Congolese" adjectives are not enough), or one speaks of the other's source
/// ("French forces would leave" / "Paris said its troops would remain"), or one of them
/// names nothing at all, or speaks of a force named before ("the reinforcements").
fn same_subject(x: &Draft, y: &Draft) -> bool {
    if x.anaphoric || y.anaphoric {
        return true;
    }
    let names = |d: &Draft| d.subject.iter().filter(|(t, _)| *t != Topic::Troops).count();
    let shared = x.subject.iter().any(|(t, named)| *t != Topic::Troops && y.subject.iter().any(|(u, other)| u == t && (*named || *other)));
    let about_source = |d: &Draft, s: &Draft| s.source.is_some_and(|a| d.subject.iter().any(|(t, _)| *t == Topic::Actor(a)));
    shared || about_source(x, y) || about_source(y, x) || names(x) == 0 || names(y) == 0
}

/// Whether a figure sizes a whole force, not an increment ("3,000 more troops",
/// "another 2,000"), a part ("4,000 of them", "a brigade of 4,800") or one end of a
/// change over time ("rose to 30,000 from 12,000").
fn is_total(text: &str, f: &FoundFigure) -> bool {
    let inside = f.span.of(text);
    let before = text.get(f.span.start.saturating_sub(16)..f.span.start).unwrap_or("");
    let after = text.get(f.span.end..).unwrap_or("");
    let is_increment = |x: &[u8]| (4..=10).contains(&x.len()) && ["more", "additional", "extra", "another", "fresh", "further"].iter().any(|w| x.eq_ignore_ascii_case(w.as_bytes()));
    // Words split at every char that is not a letter (bytes suffice for ASCII text).
    let has_increment = |s: &str| {
        if s.is_ascii() {
            s.as_bytes().split(|b| !b.is_ascii_alphabetic()).any(is_increment)
        } else {
            s.split(|c: char| !c.is_alphabetic()).any(|x| is_increment(x.as_bytes()))
        }
    };
    let increment = has_increment(inside) || has_increment(before);
    let part = after.starts_with(" of them") || after.starts_with(" of whom") || after.starts_with(" of those");
    let mut words = before.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).rev();
    let (last, previous) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    // The text as written: words compared ignoring ASCII case.
    let one_of = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    let unit = one_of(last, &["of"]) && one_of(previous, &["brigade", "battalion", "regiment", "division", "company", "detachment", "unit"]);
    let change = one_of(last, &["from"])
        || (one_of(last, &["to"])
            && one_of(previous, &["rose", "risen", "grew", "grown", "increased", "climbed", "fell", "fallen", "dropped", "declined", "shrank", "reduced", "cut"]));
    !increment && !part && !unit && !change
}

/// Whether both claims come from the same source, or sources on one side, as far as can be told.
fn same_source(x: &Draft, y: &Draft) -> bool {
    let same = match (x.source, y.source) {
        (Some(a), Some(b)) => a == b,
        _ => matches!((&x.source_key, &y.source_key), (Some(a), Some(b)) if a == b),
    };
    same || matches!((&x.side, &y.side), (Some(a), Some(b)) if a == b)
}

/// One claim asserts an event the other denies ("deploying troops" / "no troops sent";
/// "will withdraw" / "troops will remain").
fn opposite_events(x: &Draft, y: &Draft) -> bool {
    x.events.iter().any(|&(e, p)| y.events.contains(&(e, !p)))
}

/// Both claims size forces, and no side is common to them: they speak of different forces.
fn different_forces(x: &Draft, y: &Draft) -> bool {
    !x.force_sides.is_empty() && !y.force_sides.is_empty() && !x.force_sides.iter().any(|o| y.force_sides.contains(o))
}

/// `h` hedges an event ("the alleged deployment") that `t` reports.
fn hedges(h: &Draft, t: &Draft) -> bool {
    h.hedged_events.iter().any(|e| t.events.contains(e))
}

/// `d` denies or hedges a troop number that `t` gives.
fn disputes_number(d: &Draft, t: &Draft) -> bool {
    let disputes = match d.stance {
        Some(Stance::Hedged) => true,
        Some(Stance::Denied) => !same_source(d, t),
        _ => false,
    };
    disputes && d.contested_alone && !different_forces(d, t) && d.numbers.iter().any(|v| t.numbers.contains(v))
}

/// `x` calls a group finished ("no longer a danger") and `y` counts its fighters.
fn finished_but_counted(x: &Draft, y: &Draft) -> bool {
    x.finished_group.as_ref().is_some_and(|g| !y.numbers.is_empty() && is_about(y, g))
}

/// Whether two optional attributes can describe the same thing (equal, or one unsaid).
fn agree<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Both claims size the same force (same owner; place and action the same or unsaid)
/// with bounds that cannot both hold.
fn figures_clash(x: &Draft, y: &Draft, figures: &[FoundFigure], totals: &[bool]) -> bool {
    x.figures.iter().filter(|&&i| totals[i]).any(|&i| {
        y.figures.iter().filter(|&&j| totals[j]).any(|&j| {
            let (f, g) = (&figures[i], &figures[j]);
            let same_force = f.kind == FigureKind::Force
                && g.kind == FigureKind::Force
                && f.owner.is_some()
                && f.owner == g.owner
                && agree(&f.location, &g.location)
                && agree(&f.action, &g.action);
            same_force && incompatible((f.value, f.min, f.max), (g.value, g.min, g.max))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::cues::Event;
    use super::*;

    #[test]
    fn opposite_turns_every_polarity_over() {
        for event in [Event::Deploy, Event::Withdraw] {
            let (yes, no) = (event_bits(&[(event, true)]), event_bits(&[(event, false)]));
            assert_ne!(yes, no);
            assert_eq!((opposite(yes), opposite(no)), (no, yes));
        }
        assert_eq!(event_bits(&[(Event::Deploy, true), (Event::Withdraw, false)]) & opposite(event_bits(&[(Event::Withdraw, true)])), event_bits(&[(Event::Withdraw, false)]));
    }
}
