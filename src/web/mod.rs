//! The Yew page: one [`state::State`] changed by [`state::Action`]s, one file per component;
//! this module only composes them. Compiled only for `wasm32`.

mod analysis;
mod browser;
mod correct;
mod corrections;
mod document;
mod editor;
mod exports;
mod files;
mod help;
mod json;
mod ledger;
mod legend;
mod notice;
mod panel;
mod popover;
mod samples;
mod state;
mod tabs;
mod toolbar;
mod worker;

pub use worker::annotate_page;

use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use analysis::Target;
use document::use_document;
use editor::use_editor;
use help::help;
use legend::legend;
use notice::notice_bar;
use panel::{use_panel, PanelProps};
use popover::use_popover;
use samples::SAMPLES;
use state::{Action, Category, State, Via};
use tabs::tabs;
use toolbar::toolbar;

/// How long typing must pause before the text is annotated again.
const TYPING_PAUSE: Duration = Duration::from_millis(180);

/// Texts up to this many bytes are annotated on the main thread (quicker than a round trip to the
/// worker, and well within one frame budget); longer ones in the worker.
const SHORT_TEXT: usize = 24 * 1024;

/// While a text longer than this (in bytes) is annotated, a notice says so.
const BIG_TEXT: usize = 256 * 1024;

/// Maps a key press outside text fields to an action.
fn key_action(event: &web_sys::KeyboardEvent) -> Option<Action> {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return None;
    }
    let typing = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"));
    let key = event.key();
    if typing {
        if key != "Escape" {
            return None;
        }
        if let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.blur();
        }
        return Some(Action::Escape);
    }
    Some(match key.as_str() {
        "j" | "n" => Action::Step(1),
        "k" | "p" => Action::Step(-1),
        "f" | "1" => Action::Toggle(Category::Figure),
        "a" | "2" => Action::Toggle(Category::Actor),
        "c" | "3" => Action::Toggle(Category::Claim),
        "Enter" => {
            let on_button = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| matches!(e.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"));
            if on_button {
                return None;
            }
            Action::Pin
        }
        "Escape" => Action::Escape,
        "?" => Action::Help(true),
        "e" => {
            browser::focus_id("article-text");
            event.prevent_default();
            return None;
        }
        _ => return None,
    })
}

/// Annotates `text` and shows the result: a short text at once, a longer one in the worker (without
/// a worker, here, rendering in a task of its own so that no single task does both).
fn annotate_in_background(text: &Rc<str>, dispatch: UseReducerDispatcher<State>) {
    // Texts too long to annotate take the short path, which shows them plain with a message.
    if text.len() <= SHORT_TEXT || text.len() > state::MAX_ANNOTATED_BYTES {
        dispatch.dispatch(Action::Analyse);
        dispatch.dispatch(Action::Present);
        return;
    }
    browser::mark_start("muster:annotate");
    let shown = text.clone();
    worker::annotate(text, Box::new(move |annotations| {
        match annotations {
            Some(annotations) => {
                browser::mark_end("muster:annotate");
                dispatch.dispatch(Action::Annotated(shown, annotations));
            }
            None => dispatch.dispatch(Action::Analyse),
        }
        browser::after(Duration::ZERO, move || dispatch.dispatch(Action::Present));
    }));
}

/// How long after start the engine is warmed up (the page is drawn and idle by then).
const WARM_UP_AFTER: Duration = Duration::from_millis(300);

/// Annotates the samples once, soon after start, in a task of its own (~10 ms): the browser then
/// has the engine's code compiled for speed before the reader's first paste, which would
/// otherwise run the engine cold (the first article several times slower). The worker is not
/// started here: it costs two requests and memory, and only long texts need it.
fn warm_up() {
    browser::after(WARM_UP_AFTER, || {
        for (_, _, text) in SAMPLES {
            crate::annotate_with(text, crate::OffsetUnit::Byte);
        }
    });
}

/// A byte count for people: "840 KB", "5.2 MB" (integer arithmetic: formatting an `f64` would
/// bring the float printing machinery, ~10 KB of wasm, into the page).
fn size(bytes: usize) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000))
    } else {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// What the editor calls with the new text and whether to annotate it at once: shows it, and
/// annotates it once typing pauses (or at once).
fn edited(dispatch: UseReducerDispatcher<State>) -> Callback<(String, bool)> {
    let typing_generation = Rc::new(std::cell::Cell::new(0u64));
    Callback::from(move |(text, now): (String, bool)| {
        let big = text.len() > BIG_TEXT;
        let text: Rc<str> = text.into();
        dispatch.dispatch(Action::Edit(text.clone()));
        let generation = typing_generation.clone();
        let mine = generation.get() + 1;
        generation.set(mine);
        let dispatch = dispatch.clone();
        if now {
            if big {
                dispatch.dispatch(Action::Busy);
            }
            annotate_in_background(&text, dispatch);
            return;
        }
        browser::after(TYPING_PAUSE, move || {
            if generation.get() == mine {
                annotate_in_background(&text, dispatch);
            }
        });
    })
}

/// What the reading view calls when a mark is hovered, clicked or reached.
fn selected(dispatch: UseReducerDispatcher<State>) -> Callback<(Target, Via)> {
    Callback::from(move |(target, via): (Target, Via)| dispatch.dispatch(Action::Select(target, via)))
}

/// What the reading view calls when the pointer leaves it (false) or a click lands outside any
/// mark (true): the details close at once on a click, a moment later on leaving.
fn left(dispatch: UseReducerDispatcher<State>) -> Callback<bool> {
    Callback::from(move |clicked: bool| {
        if clicked {
            dispatch.dispatch(Action::Escape);
            return;
        }
        let dispatch = dispatch.clone();
        browser::after(Duration::from_millis(250), move || dispatch.dispatch(Action::Leave));
    })
}

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(State::restore);
    let dispatch = state.dispatcher();

    {
        // Once: keyboard shortcuts, other tabs' saves, the engine's warm-up (one effect: each is compiled apart).
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let keys = {
                let dispatch = dispatch.clone();
                browser::listen_on_window("keydown", move |event| {
                    let Ok(event) = event.dyn_into::<web_sys::KeyboardEvent>() else { return };
                    if let Some(action) = key_action(&event) {
                        if !matches!(action, Action::Escape) {
                            event.prevent_default();
                        }
                        dispatch.dispatch(action);
                    }
                })
            };
            let saves = browser::on_saved_elsewhere(move || dispatch.dispatch(Action::Refresh));
            warm_up();
            move || {
                keys();
                saves();
            }
        });
    }

    // Stable callbacks, made once (one hook for the three): the reading view re-renders only when
    // what it shows changes.
    let callbacks = use_memo((), {
        let dispatch = dispatch.clone();
        move |_| (edited(dispatch.clone()), selected(dispatch.clone()), left(dispatch))
    });
    let (on_edit, on_select, on_leave) = (*callbacks).clone();
    // While files are dragged over the page, its class shows the drop hint (set on the element
    // itself: no re-render, and no state hook compiled for it).
    let app_node = use_node_ref();
    let dragging = move |node: &NodeRef, on: bool| {
        if let Some(app) = node.cast::<web_sys::Element>() {
            app.set_class_name(if on { "app dragging" } else { "app" });
        }
    };
    let on_drag_over = {
        let app_node = app_node.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging(&app_node, true);
        })
    };
    let on_drag_leave = {
        let app_node = app_node.clone();
        Callback::from(move |event: DragEvent| {
            if event.related_target().is_none() {
                dragging(&app_node, false);
            }
        })
    };
    let on_drop = {
        let dispatch = dispatch.clone();
        let app_node = app_node.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging(&app_node, false);
            let list = event.data_transfer().and_then(|d| d.files());
            files::open_files(files::file_list(list), dispatch.clone());
        })
    };

    // The articles as of the last annotation: the ledger does not re-annotate on every key.
    let articles = {
        let articles = state.articles.clone();
        use_memo(state.analysis.rev, move |_| articles)
    };
    let article = state.current();
    let empty = state.analysis.text.trim().is_empty() && article.text.trim().is_empty();
    let lit = state.lit_actor.as_ref().map(|(id, _)| id.clone());
    let editor = use_editor(article.text.clone(), state.loaded, on_edit);
    let document = use_document(state.analysis.clone(), &state.filters, lit, on_select, on_leave);
    let panel = use_panel(PanelProps {
        analysis: state.analysis.clone(),
        tab: state.panel,
        sort: state.sort,
        lit: state.lit_actor.clone(),
        articles,
        dispatch: dispatch.clone(),
    });
    let popover = use_popover(state.analysis.clone(), state.selection.clone(), dispatch.clone());
    let titles: Vec<String> = state.articles.iter().map(|a| a.display_title()).collect();
    let open_sample = |index: usize| {
        let dispatch = dispatch.clone();
        let (_, title, text) = SAMPLES[index];
        Callback::from(move |_| dispatch.dispatch(Action::Open { title: title.into(), text: text.into() }))
    };
    html! {
        <div class="app" ref={app_node}
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <header class="top">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{ "▚" }</span>
                    <div>
                        <h1>{ "Muster" }</h1>
                        <p class="tagline">{ "Troop figures, actors and contested claims in military news. Runs in your browser; your text never leaves it." }</p>
                    </div>
                </div>
                { toolbar(&article.display_title(), &state.analysis, &dispatch) }
            </header>
            if state.busy {
                <p class="busy" role="status">{ format!("Annotating a long article ({})…", size(article.text.len())) }</p>
            }
            if let Some(notice) = &state.notice {
                { notice_bar(notice, &dispatch) }
            }
            { tabs(&titles, state.active, &dispatch) }
            <main class="workspace">
                { editor }
                <section class="reader" aria-label="Reading view">
                    { legend(&state.analysis, &state.filters, &dispatch) }
                    if empty {
                        <div class="welcome">
                            <h2>{ "Paste an article, drop a file, or try a sample" }</h2>
                            <p>{ "Muster marks troop figures, the actors involved and the claims they make — including who denies what." }</p>
                            <div class="welcome-samples">
                                { for (0..SAMPLES.len()).map(|i| html! {
                                    <button type="button" class="sample-card" onclick={open_sample(i)}>
                                        <strong>{ SAMPLES[i].1 }</strong><span>{ SAMPLES[i].0 }</span>
                                    </button>
                                }) }
                            </div>
                        </div>
                    }
                    { document }
                </section>
                { panel }
            </main>
            { popover }
            if state.help { { help(&dispatch) } }
            <div class="drop-hint" aria-hidden="true">{ "Drop .txt, .md, .html or .json files to open them" }</div>
        </div>
    }
}

/// Mounts the app on the page's body (in the engine's worker, where there is no page, does nothing).
pub fn start() {
    if web_sys::window().is_none() {
        return;
    }
    yew::Renderer::<App>::new().render();
}
