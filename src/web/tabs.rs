//! One tab per open article.

use yew::prelude::*;

use super::state::{Action, State};

/// Properties of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// Each tab's title.
    pub titles: Vec<String>,
    /// The index of the tab shown.
    pub active: usize,
    /// Sends actions to the page state.
    pub dispatch: UseReducerDispatcher<State>,
}

/// The tab strip.
#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let tabs = props.titles.iter().enumerate().map(|(index, title)| {
        let selected = index == props.active;
        let show = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::Switch(index)))
        };
        let close = {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_| dispatch.dispatch(Action::Close(index)))
        };
        html! {
            <div class={classes!("tab", selected.then_some("active"))}>
                <button type="button" role="tab" class="tab-title" aria-selected={selected.to_string()} onclick={show} title={title.clone()}>
                    { title }
                </button>
                <button type="button" class="tab-close" aria-label={format!("Close {title}")} onclick={close}>{ "×" }</button>
            </div>
        }
    });
    let add = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::NewTab))
    };
    html! {
        <nav class="tabs" aria-label="Open articles">
            <div role="tablist" aria-label="Articles" class="tablist">{ for tabs }</div>
            <button type="button" class="tab-add" aria-label="New article" title="New article" onclick={add}>{ "+" }</button>
        </nav>
    }
}
