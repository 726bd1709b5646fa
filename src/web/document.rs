//! The reading view: the article's exact text with every annotation as a nested `<mark>`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::{VList, VNode, VText};

use super::analysis::{Analysis, Block, MarkNode, Target};
use super::browser;
use super::popover::flag;
use super::state::{Category, Filters, Via};

/// Reads the target of a mark back from its data attributes. A mark's `data-at` is counted from the
/// start of its paragraph block (`data-start`), so that a block whose own text and marks did not
/// change is not re-rendered when an edit above it moves it.
pub fn target_of(mark: &web_sys::Element) -> Option<Target> {
    let block = mark.closest(".block").ok()??;
    let start: i64 = block.get_attribute("data-start")?.parse().ok()?;
    let at: i64 = mark.get_attribute("data-at")?.parse().ok()?;
    Some(Target {
        kind: Category::parse(&mark.get_attribute("data-kind")?)?,
        id: mark.get_attribute("data-id")?.into(),
        at: usize::try_from(start + at).ok()?,
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

/// The text `from..to` with its marks; `base` is the start of the block (marks' `data-at` count from it).
fn render_span(text: &str, marks: &[MarkNode], from: usize, to: usize, base: usize, lit: Option<&str>) -> Html {
    let mut nodes = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = from;
    for mark in marks {
        if mark.start > at {
            nodes.push(VNode::VText(VText::new(text.get(at..mark.start).unwrap_or("").to_string())));
        }
        nodes.push(render_mark(text, mark, base, lit));
        at = mark.end;
    }
    if to > at {
        nodes.push(VNode::VText(VText::new(text.get(at..to).unwrap_or("").to_string())));
    }
    VNode::VList(Rc::new(VList::with_children(nodes, None)))
}

fn render_mark(text: &str, mark: &MarkNode, base: usize, lit: Option<&str>) -> Html {
    let target = &mark.target;
    let is_lit = target.kind == Category::Actor && lit == Some(&*target.id);
    // Few attributes per mark (styles select on data-kind): thousands of marks are created at once.
    html! {
        <mark
            class={is_lit.then_some("lit")}
            data-kind={target.kind.as_str()}
            data-id={target.id.to_string()}
            data-at={(target.at as i64 - base as i64).to_string()}
            data-sub={target.sub}
            data-contested={(target.kind == Category::Claim).then(|| flag(target.contested))}
        >
            { render_span(text, &mark.children, mark.start, mark.end, base, lit) }
        </mark>
    }
}

/// Properties of [`Paragraph`].
#[derive(Properties)]
struct ParagraphProps {
    /// The whole text (the block is a range of it).
    text: Rc<str>,
    /// The block's range and marks.
    block: Rc<Block>,
    /// The lit actor, when it has a mention in this block.
    lit: Option<Rc<str>>,
}

impl PartialEq for ParagraphProps {
    /// Equal when the block's text and marks are the same relative to its start (wherever it is).
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&*self.block, &*other.block);
        self.text.get(a.start..a.end) == other.text.get(b.start..b.end)
            && same_marks(&a.marks, a.start, &b.marks, b.start)
            && self.lit == other.lit
    }
}

/// Whether two mark trees are the same once each is counted from its own base.
fn same_marks(a: &[MarkNode], a_base: usize, b: &[MarkNode], b_base: usize) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            let (s, t) = (&x.target, &y.target);
            x.start.wrapping_sub(a_base) == y.start.wrapping_sub(b_base)
                && x.end.wrapping_sub(a_base) == y.end.wrapping_sub(b_base)
                && s.at.wrapping_sub(a_base) == t.at.wrapping_sub(b_base)
                && (s.kind, &s.id, s.sub, s.contested) == (t.kind, &t.id, t.sub, t.contested)
                && same_marks(&x.children, a_base, &y.children, b_base)
        })
}

/// Whether any mark in `marks` (or nested in one) is a mention of actor `id`.
fn mentions(marks: &[MarkNode], id: &str) -> bool {
    marks.iter().any(|m| (m.target.kind == Category::Actor && &*m.target.id == id) || mentions(&m.children, id))
}

/// One paragraph block's content: re-rendered only when its text, its marks (relative to the block)
/// or its lit mentions change, not when an edit above merely moves it.
#[function_component(Paragraph)]
fn paragraph(props: &ParagraphProps) -> Html {
    let block = &props.block;
    render_span(&props.text, &block.marks, block.start, block.end, block.start, props.lit.as_deref())
}

/// How many bytes of text are put on the page per step when a very long article is shown.
const CHUNK_BYTES: usize = 256 * 1024;

/// The number of blocks that hold the first `bytes` of text (at least one).
fn blocks_within(blocks: &[Rc<Block>], bytes: usize) -> usize {
    blocks.partition_point(|b| b.end <= bytes).max(1).min(blocks.len())
}

/// The annotated article of `analysis`, shown as `filters` say, the mentions of actor `lit` lit;
/// `on_select` opens an annotation's details, `on_leave` is told the pointer left the text (false)
/// or a click landed outside any mark (true). A hook of the app rather than a component of its
/// own (each component costs ~0.7 KB of gzipped wasm): its paragraphs are the components that
/// spare re-rendering what did not change.
#[hook]
pub fn use_document(analysis: Rc<Analysis>, filters: &Filters, lit: Option<Rc<str>>, on_select: Callback<(Target, Via)>, on_leave: Callback<bool>) -> Html {
    let total = analysis.blocks.len();
    // A very long article is put on the page a chunk at a time, so the page stays responsive.
    let progress = use_mut_ref(|| (u64::MAX, 0usize)); // (revision, blocks shown)
    let update = use_force_update();
    if progress.borrow().0 != analysis.rev {
        *progress.borrow_mut() = (analysis.rev, blocks_within(&analysis.blocks, CHUNK_BYTES));
    }
    let count = progress.borrow().1.min(total);
    {
        let analysis = analysis.clone();
        use_effect_with((analysis.rev, count), move |&(rev, count)| {
            if count >= analysis.blocks.len() {
                browser::mark_rendered();
                return;
            }
            let upto = analysis.blocks[count - 1].end + CHUNK_BYTES;
            let next = blocks_within(&analysis.blocks, upto);
            browser::after(std::time::Duration::ZERO, move || {
                if progress.borrow().0 == rev {
                    progress.borrow_mut().1 = next;
                    update.force_update();
                }
            });
        });
    }

    let on_over = {
        let on_select = on_select.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(target) = mark_under(&event).as_ref().and_then(target_of) {
                on_select.emit((target, Via::Hover));
            }
        })
    };
    let on_click = {
        let on_select = on_select.clone();
        let on_leave = on_leave.clone();
        Callback::from(move |event: MouseEvent| match mark_under(&event).as_ref().and_then(target_of) {
            Some(target) => on_select.emit((target, Via::Click)),
            None => on_leave.emit(true),
        })
    };
    let on_out = Callback::from(move |_: MouseEvent| on_leave.emit(false));
    let lit = lit.as_deref();
    let blocks = analysis.blocks[..count].iter().map(|block| {
        let lit = lit.filter(|id| mentions(&block.marks, id)).map(Rc::from);
        // The block's start is the one attribute that moves with edits above it: cheap to update.
        html! {
            <div class="block" data-start={block.start.to_string()}>
                <Paragraph text={analysis.text.clone()} block={block.clone()} {lit} />
            </div>
        }
    });
    let status = (count < total).then(|| {
        let done = analysis.blocks[count - 1].end;
        let percent = done * 100 / analysis.text.len().max(1);
        html! {
            <p class="rendering" role="status">{ format!("Showing a long article: {percent}% on the page so far…") }</p>
        }
    });
    html! {
        <>
            { for status }
            <article
                class={filters.classes()}
                data-muster="document"
                aria-label="Annotated article"
                tabindex="0"
                onmouseover={on_over}
                onclick={on_click}
                onmouseleave={on_out}
            >
                { for blocks }
            </article>
        </>
    }
}
