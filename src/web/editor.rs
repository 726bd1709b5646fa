//! The article text box. It is uncontrolled while typing (no re-render per key); its content is
//! replaced only when another article is loaded or shown.

use std::rc::Rc;

use yew::prelude::*;

/// The labelled `Article text` box showing `text` whenever `loaded` changes; `on_edit` is called
/// with the new text and whether to annotate at once (paste, drop, big change). A hook of the
/// app rather than a component of its own (each component costs ~0.7 KB of gzipped wasm).
#[hook]
pub fn use_editor(text: Rc<str>, loaded: u64, on_edit: Callback<(String, bool)>) -> Html {
    let node = use_node_ref();
    let last_len = use_mut_ref(|| text.len());
    {
        let node = node.clone();
        use_effect_with(loaded, move |_| {
            if let Some(area) = node.cast::<web_sys::HtmlTextAreaElement>() {
                if area.value() != *text {
                    area.set_value(&text);
                }
            }
        });
    }
    let oninput = {
        let node = node.clone();
        Callback::from(move |event: InputEvent| {
            let Some(area) = node.cast::<web_sys::HtmlTextAreaElement>() else { return };
            let value = area.value();
            let kind = event.input_type();
            let jump = value.len().abs_diff(*last_len.borrow()) > 40;
            *last_len.borrow_mut() = value.len();
            let now = jump || kind.starts_with("insertFromPaste") || kind.starts_with("insertFromDrop") || kind.starts_with("delete") && value.is_empty();
            on_edit.emit((value, now));
        })
    };
    html! {
        <section class="editor">
            <label for="article-text" class="editor-label">{ "Article text" }</label>
            <textarea
                id="article-text"
                ref={node}
                spellcheck="false"
                placeholder="Paste a news article about troops, deployments or casualties, or open a file…"
                {oninput}
            />
        </section>
    }
}
