//! Actors: recognise, type and merge the people, states, forces, armed groups and outlets.

use super::schema::ActorKind;
use super::{Doc, Span};

/// One actor as the engine found it, before ids and offsets are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundActor {
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: ActorKind,
    /// Role or title, for people.
    pub role: Option<String>,
    /// Every mention, in text order, never overlapping another actor's.
    pub mentions: Vec<Span>,
}

/// The actors of one article, plus the words that point at them without naming them.
#[derive(Debug, Clone, Default)]
pub struct FoundActors {
    /// Actors in order of first mention.
    pub actors: Vec<FoundActor>,
    /// Demonyms and other adjectives ("American", "Iraqi") with the actor they stand for;
    /// used for ownership, not reported as mentions.
    pub adjectives: Vec<(Span, usize)>,
}

impl FoundActors {
    /// The actor a mention or adjective at exactly or around `span` refers to.
    pub fn actor_at(&self, span: Span) -> Option<usize> {
        self.adjectives
            .iter()
            .find(|(s, _)| s.overlaps(&span))
            .map(|&(_, i)| i)
            .or_else(|| {
                self.actors.iter().position(|a| a.mentions.iter().any(|m| m.overlaps(&span)))
            })
    }
}

/// Finds the actors of a document.
pub fn find(_doc: &Doc) -> FoundActors {
    FoundActors::default()
}
