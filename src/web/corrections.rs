//! The reader's corrections: a user lexicon of rules (rename, merge, alias, not-an-annotation,
//! missing actor) applied to the engine's output, kept in local storage, exportable and importable.

use super::analysis::{name_of, parse_name, ACTOR_KINDS};
use super::json::{object, ToJson, Value};

use crate::engine::offsets::OffsetMap;
use crate::engine::Span;
use crate::{ActorKind, Annotations, Mention, OffsetUnit};

/// One correction. In JSON, an object whose `rule` names the variant (snake case) beside its
/// fields, e.g. `{"rule": "add_actor", "name": "Wagner", "kind": "armed_group"}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// Call the actor named `from` by `to`.
    Rename { from: String, to: String },
    /// The actor named `from` is the same as the one named `into`.
    Merge { from: String, into: String },
    /// Every `alias` in the text names the actor called `actor`.
    Alias { alias: String, actor: String },
    /// The figure or claim with this text, or the actor with this name, is not one.
    Wrong { kind: String, text: String },
    /// Every `name` in the text names an actor of this kind (one the engine missed or mistyped).
    AddActor { name: String, kind: ActorKind },
}

impl ToJson for Rule {
    fn to_json(&self) -> Value {
        match self {
            Rule::Rename { from, to } => object! { "rule": "rename", "from": from, "to": to },
            Rule::Merge { from, into } => object! { "rule": "merge", "from": from, "into": into },
            Rule::Alias { alias, actor } => object! { "rule": "alias", "alias": alias, "actor": actor },
            Rule::Wrong { kind, text } => object! { "rule": "wrong", "kind": kind, "text": text },
            Rule::AddActor { name, kind } => object! { "rule": "add_actor", "name": name, "kind": name_of(&ACTOR_KINDS, *kind) },
        }
    }
}

impl Rule {
    /// Reads a rule from its JSON; `None` when the rule is unknown or a field is missing or not a string.
    pub fn from_json(value: &Value) -> Option<Rule> {
        let field = |key: &str| value.get(key)?.as_str().map(String::from);
        Some(match value.get("rule")?.as_str()? {
            "rename" => Rule::Rename { from: field("from")?, to: field("to")? },
            "merge" => Rule::Merge { from: field("from")?, into: field("into")? },
            "alias" => Rule::Alias { alias: field("alias")?, actor: field("actor")? },
            "wrong" => Rule::Wrong { kind: field("kind")?, text: field("text")? },
            "add_actor" => Rule::AddActor { name: field("name")?, kind: parse_name(&ACTOR_KINDS, &field("kind")?)? },
            _ => return None,
        })
    }
    /// A one-line description for the corrections list.
    pub fn describe(&self) -> String {
        match self {
            Rule::Rename { from, to } => format!("Rename “{from}” → “{to}”"),
            Rule::Merge { from, into } => format!("Merge “{from}” into “{into}”"),
            Rule::Alias { alias, actor } => format!("“{alias}” is an alias of “{actor}”"),
            Rule::Wrong { kind, text } => format!("Not a {kind}: “{text}”"),
            Rule::AddActor { name, kind } => {
                format!("Actor “{name}” ({})", name_of(&ACTOR_KINDS, *kind).replace('_', " "))
            }
        }
    }
}

/// The user lexicon: every correction, in the order made. In JSON:
/// `{"muster_lexicon": 1, "rules": [...]}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lexicon {
    /// The corrections.
    pub rules: Vec<Rule>,
}

impl ToJson for Lexicon {
    fn to_json(&self) -> Value {
        object! { "muster_lexicon": 1u32, "rules": self.rules }
    }
}

impl Lexicon {
    /// Reads a lexicon from its JSON; `None` unless it is marked as one and every rule reads.
    pub fn from_json(value: &Value) -> Option<Lexicon> {
        value.get("muster_lexicon")?.as_u64()?;
        let rules = value.get("rules")?.as_array()?.iter().map(Rule::from_json).collect::<Option<Vec<Rule>>>()?;
        Some(Lexicon { rules })
    }
}

/// Byte spans of `needle` in `text` that stand as whole words.
fn whole_words(text: &str, needle: &str) -> Vec<Span> {
    if needle.trim().is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .filter(|(start, found)| {
            let before = text[..*start].chars().next_back();
            let after = text[start + found.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(start, found)| Span { start, end: start + found.len() })
        .collect()
}

fn add_mentions(annotations: &mut Annotations, text: &str, map: &OffsetMap, actor: usize, needle: &str) {
    for span in whole_words(text, needle) {
        let (start, end) = map.span(span);
        let taken = annotations.actors.iter().flat_map(|a| &a.mentions).any(|m| m.start < end && start < m.end);
        if !taken {
            annotations.actors[actor].mentions.push(Mention { start, end, text: needle.to_string() });
        }
    }
    crate::engine::sort::sort_by_key(&mut annotations.actors[actor].mentions, |m| m.start);
}

fn actor_index(annotations: &Annotations, name: &str) -> Option<usize> {
    annotations.actors.iter().position(|a| a.name == name)
}

fn forget_actor(annotations: &mut Annotations, index: usize, replacement: Option<String>) {
    let id = annotations.actors.remove(index).id;
    for figure in &mut annotations.figures {
        if figure.owner.as_deref() == Some(&id) {
            figure.owner = replacement.clone();
        }
    }
    for claim in &mut annotations.claims {
        if claim.source.as_deref() == Some(&id) {
            claim.source = replacement.clone();
        }
    }
}

impl Lexicon {
    /// Applies every rule to `annotations` of `text` (offsets in `unit`).
    pub fn apply(&self, text: &str, unit: OffsetUnit, annotations: &mut Annotations) {
        if self.rules.is_empty() {
            return;
        }
        let map = OffsetMap::new(text, unit);
        let mut added = 0;
        for rule in &self.rules {
            match rule {
                Rule::AddActor { name, kind } => {
                    if actor_index(annotations, name).is_none() {
                        added += 1;
                        annotations.actors.push(crate::Actor {
                            id: format!("u{added}"),
                            name: name.clone(),
                            kind: *kind,
                            role: None,
                            mentions: Vec::new(),
                        });
                    }
                    if let Some(i) = actor_index(annotations, name) {
                        annotations.actors[i].kind = *kind;
                        add_mentions(annotations, text, &map, i, name);
                    }
                }
                Rule::Alias { alias, actor } => {
                    if let Some(i) = actor_index(annotations, actor) {
                        add_mentions(annotations, text, &map, i, alias);
                    }
                }
                Rule::Merge { from, into } => {
                    if let (Some(f), Some(t)) = (actor_index(annotations, from), actor_index(annotations, into)) {
                        if f != t {
                            let mentions = std::mem::take(&mut annotations.actors[f].mentions);
                            let target = annotations.actors[t].id.clone();
                            annotations.actors[t].mentions.extend(mentions);
                            crate::engine::sort::sort_by_key(&mut annotations.actors[t].mentions, |m| m.start);
                            annotations.actors[t].mentions.dedup_by_key(|m| m.start);
                            forget_actor(annotations, f, Some(target));
                        }
                    }
                }
                Rule::Rename { from, to } => {
                    if let Some(i) = actor_index(annotations, from) {
                        annotations.actors[i].name = to.clone();
                    }
                }
                Rule::Wrong { kind, text: wrong } => match kind.as_str() {
                    "actor" => {
                        if let Some(i) = actor_index(annotations, wrong) {
                            forget_actor(annotations, i, None);
                        }
                    }
                    "figure" => annotations.figures.retain(|f| &f.text != wrong),
                    _ => {
                        let gone: Vec<String> = annotations.claims.iter().filter(|c| &c.text == wrong).map(|c| c.id.clone()).collect();
                        annotations.claims.retain(|c| &c.text != wrong);
                        for claim in &mut annotations.claims {
                            claim.contested_by.retain(|id| !gone.contains(id));
                            claim.contested = claim.contested && (!claim.contested_by.is_empty() || claim.stance != crate::Stance::Asserted);
                        }
                    }
                },
            }
        }
    }
}
