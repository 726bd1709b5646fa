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
    // Only the figures inside some claim are ever compared: only theirs are read.
    let mut totals = vec![false; figures.len()];
    for &f in drafts.iter().flat_map(|d| &d.figures) {
        if let (Some(total), Some(figure)) = (totals.get_mut(f), figures.get(f)) {
            *total = is_total(text, figure);
        }
    }
    // A claim with no event, number, figure, hedge or finished group can contest nothing
    // and be contested by nothing below: only the others are compared.
    let active: Vec<(usize, Traits)> = drafts.iter().map(|d| traits(d, figures, &totals)).enumerate().filter(|(_, t)| t.flags != 0).collect();
    let mut pairs = PairIndex::new(&active);
    let mut near: Vec<usize> = Vec::new();
    for (k, &(a, _)) in active.iter().enumerate() {
        // Claims further apart than any article's length are never compared: stays linear.
        let end = k + 1 + active[k + 1..].partition_point(|&(b, _)| b < a + WINDOW);
        pairs.candidates(k, k + 1..end, &mut near);
        for &b in near.iter().map(|&j| &active[j].0) {
            let (x, y) = (&drafts[a], &drafts[b]);
            let opposed = opposite_events(x, y) && !different_forces(x, y) && same_subject(x, y);
            let hit = ((opposed || finished_but_counted(x, y) || finished_but_counted(y, x) || figures_clash(x, y, figures, &totals)) && !same_source(x, y))
                || hedges(x, y)
                || hedges(y, x)
                || disputes_number(x, y)
                || disputes_number(y, x);
            if hit {
                link_both(drafts, a, b);
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

/// Links claims `a` and `b`, both ways.
fn link_both(drafts: &mut [Draft], a: usize, b: usize) {
    for (from, to) in [(a, b), (b, a)] {
        if let Some(d) = drafts.get_mut(from) {
            d.links.push(to);
        }
    }
}

/// The figure `i` if it sizes a whole force (`totals`, see [`is_total`]).
fn whole<'f>(figures: &'f [FoundFigure], totals: &[bool], i: usize) -> Option<&'f FoundFigure> {
    figures.get(i).filter(|_| totals.get(i) == Some(&true))
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
        .filter_map(|&i| whole(figures, totals, i))
        .filter(|f| f.kind == FigureKind::Force)
        .filter_map(|f| f.owner)
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

/// The claims (by position in the list of active claims) holding each bit of their
/// [`Traits`], so that a claim meets only those it [may contest](may_contest): most pairs
/// are never looked at, however many claims a long article makes.
struct PairIndex<'a> {
    /// The active claims and their traits.
    active: &'a [(usize, Traits)],
    /// One list of positions, ascending, per bucket (see the `*_AT` constants); none for
    /// an article with few claims, where comparing the bits of every pair is cheaper.
    buckets: Vec<Vec<usize>>,
    /// For each claim, the last claim whose candidates it was added to: found once each.
    seen: Vec<usize>,
}

/// From how many active claims the buckets of [`PairIndex`] pay for themselves.
const INDEXED_FROM: usize = 64;

/// Where the buckets of each trait start: one per event bit (events, hedged events), per
/// owner bit, per number bit (all claims, and the claims that dispute), then the claims
/// naming a finished group and those giving numbers.
const EVENTS_AT: usize = 0;
const HEDGED_AT: usize = 8;
const OWNERS_AT: usize = 16;
const NUMBERS_AT: usize = OWNERS_AT + 64;
const DISPUTED_NUMBERS_AT: usize = NUMBERS_AT + 64;
const FINISHED_AT: usize = DISPUTED_NUMBERS_AT + 64;
const GIVES_NUMBERS_AT: usize = FINISHED_AT + 1;
const BUCKETS: usize = GIVES_NUMBERS_AT + 1;

/// The positions of the set bits of `bits`, each offset by `at`.
fn bit_buckets(mut bits: u64, at: usize) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (bits != 0).then(|| {
            let i = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            at + i
        })
    })
}

impl<'a> PairIndex<'a> {
    fn new(active: &'a [(usize, Traits)]) -> Self {
        let mut buckets = Vec::new();
        if active.len() >= INDEXED_FROM {
            buckets = vec![Vec::new(); BUCKETS];
            for (k, (_, t)) in active.iter().enumerate() {
                for b in Self::held(t) {
                    if let Some(bucket) = buckets.get_mut(b) {
                        bucket.push(k);
                    }
                }
            }
        }
        let seen = vec![usize::MAX; if buckets.is_empty() { 0 } else { active.len() }];
        PairIndex { active, buckets, seen }
    }

    /// The buckets a claim with traits `t` is in.
    fn held(t: &Traits) -> impl Iterator<Item = usize> {
        let disputes = if t.flags & DISPUTES != 0 { t.numbers } else { 0 };
        bit_buckets(u64::from(t.events), EVENTS_AT)
            .chain(bit_buckets(u64::from(t.hedged), HEDGED_AT))
            .chain(bit_buckets(t.owners, OWNERS_AT))
            .chain(bit_buckets(t.numbers, NUMBERS_AT))
            .chain(bit_buckets(disputes, DISPUTED_NUMBERS_AT))
            .chain((t.flags & FINISHED != 0).then_some(FINISHED_AT))
            .chain((t.flags & NUMBERS != 0).then_some(GIVES_NUMBERS_AT))
    }

    /// The buckets whose claims a claim with traits `x` may contest (each rule of [`may_contest`] in turn).
    fn wanted(x: &Traits) -> impl Iterator<Item = usize> {
        let numbers_at = if x.flags & DISPUTES != 0 { NUMBERS_AT } else { DISPUTED_NUMBERS_AT };
        bit_buckets(u64::from(opposite(x.events)), EVENTS_AT)
            .chain(bit_buckets(x.owners, OWNERS_AT))
            .chain(bit_buckets(u64::from(x.hedged), EVENTS_AT))
            .chain(bit_buckets(u64::from(x.events), HEDGED_AT))
            .chain((x.flags & FINISHED != 0).then_some(GIVES_NUMBERS_AT))
            .chain((x.flags & NUMBERS != 0).then_some(FINISHED_AT))
            .chain(bit_buckets(x.numbers, numbers_at))
    }

    /// Into `out`, once each and in no particular order (a pair's outcome does not depend on
    /// the others'): the positions within `range` of the claims that the claim at `k` may contest.
    fn candidates(&mut self, k: usize, range: std::ops::Range<usize>, out: &mut Vec<usize>) {
        let x = self.active[k].1;
        out.clear();
        if self.buckets.is_empty() {
            out.extend(range.filter(|&j| self.active.get(j).is_some_and(|&(_, y)| may_contest(x, y))));
            return;
        }
        for b in Self::wanted(&x) {
            let Some(list) = self.buckets.get(b) else { continue };
            let from = list.partition_point(|&j| j < range.start);
            for &j in list.iter().skip(from).take_while(|&&j| j < range.end) {
                if let Some(seen) = self.seen.get_mut(j).filter(|seen| **seen != k) {
                    *seen = k;
                    out.push(j);
                }
            }
        }
    }
}

/// Whether two claims with these traits can meet in any rule of [`link`]: cheap, so that
/// most pairs are never compared in full; [`PairIndex`] answers it for many pairs at once.
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
        let Some(denial) = drafts.get(d).filter(|x| !x.denied_topics.is_empty()) else { continue };
        let shared = |t: &Draft| denial.denied_topics.iter().filter(|(x, _)| is_about(t, x)).count();
        // Another claim, not a denial, from another source.
        let other = |t: usize| drafts.get(t).filter(|o| t != d && o.stance != Some(Stance::Denied) && !same_source(denial, o));
        // Before the denial, else (a lead that denies a report described next) just after it.
        let nearest = (d.saturating_sub(6)..d).rev().chain(d + 1..n.min(d + 3)).find(|&t| other(t).is_some_and(|o| shared(o) >= 1));
        // Three shared names need three names on each side.
        let strong: Vec<usize> = if denial.denied_topics.len() < 3 {
            Vec::new()
        } else {
            (d.saturating_sub(WINDOW)..n.min(d + WINDOW)).filter(|&t| other(t).is_some_and(|o| o.topics.len() >= 3 && shared(o) >= 3)).collect()
        };
        for t in nearest.into_iter().chain(strong) {
            link_both(drafts, d, t);
        }
    }
}

/// A denial of a claim named only by a noun ("Rwanda denied the allegations", "dismissed
/// the accusation as fantasy") answers a claim just before it from another side: the
/// nearest that names the denier, else the nearest.
fn link_denials_of_previous(drafts: &mut [Draft]) {
    for d in 0..drafts.len() {
        let Some(denial) = drafts.get(d).filter(|x| x.denies_previous) else { continue };
        let denier = denial.source.map(Topic::Actor);
        let candidates: Vec<usize> = (d.saturating_sub(4)..d).rev().filter(|&t| drafts.get(t).is_some_and(|o| o.stance != Some(Stance::Denied) && !same_source(denial, o))).collect();
        let naming = candidates.iter().copied().find(|&t| denier.as_ref().is_some_and(|a| drafts.get(t).is_some_and(|o| is_about(o, a))));
        // "rejected the accusation" answers the accusation: "Yerevan accused the peacekeepers of ...".
        let accusation = candidates.iter().copied().find(|&t| drafts.get(t).is_some_and(|o| o.cue.starts_with("accus") || o.cue.starts_with("alleg")));
        if let Some(t) = accusation.or(naming).or(candidates.first().copied()) {
            // "Ali said ... troops massing. "We are seeing a buildup," Ali told ...": one statement over two sentences.
            let source = drafts.get(t).and_then(|o| o.source);
            let same = |u: usize| candidates.contains(&u) && source.is_some() && drafts.get(u).is_some_and(|o| o.source == source);
            let (mut first, mut last) = (t, t);
            while first > 0 && same(first - 1) {
                first -= 1;
            }
            while same(last + 1) {
                last += 1;
            }
            for u in first..=last {
                link_both(drafts, d, u);
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
            if !restates || x.links.iter().take(before[a]).any(|&l| l == b) {
                continue;
            }
            for (to, from) in [(b, a), (a, b)] {
                for i in 0..before[from] {
                    let Some(&t) = drafts.get(from).and_then(|f| f.links.get(i)) else { break };
                    if t != a && t != b {
                        link_both(drafts, to, t);
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
    // Every increment word starts with one of "aefm" and is 4 to 10 letters long.
    let is_increment = |x: &[u8]| {
        (4..=10).contains(&x.len())
            && matches!(x[0] | 0x20, b'a' | b'e' | b'f' | b'm')
            && ["more", "additional", "extra", "another", "fresh", "further"].iter().any(|w| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    // Words split at every char that is not a letter (bytes suffice for ASCII text).
    let has_increment = |s: &str| {
        if s.is_ascii() {
            let bytes = s.as_bytes();
            let mut start = 0;
            for (i, b) in bytes.iter().enumerate() {
                if !b.is_ascii_alphabetic() {
                    if is_increment(&bytes[start..i]) {
                        return true;
                    }
                    start = i + 1;
                }
            }
            is_increment(&bytes[start..])
        } else {
            s.split(|c: char| !c.is_alphabetic()).any(|x| is_increment(x.as_bytes()))
        }
    };
    let increment = has_increment(inside) || has_increment(before);
    let part = after.starts_with(" of them") || after.starts_with(" of whom") || after.starts_with(" of those");
    let (last, previous) = if before.is_ascii() {
        // The word ending at or before byte `end`, and where it starts.
        let word_before = |end: usize| {
            let bytes = &before.as_bytes()[..end];
            let end = bytes.iter().rposition(u8::is_ascii_alphabetic).map_or(0, |k| k + 1);
            let start = bytes[..end].iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |k| k + 1);
            (before.get(start..end).unwrap_or(""), start)
        };
        let (last, start) = word_before(before.len());
        (last, word_before(start).0)
    } else {
        let mut words = before.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).rev();
        (words.next().unwrap_or(""), words.next().unwrap_or(""))
    };
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
    x.figures.iter().filter_map(|&i| whole(figures, totals, i)).any(|f| {
        y.figures.iter().filter_map(|&j| whole(figures, totals, j)).any(|g| {
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
    fn the_pair_index_finds_exactly_the_pairs_that_may_contest() {
        // Traits from a fixed pseudo-random sequence, with few bits each so that pairs both meet and miss.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let active: Vec<(usize, Traits)> = (0..INDEXED_FROM.max(300))
            .map(|i| {
                let (a, b, c) = (next(), next(), next());
                let flags = (a as u8 & 0x3F) | 1;
                let traits = Traits { flags, events: (b & c) as u8, hedged: (b >> 8 & c >> 8 & a >> 8) as u8, owners: a & b & c, numbers: (a >> 3) & (b >> 5) & (c >> 7) };
                (i, traits)
            })
            .collect();
        let mut pairs = PairIndex::new(&active);
        let mut found = Vec::new();
        for k in 0..active.len() {
            let range = k + 1..(k + 40).min(active.len());
            pairs.candidates(k, range.clone(), &mut found);
            found.sort_unstable();
            let expected: Vec<usize> = range.filter(|&j| may_contest(active[k].1, active[j].1)).collect();
            assert_eq!(found, expected, "claim {k}");
        }
    }

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
