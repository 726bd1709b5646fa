//! The toolbar: samples, open file, exports, clear.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::analysis::Analysis;
use super::browser;
use super::exports;
use super::files;
use super::samples::SAMPLES;
use super::state::{Action, State};

/// The header's controls for the article shown: its `title` and its annotations (text included).
/// A plain function, not a component, as [`super::notice::notice_bar`] is.
pub fn toolbar(title: &str, analysis: &Rc<Analysis>, dispatch: &UseReducerDispatcher<State>) -> Html {
    let samples = SAMPLES.iter().map(|(label, title, text)| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| {
            dispatch.dispatch(Action::Open { title: title.to_string(), text: text.to_string() })
        });
        html! { <button type="button" class="sample" {onclick}>{ *label }</button> }
    });
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
            files::open_files(files::file_list(input.files()), dispatch.clone());
            input.set_value("");
        })
    };
    let export = |kind: &'static str| {
        let title = title.to_string();
        let analysis = analysis.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(menu) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("details").ok().flatten())
            {
                let _ = menu.remove_attribute("open");
            }
            let name = exports::slug(&title);
            match kind {
                "json" => browser::download(&format!("{name}.muster.json"), "application/json", &exports::to_json(&title, &analysis)),
                "csv" => browser::download(&format!("{name}.csv"), "text/csv", &exports::to_csv(&analysis)),
                "jsonld" => browser::download(&format!("{name}.jsonld"), "application/ld+json", &exports::to_web_annotation(&title, &analysis)),
                "html" => browser::download(&format!("{name}.html"), "text/html", &exports::to_html(&title, &analysis)),
                _ => {
                    browser::copy(&exports::summary(&title, &analysis));
                    dispatch.dispatch(Action::Notify { text: "Summary copied to the clipboard.".into(), error: false });
                }
            }
        })
    };
    let clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ClearAll))
    };
    let help = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Help(true)))
    };
    let empty = analysis.text.trim().is_empty();
    html! {
        <div class="toolbar">
            <div class="samples" role="group" aria-label="Sample articles">
                <span class="label">{ "Samples" }</span>
                { for samples }
            </div>
            <div class="actions">
                <label class="button file">
                    { "Open file…" }
                    <input type="file" id="open-file" accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json" multiple=true onchange={on_files} />
                </label>
                <details class="menu">
                    <summary class="button">{ "Export" }</summary>
                    <div class="menu-items" role="group" aria-label="Export">
                        <button type="button" data-export="json" disabled={empty} onclick={export("json")}>{ "JSON (Muster schema)" }</button>
                        <button type="button" data-export="csv" disabled={empty} onclick={export("csv")}>{ "CSV table" }</button>
                        <button type="button" data-export="jsonld" disabled={empty} onclick={export("jsonld")}>{ "Web Annotation (JSON-LD)" }</button>
                        <button type="button" data-export="html" disabled={empty} onclick={export("html")}>{ "Annotated HTML page" }</button>
                        <button type="button" data-export="summary" disabled={empty} onclick={export("summary")}>{ "Copy summary" }</button>
                    </div>
                </details>
                <button type="button" class="clear" onclick={clear}>{ "Clear all" }</button>
                <button type="button" class="help-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onclick={help}>{ "?" }</button>
            </div>
        </div>
    }
}
