//! Which claims contest which: opposite events from different sources, a hedge on
//! an event another claim reports, a figure the other side disputes, a group one
//! source calls finished that another counts fighters for.

use super::Draft;
use crate::engine::figures::FoundFigure;
use crate::engine::schema::FigureKind;

/// Links every contesting pair of `drafts` both ways.
pub(super) fn link(drafts: &mut [Draft], figures: &[FoundFigure]) {
    let n = drafts.len();
    for a in 0..n {
        for b in a + 1..n {
            let (x, y) = (&drafts[a], &drafts[b]);
            let hit = (!same_source(x, y) && (opposite_events(x, y) || finished_but_counted(x, y) || finished_but_counted(y, x) || figures_clash(x, y, figures)))
                || hedges(x, y)
                || hedges(y, x)
                || disputes_number(x, y)
                || disputes_number(y, x);
            if hit {
                if !drafts[a].links.contains(&b) {
                    drafts[a].links.push(b);
                }
                if !drafts[b].links.contains(&a) {
                    drafts[b].links.push(a);
                }
            }
        }
    }
    for d in drafts.iter_mut() {
        d.links.sort_unstable();
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
    x.finished_group.as_ref().is_some_and(|g| !y.numbers.is_empty() && y.words.contains(g))
}

/// Both claims size the same force (same owner, place and action) with bounds that
/// cannot both hold.
fn figures_clash(x: &Draft, y: &Draft, figures: &[FoundFigure]) -> bool {
    let bounds = |f: &FoundFigure| {
        let lo = f.min.or(f.value).unwrap_or(0);
        let hi = f.max.or(f.value).unwrap_or(u64::MAX);
        // "around 2,000" and "2,100" can both hold: allow a tenth either way.
        let slack = |v: u64| v / 10;
        (lo.saturating_sub(slack(lo)), hi.saturating_add(slack(hi)))
    };
    x.figures.iter().any(|&i| {
        y.figures.iter().any(|&j| {
            let (f, g) = (&figures[i], &figures[j]);
            let same_force = f.kind == FigureKind::Force
                && g.kind == FigureKind::Force
                && f.owner.is_some()
                && f.owner == g.owner
                && f.location == g.location
                && f.action == g.action;
            let (a, b) = (bounds(f), bounds(g));
            same_force && (a.1 < b.0 || b.1 < a.0)
        })
    })
}
