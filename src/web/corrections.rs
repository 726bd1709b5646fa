//! The reader's corrections: a user lexicon of rules (rename, merge, alias, not-an-annotation,
//! missing actor) applied to the engine's output, kept in local storage, exportable and importable.

use serde::{Deserialize, Serialize};

use crate::engine::offsets::OffsetMap;
use crate::engine::Span;
use crate::{ActorKind, Annotations, Mention, OffsetUnit};

/// One correction. In JSON, an object whose `rule` names the variant (snake case) beside its
/// fields, e.g. `{"rule": "add_actor", "name": "Wagner", "kind": "armed_group"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RuleRecord", into = "RuleRecord")]
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

/// A [`Rule`] as stored: the variant's name and every field it may have. Serde's internally
/// tagged enums buffer the input generically, which costs ~5 KB of the page's gzipped wasm;
/// this flat record reads and writes the same JSON.
#[derive(Serialize, Deserialize, Default)]
struct RuleRecord {
    rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    into: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    alias: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
}

impl TryFrom<RuleRecord> for Rule {
    type Error = String;

    fn try_from(r: RuleRecord) -> Result<Rule, String> {
        let missing = || format!("incomplete “{}” rule", r.rule);
        Ok(match r.rule.as_str() {
            "rename" => Rule::Rename { from: r.from.clone().ok_or_else(missing)?, to: r.to.clone().ok_or_else(missing)? },
            "merge" => Rule::Merge { from: r.from.clone().ok_or_else(missing)?, into: r.into.clone().ok_or_else(missing)? },
            "alias" => Rule::Alias { alias: r.alias.clone().ok_or_else(missing)?, actor: r.actor.clone().ok_or_else(missing)? },
            "wrong" => Rule::Wrong { kind: r.kind.clone().ok_or_else(missing)?, text: r.text.clone().ok_or_else(missing)? },
            "add_actor" => {
                let kind = r.kind.clone().map(serde_json::Value::String).and_then(|k| serde_json::from_value(k).ok());
                Rule::AddActor { name: r.name.clone().ok_or_else(missing)?, kind: kind.ok_or_else(missing)? }
            }
            other => return Err(format!("unknown rule “{other}”")),
        })
    }
}

impl From<Rule> for RuleRecord {
    fn from(rule: Rule) -> RuleRecord {
        let named = |name: &str| RuleRecord { rule: name.into(), ..RuleRecord::default() };
        match rule {
            Rule::Rename { from, to } => RuleRecord { from: Some(from), to: Some(to), ..named("rename") },
            Rule::Merge { from, into } => RuleRecord { from: Some(from), into: Some(into), ..named("merge") },
            Rule::Alias { alias, actor } => RuleRecord { alias: Some(alias), actor: Some(actor), ..named("alias") },
            Rule::Wrong { kind, text } => RuleRecord { kind: Some(kind), text: Some(text), ..named("wrong") },
            Rule::AddActor { name, kind } => {
                let kind = super::json::to_value(&kind).as_str().map(String::from);
                RuleRecord { name: Some(name), kind, ..named("add_actor") }
            }
        }
    }
}

impl Rule {
    /// A one-line description for the corrections list.
    pub fn describe(&self) -> String {
        match self {
            Rule::Rename { from, to } => format!("Rename “{from}” → “{to}”"),
            Rule::Merge { from, into } => format!("Merge “{from}” into “{into}”"),
            Rule::Alias { alias, actor } => format!("“{alias}” is an alias of “{actor}”"),
            Rule::Wrong { kind, text } => format!("Not a {kind}: “{text}”"),
            Rule::AddActor { name, kind } => {
                format!("Actor “{name}” ({})", super::json::to_value(&kind).as_str().map(|k| k.replace('_', " ")).unwrap_or_default())
            }
        }
    }
}

/// The user lexicon: every correction, in the order made.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Lexicon {
    /// Marks the JSON as a Muster user lexicon.
    #[serde(default = "lexicon_format")]
    pub muster_lexicon: u32,
    /// The corrections.
    pub rules: Vec<Rule>,
}

fn lexicon_format() -> u32 {
    1
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
