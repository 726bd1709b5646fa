//! The output schema shared by the CLI, the JS API and the page (see `docs/SCHEMA.md`).
//!
//! Offsets are end-exclusive and counted in the unit the caller asked for
//! ([`crate::OffsetUnit`]); `text` always equals the input sliced at `[start, end)`.

use serde::{Deserialize, Serialize};

/// Everything the engine found in one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Annotations {
    /// Troop figures, in text order.
    pub figures: Vec<Figure>,
    /// Actors, each listed once with all its mentions.
    pub actors: Vec<Actor>,
    /// Reported claims, in text order.
    pub claims: Vec<Claim>,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Strength, deployment, reinforcement, withdrawal, rotation.
    Force,
    /// Personnel killed, wounded or captured.
    Casualty,
}

/// How the number bounds the real size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "1,500 troops".
    Exact,
    /// "around 2,500".
    Approximate,
    /// "more than 300".
    AtLeast,
    /// "up to 5,000".
    AtMost,
    /// "between 2,000 and 3,000".
    Range,
    /// "hundreds of".
    Vague,
}

/// A troop figure: a number giving the size of an armed force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Stable id within one result, such as `f1`.
    pub id: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The text at `[start, end)`.
    pub text: String,
    /// Force or casualty.
    pub kind: FigureKind,
    /// The number itself, when one is given.
    pub value: Option<u64>,
    /// Lower bound, when known.
    pub min: Option<u64>,
    /// Upper bound, when known.
    pub max: Option<u64>,
    /// How the number bounds the size.
    pub qualifier: Qualifier,
    /// Id of the actor whose force it is.
    pub owner: Option<String>,
    /// Where the force is, or goes.
    pub location: Option<String>,
    /// What happens to it: deploy, withdraw, present, reduce, reinforce, rotate, killed, wounded, captured.
    pub action: Option<String>,
}

/// The type of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A country or its government.
    State,
    /// Ministries, armed forces, units, commands, coalitions.
    Military,
    /// Non-state armed groups.
    ArmedGroup,
    /// Outlets and agencies.
    Media,
    /// International bodies, parties, parliaments, committees.
    Organization,
}

/// One place in the text that names an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The text at `[start, end)`.
    pub text: String,
}

/// A named participant, listed once with every mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id within one result, such as `a1`.
    pub id: String,
    /// Canonical name ("United States", "Mohammed Shia' al-Sudani").
    pub name: String,
    /// The actor's type.
    pub kind: ActorKind,
    /// Role or title, for people ("Prime Minister of Iraq").
    pub role: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// How the article frames a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Reported plainly.
    Asserted,
    /// A source denies, rejects or dismisses something.
    Denied,
    /// The writer distances the text from it (alleged, reportedly, so-called).
    Hedged,
}

/// A reported claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id within one result, such as `c1`.
    pub id: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The text at `[start, end)`.
    pub text: String,
    /// Id of the actor who makes the claim.
    pub source: Option<String>,
    /// The reporting verb or phrase ("said", "according to", "denied", "alleged").
    pub cue: String,
    /// How the claim is framed.
    pub stance: Stance,
    /// Whether anything in the article disputes or hedges it.
    pub contested: bool,
    /// Ids of the claims that contest it (links go both ways).
    pub contested_by: Vec<String>,
}
