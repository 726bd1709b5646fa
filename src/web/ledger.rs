//! The cross-article ledger: with several articles open, figures per force, who says what, and
//! where the articles disagree.

use std::rc::Rc;

use yew::prelude::*;

use super::analysis::{claim_sub, figure_sub, Analysis, Target};
use crate::engine::ledger::{Article as LedgerArticle, Assertion};
use super::corrections::Lexicon;
use super::popover::{excerpt, thousands};
use super::state::{Action, Article, State, Via};

/// One figure of one article.
struct Entry {
    article: usize,
    target: Target,
    label: String,
    detail: String,
}

/// The figures that size one force differently, from the engine's ledger
/// (`engine::ledger::compare`: grouped by owner and place, same action, beyond rounding),
/// one item per force, each figure a link into its article.
fn disagreements(analyses: &[Analysis], titles: &[String], go: &dyn Fn(usize, Target) -> Callback<MouseEvent>) -> Vec<Html> {
    let articles: Vec<LedgerArticle> = titles
        .iter()
        .zip(analyses)
        .map(|(name, analysis)| LedgerArticle { name, annotations: &analysis.annotations })
        .collect();
    let ledger = crate::engine::ledger::compare(&articles);
    let link = |a: &Assertion| {
        let figure = analyses[a.article].annotations.figures.iter().find(|f| f.id == a.figure)?;
        let target = Target::figure(figure);
        let who = a.source.as_deref().unwrap_or("the writer");
        Some(html! {
            <button type="button" class="link" onclick={go(a.article, target)}>
                { format!("{} ({who}, {})", figure_label(figure), titles[a.article]) }
            </button>
        })
    };
    ledger
        .forces
        .iter()
        .filter(|force| !force.disagreements.is_empty())
        .map(|force| {
            let name = force.owner.clone().unwrap_or_default();
            let place = force.location.as_deref().map(|l| format!(" in {l}")).unwrap_or_default();
            let pairs = force.disagreements.iter().map(|&(i, j)| {
                let (a, b) = (&force.assertions[i], &force.assertions[j]);
                html! { <li>{ for link(a) }{ " vs " }{ for link(b) }</li> }
            });
            html! {
                <li data-muster="disagreement">
                    <strong>{ name }</strong>{ place }
                    <ul>{ for pairs }</ul>
                </li>
            }
        })
        .collect()
}

/// A figure's size as the ledger shows it: "~2,500", "≥ 300", "≤ 12,000", "3,000–4,000", or its text.
fn figure_label(f: &crate::Figure) -> String {
    use crate::Qualifier::*;
    match (f.qualifier, f.value, f.min, f.max) {
        (Range, _, Some(a), Some(b)) => format!("{}–{}", thousands(a), thousands(b)),
        (AtLeast, _, Some(a), _) => format!("≥ {}", thousands(a)),
        (AtMost, _, _, Some(b)) => format!("≤ {}", thousands(b)),
        (Approximate, Some(v), _, _) => format!("~{}", thousands(v)),
        (_, Some(v), _, _) => thousands(v),
        _ => f.text.clone(),
    }
}

/// Groups entries by name: names in order, each group's entries in the order given (a sorted
/// list rather than a `BTreeMap`, whose code would be compiled into the page for this alone).
fn grouped(mut pairs: Vec<(String, Entry)>) -> Vec<(String, Vec<Entry>)> {
    crate::engine::sort::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
    let mut groups: Vec<(String, Vec<Entry>)> = Vec::new();
    for (name, entry) in pairs {
        match groups.last_mut() {
            Some((last, entries)) if *last == name => entries.push(entry),
            _ => groups.push((name, vec![entry])),
        }
    }
    groups
}

/// The ledger tab for `articles`, each annotated anew with the reader's corrections in `lexicon`
/// (the panel draws it anew only when they or the corrections change). A plain
/// function, not a component (each costs ~0.7 KB of gzipped wasm).
pub fn ledger(articles: &[Article], lexicon: &Rc<Lexicon>, dispatch: &UseReducerDispatcher<State>) -> Html {
    let analyses: Vec<Analysis> = articles.iter().map(|a| Analysis::new(a.text.clone(), 0, lexicon.clone())).collect();
    let analyses = &analyses[..];
    let titles: Vec<String> = articles.iter().map(Article::display_title).collect();
    let mut forces = Vec::new();
    let mut sources = Vec::new();
    for (article, analysis) in analyses.iter().enumerate() {
        for f in &analysis.annotations.figures {
            let owner = f.owner.as_deref().map(|o| analysis.actor_name(o)).unwrap_or_else(|| "Unattributed".into());
            let detail = [Some(figure_sub(f).to_string()), f.action.clone(), f.location.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
            let target = Target::figure(f);
            forces.push((owner, Entry { article, target, label: figure_label(f), detail }));
        }
        for c in &analysis.annotations.claims {
            let source = c.source.as_deref().map(|s| analysis.actor_name(s)).unwrap_or_else(|| "Unattributed".into());
            let target = Target::claim(c);
            let label = format!("{}: “{}”", claim_sub(c), excerpt(&c.text, 110));
            sources.push((source, Entry { article, target, label, detail: String::new() }));
        }
    }
    let (forces, sources) = (grouped(forces), grouped(sources));
    let go = |article: usize, target: Target| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Switch(article));
            dispatch.dispatch(Action::Select(target.clone(), Via::Jump));
        })
    };
    let item = |entry: &Entry| html! {
        <li>
            <button type="button" class="link" onclick={go(entry.article, entry.target.clone())}>{ &entry.label }</button>
            if !entry.detail.is_empty() { <span class="detail">{ format!(" {}", entry.detail) }</span> }
            <span class="source-title">{ format!(" — {}", titles[entry.article]) }</span>
        </li>
    };
    let disagreements = disagreements(analyses, &titles, &go);
    html! {
        <div class="ledger" data-muster="ledger">
            <h3>{ "Where they disagree" }<span class="count">{ disagreements.len() }</span></h3>
            if disagreements.is_empty() {
                <p class="empty">{ "No force is given sizes that cannot both be true (same owner, place and action, beyond rounding)." }</p>
            } else {
                <ul class="disagreements">{ for disagreements }</ul>
            }
            <h3>{ "Figures per force" }</h3>
            { for forces.iter().map(|(owner, entries)| html! {
                <section class="ledger-group">
                    <h4>{ owner }<span class="count">{ entries.len() }</span></h4>
                    <ul>{ for entries.iter().map(item) }</ul>
                </section>
            }) }
            <h3>{ "Who says what" }</h3>
            { for sources.iter().map(|(source, entries)| html! {
                <section class="ledger-group">
                    <h4>{ source }<span class="count">{ entries.len() }</span></h4>
                    <ul>{ for entries.iter().map(item) }</ul>
                </section>
            }) }
        </div>
    }
}
