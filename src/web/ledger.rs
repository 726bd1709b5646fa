//! The cross-article ledger: with several articles open, figures per force, who says what, and
//! where the articles disagree.

use std::rc::Rc;

use yew::prelude::*;

use super::analysis::{claim_sub, figure_sub, Analysis, Target};
use super::corrections::Lexicon;
use super::popover::{excerpt, thousands};
use super::state::{Action, Article, Category, State, Via};

/// Properties of [`Ledger`].
#[derive(Properties, PartialEq)]
pub struct LedgerProps {
    /// Every open article.
    pub articles: Vec<Article>,
    /// The reader's corrections.
    pub lexicon: Rc<Lexicon>,
    /// Sends actions to the page state.
    pub dispatch: UseReducerDispatcher<State>,
}

/// One figure of one article.
struct Entry {
    article: usize,
    target: Target,
    label: String,
    value: Option<u64>,
    detail: String,
}

fn figure_label(f: &crate::Figure) -> String {
    match (f.value, f.min, f.max) {
        (Some(v), _, _) => thousands(v),
        (None, Some(a), Some(b)) => format!("{}–{}", thousands(a), thousands(b)),
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

/// The ledger tab.
#[function_component(Ledger)]
pub fn ledger(props: &LedgerProps) -> Html {
    let analyses = use_memo((props.articles.clone(), props.lexicon.clone()), |(articles, lexicon)| {
        articles.iter().map(|a| Analysis::new(a.text.clone(), 0, lexicon.clone())).collect::<Vec<_>>()
    });
    let titles: Vec<String> = props.articles.iter().map(Article::display_title).collect();
    let mut forces = Vec::new();
    let mut sources = Vec::new();
    for (article, analysis) in analyses.iter().enumerate() {
        for f in &analysis.annotations.figures {
            let owner = f.owner.as_deref().map(|o| analysis.actor_name(o)).unwrap_or_else(|| "Unattributed".into());
            let detail = [Some(figure_sub(f).to_string()), f.action.clone(), f.location.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
            let target = Target { kind: Category::Figure, id: f.id.as_str().into(), at: f.start, sub: figure_sub(f), contested: false };
            let value = if f.kind == crate::FigureKind::Force { f.value.or(f.max) } else { None };
            forces.push((owner, Entry { article, target, label: figure_label(f), value, detail }));
        }
        for c in &analysis.annotations.claims {
            let source = c.source.as_deref().map(|s| analysis.actor_name(s)).unwrap_or_else(|| "Unattributed".into());
            let target = Target { kind: Category::Claim, id: c.id.as_str().into(), at: c.start, sub: claim_sub(c), contested: c.contested };
            let label = format!("{}: “{}”", claim_sub(c), excerpt(&c.text, 110));
            sources.push((source, Entry { article, target, label, value: None, detail: String::new() }));
        }
    }
    let (forces, sources) = (grouped(forces), grouped(sources));
    let go = |entry: &Entry| {
        let dispatch = props.dispatch.clone();
        let (article, target) = (entry.article, entry.target.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Switch(article));
            dispatch.dispatch(Action::Select(target.clone(), Via::Jump));
        })
    };
    let item = |entry: &Entry| html! {
        <li>
            <button type="button" class="link" onclick={go(entry)}>{ &entry.label }</button>
            if !entry.detail.is_empty() { <span class="detail">{ format!(" {}", entry.detail) }</span> }
            <span class="source-title">{ format!(" — {}", titles[entry.article]) }</span>
        </li>
    };
    let disagreements: Vec<Html> = forces
        .iter()
        .filter_map(|(owner, entries)| {
            // Entries are in article order: the articles giving a size are the distinct runs.
            let sized: Vec<(usize, u64)> = entries.iter().filter_map(|e| Some((e.article, e.value?))).collect();
            let (low, high) = (sized.iter().map(|s| s.1).min()?, sized.iter().map(|s| s.1).max()?);
            let mut articles: Vec<usize> = sized.iter().map(|s| s.0).collect();
            articles.dedup();
            (articles.len() > 1 && low != high).then(|| html! {
                <li data-muster="disagreement">
                    <strong>{ owner }</strong>
                    { format!(": {} to {} across {} articles", thousands(low), thousands(high), articles.len()) }
                </li>
            })
        })
        .collect();
    html! {
        <div class="ledger" data-muster="ledger">
            <h3>{ "Where they disagree" }<span class="count">{ disagreements.len() }</span></h3>
            if disagreements.is_empty() {
                <p class="empty">{ "No force is given different sizes in different articles." }</p>
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
