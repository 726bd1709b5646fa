//! The side panel: a sortable figures table, actors by kind, claims with contested pairs.

use std::cmp::Ordering;
use std::rc::Rc;

use yew::prelude::*;

use super::correct::corrections;
use super::analysis::{actor_sub, claim_sub, figure_sub, Analysis, Target};
use super::popover::{excerpt, flag, thousands, words};
use super::ledger;
use super::state::{Action, Article, FigureColumn, PanelTab, State, Via};
use crate::engine::text::lowercase;

/// What the panel shows (see [`use_panel`]).
pub struct PanelProps {
    /// The annotations listed.
    pub analysis: Rc<Analysis>,
    /// The tab shown.
    pub tab: PanelTab,
    /// The figures table's sort.
    pub sort: (FigureColumn, bool),
    /// The lit actor and its current mention.
    pub lit: Option<(Rc<str>, usize)>,
    /// Every open article as of the last annotation (the ledger shows when there are several).
    pub articles: Rc<Vec<Article>>,
    /// Sends actions to the page state.
    pub dispatch: UseReducerDispatcher<State>,
}

/// How many rows a long list shows before "Show all".
const FIRST_ROWS: usize = 100;

fn jump(dispatch: &UseReducerDispatcher<State>, target: Target) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(Action::Select(target.clone(), Via::Jump)))
}

fn figures_table(props: &PanelProps, limit: usize) -> Html {
    let analysis = &props.analysis;
    let owner = |f: &crate::Figure| f.owner.as_deref().map(|o| analysis.actor_name(o)).unwrap_or_default();
    let mut rows: Vec<&crate::Figure> = analysis.annotations.figures.iter().collect();
    let (column, ascending) = props.sort;
    crate::engine::sort::sort_by(&mut rows, |a, b| {
        let order = match column {
            FigureColumn::Position => a.start.cmp(&b.start),
            FigureColumn::Text => lowercase(&a.text).cmp(&lowercase(&b.text)),
            FigureColumn::Value => a.value.or(a.max).cmp(&b.value.or(b.max)),
            FigureColumn::Kind => figure_sub(a).cmp(figure_sub(b)),
            FigureColumn::Owner => owner(a).cmp(&owner(b)),
            FigureColumn::Location => a.location.cmp(&b.location),
            FigureColumn::Action => a.action.cmp(&b.action),
        };
        let order = if order == Ordering::Equal { a.start.cmp(&b.start) } else { order };
        if ascending { order } else { order.reverse() }
    });
    let header = |label: &str, col: FigureColumn| {
        let dispatch = props.dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Sort(col)));
        let sort = match (column == col, ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        };
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="sort" {onclick}>{ label }<span aria-hidden="true" class="arrow"></span></button>
            </th>
        }
    };
    if rows.is_empty() {
        return html! { <p class="empty">{ "No troop figures found." }</p> };
    }
    rows.truncate(limit);
    html! {
        <table class="figures" data-muster="figures-table">
            <thead>
                <tr>
                    { header("Figure", FigureColumn::Text) }
                    { header("Value", FigureColumn::Value) }
                    { header("Kind", FigureColumn::Kind) }
                    { header("Owner", FigureColumn::Owner) }
                    { header("Where", FigureColumn::Location) }
                    { header("Action", FigureColumn::Action) }
                </tr>
            </thead>
            <tbody>
                { for rows.into_iter().map(|f| {
                    let target = Target::figure(f);
                    // A range may wrap after its dash in a narrow column.
                    let value = match (f.value, f.min, f.max) {
                        (Some(v), _, _) => html! { thousands(v) },
                        (None, Some(a), Some(b)) => html! { <>{ thousands(a) }{ "–" }<wbr />{ thousands(b) }</> },
                        _ => html! { "—" },
                    };
                    html! {
                        <tr data-id={f.id.clone()}>
                            <td>
                                <button type="button" class="link" onclick={jump(&props.dispatch, target)}>{ &f.text }</button>
                                if f.kind == crate::FigureKind::Casualty { <span class="kind-inline">{ "casualty" }</span> }
                            </td>
                            <td class="num">{ value }</td>
                            <td>{ figure_sub(f) }</td>
                            <td>{ owner(f) }</td>
                            <td>{ f.location.clone().unwrap_or_default() }</td>
                            <td>{ f.action.clone().unwrap_or_default() }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

fn actors_list(props: &PanelProps, limit: usize) -> Html {
    let actors = &props.analysis.annotations.actors;
    if actors.is_empty() {
        return html! { <p class="empty">{ "No actors found." }</p> };
    }
    let mut kinds: Vec<&'static str> = actors.iter().map(actor_sub).collect();
    crate::engine::sort::sort(&mut kinds);
    kinds.dedup();
    let lit_id = props.lit.as_ref().map(|(id, _)| id.clone());
    let groups = kinds.into_iter().map(|kind| {
        let mut members: Vec<&crate::Actor> = actors.iter().filter(|a| actor_sub(a) == kind).collect();
        crate::engine::sort::sort_by(&mut members, |a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.name.cmp(&b.name)));
        let total: usize = members.iter().map(|a| a.mentions.len()).sum();
        let count = members.len();
        members.truncate(limit);
        html! {
            <section class="group">
                <h3>{ words(kind) }<span class="count">{ format!("{count} · {total} mentions") }</span></h3>
                <ul>
                    { for members.into_iter().map(|a| {
                        let id: Rc<str> = a.id.as_str().into();
                        let selected = lit_id.as_deref() == Some(&*id);
                        let dispatch = props.dispatch.clone();
                        let pick = {
                            let id = id.clone();
                            Callback::from(move |_| dispatch.dispatch(Action::LightActor((!selected).then(|| id.clone()))))
                        };
                        let stepper = selected.then(|| {
                            let index = props.lit.as_ref().map_or(0, |(_, i)| *i);
                            let prev = { let d = props.dispatch.clone(); Callback::from(move |_| d.dispatch(Action::StepActor(-1))) };
                            let next = { let d = props.dispatch.clone(); Callback::from(move |_| d.dispatch(Action::StepActor(1))) };
                            html! {
                                <span class="stepper">
                                    <button type="button" aria-label="Previous mention" onclick={prev}>{ "‹" }</button>
                                    <span aria-live="polite">{ format!("{} of {}", index + 1, a.mentions.len()) }</span>
                                    <button type="button" aria-label="Next mention" onclick={next}>{ "›" }</button>
                                </span>
                            }
                        });
                        html! {
                            <li class={if selected { "actor-row selected" } else { "actor-row" }} data-id={a.id.clone()}>
                                <button type="button" class="actor-pick" aria-pressed={flag(selected)} onclick={pick}>
                                    <span class="name">{ &a.name }</span>
                                    <span class="count">{ a.mentions.len() }</span>
                                </button>
                                { for stepper }
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
    });
    html! { <div class="actors">{ for groups }</div> }
}

fn claim_card(props: &PanelProps, claim: &crate::Claim) -> Html {
    let analysis = &props.analysis;
    let target = Target::claim(claim);
    let source = claim.source.as_deref().map(|s| analysis.actor_name(s)).unwrap_or_else(|| "Unattributed".into());
    html! {
        <button type="button" class={format!("claim-card stance-{}", claim_sub(claim))} onclick={jump(&props.dispatch, target)}>
            <span class="who">{ source }<span class="stance">{ format!(" · {} · “{}”", claim_sub(claim), claim.cue) }</span></span>
            <span class="what">{ excerpt(&claim.text, 160) }</span>
        </button>
    }
}

fn claims_list(props: &PanelProps, limit: usize) -> Html {
    let claims = &props.analysis.annotations.claims;
    if claims.is_empty() {
        return html! { <p class="empty">{ "No claims found." }</p> };
    }
    let mut pairs: Vec<(&crate::Claim, &crate::Claim)> = Vec::new();
    for claim in claims {
        for other in claim.contested_by.iter().filter_map(|id| props.analysis.claim(id)) {
            if claim.start < other.start || (claim.start == other.start && claim.id < other.id) {
                pairs.push((claim, other));
            }
        }
    }
    let in_pairs = |c: &crate::Claim| pairs.iter().any(|(a, b)| a.id == c.id || b.id == c.id);
    let others: Vec<&crate::Claim> = claims.iter().filter(|c| !in_pairs(c)).collect();
    let other_count = others.len();
    pairs.truncate(limit);
    html! {
        <div class="claims">
            if !pairs.is_empty() {
                <h3>{ "Contested" }<span class="count">{ pairs.len() }</span></h3>
                { for pairs.iter().map(|(a, b)| html! {
                    <div class="pair" data-muster="contested-pair">
                        { claim_card(props, a) }
                        <span class="versus" aria-label="contested by">{ "⇄" }</span>
                        { claim_card(props, b) }
                    </div>
                }) }
            }
            if !others.is_empty() {
                <h3>{ "Other claims" }<span class="count">{ other_count }</span></h3>
                { for others.into_iter().take(limit).map(|c| claim_card(props, c)) }
            }
        </div>
    }
}

/// The side panel. A hook of the app rather than a component of its own (each component costs
/// ~0.7 KB of gzipped wasm); as a component did, it draws anew only when what it shows changes,
/// not on each key typed.
#[hook]
pub fn use_panel(props: PanelProps) -> Html {
    // Long lists show their first rows until asked for all: laying out thousands of rows is slow.
    // Whether the reader asked for all rows, for this revision and tab: (revision, tab, all).
    let full = use_mut_ref(|| (props.analysis.rev, props.tab, false));
    let update = use_force_update();
    let (new_actor, new_actor_kind) = (use_node_ref(), use_node_ref());
    if (full.borrow().0, full.borrow().1) != (props.analysis.rev, props.tab) {
        *full.borrow_mut() = (props.analysis.rev, props.tab, false);
    }
    let all = full.borrow().2;
    let show_all = Callback::from(move |_| {
        full.borrow_mut().2 = true;
        update.force_update();
    });
    let shown = (props.analysis.clone(), props.tab, props.sort, props.lit.clone(), props.articles.clone(), all);
    let view = use_memo(shown, |_| panel(&props, if all { usize::MAX } else { FIRST_ROWS }, show_all, &new_actor, &new_actor_kind));
    (*view).clone()
}

/// The panel's content, lists cut at `limit` rows (`show_all` asks for them all); `new_actor` and
/// `new_actor_kind` refer to the add-an-actor form's fields.
fn panel(props: &PanelProps, limit: usize, show_all: Callback<MouseEvent>, new_actor: &NodeRef, new_actor_kind: &NodeRef) -> Html {
    let a = &props.analysis.annotations;
    let mut tabs = vec![
        (PanelTab::Figures, "Figures", a.figures.len()),
        (PanelTab::Actors, "Actors", a.actors.len()),
        (PanelTab::Claims, "Claims", a.claims.len()),
    ];
    let several = props.articles.len() > 1;
    if several {
        tabs.push((PanelTab::Ledger, "Ledger", props.articles.len()));
    }
    let tab_buttons = tabs.into_iter().map(|(tab, label, count)| {
        let dispatch = props.dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Panel(tab)));
        let selected = props.tab == tab;
        html! {
            <button type="button" role="tab" id={format!("panel-tab-{}", label.to_ascii_lowercase())}
                aria-selected={flag(selected)} aria-controls="panel-body" {onclick}>
                { label }<span class="count">{ count }</span>
            </button>
        }
    });
    let longest = match props.tab {
        PanelTab::Figures => a.figures.len(),
        PanelTab::Actors => a.actors.len(),
        PanelTab::Claims => a.claims.len(),
        PanelTab::Ledger => 0,
    };
    let show_all = (longest > limit).then(|| {
        html! { <button type="button" class="button show-all" onclick={show_all}>{ format!("Show all {longest}") }</button> }
    });
    let body = match props.tab {
        PanelTab::Figures => figures_table(props, limit),
        PanelTab::Actors => html! {
            <>
                { actors_list(props, limit) }
                { corrections(&props.analysis, &props.dispatch, new_actor, new_actor_kind) }
            </>
        },
        PanelTab::Claims => claims_list(props, limit),
        PanelTab::Ledger if several => ledger::ledger(&props.articles, &props.analysis.lexicon, &props.dispatch),
        PanelTab::Ledger => figures_table(props, limit),
    };
    html! {
        <aside class="panel" aria-label="Annotations overview">
            <div class="panel-tabs" role="tablist" aria-label="Overview">{ for tab_buttons }</div>
            <div id="panel-body" class="panel-body" role="tabpanel">{ body }{ for show_all }</div>
        </aside>
    }
}
