//! Thin glue to browser APIs: performance marks, local storage, downloads, clipboard, focusing marks.

use std::time::Duration;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::analysis::Target;
use super::corrections::Lexicon;
use super::json::{self, ToJson};
use super::state::Article;

const STORAGE_KEY: &str = "muster:articles:v1";

/// Runs `work` between two performance marks and records a measure called `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    mark_start(name);
    let result = work();
    mark_end(name);
    result
}

/// Marks the start of the measure `name` (see [`mark_end`]).
pub fn mark_start(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Marks the end of the measure `name` and records it, from its last [`mark_start`].
pub fn mark_end(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let (start, end) = (format!("{name}:start"), format!("{name}:end"));
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
}

/// Records the `muster:render` measure: from the end of the last annotate to now (the DOM is patched).
pub fn mark_rendered() {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("muster:render:end");
        let _ = p.measure_with_start_mark_and_end_mark("muster:render", "muster:annotate:end", "muster:render:end");
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The open articles as last saved, if any (JSON: `{"articles": [{"title", "text"}], "active"}`).
pub fn load_articles() -> Option<(Vec<Article>, usize)> {
    let raw = storage()?.get_item(STORAGE_KEY).ok()??;
    let saved = json::parse(&raw).ok()?;
    let articles = saved
        .get("articles")?
        .as_array()?
        .iter()
        .map(|a| Some(Article { title: a.get("title")?.as_str()?.into(), text: a.get("text")?.as_str()?.into() }))
        .collect::<Option<Vec<Article>>>()?;
    if articles.is_empty() {
        return None;
    }
    Some((articles, saved.get("active")?.as_usize()?))
}

/// Saves the open articles; returns false when storage is unavailable or full.
pub fn save_articles(articles: &[Article], active: usize) -> bool {
    let list = articles.iter().map(|a| json::object! { "title": &*a.title, "text": &*a.text }).collect::<Vec<_>>();
    let json = json::to_string(&json::object! { "articles": list, "active": active });
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, &json).is_ok())
}

const LEXICON_KEY: &str = "muster:lexicon:v1";

/// The reader's saved corrections, if any.
pub fn load_lexicon() -> Option<Lexicon> {
    Lexicon::from_json(&json::parse(&storage()?.get_item(LEXICON_KEY).ok()??).ok()?)
}

/// Saves the reader's corrections; returns false when storage is unavailable or full.
pub fn save_lexicon(lexicon: &Lexicon) -> bool {
    let json = json::to_string(&lexicon.to_json());
    storage().is_some_and(|s| s.set_item(LEXICON_KEY, &json).is_ok())
}

/// Calls `on_change` whenever another tab of this page saves the articles or the corrections (the
/// `storage` event, which fires in every other tab on each save); returns a function that stops it.
pub fn on_saved_elsewhere(on_change: impl Fn() + 'static) -> impl FnOnce() {
    listen_on_window("storage", move |event| {
        // `key` is null when the other tab cleared the whole storage.
        let key = js_sys::Reflect::get(&event, &JsValue::from_str("key")).ok().and_then(|k| k.as_string());
        if key.is_none_or(|k| k == STORAGE_KEY || k == LEXICON_KEY) {
            on_change();
        }
    })
}

/// Calls `handler` on every `event` the window receives; returns a function that stops it.
pub fn listen_on_window(event: &'static str, handler: impl Fn(web_sys::Event) + 'static) -> impl FnOnce() {
    // One closure type for every listener: wasm-bindgen compiles glue per type.
    let listener = Closure::<dyn Fn(web_sys::Event)>::wrap(Box::new(handler) as Box<dyn Fn(web_sys::Event)>);
    let window = web_sys::window();
    if let Some(window) = &window {
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(window) = window {
            let _ = window.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(anchor) = document.create_element("a") {
        if let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() {
            anchor.set_href(&url);
            anchor.set_download(name);
            anchor.set_hidden(true);
            if let Some(body) = document.body() {
                let _ = body.append_child(&anchor);
                anchor.click();
                let _ = body.remove_child(&anchor);
            }
        }
    }
    after(Duration::from_secs(30), move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

/// Runs `then` after `delay` in a task of its own (a zero delay: once the current task is done).
pub fn after(delay: Duration, then: impl FnOnce() + 'static) {
    after_boxed(delay, Box::new(then));
}

/// [`after`]'s one task type: each `async` block is compiled into a state machine of its own.
fn after_boxed(delay: Duration, then: Box<dyn FnOnce()>) {
    yew::platform::spawn_local(async move {
        yew::platform::time::sleep(delay).await;
        then();
    });
}

/// Copies `text` to the clipboard.
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The first mark of a target, if it is on the page (marks are found by kind and id, then by
/// where the annotation starts, which their blocks' offsets give).
pub fn find_mark(target: &Target) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let selector = format!(
        "[data-muster=\"document\"] mark[data-kind=\"{}\"][data-id=\"{}\"]",
        target.kind.as_str(),
        target.id.replace(['"', '\\'], "")
    );
    let marks = document.query_selector_all(&selector).ok()?;
    (0..marks.length())
        .filter_map(|i| marks.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|mark| super::document::target_of(mark).is_some_and(|t| t.at == target.at))
}

/// Scrolls a target's mark into view and focuses it.
pub fn focus_mark(target: &Target) {
    if let Some(mark) = find_mark(target) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
        // Marks are not in the tab order; one becomes focusable when jumped to.
        let _ = mark.set_attribute("tabindex", "-1");
        let _ = mark.focus();
    }
}

/// Places `popup` (position: fixed) just below, or else above, the mark of `target`.
pub fn place_popover(popup: &web_sys::HtmlElement, target: &Target) {
    let Some(window) = web_sys::window() else { return };
    let Some(mark) = find_mark(target) else { return };
    let rect = mark.get_bounding_client_rect();
    let width = window.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0);
    let height = window.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(768.0);
    let pop = popup.get_bounding_client_rect();
    let left = rect.left().min(width - pop.width() - 8.0).max(8.0);
    let below = rect.bottom() + 6.0;
    let top = if below + pop.height() > height - 8.0 && rect.top() - pop.height() - 6.0 > 8.0 {
        rect.top() - pop.height() - 6.0
    } else {
        below
    };
    let style = popup.style();
    // Whole pixels as integers: formatting an f64 would add kilobytes to the wasm.
    let _ = style.set_property("left", &format!("{}px", left.round() as i64));
    let _ = style.set_property("top", &format!("{}px", top.round() as i64));
}

/// Moves keyboard focus to the element with this id.
pub fn focus_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
