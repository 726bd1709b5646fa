//! The reading view: the article's exact text with every annotation as a nested `<mark>`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::{VList, VNode, VText};

use super::analysis::{Analysis, MarkNode, Target};
use super::browser;
use super::state::{Category, Filters, Via};

/// Properties of [`DocumentView`].
#[derive(Properties, PartialEq)]
pub struct DocumentProps {
    /// The annotated text.
    pub analysis: Rc<Analysis>,
    /// What is shown.
    pub filters: Filters,
    /// The actor whose mentions are lit.
    pub lit: Option<Rc<str>>,
    /// Opens an annotation's details.
    pub on_select: Callback<(Target, Via)>,
    /// The pointer left the text; a click landed outside any mark.
    pub on_leave: Callback<bool>,
}

/// Reads the target of a mark back from its data attributes.
pub fn target_of(mark: &web_sys::Element) -> Option<Target> {
    Some(Target {
        kind: Category::parse(&mark.get_attribute("data-kind")?)?,
        id: mark.get_attribute("data-id")?.into(),
        at: mark.get_attribute("data-at")?.parse().ok()?,
        sub: sub_name(&mark.get_attribute("data-sub")?)?,
        contested: mark.get_attribute("data-contested").as_deref() == Some("true"),
    })
}

fn sub_name(sub: &str) -> Option<&'static str> {
    const SUBS: [&str; 11] = [
        "force", "casualty", "person", "state", "military", "armed_group", "media", "organization",
        "asserted", "denied", "hedged",
    ];
    SUBS.into_iter().find(|s| *s == sub)
}

fn mark_under(event: &Event) -> Option<web_sys::Element> {
    let element: web_sys::Element = event.target()?.dyn_into().ok()?;
    element.closest("mark").ok()?
}

fn render_span(text: &str, marks: &[MarkNode], from: usize, to: usize, lit: Option<&str>) -> Html {
    let mut nodes = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = from;
    for mark in marks {
        if mark.start > at {
            nodes.push(VNode::VText(VText::new(text.get(at..mark.start).unwrap_or("").to_string())));
        }
        nodes.push(render_mark(text, mark, lit));
        at = mark.end;
    }
    if to > at {
        nodes.push(VNode::VText(VText::new(text.get(at..to).unwrap_or("").to_string())));
    }
    VNode::VList(Rc::new(VList::with_children(nodes, None)))
}

fn render_mark(text: &str, mark: &MarkNode, lit: Option<&str>) -> Html {
    let target = &mark.target;
    let is_lit = target.kind == Category::Actor && lit == Some(&*target.id);
    let class = classes!("m", format!("m-{}", target.kind.as_str()), is_lit.then_some("lit"));
    html! {
        <mark
            class={class}
            data-kind={target.kind.as_str()}
            data-id={target.id.to_string()}
            data-at={target.at.to_string()}
            data-sub={target.sub}
            data-contested={(target.kind == Category::Claim).then(|| target.contested.to_string())}
            tabindex="-1"
        >
            { render_span(text, &mark.children, mark.start, mark.end, lit) }
        </mark>
    }
}

/// The annotated article.
#[function_component(DocumentView)]
pub fn document_view(props: &DocumentProps) -> Html {
    let analysis = props.analysis.clone();
    use_effect_with(analysis.rev, |_| browser::mark_rendered());

    let on_over = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(target) = mark_under(&event).as_ref().and_then(target_of) {
                on_select.emit((target, Via::Hover));
            }
        })
    };
    let on_click = {
        let on_select = props.on_select.clone();
        let on_leave = props.on_leave.clone();
        Callback::from(move |event: MouseEvent| match mark_under(&event).as_ref().and_then(target_of) {
            Some(target) => on_select.emit((target, Via::Click)),
            None => on_leave.emit(true),
        })
    };
    let on_out = {
        let on_leave = props.on_leave.clone();
        Callback::from(move |_: MouseEvent| on_leave.emit(false))
    };
    let text: &str = &analysis.text;
    html! {
        <article
            class={classes!("document", props.filters.classes())}
            data-muster="document"
            aria-label="Annotated article"
            tabindex="0"
            onmouseover={on_over}
            onclick={on_click}
            onmouseleave={on_out}
        >
            { render_span(text, &analysis.marks, 0, text.len(), props.lit.as_deref()) }
        </article>
    }
}
