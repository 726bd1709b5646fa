//! Sides: which party a source speaks for, so that a government's spokesman, its
//! ministry and its president never "contradict" each other ("Pentagon", "a US
//! official" and the US president are one side).
//!
//! A side is a state's (or an armed group's, or a body's) canonical name. It comes from,
//! in order: the actor itself when it is a state, a group or a body; a short table of
//! well-known people, forces and state media; a role the actors stage tagged with a
//! state ("Prime Minister (Iraq)"); the state or force named just before the actor's
//! first mention ("Ukraine's General Staff", "Pentagon press secretary Sabrina Singh").

use super::ActorIndex;
use crate::engine::actors::FoundActors;
use crate::engine::schema::ActorKind;
use std::sync::OnceLock;

/// Well-known actors (canonical lexicon names, or names organisations go by) and the
/// state or group they speak for: a line per side, "side: actor, actor, ...".
const AFFILIATION: &str = "
    Russia: Vladimir Putin, Dmitry Peskov, Sergei Lavrov, Sergei Shoigu, Valery Gerasimov, Andrei Belousov, FSB, GRU
    Russia: Rosgvardia, Akhmat, Wagner Group, TASS, RIA Novosti, Interfax, State Duma
    Ukraine: Volodymyr Zelensky, Oleksandr Syrskyi, Armed Forces of Ukraine, Main Intelligence Directorate
    Ukraine: Security Service of Ukraine, Ukrinform, Verkhovna Rada
    North Korea: Kim Jong Un, Korean People's Army, KCNA
    South Korea: Yoon Suk Yeol, Yonhap
    China: Xi Jinping, People's Liberation Army, Xinhua, Global Times
    United States: Joe Biden, Donald Trump, Lloyd Austin, Pete Hegseth, Pentagon, United States Central Command
    United States: United States European Command, United States Africa Command, United States Indo-Pacific Command
    United States: CIA, US Congress, State Department, White House, National Guard
    Israel: Benjamin Netanyahu, Israel Defense Forces, Mossad, Shin Bet, COGAT, Knesset
    Hamas: Yahya Sinwar, Ismail Haniyeh
    Hezbollah: Hassan Nasrallah, Naim Qassem, Al-Manar
    Iran: Ali Khamenei, Masoud Pezeshkian, Islamic Revolutionary Guard Corps, IRNA, Tasnim, Fars, Press TV
    Syria: Bashar al-Assad, SANA
    Turkey: Recep Tayyip Erdogan, Anadolu
    France: Emmanuel Macron, Operation Barkhane
    United Kingdom: Keir Starmer, MI6
    Germany: Olaf Scholz, Friedrich Merz, Bundeswehr
    India: Narendra Modi
    Rwanda: Paul Kagame
    Democratic Republic of the Congo: Felix Tshisekedi, FARDC
    Mali: Assimi Goita
    Burkina Faso: Ibrahim Traore
    Sudan: Abdel Fattah al-Burhan, Sudanese Armed Forces
    Rapid Support Forces: Mohamed Hamdan Dagalo
    Somalia: Hassan Sheikh Mohamud, Somali National Army, Danab
    Houthis: Abdul-Malik al-Houthi
    North Atlantic Treaty Organization: Mark Rutte, Jens Stoltenberg
    United Nations: Antonio Guterres
    Iraq: Iraqi Counter-Terrorism Service, Popular Mobilization Forces
";

/// [`AFFILIATION`] as (actor, side) pairs, sorted by actor (a binary search: no hash map's code for it).
fn affiliations() -> &'static [(&'static str, &'static str)] {
    static PAIRS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs = Vec::new();
        for (side, actors) in AFFILIATION.lines().filter_map(|line| line.split_once(':')) {
            for actor in actors.split(',').map(str::trim) {
                if let Err(at) = pairs.binary_search_by(|&(a, _): &(&str, &str)| a.cmp(actor)) {
                    pairs.insert(at, (actor, side.trim()));
                }
            }
        }
        pairs
    })
}

/// The side of the actor `name` in [`AFFILIATION`].
fn affiliation(name: &str) -> Option<&'static str> {
    let pairs = affiliations();
    pairs.binary_search_by(|&(a, _)| a.cmp(name)).ok().and_then(|at| pairs.get(at)).map(|&(_, side)| side)
}

/// Role and title words that may stand between a state and the actor it owns
/// ("Pentagon press secretary", "Russia's foreign ministry spokeswoman").
fn is_role_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "s" | "press" | "secretary" | "spokesman" | "spokeswoman" | "spokesperson" | "foreign" | "defence" | "defense"
            | "minister" | "ministry" | "army" | "military" | "chief" | "commander" | "general" | "president" | "prime"
            | "government" | "top" | "senior" | "deputy" | "envoy" | "ambassador" | "intelligence" | "national"
            | "security" | "adviser" | "advisor" | "head" | "leader" | "staff" | "armed" | "forces" | "navy" | "air"
            | "force" | "interior" | "state" | "officer" | "colonel" | "lieutenant" | "major" | "captain"
    )
}

/// The side of every actor, indexed like [`FoundActors::actors`].
pub(super) fn of_actors(text: &str, actors: &FoundActors, index: &ActorIndex) -> Vec<Option<String>> {
    let own = |i: usize| -> Option<String> {
        let a = &actors.actors[i];
        if let Some(side) = affiliation(&a.name) {
            return Some(side.to_string());
        }
        if let Some(state) = a.role.as_deref().and_then(|r| r.rsplit_once('(')).and_then(|(_, s)| s.strip_suffix(')')) {
            return Some(state.to_string());
        }
        None
    };
    (0..actors.actors.len())
        .map(|i| {
            let a = &actors.actors[i];
            own(i)
                .or_else(|| a.mentions.first().and_then(|m| owner_before(text, actors, index, m.start)).and_then(|o| own(o).or_else(|| group_side(actors, o))))
                .or_else(|| group_side(actors, i))
        })
        .collect()
}

/// A state, group or body speaks for itself.
fn group_side(actors: &FoundActors, i: usize) -> Option<String> {
    let a = &actors.actors[i];
    matches!(a.kind, ActorKind::State | ActorKind::ArmedGroup | ActorKind::Organization | ActorKind::Military).then(|| a.name.clone())
}

/// The actor named (or adjective) right before byte `at`, with only role words and a
/// possessive between ("Russia's Defence Ministry", "Iraqi Prime Minister").
fn owner_before(text: &str, actors: &FoundActors, index: &ActorIndex, at: usize) -> Option<usize> {
    let (span, actor, _) = index.before(at)?;
    let gap = text.get(span.end..at)?;
    if gap.len() > 40 {
        return None;
    }
    let words_only = gap.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '\'' || c == '\u{2019}');
    let words: Vec<&str> = gap.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let short = words.len() <= 4 && gap.len() <= 40;
    let roles = words.iter().all(|w| w.starts_with(char::is_uppercase) || is_role_word(w));
    (words_only && short && roles && actor < actors.actors.len()).then_some(actor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::lexicon::lexicon;

    #[test]
    fn every_affiliation_names_a_known_side() {
        let lx = lexicon();
        let pairs = affiliations();
        assert_eq!(pairs.len(), 92, "an actor lost or glued to another");
        for &(actor, side) in pairs {
            let known = |n: &str| lx.entries.iter().any(|e| e.name == n);
            assert!(known(side), "unknown side {side}");
            assert!(known(actor) || matches!(actor, "State Department" | "White House"), "unknown actor {actor}");
        }
    }
}
