//! The legend: a toggle and a count per category, and sub-filters.

use yew::prelude::*;

use super::analysis::{actor_sub, figure_sub, Analysis};
use super::popover::{flag, words};
use super::state::{Action, Category, Filters, State};

const FIGURE_SUBS: [&str; 2] = ["force", "casualty"];
const ACTOR_SUBS: [&str; 6] = ["person", "state", "military", "armed_group", "media", "organization"];

/// The legend bar above the reading view: counts of `analysis`, toggles of `filters`. A plain
/// function, not a component, as [`super::notice::notice_bar`] is.
pub fn legend(analysis: &Analysis, filters: &Filters, dispatch: &UseReducerDispatcher<State>) -> Html {
    let a = &analysis.annotations;
    let sub_count = |sub: &str| -> usize {
        a.figures.iter().filter(|f| figure_sub(f) == sub).count()
            + a.actors.iter().filter(|x| actor_sub(x) == sub).count()
    };
    let toggles = Category::ALL.into_iter().map(|category| {
        let on = filters.shows(category);
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::Toggle(category)));
        let count = analysis.count(category);
        html! {
            <button
                type="button"
                class={format!("toggle toggle-{}", category.as_str())}
                aria-pressed={flag(on)}
                data-toggle={category.as_str()}
                title={format!("Show or hide {} (key {})", category.label().to_ascii_lowercase(), &category.as_str()[..1])}
                {onclick}
            >
                <span class={format!("swatch m-{}", category.as_str())} aria-hidden="true">{ "Aa" }</span>
                { category.label() }
                <span class="count" data-count={category.as_str()}>{ count }</span>
            </button>
        }
    });
    let chip = |sub: &'static str, category: Category| {
        let on = !filters.hidden_subs.contains(&sub);
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::ToggleSub(sub)));
        html! {
            <button
                type="button"
                class={format!("subfilter sub-{}", category.as_str())}
                aria-pressed={flag(on)}
                data-sub={sub}
                disabled={!filters.shows(category)}
                {onclick}
            >
                { words(sub) }<span class="count">{ sub_count(sub) }</span>
            </button>
        }
    };
    let contested = a.claims.iter().filter(|c| c.contested).count();
    let contested_toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ToggleContested))
    };
    html! {
        <section class="legend" aria-label="Legend and filters">
            <div class="toggles" role="group" aria-label="Categories">{ for toggles }</div>
            <details class="subfilters">
                <summary>{ "Filters" }</summary>
                <div role="group" aria-label="Figure kinds">
                    { for FIGURE_SUBS.into_iter().map(|s| chip(s, Category::Figure)) }
                </div>
                <div role="group" aria-label="Actor kinds">
                    { for ACTOR_SUBS.into_iter().map(|s| chip(s, Category::Actor)) }
                </div>
                <div role="group" aria-label="Claims">
                    <button
                        type="button"
                        class="subfilter sub-claim"
                        aria-pressed={flag(filters.contested_only)}
                        data-sub="contested-only"
                        disabled={!filters.shows(Category::Claim)}
                        onclick={contested_toggle}
                    >
                        { "contested only" }<span class="count">{ contested }</span>
                    </button>
                </div>
            </details>
        </section>
    }
}
