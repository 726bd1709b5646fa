//! Correction controls: fix an annotation from its details, add a missing actor, list, export and
//! remove the corrections made.

use std::rc::Rc;

use yew::prelude::*;

use super::analysis::Analysis;
use super::browser;
use super::corrections::Rule;
use super::state::{Action, Category, State};

/// Fixes for the annotation of `kind` with `id`, shown in its details; `input` is the popover's
/// reference to the name box. A plain function, not a component (each costs ~0.7 KB of gzipped wasm).
pub fn correct_annotation(analysis: &Analysis, kind: Category, id: &str, dispatch: &UseReducerDispatcher<State>, input: &NodeRef) -> Html {
    let (label, wrong) = match kind {
        Category::Actor => ("Not an actor", analysis.actor(id).map(|a| a.name.clone())),
        Category::Figure => ("Not a troop figure", analysis.figure(id).map(|f| f.text.clone())),
        Category::Claim => ("Not a claim", analysis.claim(id).map(|c| c.text.clone())),
    };
    let Some(wrong) = wrong else { return Html::default() };
    let send = |make: Rc<dyn Fn(String) -> Option<Rule>>| {
        let dispatch = dispatch.clone();
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            let value = input.cast::<web_sys::HtmlInputElement>().map(|i| i.value().trim().to_string()).unwrap_or_default();
            if let Some(rule) = make(value) {
                dispatch.dispatch(Action::Correct(rule));
            }
        })
    };
    let not_it = send(Rc::new({
        let (kind, wrong) = (kind.as_str().to_string(), wrong.clone());
        move |_| Some(Rule::Wrong { kind: kind.clone(), text: wrong.clone() })
    }));
    if kind != Category::Actor {
        return html! {
            <div class="correct">
                <button type="button" class="fix" data-fix="wrong" onclick={not_it}>{ label }</button>
            </div>
        };
    }
    let name = wrong;
    let rename = send(Rc::new({
        let name = name.clone();
        move |to: String| (!to.is_empty() && to != name).then(|| Rule::Rename { from: name.clone(), to })
    }));
    let alias = send(Rc::new({
        let name = name.clone();
        move |alias: String| (!alias.is_empty()).then(|| Rule::Alias { alias, actor: name.clone() })
    }));
    let merge = send(Rc::new({
        let name = name.clone();
        move |into: String| (!into.is_empty() && into != name).then(|| Rule::Merge { from: name.clone(), into })
    }));
    let names = analysis.annotations.actors.iter().filter(|a| a.name != name).map(|a| html! { <option value={a.name.clone()} /> });
    html! {
        <details class="correct">
            <summary>{ "Correct this actor" }</summary>
            <label for="fix-input" class="fix-label">{ "Name, alias or actor to merge into" }</label>
            <input id="fix-input" ref={input.clone()} list="actor-names" autocomplete="off" />
            <datalist id="actor-names">{ for names }</datalist>
            <div class="fix-buttons">
                <button type="button" class="fix" data-fix="rename" onclick={rename}>{ "Rename" }</button>
                <button type="button" class="fix" data-fix="alias" onclick={alias}>{ "Add alias" }</button>
                <button type="button" class="fix" data-fix="merge" onclick={merge}>{ "Merge into" }</button>
                <button type="button" class="fix" data-fix="wrong" onclick={not_it}>{ label }</button>
            </div>
        </details>
    }
}

const KINDS: [(&str, crate::ActorKind); 6] = [
    ("person", crate::ActorKind::Person),
    ("state", crate::ActorKind::State),
    ("military", crate::ActorKind::Military),
    ("armed group", crate::ActorKind::ArmedGroup),
    ("media", crate::ActorKind::Media),
    ("organization", crate::ActorKind::Organization),
];

/// Add a missing actor; list, export and remove the corrections of `analysis`'s lexicon. `name`
/// and `kind` are the panel's references to the form's name box and kind menu. A plain function,
/// not a component, as [`correct_annotation`] is.
pub fn corrections(analysis: &Analysis, dispatch: &UseReducerDispatcher<State>, name: &NodeRef, kind: &NodeRef) -> Html {
    let add = {
        let dispatch = dispatch.clone();
        let (name, kind) = (name.clone(), kind.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(input) = name.cast::<web_sys::HtmlInputElement>() else { return };
            let value = input.value().trim().to_string();
            let chosen = kind.cast::<web_sys::HtmlSelectElement>().map(|s| s.selected_index()).unwrap_or(0);
            let actor_kind = KINDS.get(usize::try_from(chosen).unwrap_or(0)).map_or(crate::ActorKind::Person, |k| k.1);
            if !value.is_empty() {
                dispatch.dispatch(Action::Correct(Rule::AddActor { name: value, kind: actor_kind }));
                input.set_value("");
            }
        })
    };
    let rules = &analysis.lexicon.rules;
    let export = {
        let lexicon = analysis.lexicon.clone();
        Callback::from(move |_| {
            browser::download("muster-corrections.json", "application/json", &super::json::to_string_pretty(&super::json::ToJson::to_json(&*lexicon)))
        })
    };
    html! {
        <section class="corrections" aria-label="Corrections">
            <form class="add-actor" onsubmit={add}>
                <label for="add-actor-name">{ "Add a missing actor" }</label>
                <div class="row">
                    <input id="add-actor-name" ref={name.clone()} placeholder="Name as written" autocomplete="off" />
                    <select ref={kind.clone()} aria-label="Actor kind">
                        { for KINDS.iter().map(|(label, _)| html! { <option>{ *label }</option> }) }
                    </select>
                    <button type="submit">{ "Add" }</button>
                </div>
            </form>
            if !rules.is_empty() {
                <h3>{ "Your corrections" }<span class="count">{ rules.len() }</span></h3>
                <ul class="rules">
                    { for rules.iter().enumerate().map(|(i, rule)| {
                        let dispatch = dispatch.clone();
                        let remove = Callback::from(move |_| dispatch.dispatch(Action::Uncorrect(i)));
                        html! {
                            <li>
                                <span>{ rule.describe() }</span>
                                <button type="button" aria-label={format!("Remove correction: {}", rule.describe())} onclick={remove}>{ "×" }</button>
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" class="link" onclick={export}>{ "Export corrections (JSON)" }</button>
                <p class="hint">{ "Open an exported corrections file to import it." }</p>
            }
        </section>
    }
}
