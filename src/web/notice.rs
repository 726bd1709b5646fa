//! A message to the reader, with Undo after a clear or close.

use yew::prelude::*;

use super::state::{Action, Notice, State};

/// Properties of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The message.
    pub notice: Notice,
    /// Sends actions to the page state.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The message bar.
#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeProps) -> Html {
    let undo = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Undo))
    };
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Dismiss))
    };
    let notice = &props.notice;
    html! {
        <div class={classes!("notice", notice.error.then_some("error"))} role={if notice.error { "alert" } else { "status" }}>
            <span>{ &notice.text }</span>
            if notice.undoable { <button type="button" class="undo" onclick={undo}>{ "Undo" }</button> }
            <button type="button" class="dismiss" aria-label="Dismiss message" onclick={dismiss}>{ "×" }</button>
        </div>
    }
}
