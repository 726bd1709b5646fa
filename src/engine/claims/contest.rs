//! Which claims contest which: opposite events from different sources, a hedge on
//! an event another claim reports, a figure the other side disputes, a group one
//! source calls finished that another counts fighters for.

use super::{Draft, Topic};
use crate::engine::figures::FoundFigure;
use crate::engine::ledger::incompatible;
use crate::engine::schema::{FigureKind, Stance};

/// How many following claims each claim is compared with.
const WINDOW: usize = 200;
/// How far apart a claim and its restatement (a headline and its lead) may stand.
const RESTATEMENT_WINDOW: usize = 6;

/// Links every contesting pair of `drafts` (in the article `text`) both ways.
pub(super) fn link(drafts: &mut [Draft], figures: &[FoundFigure], text: &str) {
    let n = drafts.len();
    let totals: Vec<bool> = figures.iter().map(|f| is_total(text, f)).collect();
    // A claim with no event, number, figure, hedge or finished group can contest nothing
    // and be contested by nothing below: only the others are compared.
    let active: Vec<usize> = (0..n)
        .filter(|&i| {
            let d = &drafts[i];
            !d.events.is_empty() || !d.numbers.is_empty() || !d.figures.is_empty() || !d.hedged_events.is_empty() || d.finished_group.is_some()
        })
        .collect();
    for (k, &a) in active.iter().enumerate() {
        // Claims further apart than any article's length are never compared: stays linear.
        for &b in active[k + 1..].iter().take_while(|&&b| b < a + WINDOW) {
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

/// A denial of something claim-like ("dismissed reports that North Korean troops ...")
/// contests the claims that name what it denies: the nearest earlier claim from another
/// source sharing a name (else the nearest of the next two), and any claim sharing three names.
fn link_denials_by_names(drafts: &mut [Draft]) {
    let n = drafts.len();
    for d in 0..n {
        if drafts[d].denied_topics.is_empty() {
            continue;
        }
        let shared = |t: &Draft| drafts[d].denied_topics.iter().filter(|x| t.topics.contains(x)).count();
        let candidate = |t: usize| t != d && drafts[t].stance != Some(Stance::Denied) && !same_source(&drafts[d], &drafts[t]);
        // Before the denial, else (a lead that denies a report described next) just after it.
        let nearest = (d.saturating_sub(6)..d).rev().chain(d + 1..n.min(d + 3)).find(|&t| candidate(t) && shared(&drafts[t]) >= 1);
        let strong: Vec<usize> = (d.saturating_sub(WINDOW)..n.min(d + WINDOW)).filter(|&t| candidate(t) && shared(&drafts[t]) >= 3).collect();
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
        let naming = candidates.iter().copied().find(|&t| denier.as_ref().is_some_and(|a| drafts[t].topics.contains(a)));
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
    // Links as they were before this pass, so that shared links do not snowball.
    let before: Vec<Vec<usize>> = drafts.iter().map(|d| d.links.clone()).collect();
    for a in 0..n {
        for b in a + 1..n.min(a + RESTATEMENT_WINDOW) {
            let (x, y) = (&drafts[a], &drafts[b]);
            let restates = !x.events.is_empty() && x.events == y.events && x.numbers.iter().any(|v| y.numbers.contains(v));
            if !restates || before[a].contains(&b) {
                continue;
            }
            for (to, from) in [(b, &before[a]), (a, &before[b])] {
                for &t in from.iter().filter(|&&t| t != a && t != b) {
                    drafts[to].links.push(t);
                    drafts[t].links.push(to);
                }
            }
        }
    }
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
    let inside = f.span.of(text).to_ascii_lowercase();
    let before = text.get(f.span.start.saturating_sub(16)..f.span.start).unwrap_or("").to_ascii_lowercase();
    let after = text.get(f.span.end..).unwrap_or("");
    let increment = ["more", "additional", "extra", "another", "fresh", "further"].iter().any(|w| inside.split(|c: char| !c.is_alphabetic()).any(|x| x == *w) || before.split(|c: char| !c.is_alphabetic()).any(|x| x == *w));
    let part = after.starts_with(" of them") || after.starts_with(" of whom") || after.starts_with(" of those");
    let mut words = before.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).rev();
    let (last, previous) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let unit = last == "of" && matches!(previous, "brigade" | "battalion" | "regiment" | "division" | "company" | "detachment" | "unit");
    let change = last == "from"
        || (last == "to" && matches!(previous, "rose" | "risen" | "grew" | "grown" | "increased" | "climbed" | "fell" | "fallen" | "dropped" | "declined" | "shrank" | "reduced" | "cut"));
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
    x.finished_group.as_ref().is_some_and(|g| !y.numbers.is_empty() && y.topics.contains(g))
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
