//! Which claims contest which: opposite events from different sources, a hedge on
//! an event another claim reports, a figure the other side disputes, a group one
//! source calls finished that another counts fighters for.

use super::Draft;
use crate::engine::figures::FoundFigure;
use crate::engine::ledger::incompatible;
use crate::engine::schema::{FigureKind, Stance};

/// How many following claims each claim is compared with.
const WINDOW: usize = 200;

/// Links every contesting pair of `drafts` both ways.
pub(super) fn link(drafts: &mut [Draft], figures: &[FoundFigure]) {
    let n = drafts.len();
    for a in 0..n {
        // Claims further apart than any article's length are never compared: stays linear.
        for b in a + 1..n.min(a + WINDOW) {
            let (x, y) = (&drafts[a], &drafts[b]);
            let hit = (!same_source(x, y) && ((opposite_events(x, y) && !different_forces(x, y, figures)) || finished_but_counted(x, y) || finished_but_counted(y, x) || figures_clash(x, y, figures)))
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
    for d in drafts.iter_mut() {
        crate::engine::sort::sort(&mut d.links);
        d.links.dedup();
    }
}

/// A denial of something claim-like ("dismissed reports that North Korean troops ...")
/// contests the claims that name what it denies: the nearest earlier claim from another
/// source sharing a name, and any claim sharing three names.
fn link_denials_by_names(drafts: &mut [Draft]) {
    let n = drafts.len();
    for d in 0..n {
        if drafts[d].denied_topics.is_empty() {
            continue;
        }
        let shared = |t: &Draft| drafts[d].denied_topics.iter().filter(|x| t.topics.contains(x)).count();
        let candidate = |t: usize| t != d && drafts[t].stance != Some(Stance::Denied) && !same_source(&drafts[d], &drafts[t]);
        let nearest = (d.saturating_sub(6)..d).rev().find(|&t| candidate(t) && shared(&drafts[t]) >= 1);
        let strong: Vec<usize> = (d.saturating_sub(WINDOW)..n.min(d + WINDOW)).filter(|&t| candidate(t) && shared(&drafts[t]) >= 3).collect();
        for t in nearest.into_iter().chain(strong) {
            drafts[d].links.push(t);
            drafts[t].links.push(d);
        }
    }
}

/// Whether both claims come from the same source, as far as can be told.
fn same_source(x: &Draft, y: &Draft) -> bool {
    match (x.source, y.source) {
        (Some(a), Some(b)) => a == b,
        _ => matches!((&x.source_key, &y.source_key), (Some(a), Some(b)) if a == b),
    }
}

/// One claim asserts an event the other denies ("deploying troops" / "no troops sent";
/// "will withdraw" / "troops will remain").
fn opposite_events(x: &Draft, y: &Draft) -> bool {
    x.events.iter().any(|&(e, p)| y.events.contains(&(e, !p)))
}

/// Both claims size forces, and no owner is common to them: they speak of different forces.
fn different_forces(x: &Draft, y: &Draft, figures: &[FoundFigure]) -> bool {
    let owners = |d: &Draft| d.figures.iter().filter_map(|&f| figures[f].owner).collect::<Vec<_>>();
    let (a, b) = (owners(x), owners(y));
    !a.is_empty() && !b.is_empty() && !a.iter().any(|o| b.contains(o))
}

/// `h` hedges an event ("the alleged deployment") that `t` reports.
fn hedges(h: &Draft, t: &Draft) -> bool {
    h.hedged_events.iter().any(|e| t.events.contains(e))
}

/// `d` denies or hedges a troop number that `t` gives.
fn disputes_number(d: &Draft, t: &Draft) -> bool {
    d.contested_alone && d.numbers.iter().any(|v| t.numbers.contains(v))
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
fn figures_clash(x: &Draft, y: &Draft, figures: &[FoundFigure]) -> bool {
    x.figures.iter().any(|&i| {
        y.figures.iter().any(|&j| {
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
