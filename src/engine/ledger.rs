//! The ledger: troop figures compared across several annotated articles.
//!
//! Figures are grouped by force (owner and place); each group lists who asserts
//! which value in which article, and which pairs of assertions cannot both hold
//! (same action, bounds that do not meet, allowing a tenth either way for rounding).

use super::schema::{Annotations, FigureKind, Qualifier, Stance};
use serde::{Deserialize, Serialize};

/// One article given to the ledger: a name the reader knows it by, and its annotations.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// Title, file name or URL.
    pub name: &'a str,
    /// What the engine found in it.
    pub annotations: &'a Annotations,
}

/// Figures per force across articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    /// One entry per force (owner, place), the most disputed first.
    pub forces: Vec<ForceEntry>,
}

/// Everything said about one force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForceEntry {
    /// Whose force (the owner actor's name), if known.
    pub owner: Option<String>,
    /// Where it is or goes, if known.
    pub location: Option<String>,
    /// Every figure given for it, in article order.
    pub assertions: Vec<Assertion>,
    /// Pairs of indexes into `assertions` that cannot both hold.
    pub disagreements: Vec<(usize, usize)>,
}

/// One figure as one source puts it in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assertion {
    /// Index of the article in the ledger's input.
    pub article: usize,
    /// The article's name.
    pub article_name: String,
    /// The figure's id within its article.
    pub figure: String,
    /// The figure as written ("around 2,500 American troops").
    pub text: String,
    /// Its number, when one is given.
    pub value: Option<u64>,
    /// Lower bound.
    pub min: Option<u64>,
    /// Upper bound.
    pub max: Option<u64>,
    /// How the number bounds the size.
    pub qualifier: Qualifier,
    /// What happens to the force (deploy, withdraw, present...).
    pub action: Option<String>,
    /// Who asserts it: the source of the claim that holds it; `None` for the writer.
    pub source: Option<String>,
    /// The id of the claim that holds it, if any.
    pub claim: Option<String>,
    /// How that claim is framed (asserted when the writer states it).
    pub stance: Stance,
}

/// Whether two sizes, each a value or bounds, cannot both hold (a tenth of slack for rounding).
pub fn incompatible(a: (Option<u64>, Option<u64>, Option<u64>), b: (Option<u64>, Option<u64>, Option<u64>)) -> bool {
    // The value stands for both bounds only when none is given: "more than 300" (value
    // 300, no max) has no upper bound, "up to 5,000" (value 5,000, no min) no lower one.
    let bounds = |(value, min, max): (Option<u64>, Option<u64>, Option<u64>)| {
        let (min, max) = if min.is_none() && max.is_none() { (value, value) } else { (min, max) };
        let lo = min.unwrap_or(0);
        let hi = max.unwrap_or(u64::MAX);
        (lo.saturating_sub(lo / 10), hi.saturating_add(hi / 10))
    };
    let ((alo, ahi), (blo, bhi)) = (bounds(a), bounds(b));
    ahi < blo || bhi < alo
}

/// Annotates each `(name, text)` article and builds the ledger of their force figures:
/// what the JS API's `ledger` calls with the articles an embedder passes.
pub fn of_texts(articles: &[(&str, &str)]) -> Ledger {
    let annotated: Vec<Annotations> = articles.iter().map(|(_, text)| super::annotate(text)).collect();
    let list: Vec<Article> = articles.iter().zip(&annotated).map(|(&(name, _), annotations)| Article { name, annotations }).collect();
    compare(&list)
}

/// Builds the ledger of force figures across `articles`.
pub fn compare(articles: &[Article]) -> Ledger {
    let mut forces: Vec<ForceEntry> = Vec::new();
    for (ai, article) in articles.iter().enumerate() {
        let ann = article.annotations;
        let actor_name = |id: &Option<String>| id.as_ref().and_then(|id| ann.actors.iter().find(|a| &a.id == id)).map(|a| a.name.clone());
        for f in ann.figures.iter().filter(|f| f.kind == FigureKind::Force) {
            let owner = actor_name(&f.owner);
            let holder = ann.claims.iter().filter(|c| c.start <= f.start && f.end <= c.end).min_by_key(|c| c.end - c.start);
            let assertion = Assertion {
                article: ai,
                article_name: article.name.to_string(),
                figure: f.id.clone(),
                text: f.text.clone(),
                value: f.value,
                min: f.min,
                max: f.max,
                qualifier: f.qualifier,
                action: f.action.clone(),
                source: holder.and_then(|c| actor_name(&c.source)),
                claim: holder.map(|c| c.id.clone()),
                stance: holder.map_or(Stance::Asserted, |c| c.stance),
            };
            let key = |o: &Option<String>| o.as_deref().map(super::text::lowercase);
            match forces.iter_mut().find(|e| key(&e.owner) == key(&owner) && key(&e.location) == key(&f.location)) {
                Some(entry) => entry.assertions.push(assertion),
                None => forces.push(ForceEntry { owner, location: f.location.clone(), assertions: vec![assertion], disagreements: Vec::new() }),
            }
        }
    }
    for entry in &mut forces {
        // Without an owner the figures may size different forces: never call them at odds.
        if entry.owner.is_none() {
            continue;
        }
        let a = &entry.assertions;
        for i in 0..a.len() {
            for j in i + 1..a.len() {
                let (x, y) = (&a[i], &a[j]);
                if x.action == y.action && incompatible((x.value, x.min, x.max), (y.value, y.min, y.max)) {
                    entry.disagreements.push((i, j));
                }
            }
        }
    }
    crate::engine::sort::sort_by_key(&mut forces, |e| (std::cmp::Reverse(e.disagreements.len()), std::cmp::Reverse(e.assertions.len())));
    Ledger { forces }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::schema::{Actor, ActorKind, Claim, Figure};

    fn article(owner: &str, value: u64, location: &str, source: Option<&str>) -> Annotations {
        let text = format!("{value} troops");
        let mut actors = vec![Actor { id: "a1".into(), name: owner.into(), kind: ActorKind::State, role: None, mentions: vec![] }];
        if let Some(s) = source {
            actors.push(Actor { id: "a2".into(), name: s.into(), kind: ActorKind::Media, role: None, mentions: vec![] });
        }
        Annotations {
            figures: vec![Figure {
                id: "f1".into(),
                start: 10,
                end: 10 + text.len(),
                text,
                kind: FigureKind::Force,
                value: Some(value),
                min: Some(value),
                max: Some(value),
                qualifier: Qualifier::Exact,
                owner: Some("a1".into()),
                location: Some(location.into()),
                action: Some("deploy".into()),
            }],
            actors,
            claims: source
                .map(|_| Claim {
                    id: "c1".into(),
                    start: 0,
                    end: 40,
                    text: String::new(),
                    source: Some("a2".into()),
                    cue: "reported".into(),
                    stance: Stance::Asserted,
                    contested: false,
                    contested_by: vec![],
                })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn groups_by_force_and_flags_disagreement() {
        let a = article("United States", 1500, "Iraq", Some("CBS News"));
        let b = article("United States", 4000, "Iraq", None);
        let c = article("United States", 1450, "Iraq", Some("Reuters"));
        let d = article("Russia", 1500, "Iraq", None);
        let ledger = compare(&[
            Article { name: "cbs", annotations: &a },
            Article { name: "blog", annotations: &b },
            Article { name: "wire", annotations: &c },
            Article { name: "other", annotations: &d },
        ]);
        assert_eq!(ledger.forces.len(), 2);
        let us = &ledger.forces[0];
        assert_eq!(us.owner.as_deref(), Some("United States"));
        assert_eq!(us.assertions.len(), 3);
        assert_eq!(us.assertions[0].source.as_deref(), Some("CBS News"));
        assert_eq!(us.assertions[1].source, None);
        // 1,500 and 1,450 agree within rounding; 4,000 disagrees with both.
        assert_eq!(us.disagreements, vec![(0, 1), (1, 2)]);
        assert!(ledger.forces[1].disagreements.is_empty());
        assert!(serde_json::to_string(&ledger).is_ok_and(|s| s.contains("\"disagreements\"")));
    }

    #[test]
    fn texts_disagreeing_on_a_force_are_flagged() {
        let ledger = of_texts(&[
            ("wire", "Seoul said North Korea had deployed 11,000 troops to Russia's Kursk region."),
            ("blog", "Pyongyang has deployed 3,000 troops to Russia's Kursk region, a website claimed."),
            ("other", "The army said 500 soldiers had arrived in Goma."),
        ]);
        let korea = ledger.forces.iter().find(|e| e.owner.as_deref() == Some("North Korea"));
        assert!(korea.is_some_and(|e| e.assertions.len() == 2 && e.disagreements == vec![(0, 1)]), "{ledger:#?}");
        assert!(korea.is_some_and(|e| e.assertions[1].article_name == "blog" && e.assertions[1].stance == Stance::Hedged), "{ledger:#?}");
        assert!(of_texts(&[]).forces.is_empty());
    }

    #[test]
    fn bounds_that_meet_are_compatible() {
        assert!(!incompatible((None, Some(300), None), (Some(2500), Some(2500), Some(2500))));
        assert!(incompatible((None, None, Some(1000)), (Some(2500), None, None)));
        assert!(!incompatible((None, Some(2000), Some(3000)), (Some(2500), None, None)));
        // "up to 100,000 fighters" holds "several hundred"; "more than 300" holds 5,000.
        assert!(!incompatible((Some(100_000), None, Some(100_000)), (None, Some(300), Some(999))));
        assert!(!incompatible((Some(300), Some(300), None), (Some(5000), Some(5000), Some(5000))));
        assert!(compare(&[]).forces.is_empty());
    }
}
