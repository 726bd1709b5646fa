//! The keyboard help overlay (`?`).

use yew::prelude::*;

use super::state::{Action, State};

/// Every shortcut, as shown in the overlay.
pub const SHORTCUTS: [(&str, &str); 9] = [
    ("j / n", "Next annotation"),
    ("k / p", "Previous annotation"),
    ("Enter", "Open or pin the details"),
    ("Esc", "Close details, help or selection"),
    ("f / 1", "Show or hide figures"),
    ("a / 2", "Show or hide actors"),
    ("c / 3", "Show or hide claims"),
    ("e", "Edit the article text"),
    ("?", "This help"),
];

/// The help dialog (the app focuses its Close button when it opens). A plain function, not a
/// component, as [`super::notice::notice_bar`] is.
pub fn help(dispatch: &UseReducerDispatcher<State>) -> Html {
    let close = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Help(false)))
    };
    html! {
        <div class="overlay" role="presentation">
            <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <dl>
                    { for SHORTCUTS.iter().map(|(key, what)| html! {
                        <><dt><kbd>{ *key }</kbd></dt><dd>{ *what }</dd></>
                    }) }
                </dl>
                <p class="hint">{ "Hover, focus or tap a highlight for its details. Drop .txt, .md, .html or .json files anywhere to open them." }</p>
                <button type="button" id="help-close" onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
