//! Word lists the figure reader matches (case-insensitively) around numbers.
//!
//! Every list is in lower case and sorted by bytes (tables by their first column; a table
//! lookup is a binary search); the test at the end keeps it so. Every list's words are also indexed
//! ([`classes`]), so the reader classifies each token once and asks "is this token a force noun?" with a bit test.

use crate::engine::numbers::{self, folded_cmp};
use crate::engine::wordset::{tagged, words, WordIndex};
use std::sync::OnceLock;

/// A closed word list: its number (its place in [`ALL`]) and its words, in lower case and sorted,
/// in one string separated by whitespace ([`words`]).
#[derive(Clone, Copy)]
pub struct Words(pub usize, pub &'static str);

impl Words {
    /// This list's bit in [`classes`].
    pub const fn bit(self) -> u64 {
        1 << self.0
    }
}

/// A closed table from words to values: its number (its place in [`TABLES`]) and its
/// `word:value` pairs separated by whitespace, words in lower case and sorted.
#[derive(Clone, Copy)]
pub struct Table(pub usize, pub &'static str);

impl Table {
    /// The table's pairs, in order.
    pub fn pairs(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        words(self.1).filter_map(|pair| pair.split_once(':'))
    }

    /// The value of `word` in the table, ignoring ASCII case (a binary search).
    pub fn get(self, word: &str) -> Option<&'static str> {
        static PAIRS: OnceLock<Vec<Vec<(&'static str, &'static str)>>> = OnceLock::new();
        let table = PAIRS.get_or_init(|| TABLES.iter().map(|t| t.pairs().collect()).collect()).get(self.0)?;
        table.binary_search_by(|(e, _)| folded_cmp(e, word)).ok().map(|i| table[i].1)
    }
}

/// The bit in [`classes`] of a key of a table ([`TABLES`]).
pub const TABLE_KEY: u64 = 1 << ALL.len();
const _: () = assert!(ALL.len() < numbers::FIRST_BIT as usize, "the lists' bits stay below the number grammar's");

/// The lists ([`Words::bit`]) and tables ([`TABLE_KEY`]) that hold `word`, ignoring ASCII case, and
/// above them its classes in the number grammar ([`numbers::tagged_words`], from [`numbers::FIRST_BIT`] up).
/// The reader asks this once per token, then answers "is token k a force noun?" with a bit test; the
/// number grammar reads the same lookups ([`numbers::find_classed`]) instead of its own.
pub fn classes(word: &str) -> u64 {
    static INDEX: OnceLock<WordIndex<u64>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let lists: Vec<&'static str> = ALL.iter().map(|list| list.1).collect();
        let mut words = tagged(&lists);
        words.extend(TABLES.iter().flat_map(|t| t.pairs()).map(|(key, _)| (key, TABLE_KEY)));
        words.extend(numbers::tagged_words());
        WordIndex::from_words(&words)
    });
    index.folded_classes(word)
}

/// Nouns that name members of an armed force on their own.
pub const FORCE_NOUNS: Words = Words(0, "\
    airman airmen artillerymen assailants attackers cadres combatant combatants commander commanders commando \
    commandos conscript conscripts draftees fighter fighters forces gendarmes generals guardsman guardsmen guerillas \
    guerrillas gunman gunmen gunners houthis infantry infantryman infantrymen insurgent insurgents jihadis jihadist \
    jihadists legionnaires marine marines mercenaries mercenary militant militants militia militiaman militiamen \
    militias mobiks operatives paramilitaries paratrooper paratroopers partisans peacekeeper peacekeepers personnel \
    raiders rangers rebels recruits reinforcements reservist reservists riflemen sailor sailors sappers seals \
    separatists serviceman servicemember servicemembers servicemen servicepeople servicewomen snipers soldats \
    soldier soldiers taliban tankmen terrorists trooper troopers troops warriors");

/// Force nouns that name officers: a count of them is a casualty figure or nothing ("12 generals sacked").
pub const RANK_NOUNS: Words = Words(1, "colonels commander commanders general generals officer officers");

/// Nouns that name armed personnel only with a military word or context: "service members", "a force of 800 men".
pub const WEAK_NOUNS: Words = Words(2, "\
    adviser advisers advisor advisors casualties contractors dead experts guards helmets instructors member members \
    men observers officer officers personnel pilot pilots police specialists staff trainers volunteers");

/// Words that make a weak noun military: "military advisers", "service members", "Wagner members";
/// also armed groups whose members are fighters even when no actor list is at hand.
pub const MILITARY_MODIFIERS: Words = Words(3, "\
    adf air airborne al-shabaab armed army battlefield blue boko border coalition combat corps daesh defence defense \
    elite enemy fighting force forces frontline guard hamas haram hezbollah hizbollah houthi hts infantry isil isis \
    iswap jihad jnim m23 marine military militia naval navy nujaba paramilitary peacekeeping pkk qassam rebel regime \
    republican revolutionary sdf service shabaab soldiers special taliban troop wagner ypg");

/// Force nouns that look plural but also modify other nouns: "personnel carriers", "forces commander".
pub const INVARIANT_NOUNS: Words = Words(4, "forces houthis militias operatives personnel seals taliban");

/// Words that make the noun something else than armed forces: "police officers", "civilian staff",
/// and aircraft ("40 Typhoon fighters" are jets).
pub const BLOCKERS: Words = Words(5, "\
    aid aircraft board cabinet children civilian civilians club committee council crew detained diplomatic embassy \
    eurofighter family gripen harrier hornet hornets hostages household humanitarian jet jets journalists medical \
    mig mirage parliament parliamentary party planes police prisoners rafale rafales raptor raptors students sukhoi \
    team tornado tornados typhoon typhoons union warplanes workers");

/// Lower-case words that may stand between a number and its force noun.
pub const MODIFIERS: Words = Words(6, "\
    active active-duty additional air airborne aligned allied american armed armored armoured army artillery assault \
    available backed battle border british captured career cavalry child chinese coalition combat commando contract \
    counter counterterrorism dead defence defense deployable deployed duty elite enemy engineering equipped ethnic \
    experienced extra fallen female fighting file force forces foreign french fresh freshly front frontline further \
    german government ground guard hardened heavily highly hostile infantry injured insurgent intelligence \
    international iranian islamist israeli jihadist junior junta lightly line local logistics loyal loyalist male \
    marine mechanised mechanized medical militant military militia mobilised mobilized more multinational national \
    nato naval navy new newly non operations other paramilitary partner peacekeeping polish pro professional quick \
    ranger rank rapid reaction ready rebel recently recon reconnaissance regime regular remaining reserve response \
    rotational russian s seasoned security senior separatist service serving signals soldier special standing \
    stationed strong support tank territorial terrorism total trained training tribal troop turkish u ukrainian un \
    uniformed us veteran volunteer well women wounded young");

/// Words that end a chain between a number and its noun, even capitalised in a headline.
pub const STOPS: Words = Words(7, "\
    a about across after against along also amid an and are around arrive arrived as at attacks be been before but \
    by can claim claims could days deploy deployed deploying did died do does down during each every for from get \
    gets got had has have he her his hours if in into is it its just killed leave may might months must near no not \
    now of on only or our out over per report reports said say says send sends sent she should since still strikes \
    than that the their these they this those times to until up via warns was we weeks were when where which while \
    who will with withdraw withdraws would years you");

/// Words after "of" in "2,000 of its troops".
pub const POSSESSIVES: Words = Words(8, "her his its our the their them these those whom");

/// Nouns a force noun can modify instead of heading: "personnel carriers", "militia groups".
pub const NON_HEADS: Words = Words(9, "\
    aircraft barracks base bases boats budget camp camps carrier carriers casualties cemeteries checkpoints chief \
    chiefs commander commanders convoy convoys deaths deployment deployments drills exercises faction factions \
    families graves group groups headquarters helicopters hospitals jets leader leaders level levels losses movement \
    movements numbers organisations organizations outposts pay positions posts presence recruitment salaries ships \
    spokesman spokesperson strength training transport transports truck trucks units vehicle vehicles");

/// Collective nouns a number can size: "a force of 4,000", "a 3,500-strong contingent".
pub const GROUP_NOUNS: Words = Words(10, "\
    armies army battalion battalions brigade brigades column company contingent contingents convoy corps deployment \
    detachment detachments division divisions force forces formation formations garrison garrisons group grouping \
    legion militia militias mission missions patrol platoon platoons presence regiment regiments rotation squad \
    squads surge task taskforce team troop unit units");

/// "-man", "-member": sizes of a group ("a 12-man patrol").
pub const SIZE_UNITS: Words = Words(11, "man member person soldier strong troop");

/// "troop levels of 2,500", "force strength of".
pub const LEVEL_NOUNS: Words = Words(12, "cap ceiling count level levels numbers presence size strength total");

/// Articles and possessives that open "a force of 4,000".
pub const DETERMINERS: Words = Words(13, "a an his its our the their");

/// What may follow a number that stands for a force named before it: "900 in Syria", "12 were wounded".
pub const BARE_FOLLOWERS: Words = Words(14, "\
    across after ago along and are arrived as at based before between but by crossed currently departed deployed \
    dispatched during earlier fighting for from had has have in including inside into is joined landed last left \
    mobilised mobilized more moved near next now of on or others over plus previously reached remain remained \
    remaining respectively returned sent serving since so stationed still that this to under until was were when \
    which while who will with withdrawn would");

/// Verbs and nouns before a figure that make it a casualty: "killing two commanders".
pub const CASUALTY_BEFORE: Table = Table(0, "\
    abducted:captured abducting:captured arrested:captured bodies:killed capture:captured captured:captured \
    captures:captured capturing:captured death:killed deaths:killed detained:captured detaining:captured \
    eliminated:killed eliminating:killed executed:killed executing:killed hurting:wounded injure:wounded \
    injured:wounded injures:wounded injuring:wounded kidnapped:captured kill:killed killed:killed killing:killed \
    kills:killed lives:killed lost:killed neutralised:killed neutralized:killed seized:captured slew:killed \
    wound:wounded wounded:wounded wounding:wounded wounds:wounded");

/// Words that may stand between a casualty verb and the figure: "killing at least ..., including".
pub const CASUALTY_SKIP_BEFORE: Words = Words(15, "\" ' a also an another at his including its least of the their them ‘ ’ “ ”");

/// Casualty words after a figure: "three US soldiers were killed".
pub const CASUALTY_AFTER_ACTION: Table = Table(1, "\
    abducted:captured arrested:captured captured:captured dead:killed detained:captured die:killed died:killed \
    executed:killed hurt:wounded imprisoned:captured injured:wounded kia:killed kidnapped:captured killed:killed \
    missing:captured perished:killed seized:captured slain:killed surrendered:captured taken:captured \
    wounded:wounded");

/// Words that may stand between a figure and its casualty word.
pub const CASUALTY_SKIP_AFTER: Words = Words(16, "\
    all allegedly also and are as badly be been being believed both confirmed critically feared from got had has \
    have is later left lightly listed now presumed reported reportedly said seriously sides slightly to was were");

/// Possession and existence right before a figure: "Spain has 300 troops".
pub const HAVE_WORDS: Words = Words(17, "\
    had has have having host hosted hosting hosts keep keeps kept maintain maintained maintains retain retained \
    retains");

/// Verbs whose subject suffers the casualties that follow: "Russia has suffered 350,000 casualties".
pub const SUFFER_VERBS: Words = Words(18, "incurred lose loses lost suffer suffered suffers sustained sustains");

/// Verbs and nouns that say what happens to a force.
pub const ACTION_WORDS: Table = Table(2, "\
    airlifted:deploy arrival:deploy arrive:deploy arrived:deploy arrives:deploy arriving:deploy augment:reinforce \
    based:present bolster:reinforce bolstered:reinforce bolstering:reinforce boost:reinforce boosted:reinforce \
    boosting:reinforce currently:present cut:reduce cuts:reduce cutting:reduce depart:withdraw departed:withdraw \
    departing:withdraw deploy:deploy deployed:deploy deploying:deploy deployment:deploy deployments:deploy \
    deploys:deploy dispatch:deploy dispatched:deploy dispatches:deploy dispatching:deploy downsize:reduce \
    drawdown:reduce evacuate:withdraw evacuated:withdraw exit:withdraw expand:reinforce expanded:reinforce \
    expanding:reinforce expel:withdraw expelled:withdraw expelling:withdraw garrisoned:present grow:reinforce \
    halve:reduce halved:reduce headed:deploy heading:deploy increase:reinforce increased:reinforce \
    increasing:reinforce landed:deploy leave:withdraw leaving:withdraw left:withdraw lowered:reduce \
    mobilisation:deploy mobilise:deploy mobilised:deploy mobilising:deploy mobilization:deploy mobilize:deploy \
    mobilized:deploy mobilizing:deploy moved:deploy number:present numbered:present presence:present pull:withdraw \
    pulled:withdraw pulling:withdraw pullout:withdraw quit:withdraw reduce:reduce reduced:reduce reduces:reduce \
    reducing:reduce reduction:reduce reinforce:reinforce reinforced:reinforce reinforcement:reinforce \
    reinforcements:reinforce reinforces:reinforce reinforcing:reinforce relieve:rotate relieved:rotate \
    remain:present remained:present remains:present repatriate:withdraw repatriated:withdraw replace:rotate \
    replaced:rotate replaces:rotate replacing:rotate rotate:rotate rotated:rotate rotates:rotate rotating:rotate \
    rotation:rotate rotations:rotate scaled:reduce send:deploy sending:deploy sends:deploy sent:deploy \
    serve:present serving:present station:deploy stationed:present stationing:deploy stations:deploy stay:present \
    stayed:present stays:present surge:reinforce trim:reduce trimmed:reduce withdraw:withdraw withdrawal:withdraw \
    withdrawing:withdraw withdrawn:withdraw withdraws:withdraw withdrew:withdraw");

/// Words in a figure's chain that mean more troops: "1,500 additional soldiers".
pub const REINFORCE_MODIFIERS: Words = Words(19, "additional another extra fresh further more");

/// Negations that turn "withdraw" into staying put: "not planning to withdraw".
pub const NEGATIONS: Words = Words(20, "never no nor not without");

/// Prepositions that open a location after a figure.
pub const PLACE_PREPOSITIONS: Words = Words(21, "\
    across along at exited in inside into leave leaving left near off quit through throughout to toward towards \
    within");

/// Adjectives of direction before a place ("eastern Baghdad").
pub const DIRECTIONS: Words = Words(22, "\
    central east eastern nearby neighboring neighbouring north northeastern northern northwestern occupied south \
    southeastern southern southwestern west western");

/// Capitalised words that are not places: days, months, titles.
pub const NOT_PLACES: Words = Words(23, "\
    april august december february friday general he i it january july june march may minister monday november \
    october president saturday september she sunday they thursday tuesday we wednesday");

/// Lower-case words that may follow a place name: "in Iraq and Syria", "in Mali since 2013".
pub const PLACE_FOLLOWERS: Words = Words(24, "\
    according across after again against ahead along alongside already also amid and are area as at because before \
    but by city despite during each earlier every following for from had has have if in into is last later near next \
    now of on only or over overnight per province recently region respectively said say says since so soon state \
    than that then this through to today told tomorrow too under until via was were when where which while who will \
    with within without would yesterday yet");

/// Lower-case place heads: "along the border", "on the eastern flank", "the Pokrovsk sector".
pub const GEO_HEADS: Words = Words(25, "\
    axis border borderlands borders coast direction flank front frontier frontline oblast region sector");

/// Words that make a capitalised phrase an organisation or unit, not a place.
pub const ORG_WORDS: Words = Words(26, "\
    agency army battalion brigade coalition command committee corps council department division force forces \
    government group guard institute ministry navy news office operation organisation organization parliament party \
    post regiment times university");

/// Words right before a lone number that give a force's size: "troops ... number about 2,500", "reduced to 2,500".
pub const QUANTITY_CUES: Words = Words(27, "\
    are at by from is number numbered numbering numbers of reached reaching to total totaled totaling totalled \
    totalling totals was were");

/// Capitalised words before a number that make it a name: "Unit 8200", "Task Force 51".
pub const DESIGNATORS: Words = Words(28, "\
    airbus apollo area article base battalion block boeing brigade building camp chapter checkpoint corps district \
    division exit fleet flight force gate group highway hill level no number operation outpost phase point regiment \
    region resolution road room route section sector site squadron tower unit vol zone");

/// Abbreviations whose full stop does not end a sentence.
pub const ABBREVIATIONS: Words = Words(29, "\
    adm approx apr aug brig capt cmdr co col corp cpl dec dept dr est feb gen gov inc jan jr jul jun lt ltd maj mar \
    mr mrs ms no nov oct pte pvt rep sen sep sept sgt sr st vs");

/// Prepositions that make an actor mention a place: "troops in Iraq".
pub const LOCATIVES: Words = Words(30, "\
    across against around at from in inside into near throughout to toward towards within");

/// Verbs that make an actor mention a source, not an owner: "Seoul's spy agency said".
pub const SPEECH_VERBS: Words = Words(31, "\
    according added announced believes claimed claims reported reports said say says stated told warned");

/// Second halves of compounds that name a sponsor, not an owner: "Iran-backed", "Russia-aligned".
pub const SPONSORED: Words = Words(32, "\
    affiliated aligned allied armed backed controlled friendly funded inspired leaning linked made sponsored \
    supported trained");

/// Possessives that make the speaker a figure's owner: "said it would withdraw its 2,500 troops".
pub const OWNER_POSSESSIVES: Words = Words(33, "its our their");

/// Possessives and subject pronouns that make the speaker a force's owner: "Britain said it would send 500 troops".
pub const OWNER_PRONOUNS: Words = Words(34, "it its our their they we");

/// Words of contrast that bound the search for a figure's action: "welcomed the deployment but warned ...".
pub const CONTRASTS: Words = Words(35, "although but though whereas while");

/// Clause contrasts that bound the search for a place before a figure.
pub const CLAUSE_CONTRASTS: Words = Words(36, "but whereas while");

/// "call up" reservists: a deployment.
pub const CALL_VERBS: Words = Words(37, "call called calling calls");

/// Words before a preposition that make it an idiom, not a place: "according to", "due to", "in addition to".
pub const IDIOM_HEADS: Words = Words(38, "according addition due owing prior thanks");

/// Prepositions before a figure that open its place: "in Iraq, 2,500 troops".
pub const PLACE_BEFORE: Words = Words(39, "along at in inside into near to");

/// International bodies that field forces of their own: "NATO will deploy 40,000 troops",
/// "MINUSMA had 13,000 peacekeepers" (besides any body whose name ends in "Mission").
pub const FORCE_BODIES: &[&str] = &[
    "African Union", "Collective Security Treaty Organization", "EAC", "ECOWAS", "European Union", "MINUSMA", "MONUSCO",
    "North Atlantic Treaty Organization", "SADC", "UNIFIL", "UNMISS", "United Nations",
];

/// National forces whose names do not carry their state's: (force, state), canonical names as the actors stage gives them.
pub const STATE_FORCES: &[(&str, &str)] = &[
    ("Pentagon", "United States"), ("People's Liberation Army", "China"), ("Korean People's Army", "North Korea"),
    ("Sudanese Armed Forces", "Sudan"), ("FARDC", "Democratic Republic of the Congo"), ("Somali National Army", "Somalia"),
    ("Islamic Revolutionary Guard Corps", "Iran"), ("Iraqi Counter-Terrorism Service", "Iraq"), ("Rosgvardia", "Russia"),
    ("Operation Barkhane", "France"), ("Malian Armed Forces", "Mali"),
];

/// Every table, each at its number.
pub const TABLES: &[Table] = &[CASUALTY_BEFORE, CASUALTY_AFTER_ACTION, ACTION_WORDS];

/// Every list, each at its number.
pub const ALL: &[Words] = &[
    FORCE_NOUNS,
    RANK_NOUNS,
    WEAK_NOUNS,
    MILITARY_MODIFIERS,
    INVARIANT_NOUNS,
    BLOCKERS,
    MODIFIERS,
    STOPS,
    POSSESSIVES,
    NON_HEADS,
    GROUP_NOUNS,
    SIZE_UNITS,
    LEVEL_NOUNS,
    DETERMINERS,
    BARE_FOLLOWERS,
    CASUALTY_SKIP_BEFORE,
    CASUALTY_SKIP_AFTER,
    HAVE_WORDS,
    SUFFER_VERBS,
    REINFORCE_MODIFIERS,
    NEGATIONS,
    PLACE_PREPOSITIONS,
    DIRECTIONS,
    NOT_PLACES,
    PLACE_FOLLOWERS,
    GEO_HEADS,
    ORG_WORDS,
    QUANTITY_CUES,
    DESIGNATORS,
    ABBREVIATIONS,
    LOCATIVES,
    SPEECH_VERBS,
    SPONSORED,
    OWNER_POSSESSIVES,
    OWNER_PRONOUNS,
    CONTRASTS,
    CLAUSE_CONTRASTS,
    CALL_VERBS,
    IDIOM_HEADS,
    PLACE_BEFORE,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_lower(name: &str, words: &[&str]) {
        assert!(words.windows(2).all(|w| w[0] < w[1]), "{name} is not sorted or has duplicates");
        assert!(words.iter().all(|w| !w.is_empty() && *w == w.to_ascii_lowercase()), "{name} is not all lower case");
    }

    #[test]
    fn every_list_is_sorted_lower_case_and_free_of_duplicates() {
        let lists: &[(&str, &'static str)] = &[
            ("FORCE_NOUNS", FORCE_NOUNS.1), ("RANK_NOUNS", RANK_NOUNS.1), ("WEAK_NOUNS", WEAK_NOUNS.1),
            ("MILITARY_MODIFIERS", MILITARY_MODIFIERS.1), ("INVARIANT_NOUNS", INVARIANT_NOUNS.1), ("BLOCKERS", BLOCKERS.1),
            ("MODIFIERS", MODIFIERS.1), ("STOPS", STOPS.1), ("POSSESSIVES", POSSESSIVES.1), ("NON_HEADS", NON_HEADS.1),
            ("GROUP_NOUNS", GROUP_NOUNS.1), ("SIZE_UNITS", SIZE_UNITS.1), ("LEVEL_NOUNS", LEVEL_NOUNS.1),
            ("DETERMINERS", DETERMINERS.1), ("BARE_FOLLOWERS", BARE_FOLLOWERS.1), ("CASUALTY_SKIP_BEFORE", CASUALTY_SKIP_BEFORE.1),
            ("CASUALTY_SKIP_AFTER", CASUALTY_SKIP_AFTER.1), ("HAVE_WORDS", HAVE_WORDS.1), ("SUFFER_VERBS", SUFFER_VERBS.1),
            ("REINFORCE_MODIFIERS", REINFORCE_MODIFIERS.1), ("NEGATIONS", NEGATIONS.1), ("PLACE_PREPOSITIONS", PLACE_PREPOSITIONS.1),
            ("DIRECTIONS", DIRECTIONS.1), ("NOT_PLACES", NOT_PLACES.1), ("PLACE_FOLLOWERS", PLACE_FOLLOWERS.1),
            ("GEO_HEADS", GEO_HEADS.1), ("ORG_WORDS", ORG_WORDS.1), ("QUANTITY_CUES", QUANTITY_CUES.1),
            ("DESIGNATORS", DESIGNATORS.1), ("ABBREVIATIONS", ABBREVIATIONS.1), ("LOCATIVES", LOCATIVES.1),
            ("SPEECH_VERBS", SPEECH_VERBS.1), ("SPONSORED", SPONSORED.1), ("OWNER_POSSESSIVES", OWNER_POSSESSIVES.1),
            ("OWNER_PRONOUNS", OWNER_PRONOUNS.1), ("CONTRASTS", CONTRASTS.1), ("CLAUSE_CONTRASTS", CLAUSE_CONTRASTS.1),
            ("CALL_VERBS", CALL_VERBS.1), ("IDIOM_HEADS", IDIOM_HEADS.1), ("PLACE_BEFORE", PLACE_BEFORE.1),
        ];
        for &(name, list) in lists {
            sorted_lower(name, &words(list).collect::<Vec<_>>());
        }
        assert_eq!(lists.len(), ALL.len(), "a list is missing from the test or from ALL");
        for (i, list) in ALL.iter().enumerate() {
            assert_eq!(list.0, i, "the list numbered {} stands at {i} in ALL", list.0);
        }
        for (name, table) in [("CASUALTY_BEFORE", CASUALTY_BEFORE), ("CASUALTY_AFTER_ACTION", CASUALTY_AFTER_ACTION), ("ACTION_WORDS", ACTION_WORDS)] {
            sorted_lower(name, &table.pairs().map(|(w, _)| w).collect::<Vec<_>>());
            assert_eq!(table.pairs().count(), words(table.1).count(), "{name} has a word without its value");
        }
        for (i, table) in TABLES.iter().enumerate() {
            assert_eq!(table.0, i, "the table numbered {} stands at {i} in TABLES", table.0);
        }
    }
}
