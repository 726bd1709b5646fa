//! One article's annotations, prepared for the page: byte offsets, a nested mark tree and a reading order.

use std::collections::BinaryHeap;
use std::cmp::Reverse;
use std::rc::Rc;

use crate::engine::schema::{Actor, ActorKind, Annotations, Claim, Figure, FigureKind, Qualifier, Stance};
use crate::{annotate_with, OffsetUnit};

use super::corrections::Lexicon;
use super::state::Category;

/// One `<mark>` in the reading view: an annotation, or the part of one that fits inside its parent.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkNode {
    /// Byte offset where this piece starts.
    pub start: usize,
    /// Byte offset where this piece ends (exclusive).
    pub end: usize,
    /// Which annotation this piece belongs to.
    pub target: Target,
    /// Marks nested inside this one, in text order.
    pub children: Vec<MarkNode>,
}

/// A reference to one annotation (for actors: one mention), with what filters need to know about it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    /// Figure, actor or claim.
    pub kind: Category,
    /// The annotation's id (`f1`, `a2`, `c3`).
    pub id: Rc<str>,
    /// Byte offset where the whole annotation (or mention) starts: tells mentions of one actor apart.
    pub at: usize,
    /// The sub-kind filters use: force/casualty, the actor kind, or the claim stance.
    pub sub: &'static str,
    /// Whether a claim is contested.
    pub contested: bool,
}

impl Target {
    /// The target of a figure.
    pub fn figure(figure: &Figure) -> Self {
        Target { kind: Category::Figure, id: figure.id.as_str().into(), at: figure.start, sub: figure_sub(figure), contested: false }
    }

    /// The target of a claim.
    pub fn claim(claim: &Claim) -> Self {
        Target { kind: Category::Claim, id: claim.id.as_str().into(), at: claim.start, sub: claim_sub(claim), contested: claim.contested }
    }

    /// The target of one mention (starting at `at`) of an actor whose id is `id`.
    pub fn mention(actor: &Actor, id: Rc<str>, at: usize) -> Self {
        Target { kind: Category::Actor, id, at, sub: actor_sub(actor), contested: false }
    }
}

/// Annotations of one text, with byte offsets, ready to render.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Revision of the text this analysis belongs to.
    pub rev: u64,
    /// The analysed text.
    pub text: Rc<str>,
    /// The engine's result, offsets in UTF-8 bytes.
    pub annotations: Annotations,
    /// Top-level marks in text order.
    pub marks: Vec<MarkNode>,
    /// The text cut into paragraph blocks, each with its own marks, for rendering piece by piece.
    pub blocks: Vec<Rc<Block>>,
    /// Every annotation (every actor mention) in reading order, for next/previous.
    pub order: Vec<Target>,
    /// The reader's corrections, applied to `annotations` (and to exports).
    pub lexicon: Rc<Lexicon>,
}

impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && Rc::ptr_eq(&self.text, &other.text)
    }
}

/// The names of figure kinds (as in the schema's JSON and the filters).
pub const FIGURE_KINDS: [(FigureKind, &str); 2] = [(FigureKind::Force, "force"), (FigureKind::Casualty, "casualty")];

/// The names of actor kinds.
pub const ACTOR_KINDS: [(ActorKind, &str); 6] = [
    (ActorKind::Person, "person"),
    (ActorKind::State, "state"),
    (ActorKind::Military, "military"),
    (ActorKind::ArmedGroup, "armed_group"),
    (ActorKind::Media, "media"),
    (ActorKind::Organization, "organization"),
];

/// The names of claim stances.
pub const STANCES: [(Stance, &str); 3] = [(Stance::Asserted, "asserted"), (Stance::Denied, "denied"), (Stance::Hedged, "hedged")];

/// The names of figure qualifiers.
pub const QUALIFIERS: [(Qualifier, &str); 6] = [
    (Qualifier::Exact, "exact"),
    (Qualifier::Approximate, "approximate"),
    (Qualifier::AtLeast, "at_least"),
    (Qualifier::AtMost, "at_most"),
    (Qualifier::Range, "range"),
    (Qualifier::Vague, "vague"),
];

/// The name of `value` in a table of names.
pub fn name_of<T: PartialEq + Copy>(table: &[(T, &'static str)], value: T) -> &'static str {
    table.iter().find(|(v, _)| *v == value).map_or("", |(_, name)| name)
}

/// The value named `name` in a table of names.
pub fn parse_name<T: Copy>(table: &[(T, &'static str)], name: &str) -> Option<T> {
    table.iter().find(|(_, n)| *n == name).map(|(v, _)| *v)
}

/// The sub-kind of a figure, as filters name it.
pub fn figure_sub(figure: &Figure) -> &'static str {
    name_of(&FIGURE_KINDS, figure.kind)
}

/// The sub-kind of an actor, as filters name it.
pub fn actor_sub(actor: &Actor) -> &'static str {
    name_of(&ACTOR_KINDS, actor.kind)
}

/// The stance of a claim, as filters and labels name it.
pub fn claim_sub(claim: &Claim) -> &'static str {
    name_of(&STANCES, claim.stance)
}

impl Analysis {
    /// `text` without annotations (too long to annotate in the page), still cut into blocks.
    pub fn plain(text: Rc<str>, rev: u64, lexicon: Rc<Lexicon>) -> Self {
        let blocks = blocks(&text, &[]);
        Analysis { rev, text, blocks, lexicon, ..Analysis::default() }
    }

    /// Annotates `text`, applies the reader's corrections and builds the mark tree.
    pub fn new(text: Rc<str>, rev: u64, lexicon: Rc<Lexicon>) -> Self {
        let annotations = annotate_with(&text, OffsetUnit::Byte);
        Self::from_annotations(text, rev, annotations, lexicon)
    }

    /// Applies the reader's corrections to the engine's `annotations` of `text` (byte offsets)
    /// and builds the mark tree.
    pub fn from_annotations(text: Rc<str>, rev: u64, mut annotations: Annotations, lexicon: Rc<Lexicon>) -> Self {
        lexicon.apply(&text, OffsetUnit::Byte, &mut annotations);
        let mut spans: Vec<(usize, usize, Target)> = Vec::new();
        for claim in &annotations.claims {
            spans.push((claim.start, claim.end, Target::claim(claim)));
        }
        for figure in &annotations.figures {
            spans.push((figure.start, figure.end, Target::figure(figure)));
        }
        for actor in &annotations.actors {
            let id: Rc<str> = actor.id.as_str().into();
            for mention in &actor.mentions {
                spans.push((mention.start, mention.end, Target::mention(actor, id.clone(), mention.start)));
            }
        }
        spans.retain(|(start, end, _)| {
            start < end && *end <= text.len() && text.is_char_boundary(*start) && text.is_char_boundary(*end)
        });
        let mut order: Vec<Target> = spans.iter().map(|(_, _, t)| t.clone()).collect();
        crate::engine::sort::sort_by_key(&mut order, |t| (t.at, t.kind.nesting_rank()));
        let marks = nest(spans);
        let blocks = blocks(&text, &marks);
        Analysis { rev, text, annotations, marks, blocks, order, lexicon }
    }

    /// The figure with this id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.annotations.figures.iter().find(|f| f.id == id)
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.annotations.actors.iter().find(|a| a.id == id)
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.annotations.claims.iter().find(|c| c.id == id)
    }

    /// The name of the actor with this id, or the id itself.
    pub fn actor_name(&self, id: &str) -> String {
        self.actor(id).map_or_else(|| id.to_string(), |a| a.name.clone())
    }

    /// How many annotations of a category there are (for actors: mentions).
    pub fn count(&self, category: Category) -> usize {
        let a = &self.annotations;
        match category {
            Category::Figure => a.figures.len(),
            Category::Actor => a.actors.iter().map(|x| x.mentions.len()).sum(),
            Category::Claim => a.claims.len(),
        }
    }
}

/// One paragraph of the reading view: a byte range of the text and the marks inside it (a mark that
/// crosses a paragraph break is cut in two, each piece keeping the annotation's attributes).
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Byte offset where the paragraph starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive), after its trailing line breaks.
    pub end: usize,
    /// Top-level marks within `start..end`, in text order.
    pub marks: Vec<MarkNode>,
}

/// A paragraph longer than this (in bytes) with no line break is cut at a space, so that no block
/// is too big to lay out quickly.
const LONGEST_BLOCK: usize = 4096;

/// Byte offsets where the reading view's blocks end: after every run of line breaks, and at a
/// space in paragraphs longer than [`LONGEST_BLOCK`]. The last offset is the text's length.
fn block_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::with_capacity(text.len() / 400 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            while i < bytes.len() && matches!(bytes[i], b'\n' | b'\r') {
                i += 1;
            }
            ends.push(i);
            start = i;
            continue;
        }
        if i - start >= LONGEST_BLOCK && bytes[i] == b' ' {
            ends.push(i + 1);
            start = i + 1;
        }
        i += 1;
    }
    if ends.last() != Some(&text.len()) {
        ends.push(text.len());
    }
    ends
}

/// The part of `node` that lies within `from..to` (which must overlap it), its children clipped too.
fn clip(node: &MarkNode, from: usize, to: usize) -> MarkNode {
    let start = node.start.max(from);
    let end = node.end.min(to);
    let children = node
        .children
        .iter()
        .filter(|c| c.start < end && c.end > start)
        .map(|c| if c.start >= start && c.end <= end { c.clone() } else { clip(c, start, end) })
        .collect();
    MarkNode { start, end, target: node.target.clone(), children }
}

/// Cuts the text into paragraph blocks and hands each its marks, in one pass over the mark tree.
pub fn blocks(text: &str, marks: &[MarkNode]) -> Vec<Rc<Block>> {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut next = 0; // the first top-level mark that may reach into the current block
    for end in block_ends(text) {
        while next < marks.len() && marks[next].end <= start {
            next += 1;
        }
        let mut inside = Vec::new();
        for mark in marks[next..].iter().take_while(|m| m.start < end) {
            if mark.start >= start && mark.end <= end {
                inside.push(mark.clone());
            } else {
                inside.push(clip(mark, start, end));
            }
        }
        blocks.push(Rc::new(Block { start, end, marks: inside }));
        start = end;
    }
    blocks
}

/// Nests spans into a tree: a span that starts inside another and ends after it is split at the
/// parent's end, its remainder nesting wherever it falls next. No span is dropped.
pub fn nest(spans: Vec<(usize, usize, Target)>) -> Vec<MarkNode> {
    struct Slot {
        node: MarkNode,
        children: Vec<usize>,
    }
    let mut targets: Vec<Target> = Vec::with_capacity(spans.len());
    let mut queue = BinaryHeap::new();
    for (start, end, target) in spans {
        queue.push(Reverse((start, Reverse(end), target.kind.nesting_rank(), targets.len())));
        targets.push(target);
    }
    let mut slots: Vec<Slot> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    while let Some(Reverse((start, Reverse(end), rank, index))) = queue.pop() {
        while stack.last().is_some_and(|&open| slots[open].node.end <= start) {
            stack.pop();
        }
        let mut piece_end = end;
        if let Some(&open) = stack.last() {
            let parent_end = slots[open].node.end;
            if end > parent_end {
                piece_end = parent_end;
                queue.push(Reverse((parent_end, Reverse(end), rank, index)));
            }
        }
        let node = MarkNode { start, end: piece_end, target: targets[index].clone(), children: Vec::new() };
        slots.push(Slot { node, children: Vec::new() });
        let slot = slots.len() - 1;
        match stack.last() {
            Some(&open) => slots[open].children.push(slot),
            None => roots.push(slot),
        }
        stack.push(slot);
    }
    fn assemble(slot: usize, slots: &mut Vec<Option<Slot>>) -> Option<MarkNode> {
        let Slot { mut node, children } = slots.get_mut(slot)?.take()?;
        node.children = children.into_iter().filter_map(|c| assemble(c, slots)).collect();
        Some(node)
    }
    let mut slots: Vec<Option<Slot>> = slots.into_iter().map(Some).collect();
    roots.into_iter().filter_map(|r| assemble(r, &mut slots)).collect()
}
