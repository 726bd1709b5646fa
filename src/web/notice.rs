//! A message to the reader, with Undo after a clear or close.

use yew::prelude::*;

use super::state::{Action, Notice, State};

/// The message bar. A plain function, not a component: it has no state of its own, and each
/// component costs the page ~1 KB of wasm in Yew's machinery.
pub fn notice_bar(notice: &Notice, dispatch: &UseReducerDispatcher<State>) -> Html {
    let undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Undo))
    };
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Dismiss))
    };
    html! {
        <div class={if notice.error { "notice error" } else { "notice" }} role={if notice.error { "alert" } else { "status" }}>
            <span>{ &notice.text }</span>
            if notice.undoable { <button type="button" class="undo" onclick={undo}>{ "Undo" }</button> }
            <button type="button" class="dismiss" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}
