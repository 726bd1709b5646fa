//! Details of the selected annotation, floating by its mark.

use std::rc::Rc;

use yew::prelude::*;

use super::analysis::{actor_sub, claim_sub, Analysis, Target};
use super::browser;
use super::correct::correct_annotation;
use super::state::{Action, Category, Selection, State, Via};

fn row(label: &str, value: Option<String>) -> Html {
    let value = value.filter(|v| !v.is_empty()).unwrap_or_else(|| "—".to_string());
    html! { <><dt>{ label }</dt><dd>{ value }</dd></> }
}

/// A number with thousands separators.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An ARIA or data attribute's boolean: "true" or "false" (static: no string made per element).
pub fn flag(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// Human words for a snake_case label.
pub fn words(label: &str) -> String {
    label.replace('_', " ")
}

fn figure_details(analysis: &Analysis, id: &str) -> Html {
    let Some(f) = analysis.figure(id) else { return Html::default() };
    let bounds = match (f.min, f.max) {
        (Some(a), Some(b)) if a == b => Some(thousands(a)),
        (Some(a), Some(b)) => Some(format!("{} – {}", thousands(a), thousands(b))),
        (Some(a), None) => Some(format!("≥ {}", thousands(a))),
        (None, Some(b)) => Some(format!("≤ {}", thousands(b))),
        (None, None) => None,
    };
    let kind = if f.kind == crate::FigureKind::Force { "force" } else { "casualty" };
    let qualifier = Some(words(super::analysis::name_of(&super::analysis::QUALIFIERS, f.qualifier)));
    html! {
        <>
            <p class="pop-head"><span class="chip chip-figure">{ format!("Figure · {kind}") }</span></p>
            <p class="pop-quote">{ &f.text }</p>
            <dl>
                { row("Value", f.value.map(thousands)) }
                { row("Bounds", bounds) }
                { row("Qualifier", qualifier) }
                { row("Owner", f.owner.as_deref().map(|o| analysis.actor_name(o))) }
                { row("Location", f.location.clone()) }
                { row("Action", f.action.clone()) }
            </dl>
        </>
    }
}

fn actor_details(analysis: &Analysis, id: &str, dispatch: &UseReducerDispatcher<State>) -> Html {
    let Some(a) = analysis.actor(id) else { return Html::default() };
    let mut aliases: Vec<&str> = Vec::new();
    for mention in &a.mentions {
        if mention.text != a.name && !aliases.contains(&mention.text.as_str()) {
            aliases.push(&mention.text);
        }
    }
    let light = {
        let dispatch = dispatch.clone();
        let id: Rc<str> = a.id.as_str().into();
        Callback::from(move |_| dispatch.dispatch(Action::LightActor(Some(id.clone()))))
    };
    html! {
        <>
            <p class="pop-head"><span class="chip chip-actor">{ format!("Actor · {}", words(actor_sub(a))) }</span></p>
            <p class="pop-title">{ &a.name }</p>
            <dl>
                { row("Kind", Some(words(actor_sub(a)))) }
                { row("Role", a.role.clone()) }
                { row("Aliases", Some(aliases.join(", "))) }
                { row("Mentions", Some(a.mentions.len().to_string())) }
            </dl>
            <button type="button" class="link" onclick={light}>{ "Show all mentions" }</button>
        </>
    }
}

fn claim_details(analysis: &Analysis, id: &str, dispatch: &UseReducerDispatcher<State>) -> Html {
    let Some(c) = analysis.claim(id) else { return Html::default() };
    let contesters = c.contested_by.iter().filter_map(|other| analysis.claim(other)).map(|other| {
        let target = Target::claim(other);
        let dispatch = dispatch.clone();
        let jump = Callback::from(move |_| dispatch.dispatch(Action::Select(target.clone(), Via::Jump)));
        let source = other.source.as_deref().map(|s| analysis.actor_name(s)).unwrap_or_else(|| "Unattributed".into());
        html! {
            <li>
                <button type="button" class="link jump" onclick={jump}>
                    { format!("{source} ({}): “{}”", claim_sub(other), excerpt(&other.text, 90)) }
                </button>
            </li>
        }
    });
    html! {
        <>
            <p class="pop-head">
                <span class="chip chip-claim">{ format!("Claim · {}", claim_sub(c)) }</span>
                if c.contested { <span class="chip chip-contested">{ "contested" }</span> }
            </p>
            <p class="pop-quote">{ excerpt(&c.text, 220) }</p>
            <dl>
                { row("Source", c.source.as_deref().map(|s| analysis.actor_name(s))) }
                { row("Cue", Some(c.cue.clone())) }
                { row("Stance", Some(claim_sub(c).to_string())) }
            </dl>
            if !c.contested_by.is_empty() {
                <p class="pop-sub">{ "Contested by" }</p>
                <ul class="contesters">{ for contesters }</ul>
            }
        </>
    }
}

/// The first `limit` characters of `text`, with an ellipsis when cut.
pub fn excerpt(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// The details popover of `selection` in `analysis`, placed by its mark once drawn. A hook of
/// the app rather than a component of its own (each component costs ~0.7 KB of gzipped wasm).
#[hook]
pub fn use_popover(analysis: Rc<Analysis>, selection: Option<Selection>, dispatch: UseReducerDispatcher<State>) -> Html {
    let node = use_node_ref();
    let fix_input = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(selection.clone(), move |selection| {
            if let Some(selection) = selection {
                if selection.via == Via::Jump {
                    browser::focus_mark(&selection.target);
                }
                if let Some(popup) = node.cast::<web_sys::HtmlElement>() {
                    browser::place_popover(&popup, &selection.target);
                }
            }
        });
    }
    let Some(selection) = &selection else { return Html::default() };
    let target = &selection.target;
    let body = match target.kind {
        Category::Figure => figure_details(&analysis, &target.id),
        Category::Actor => actor_details(&analysis, &target.id, &dispatch),
        Category::Claim => claim_details(&analysis, &target.id, &dispatch),
    };
    let hold = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Hold))
    };
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Escape))
    };
    html! {
        <div
            ref={node}
            class={format!("popover pop-{}", target.kind.as_str())}
            role="dialog"
            aria-label={format!("{} details", target.kind.as_str())}
            data-muster="details"
            onmouseenter={hold}
        >
            if selection.pinned {
                <button type="button" class="pop-close" aria-label="Close details" onclick={close}>{ "×" }</button>
            }
            { body }
            { correct_annotation(&analysis, target.kind, &target.id, &dispatch, &fix_input) }
        </div>
    }
}
