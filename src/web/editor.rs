//! The article text box. It is uncontrolled while typing (no re-render per key); its content is
//! replaced only when another article is loaded or shown.

use std::rc::Rc;

use yew::prelude::*;

/// Properties of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text to put in the box when `loaded` changes.
    pub text: Rc<str>,
    /// Bumped when the box's content must be replaced.
    pub loaded: u64,
    /// Called with the new text and whether to annotate at once (paste, drop, big change).
    pub on_edit: Callback<(String, bool)>,
}

/// The labelled `Article text` box.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let text = props.text.clone();
        use_effect_with(props.loaded, move |_| {
            if let Some(area) = node.cast::<web_sys::HtmlTextAreaElement>() {
                if area.value() != *text {
                    area.set_value(&text);
                }
            }
        });
    }
    let last_len = use_mut_ref(|| props.text.len());
    let oninput = {
        let on_edit = props.on_edit.clone();
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
