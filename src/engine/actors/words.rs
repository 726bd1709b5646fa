//! Closed word lists the actor grammar relies on, indexed once so that one hash
//! lookup tells every list a word belongs to.

use crate::engine::wordset::WordIndex;
use crate::engine::Span;
use std::sync::OnceLock;

/// The lists, in the order of their bits in [`index`].
#[derive(Clone, Copy)]
enum List {
    Stop,
    Calendar,
    Title,
    TitleModifier,
    Role,
    Say,
    MilitaryHead,
    MediaHead,
    OrgHead,
    ArmedHead,
    PlaceNoun,
    PlaceBefore,
    GovernmentCompound,
    Region,
    ThingAfterBody,
    MediaNoun,
}

impl List {
    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Every list, indexed on first use.
fn index() -> &'static WordIndex {
    static INDEX: OnceLock<WordIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        WordIndex::new(&[
            STOP, CALENDAR, TITLE, TITLE_MODIFIER, ROLE, SAY, MILITARY_HEAD, MEDIA_HEAD, ORG_HEAD, ARMED_HEAD, PLACE_NOUN, PLACE_BEFORE,
            GOVERNMENT_COMPOUND, REGION, THING_AFTER_BODY, MEDIA_NOUN,
        ])
    })
}

fn has(list: List, word: &str) -> bool {
    index().any(list.bit(), word)
}

/// Capitalised words that open sentences or headlines but never start a name.
const STOP: &str = "\
    A ALSO About According Across Activists After Again Against Ahead All Also Although Amid An Analysts And Another \
    Any Are As At Authorities Because Before Both But By Can Commanders Critics Currently Date Despite Diplomats \
    Doctors During Each Earlier Either Even Every Everyone Experts Fighters For Forces Former From Further He Her \
    Here His How However I If In Instead It Its Journalists Last Later Latest Lawmakers Leaders Locals Many \
    Meanwhile Medics Militants More Moreover Most Mr Mrs Ms My Next No Nobody Not Now Observers Of Officers Official \
    Officials On Once One Only Or Other Others Our Over Police Protesters READ Read Rebels Relatedly Reporters \
    Residents Several She Since So Soldiers Some Someone Sources Speaking Spokesmen Still Such Survivors That The \
    Their Then There These They This Those Thus To Today Tomorrow Troops Two Under Until Up Villagers We What When \
    Where Whether Which While Who Why With Within Without Witnesses Yesterday You";

/// Months, their abbreviations, and days of the week.
const CALENDAR: &str = "\
    Apr April Aug August Dec December Feb February Fri Friday Jan January Jul July Jun June Mar March May Mon Monday \
    Nov November Oct October Sat Saturday Sep Sept September Sun Sunday Thu Thursday Tue Tuesday Wed Wednesday";

/// Capitalised titles and ranks that stand before a person's name (not part of it).
const TITLE: &str = "\
    Acting Adm Admiral Adviser Advisor Air Ambassador Army Attorney Ayatollah Brig Brigadier Capt Captain Cdr Chair \
    Chairman Chairwoman Chancellor Chief Class Cmdr Col Colonel Commander Commander-in-Chief Commissioner Cpl Crown \
    Defence Defense Deputy Director Dr Emir Envoy Field Finance First Force Foreign Gen General Gov Governor Grand Général \
    Hajji Head Imam Interior Judge Justice King Lady Leader Lieutenant Lord Lt MP Maj Major Marine Marshal Mayor \
    Minister Mr Mrs Ms Mullah National Navy Officer PM Pope Premier President Prime Prince Private Queen Rear Rep \
    Representative Sayyed Sayyid Sec Secretary Secretary-General Security Sen Senator Senior Sergeant Sgt Sheikh Sir \
    Speaker Special Spokesman Spokesperson Spokeswoman Staff State Supreme Vice";

/// Lower-case nouns for people's roles and kin ("defence minister X", "X, the spokesperson of").
const ROLE: &str = "\
    activist adviser advisor ambassador analyst bishop brother businessman businesswoman captain chairman chancellor \
    chaplain chief cleric colonel commander commissioner coordinator correspondent counterpart cousin daughter \
    deputy diplomat director doctor driver economist editor elder emir engineer envoy expert farmer father fisherman \
    founder general governor grandfather grandmother head historian husband journalist judge lawmaker lawyer leader \
    lieutenant manager mayor medic member minister mother mp negotiator nephew nun nurse officer official organiser \
    organizer paramedic pastor pilot politician premier president priest professor prosecutor refugee representative \
    researcher resident scholar secretary senator sergeant sheikh shopkeeper sister soldier son specialist spokesman \
    spokesperson spokeswoman student surgeon survivor teacher trader uncle villager volunteer widow wife witness \
    worker";

/// Verbs of saying that follow a speaker ("X said").
const SAY: &str = "\
    accused acknowledged added admitted agreed alleged announced appealed argued asserted believes blamed boasted \
    called cautioned claimed complained conceded condemned confirmed countered criticised criticized declared \
    demanded denied described disagreed dismissed emphasised emphasized estimated explained hinted insisted \
    maintained met noted ordered pledged posted praised predicted proposed questioned recalled recounted reiterated \
    rejected remarked replied responded revealed said says signaled signalled stated stressed suggested threatened \
    told tweeted underlined underscored urged visited vowed warned welcomed wrote";

/// Last words of armed forces and their units.
const MILITARY_HEAD: &str = "\
    Army Battalion Battlegroup Brigade Cell Command Corps Directorate Division Fleet Force Forces Gendarmerie Guard \
    Guards Legion Marines Navy Operations Regiment Squadron Staff Team Units";

/// Last words of outlets.
const MEDIA_HEAD: &str = "\
    Broadcasting Chronicle Daily Gazette Herald Ilbo Journal Monitor Network News Observer Post Press Radio Shimbun \
    Telegraph Television Times Tribune";

/// Last words of parties, assemblies, committees and other bodies.
const ORG_HEAD: &str = "\
    Agency Alliance Assembly Association Authority Board Bureau Cabinet Center Centre Commission Committee Congress \
    Council Court Crescent Department Embassy Federation Forum Foundation Fund Group Initiative Institute Ministry \
    Mission Movement Observatory Office Organisation Organization Parliament Party Presidency Program Programme \
    Secretariat Senate Service Society Tribunal Union Watch";

/// Armed-group heads ("... Front", "... Brigades").
const ARMED_HEAD: &str = "Brigades Front Militia Mujahideen Resistance";

/// Lower-case words after a capital that show it is a place ("Baghdad airport").
const PLACE_NOUN: &str = "\
    accord accords agreement agreements airbase airport area base bureau city conference correspondent declaration \
    district format governorate harbor harbour hospital metro neighborhood neighbourhood oblast outskirts port \
    process province region residents street streets suburb suburbs summit summits talks time university";

/// Words before a capital that show it is a place ("in Baghdad").
const PLACE_BEFORE: &str = "\
    across approached around arrived at attacked besieged bombed bombing captured central defended downtown eastern \
    encircled entered evacuated fled flew greater hit in inside into left liberated near northern of on outside over \
    patrolled reached recaptured retook returned seized shelled shelling southern stormed struck surrounded targeted \
    through to took toward towards via visit visited western within";

/// Second halves of compounds in which a capital acts as a government ("Moscow-backed").
const GOVERNMENT_COMPOUND: &str = "\
    aligned allied backed brokered controlled funded imposed led linked sponsored supported";

/// Words of region names ("Eastern Europe", "Sub-Saharan Africa", "North Kivu"): never in people's names.
const REGION: &str = "\
    Africa America Asia Atlantic Balkans Caucasus Central East Eastern Europe Latin Levant Middle North Northern \
    Pacific Sahel South Southern Sub-Saharan West Western";

/// Whether `w` belongs to region names rather than people's.
pub fn is_region(w: &str) -> bool {
    has(List::Region, w)
}

/// Nouns a body's name can qualify ("Force Model", "Army Day", "Council Building"): the
/// phrase names a thing, not the body.
const THING_AFTER_BODY: &str = "\
    Academy Act Base Bill Budget Building Compound Day Doctrine Exercise Headquarters Hospital Law Model Museum One \
    Plan Posture Programme Reform Report Review School Strategy Summit";

/// Whether capitalised `w` after a body's head word makes the phrase a thing ("Force Model").
pub fn is_thing_after_body(w: &str) -> bool {
    has(List::ThingAfterBody, w)
}

/// Whether `w` opens sentences without naming anyone.
pub fn is_stop(w: &str) -> bool {
    index().any(List::Stop.bit() | List::Calendar.bit(), w)
}
/// Whether `w` (without its final dot) is a title or rank.
pub fn is_title(w: &str) -> bool {
    // "President-elect", "Commander-in-Chief".
    // Bytes, not `trim_end_matches`/`contains`: this runs for every capitalised word, and those are calls at opt-level "z".
    let bytes = w.as_bytes();
    let mut end = bytes.len();
    while end > 0 && bytes[end - 1] == b'.' {
        end -= 1;
    }
    // Most words have no hyphen: one lookup (an index loop; `contains` is a call to `memchr`).
    let mut i = 0;
    while i < end && bytes[i] != b'-' {
        i += 1;
    }
    if i == end {
        return has(List::Title, Span::new(0, end).of(w));
    }
    if bytes[..end].ends_with(b"-elect") {
        end -= "-elect".len();
    }
    let w = Span::new(0, end).of(w);
    has(List::Title, w) || (bytes[..end].contains(&b'-') && w.split('-').all(|p| has(List::Title, p) || matches!(p, "in" | "of")))
}
/// Title words that only qualify another ("Defense" in "Defense Secretary", "Air Force").
const TITLE_MODIFIER: &str = "\
    Acting Air Army Class Crown Defence Defense Deputy Field Finance First Force Foreign Grand Interior Marine \
    National Navy Rear Security Senior Special Staff State Supreme Vice";

/// Whether `w` is a title that stands on its own ("Minister", "Gen."), not only a qualifier.
pub fn is_core_title(w: &str) -> bool {
    is_title(w) && !has(List::TitleModifier, w.trim_end_matches('.'))
}

/// Whether lower-case `w` names a person's role.
pub fn is_role(w: &str) -> bool {
    has(List::Role, w) || w == "MP"
}
/// Lower-case nouns for outlets that stand before their name ("state television RTN").
const MEDIA_NOUN: &str = "\
    agency broadcaster channel daily magazine newspaper outlet radio television tv website";

/// Whether lower-case `w` names a kind of outlet.
pub fn is_media_noun(w: &str) -> bool {
    has(List::MediaNoun, w)
}

/// Whether `w` is a verb of saying.
pub fn is_say(w: &str) -> bool {
    has(List::Say, w)
}
/// Whether `w` is a place noun that follows a city.
pub fn is_place_noun(w: &str) -> bool {
    has(List::PlaceNoun, w)
}
/// Whether `w` before a city shows it is a place.
pub fn is_place_before(w: &str) -> bool {
    has(List::PlaceBefore, w)
}
/// Whether `w` after "Capital-" shows a government acting.
pub fn is_government_compound(w: &str) -> bool {
    has(List::GovernmentCompound, w)
}

/// What a capitalised name unit is: a title ([`is_title`]), a stop word ([`is_stop`]) and the kind of
/// body it heads ([`head_kind`]). A word without a hyphen or a dot, as most are, is looked up once.
pub fn unit_facts(w: &str) -> (bool, bool, Option<super::ActorKind>) {
    let bytes = w.as_bytes();
    let mut i = 0;
    while i < bytes.len() && bytes[i] != b'-' && bytes[i] != b'.' {
        i += 1;
    }
    if i < bytes.len() {
        return (is_title(w), is_stop(w), head_kind(w));
    }
    let classes = index().classes(w);
    (classes & List::Title.bit() != 0, classes & (List::Stop.bit() | List::Calendar.bit()) != 0, head_of(classes))
}

/// The kind of organisation a head word makes, if it is one.
pub fn head_kind(w: &str) -> Option<super::ActorKind> {
    // The last part of a hyphenated word ("Counter-Terrorism Service" heads on "Service").
    let last = w.as_bytes().iter().rposition(|&b| b == b'-').map_or(w, |at| &w[at + 1..]);
    head_of(index().classes(last))
}

/// The kind of body a head word of these list `classes` makes, if it is one.
fn head_of(classes: u32) -> Option<super::ActorKind> {
    use super::ActorKind::*;
    let is = |list: List| classes & list.bit() != 0;
    if is(List::ArmedHead) {
        Some(ArmedGroup)
    } else if is(List::MilitaryHead) {
        Some(Military)
    } else if is(List::MediaHead) {
        Some(Media)
    } else if is(List::OrgHead) {
        Some(Organization)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::wordset::words;

    #[test]
    fn lists_are_sorted_without_repeats() {
        for list in [THING_AFTER_BODY, REGION, MEDIA_NOUN, TITLE_MODIFIER, STOP, CALENDAR, TITLE, ROLE, SAY, MILITARY_HEAD, MEDIA_HEAD, ORG_HEAD, ARMED_HEAD, PLACE_NOUN, PLACE_BEFORE, GOVERNMENT_COMPOUND] {
            let list: Vec<&str> = words(list).collect();
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list.windows(2).find(|w| w[0] >= w[1]));
        }
        // `runs::units` asks only capitalised words of two letters or more whether they are titles.
        assert!(words(TITLE).all(|t| t.len() >= 2 && t.starts_with(|c: char| c.is_ascii_uppercase())));
        // ... and only capitalised ones whether they are stop words.
        assert!(words(STOP).chain(words(CALENDAR)).all(|t| t.starts_with(|c: char| c.is_ascii_uppercase())));
    }
}
