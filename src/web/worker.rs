//! The engine in a Web Worker (www/worker.js), so that annotating a long text never blocks the
//! page. The worker instantiates the page's own compiled wasm module and calls [`annotate_page`];
//! when it cannot run, callers annotate on the main thread instead.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::json::ToJson;
use crate::engine::schema::Annotations;
use crate::{annotate_with, OffsetUnit};

/// What to do with a worker's answer: the annotations, or `None` when the worker failed.
type Reply = Box<dyn FnOnce(Option<Annotations>)>;

struct Channel {
    worker: web_sys::Worker,
    /// Requests awaiting an answer, by id (few at a time).
    waiting: Vec<(u32, Reply)>,
    next: u32,
    _on_message: Closure<dyn Fn(web_sys::Event)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static CHANNEL: RefCell<Option<Channel>> = const { RefCell::new(None) };
    /// Whether the worker was started (it starts on the first long text, and only once).
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Annotates `text` with byte offsets and returns the result as JSON (the worker's entry point).
pub fn annotate_page(text: &str) -> String {
    super::json::to_string(&annotate_with(text, OffsetUnit::Byte).to_json())
}

fn absolute(relative: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(relative, base).ok().map(|u| u.href())
}

/// Starts the worker, handing it the page's compiled wasm module and the URL of its JS glue.
/// Leaves no channel when workers are unavailable: [`annotate`] then answers `None` at once.
fn start() -> Option<Channel> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let tag = document.query_selector("script[data-muster-js]").ok()??;
    let base = document.base_uri().ok()??;
    let js = absolute(&tag.get_attribute("data-muster-js")?, &base)?;
    let module = js_sys::Reflect::get(&window, &"musterWasmModule".into()).ok()?;
    if !module.is_instance_of::<js_sys::WebAssembly::Module>() {
        return None;
    }
    let script = absolute("worker.js", &js)?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&script, &options).ok()?;
    // The closure type of the page's other listeners (`browser::listen_on_window`): wasm-bindgen
    // compiles glue per type.
    let on_message = Closure::<dyn Fn(web_sys::Event)>::wrap(Box::new(receive));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn Fn(web_sys::Event)>::wrap(Box::new(|_| give_up()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"js".into(), &js.into()).ok()?;
    js_sys::Reflect::set(&init, &"module".into(), &module).ok()?;
    worker.post_message(&init).ok()?;
    Some(Channel { worker, waiting: Vec::new(), next: 0, _on_message: on_message, _on_error: on_error })
}

fn receive(event: web_sys::Event) {
    let Some(data) = event.dyn_ref::<web_sys::MessageEvent>().map(|m| m.data()) else { return };
    let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
    let Some(id) = field("id").and_then(|v| v.as_f64()) else { return };
    let reply = CHANNEL.with(|c| c.borrow_mut().as_mut().and_then(|c| {
        let index = c.waiting.iter().position(|(waiting, _)| *waiting == id as u32)?;
        Some(c.waiting.swap_remove(index).1)
    }));
    let annotations = field("json").and_then(|v| v.as_string()).and_then(|json| super::json::annotations(&super::json::parse(&json).ok()?));
    if annotations.is_none() {
        give_up();
    }
    if let Some(reply) = reply {
        reply(annotations);
    }
}

/// The worker is broken (no module workers, a failed load): stops it and answers every waiting
/// request with `None`, so that from now on texts are annotated on the main thread.
fn give_up() {
    let Some(channel) = CHANNEL.with(|c| c.borrow_mut().take()) else { return };
    channel.worker.terminate();
    for (_, pending) in channel.waiting {
        pending(None);
    }
}

/// Asks the worker to annotate `text`; `reply` gets the annotations later, or `None` at once
/// (or later) when there is no working worker.
pub fn annotate(text: &str, reply: Reply) {
    if !STARTED.with(|s| s.replace(true)) {
        let channel = start();
        CHANNEL.with(|c| *c.borrow_mut() = channel);
    }
    let reply = CHANNEL.with(|c| {
        let mut c = c.borrow_mut();
        let Some(channel) = c.as_mut() else { return Some(reply) };
        let id = channel.next;
        channel.next = channel.next.wrapping_add(1);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
        let _ = js_sys::Reflect::set(&message, &"text".into(), &text.into());
        if channel.worker.post_message(&message).is_err() {
            return Some(reply);
        }
        channel.waiting.push((id, reply));
        None
    });
    if let Some(reply) = reply {
        reply(None);
    }
}
