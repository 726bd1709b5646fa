//! One tab per open article.

use yew::prelude::*;

use super::state::{Action, State};

/// The tab strip: each article's title (`titles`), the one shown at `active`. A plain function,
/// not a component, as [`super::notice::notice_bar`] is.
pub fn tabs(titles: &[String], active: usize, dispatch: &UseReducerDispatcher<State>) -> Html {
    let tabs = titles.iter().enumerate().map(|(index, title)| {
        let selected = index == active;
        let show = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::Switch(index)))
        };
        let close = {
            let dispatch = dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::Close(index)))
        };
        html! {
            <div class={if selected { "tab active" } else { "tab" }}>
                <button type="button" role="tab" class="tab-title" aria-selected={super::popover::flag(selected)} onclick={show} title={title.clone()}>
                    { title }
                </button>
                <button type="button" class="tab-close" aria-label={format!("Close {title}")} onclick={close}>{ "×" }</button>
            </div>
        }
    });
    let add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::NewTab))
    };
    html! {
        <nav class="tabs" aria-label="Open articles">
            <div role="tablist" aria-label="Articles" class="tablist">{ for tabs }</div>
            <button type="button" class="tab-add" aria-label="New article" title="New article" onclick={add}>{ "+" }</button>
        </nav>
    }
}
