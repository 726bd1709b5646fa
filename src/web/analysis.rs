//! One article's annotations, prepared for the page: byte offsets, a nested mark tree and a reading order.

use std::collections::{BinaryHeap, HashMap};
use std::cmp::Reverse;
use std::rc::Rc;

use crate::engine::schema::{Actor, Annotations, Claim, Figure};
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

/// The sub-kind of a figure, as filters name it.
pub fn figure_sub(figure: &Figure) -> &'static str {
    match figure.kind {
        crate::FigureKind::Force => "force",
        crate::FigureKind::Casualty => "casualty",
    }
}

/// The sub-kind of an actor, as filters name it.
pub fn actor_sub(actor: &Actor) -> &'static str {
    use crate::ActorKind::*;
    match actor.kind {
        Person => "person",
        State => "state",
        Military => "military",
        ArmedGroup => "armed_group",
        Media => "media",
        Organization => "organization",
    }
}

/// The stance of a claim, as filters and labels name it.
pub fn claim_sub(claim: &Claim) -> &'static str {
    match claim.stance {
        crate::Stance::Asserted => "asserted",
        crate::Stance::Denied => "denied",
        crate::Stance::Hedged => "hedged",
    }
}

impl Analysis {
    /// Annotates `text`, applies the reader's corrections and builds the mark tree.
    pub fn new(text: Rc<str>, rev: u64, lexicon: Rc<Lexicon>) -> Self {
        let mut annotations = annotate_with(&text, OffsetUnit::Byte);
        lexicon.apply(&text, OffsetUnit::Byte, &mut annotations);
        let mut spans: Vec<(usize, usize, Target)> = Vec::new();
        for claim in &annotations.claims {
            let target = Target {
                kind: Category::Claim,
                id: claim.id.as_str().into(),
                at: claim.start,
                sub: claim_sub(claim),
                contested: claim.contested,
            };
            spans.push((claim.start, claim.end, target));
        }
        for figure in &annotations.figures {
            let target = Target {
                kind: Category::Figure,
                id: figure.id.as_str().into(),
                at: figure.start,
                sub: figure_sub(figure),
                contested: false,
            };
            spans.push((figure.start, figure.end, target));
        }
        for actor in &annotations.actors {
            let id: Rc<str> = actor.id.as_str().into();
            for mention in &actor.mentions {
                let target = Target {
                    kind: Category::Actor,
                    id: id.clone(),
                    at: mention.start,
                    sub: actor_sub(actor),
                    contested: false,
                };
                spans.push((mention.start, mention.end, target));
            }
        }
        spans.retain(|(start, end, _)| {
            start < end && *end <= text.len() && text.is_char_boundary(*start) && text.is_char_boundary(*end)
        });
        let mut order: Vec<Target> = spans.iter().map(|(_, _, t)| t.clone()).collect();
        crate::engine::sort::sort_by_key(&mut order, |t| (t.at, t.kind.nesting_rank()));
        let marks = nest(spans);
        Analysis { rev, text, annotations, marks, order, lexicon }
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

    /// Annotation counts per category: figures, actor mentions, claims.
    pub fn counts(&self) -> HashMap<Category, usize> {
        let a = &self.annotations;
        HashMap::from([
            (Category::Figure, a.figures.len()),
            (Category::Actor, a.actors.iter().map(|x| x.mentions.len()).sum()),
            (Category::Claim, a.claims.len()),
        ])
    }
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
