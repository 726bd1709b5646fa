//! Claims: who says what, who denies it, and what contradicts what.

use super::actors::FoundActors;
use super::figures::FoundFigure;
use super::schema::Stance;
use super::{Doc, Span};

/// A claim as the engine found it, before ids and offsets are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundClaim {
    /// The claim's content (or the whole sentence that holds it).
    pub span: Span,
    /// Index into [`FoundActors::actors`] of the source.
    pub source: Option<usize>,
    /// The reporting verb or phrase.
    pub cue: String,
    /// How the claim is framed.
    pub stance: Stance,
    /// Whether anything disputes or hedges it.
    pub contested: bool,
    /// Indexes of the claims that contest it.
    pub contested_by: Vec<usize>,
}

/// Finds the claims of a document.
pub fn find(_doc: &Doc, _actors: &FoundActors, _figures: &[FoundFigure]) -> Vec<FoundClaim> {
    Vec::new()
}
