//! Troop figures: numbers that give the size of an armed force.

use super::actors::FoundActors;
use super::schema::{FigureKind, Qualifier};
use super::{Doc, Span};

/// A troop figure as the engine found it, before ids and offsets are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundFigure {
    /// From the qualifier, if any, through the force noun.
    pub span: Span,
    /// Force or casualty.
    pub kind: FigureKind,
    /// The number.
    pub value: Option<u64>,
    /// Lower bound.
    pub min: Option<u64>,
    /// Upper bound.
    pub max: Option<u64>,
    /// How the number bounds the size.
    pub qualifier: Qualifier,
    /// Index into [`FoundActors::actors`] of the force's owner.
    pub owner: Option<usize>,
    /// Where the force is or goes.
    pub location: Option<String>,
    /// What happens to it.
    pub action: Option<&'static str>,
}

/// Finds the troop figures of a document.
pub fn find(_doc: &Doc, _actors: &FoundActors) -> Vec<FoundFigure> {
    Vec::new()
}
