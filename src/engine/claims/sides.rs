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
use crate::engine::wordset::WordMap;
use std::sync::OnceLock;

/// Well-known actors (canonical lexicon names, or names organisations go by) and the
/// state or group they speak for.
const AFFILIATION: &[(&str, &str)] = &[
    ("Vladimir Putin", "Russia"), ("Dmitry Peskov", "Russia"), ("Sergei Lavrov", "Russia"), ("Sergei Shoigu", "Russia"),
    ("Valery Gerasimov", "Russia"), ("Andrei Belousov", "Russia"), ("FSB", "Russia"), ("GRU", "Russia"),
    ("Rosgvardia", "Russia"), ("Akhmat", "Russia"), ("Wagner Group", "Russia"), ("TASS", "Russia"),
    ("RIA Novosti", "Russia"), ("Interfax", "Russia"), ("State Duma", "Russia"),
    ("Volodymyr Zelensky", "Ukraine"), ("Oleksandr Syrskyi", "Ukraine"), ("Armed Forces of Ukraine", "Ukraine"),
    ("Main Intelligence Directorate", "Ukraine"), ("Security Service of Ukraine", "Ukraine"), ("Ukrinform", "Ukraine"),
    ("Verkhovna Rada", "Ukraine"),
    ("Kim Jong Un", "North Korea"), ("Korean People's Army", "North Korea"), ("KCNA", "North Korea"),
    ("Yoon Suk Yeol", "South Korea"), ("Yonhap", "South Korea"),
    ("Xi Jinping", "China"), ("People's Liberation Army", "China"), ("Xinhua", "China"), ("Global Times", "China"),
    ("Joe Biden", "United States"), ("Donald Trump", "United States"), ("Lloyd Austin", "United States"),
    ("Pete Hegseth", "United States"), ("Pentagon", "United States"), ("United States Central Command", "United States"),
    ("United States European Command", "United States"), ("United States Africa Command", "United States"),
    ("United States Indo-Pacific Command", "United States"), ("CIA", "United States"), ("US Congress", "United States"),
    ("State Department", "United States"), ("White House", "United States"), ("National Guard", "United States"),
    ("Benjamin Netanyahu", "Israel"), ("Israel Defense Forces", "Israel"), ("Mossad", "Israel"), ("Shin Bet", "Israel"),
    ("COGAT", "Israel"), ("Knesset", "Israel"),
    ("Yahya Sinwar", "Hamas"), ("Ismail Haniyeh", "Hamas"), ("Hassan Nasrallah", "Hezbollah"), ("Naim Qassem", "Hezbollah"),
    ("Al-Manar", "Hezbollah"),
    ("Ali Khamenei", "Iran"), ("Masoud Pezeshkian", "Iran"), ("Islamic Revolutionary Guard Corps", "Iran"), ("IRNA", "Iran"),
    ("Tasnim", "Iran"), ("Fars", "Iran"), ("Press TV", "Iran"),
    ("Bashar al-Assad", "Syria"), ("SANA", "Syria"), ("Recep Tayyip Erdogan", "Turkey"), ("Anadolu", "Turkey"),
    ("Emmanuel Macron", "France"), ("Operation Barkhane", "France"), ("Keir Starmer", "United Kingdom"), ("MI6", "United Kingdom"),
    ("Olaf Scholz", "Germany"), ("Friedrich Merz", "Germany"), ("Bundeswehr", "Germany"), ("Narendra Modi", "India"),
    ("Paul Kagame", "Rwanda"), ("Felix Tshisekedi", "Democratic Republic of the Congo"),
    ("FARDC", "Democratic Republic of the Congo"), ("Assimi Goita", "Mali"), ("Ibrahim Traore", "Burkina Faso"),
    ("Abdel Fattah al-Burhan", "Sudan"), ("Sudanese Armed Forces", "Sudan"), ("Mohamed Hamdan Dagalo", "Rapid Support Forces"),
    ("Hassan Sheikh Mohamud", "Somalia"), ("Somali National Army", "Somalia"), ("Danab", "Somalia"),
    ("Abdul-Malik al-Houthi", "Houthis"), ("Mark Rutte", "North Atlantic Treaty Organization"),
    ("Jens Stoltenberg", "North Atlantic Treaty Organization"), ("Antonio Guterres", "United Nations"),
    ("Iraqi Counter-Terrorism Service", "Iraq"), ("Popular Mobilization Forces", "Iraq"),
];

/// [`AFFILIATION`] by actor name.
fn affiliations() -> &'static WordMap<&'static str, &'static str> {
    static MAP: OnceLock<WordMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = WordMap::default();
        for &(actor, side) in AFFILIATION {
            map.entry(actor).or_insert(side);
        }
        map
    })
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
        if let Some(&side) = affiliations().get(a.name.as_str()) {
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
        for (actor, side) in AFFILIATION {
            let known = |n: &str| lx.entries.iter().any(|e| e.name == n);
            assert!(known(side), "unknown side {side}");
            assert!(known(actor) || matches!(*actor, "State Department" | "White House"), "unknown actor {actor}");
        }
    }
}
