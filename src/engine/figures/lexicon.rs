//! Word lists the figure reader matches (case-insensitively) around numbers.

/// Nouns that name members of an armed force on their own.
pub const FORCE_NOUNS: &[&str] = &[
    "troops", "soldiers", "soldier", "servicemen", "serviceman", "servicewomen", "servicemembers", "servicemember",
    "personnel", "forces", "fighters", "fighter", "militants", "militant", "marines", "marine", "sailors", "sailor",
    "airmen", "airman", "reservists", "reservist", "conscripts", "conscript", "recruits", "peacekeepers", "peacekeeper",
    "paratroopers", "paratrooper", "commandos", "commando", "mercenaries", "mercenary", "insurgents", "insurgent",
    "rebels", "jihadists", "jihadist", "militiamen", "militiaman", "militia", "militias", "guardsmen", "guardsman",
    "troopers", "trooper", "infantrymen", "infantryman", "infantry", "gunmen", "gunman", "combatants", "combatant",
    "commanders", "commander", "generals", "snipers", "operatives", "terrorists", "reinforcements", "paramilitaries",
    "gendarmes", "legionnaires", "sappers", "rangers", "seals", "taliban", "houthis", "separatists", "partisans",
    "guerrillas", "guerillas", "warriors", "riflemen", "gunners", "artillerymen", "tankmen", "jihadis",
    "servicepeople", "draftees", "mobiks", "cadres", "raiders",
];

/// Force nouns that name officers: a count of them is a casualty figure or nothing ("12 generals sacked").
pub const RANK_NOUNS: &[&str] = &["generals", "general", "commanders", "commander", "officers", "officer", "colonels"];

/// Nouns that name armed personnel only with a military word or context: "service members", "a force of 800 men".
pub const WEAK_NOUNS: &[&str] = &[
    "members", "member", "men", "officers", "officer", "advisers", "advisors", "adviser", "advisor", "trainers",
    "instructors", "guards", "volunteers", "pilots", "pilot", "staff", "casualties", "dead", "personnel", "experts",
    "specialists", "observers", "police", "contractors", "helmets",
];

/// Words that make a weak noun military: "military advisers", "service members", "Wagner members".
pub const MILITARY_MODIFIERS: &[&str] = &[
    "military", "army", "service", "armed", "defence", "defense", "special", "combat", "naval", "navy", "air",
    "marine", "militia", "coalition", "border", "elite", "rebel", "regime", "enemy", "troop",
    "paramilitary", "guard", "republican", "revolutionary", "wagner", "battlefield", "frontline", "infantry",
    "airborne", "force", "forces", "corps", "peacekeeping", "soldiers", "fighting", "blue",
    // Armed groups whose members are fighters even when no actor list is at hand.
    "daesh", "isis", "isil", "hamas", "hezbollah", "hizbollah", "taliban", "houthi", "shabaab", "al-shabaab", "jnim",
    "m23", "pkk", "ypg", "sdf", "hts", "boko", "haram", "iswap", "adf", "qassam", "jihad", "nujaba",
];

/// Force nouns that look plural but also modify other nouns: "personnel carriers", "forces commander".
pub const INVARIANT_NOUNS: &[&str] = &["personnel", "forces", "seals", "taliban", "houthis", "operatives", "militias"];

/// Words that make the noun something else than armed forces: "police officers", "civilian staff".
pub const BLOCKERS: &[&str] = &[
    "police", "civilian", "civilians", "medical", "aid", "humanitarian", "embassy", "diplomatic", "crew", "parliament",
    "parliamentary", "party", "board", "council", "cabinet", "committee", "union", "club", "team", "family",
    "household", "journalists", "prisoners", "hostages", "detained", "workers", "students", "children",
    // Aircraft: "40 Typhoon fighters" are jets.
    "jet", "jets", "aircraft", "warplanes", "planes", "typhoon", "typhoons", "rafale", "rafales", "eurofighter",
    "gripen", "sukhoi", "mig", "tornado", "tornados", "mirage", "harrier", "hornet", "hornets", "raptor", "raptors",
];

/// Lower-case words that may stand between a number and its force noun.
pub const MODIFIERS: &[&str] = &[
    "additional", "more", "extra", "fresh", "new", "further", "other", "remaining", "regular", "elite", "foreign",
    "allied", "enemy", "coalition", "government", "rebel", "combat", "ground", "active", "duty", "reserve", "special",
    "operations", "military", "army", "naval", "navy", "air", "force", "forces", "marine", "militia", "security",
    "armed", "heavily", "well", "lightly", "trained", "equipped", "highly", "battle", "hardened", "seasoned",
    "veteran", "frontline", "front", "line", "infantry", "armored", "armoured", "airborne", "mechanized",
    "mechanised", "paramilitary", "national", "guard", "border", "regime", "pro", "backed", "aligned", "loyal",
    "loyalist", "separatist", "local", "international", "multinational", "peacekeeping", "troop", "service",
    "uniformed", "defence", "defense", "volunteer", "contract", "mobilized", "mobilised", "deployed", "stationed",
    "rotational", "partner", "junior", "senior", "dead", "captured", "injured", "wounded", "young", "female",
    "male", "women", "child", "ethnic", "tribal", "islamist", "jihadist", "militant", "insurgent", "hostile", "ukrainian",
    "russian", "american", "israeli", "british", "french", "german", "polish", "chinese", "iranian", "turkish", "allied",
    "un", "nato", "us", "u", "s", "total", "strong", "fallen", "commando", "assault", "ranger",
    "cavalry", "artillery", "tank", "recon", "reconnaissance", "counterterrorism", "counter", "terrorism", "intelligence",
    "support", "logistics", "engineering", "medical", "signals", "training", "non", "rank", "file", "soldier",
    "fighting", "trained", "experienced", "career", "professional", "standing", "rapid", "reaction", "response",
    "quick", "newly", "recently", "freshly", "deployable", "ready", "available", "serving", "active-duty", "territorial",
];

/// Words that end a chain between a number and its noun, even capitalised in a headline.
pub const STOPS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "as", "at", "in", "on", "to", "of", "from", "for", "with", "by", "into",
    "after", "before", "while", "are", "is", "was", "were", "be", "been", "have", "has", "had", "will", "would",
    "said", "says", "say", "killed", "died", "deploy", "deployed", "deploying", "send",
    "sends", "sent", "arrive", "arrived", "withdraw", "withdraws", "leave", "amid", "over", "against", "than",
    "that", "which", "who", "this", "these", "those", "it", "they", "their", "its", "his", "her", "our", "we", "he",
    "she", "you", "not", "no", "per", "each", "every", "times", "attacks", "strikes", "days", "years", "months",
    "weeks", "hours", "since", "until", "via", "during", "about", "around", "near", "across", "along", "if", "when",
    "where", "say", "report", "reports", "claims", "claim", "says", "warns", "could", "may", "might", "must", "should",
    "can", "do", "does", "did", "get", "gets", "got", "also", "still", "now", "just", "only", "out", "up", "down",
];

/// Words after "of" in "2,000 of its troops".
pub const POSSESSIVES: &[&str] = &["the", "its", "their", "his", "her", "our", "those", "these", "whom", "them"];

/// Nouns a force noun can modify instead of heading: "personnel carriers", "militia groups".
pub const NON_HEADS: &[&str] = &[
    "carriers", "carrier", "vehicles", "vehicle", "groups", "group", "bases", "base", "camps", "camp", "trucks",
    "truck", "convoys", "convoy", "positions", "units", "helicopters", "aircraft", "transports", "transport",
    "barracks", "headquarters", "jets", "ships", "boats", "leaders", "leader", "families", "movements", "movement",
    "levels", "level", "numbers", "presence", "deployment", "deployments", "commander", "commanders", "chief",
    "chiefs", "spokesman", "spokesperson", "factions", "faction", "organisations", "organizations", "outposts",
    "checkpoints", "posts", "hospitals", "cemeteries", "graves", "training", "exercises", "drills", "budget",
    "salaries", "pay", "recruitment", "strength", "casualties", "deaths", "losses",
];

/// Collective nouns a number can size: "a force of 4,000", "a 3,500-strong contingent".
pub const GROUP_NOUNS: &[&str] = &[
    "force", "forces", "contingent", "army", "garrison", "presence", "deployment", "battalion", "battalions",
    "brigade", "brigades", "regiment", "division", "company", "detachment", "unit", "units", "corps", "militia",
    "squad", "platoon", "mission", "troop", "legion", "task", "taskforce", "group", "column", "convoy", "patrol",
    "team", "contingents", "formation", "formations", "grouping", "rotation", "surge", "divisions", "regiments",
    "detachments", "platoons", "squads", "garrisons", "armies", "missions", "militias",
];

/// "-man", "-member": sizes of a group ("a 12-man patrol").
pub const SIZE_UNITS: &[&str] = &["man", "member", "troop", "soldier", "person", "strong"];

/// "troop levels of 2,500", "force strength of".
pub const LEVEL_NOUNS: &[&str] = &["levels", "level", "strength", "numbers", "presence", "ceiling", "cap", "count", "total", "size"];

/// Articles and possessives that open "a force of 4,000".
pub const DETERMINERS: &[&str] = &["a", "an", "the", "its", "their", "his", "our"];

/// What may follow a number that stands for a force named before it: "900 in Syria", "12 were wounded".
pub const BARE_FOLLOWERS: &[&str] = &[
    "in", "at", "to", "into", "inside", "from", "on", "across", "along", "near", "and", "or", "but", "while",
    "with", "who", "which", "that", "were", "was", "are", "is", "have", "has", "had", "will", "would", "remain",
    "remained", "remaining", "stationed", "based", "deployed", "of", "more", "others", "between", "under",
    "currently", "still", "now", "respectively", "last", "this", "next", "by", "as", "for", "plus", "including",
    "sent", "arrived", "withdrawn", "serving", "fighting", "left", "dispatched", "mobilised", "mobilized", "before",
    "after", "since", "until", "earlier", "ago", "previously", "during", "when", "departed", "returned",
    "crossed", "moved", "landed", "reached", "joined",
];

/// Verbs and nouns before a figure that make it a casualty: "killing two commanders".
pub const CASUALTY_BEFORE: &[(&str, &str)] = &[
    ("killing", "killed"), ("killed", "killed"), ("kill", "killed"), ("kills", "killed"), ("executed", "killed"),
    ("executing", "killed"), ("deaths", "killed"), ("death", "killed"), ("bodies", "killed"), ("lives", "killed"),
    ("wounding", "wounded"), ("wounded", "wounded"), ("wounds", "wounded"), ("injuring", "wounded"),
    ("injured", "wounded"), ("injures", "wounded"), ("injure", "wounded"), ("wound", "wounded"), ("hurting", "wounded"),
    ("capturing", "captured"), ("captured", "captured"), ("captures", "captured"), ("capture", "captured"),
    ("abducted", "captured"), ("abducting", "captured"), ("kidnapped", "captured"), ("seized", "captured"),
    ("detained", "captured"), ("detaining", "captured"), ("arrested", "captured"), ("eliminated", "killed"),
    ("eliminating", "killed"), ("neutralised", "killed"), ("neutralized", "killed"), ("slew", "killed"),
    ("lost", "killed"),
];

/// Words that may stand between a casualty verb and the figure: "killing at least ..., including".
pub const CASUALTY_SKIP_BEFORE: &[&str] = &["a", "an", "the", "\"", "“", "”", "'", "‘", "’", "also", "another", "of", "its", "their", "his", "including", "least", "at"];

/// Casualty words after a figure: "three US soldiers were killed".
pub const CASUALTY_AFTER_ACTION: &[(&str, &str)] = &[
    ("killed", "killed"), ("dead", "killed"), ("died", "killed"), ("die", "killed"), ("slain", "killed"),
    ("executed", "killed"), ("perished", "killed"), ("wounded", "wounded"), ("injured", "wounded"),
    ("hurt", "wounded"), ("captured", "captured"), ("missing", "captured"), ("abducted", "captured"),
    ("kidnapped", "captured"), ("taken", "captured"), ("surrendered", "captured"), ("kia", "killed"),
    ("detained", "captured"), ("arrested", "captured"), ("seized", "captured"), ("imprisoned", "captured"),
];

/// Words that may stand between a figure and its casualty word.
pub const CASUALTY_SKIP_AFTER: &[&str] = &[
    "were", "was", "have", "has", "had", "been", "being", "are", "is", "reportedly", "also", "all", "later",
    "allegedly", "confirmed", "reported", "believed", "feared", "said", "to", "be", "and", "both", "seriously",
    "critically", "lightly", "slightly", "badly", "were", "got", "left", "now", "presumed", "listed", "as",
];

/// Possession and existence right before a figure: "Spain has 300 troops".
pub const HAVE_WORDS: &[&str] = &["has", "have", "had", "having", "maintains", "maintain", "maintained", "keeps", "keep", "kept", "hosts", "host", "hosting", "hosted", "retains", "retain", "retained"];

/// Verbs whose subject suffers the casualties that follow: "Russia has suffered 350,000 casualties".
pub const SUFFER_VERBS: &[&str] = &["suffered", "suffers", "suffer", "sustained", "sustains", "incurred", "lost", "loses", "lose"];

/// Verbs and nouns that say what happens to a force.
pub const ACTION_WORDS: &[(&str, &str)] = &[
    ("deploy", "deploy"), ("deploys", "deploy"), ("deployed", "deploy"), ("deploying", "deploy"),
    ("deployment", "deploy"), ("deployments", "deploy"), ("send", "deploy"), ("sends", "deploy"), ("sent", "deploy"),
    ("sending", "deploy"), ("dispatch", "deploy"), ("dispatched", "deploy"), ("dispatches", "deploy"),
    ("dispatching", "deploy"), ("arrive", "deploy"), ("arrives", "deploy"), ("arrived", "deploy"),
    ("arriving", "deploy"), ("arrival", "deploy"), ("mobilize", "deploy"), ("mobilized", "deploy"),
    ("mobilise", "deploy"), ("mobilised", "deploy"), ("mobilizing", "deploy"), ("mobilising", "deploy"),
    ("mobilisation", "deploy"), ("mobilization", "deploy"), ("landed", "deploy"), ("airlifted", "deploy"), ("heading", "deploy"), ("headed", "deploy"), ("moved", "deploy"),
    ("withdraw", "withdraw"), ("withdraws", "withdraw"), ("withdrew", "withdraw"), ("withdrawn", "withdraw"),
    ("withdrawing", "withdraw"), ("withdrawal", "withdraw"), ("pull", "withdraw"), ("pulled", "withdraw"),
    ("pulling", "withdraw"), ("pullout", "withdraw"), ("leave", "withdraw"), ("leaving", "withdraw"),
    ("depart", "withdraw"), ("departed", "withdraw"), ("departing", "withdraw"), ("evacuate", "withdraw"),
    ("evacuated", "withdraw"), ("repatriate", "withdraw"), ("repatriated", "withdraw"), ("exit", "withdraw"), ("left", "withdraw"), ("expel", "withdraw"), ("expelled", "withdraw"), ("expelling", "withdraw"), ("quit", "withdraw"),
    ("presence", "present"), ("stationed", "present"), ("based", "present"), ("remain", "present"),
    ("remains", "present"), ("remained", "present"), ("stay", "present"), ("stays", "present"), ("stayed", "present"),
    ("garrisoned", "present"), ("currently", "present"), ("number", "present"), ("numbered", "present"),
    ("serving", "present"), ("serve", "present"),
    ("station", "deploy"), ("stations", "deploy"), ("stationing", "deploy"),
    ("reduce", "reduce"), ("reduces", "reduce"), ("reduced", "reduce"), ("reducing", "reduce"),
    ("reduction", "reduce"), ("cut", "reduce"), ("cuts", "reduce"), ("cutting", "reduce"), ("drawdown", "reduce"),
    ("trim", "reduce"), ("trimmed", "reduce"), ("halve", "reduce"), ("halved", "reduce"), ("downsize", "reduce"),
    ("scaled", "reduce"), ("lowered", "reduce"),
    ("reinforce", "reinforce"), ("reinforced", "reinforce"), ("reinforces", "reinforce"),
    ("reinforcing", "reinforce"), ("reinforcement", "reinforce"), ("reinforcements", "reinforce"),
    ("boost", "reinforce"), ("boosted", "reinforce"), ("boosting", "reinforce"), ("bolster", "reinforce"),
    ("bolstered", "reinforce"), ("bolstering", "reinforce"), ("increase", "reinforce"), ("increased", "reinforce"),
    ("increasing", "reinforce"), ("surge", "reinforce"), ("augment", "reinforce"),
    ("grow", "reinforce"), ("expand", "reinforce"), ("expanded", "reinforce"), ("expanding", "reinforce"),
    ("rotate", "rotate"), ("rotated", "rotate"), ("rotates", "rotate"), ("rotating", "rotate"),
    ("rotation", "rotate"), ("rotations", "rotate"), ("replace", "rotate"), ("replaced", "rotate"),
    ("replaces", "rotate"), ("replacing", "rotate"), ("relieve", "rotate"), ("relieved", "rotate"),
];

/// Words in a figure's chain that mean more troops: "1,500 additional soldiers".
pub const REINFORCE_MODIFIERS: &[&str] = &["additional", "extra", "more", "fresh", "further", "another"];

/// Negations that turn "withdraw" into staying put: "not planning to withdraw".
pub const NEGATIONS: &[&str] = &["not", "no", "never", "without", "nor"];

/// Prepositions that open a location after a figure.
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "to", "into", "inside", "across", "along", "near", "at", "toward", "towards", "off", "throughout", "within",
    "through", "left", "leave", "leaving", "quit", "exited",
];

/// Adjectives of direction before a place ("eastern Baghdad").
pub const DIRECTIONS: &[&str] = &[
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern",
    "northwestern", "southeastern", "southwestern", "occupied", "neighbouring", "neighboring", "nearby",
];

/// Capitalised words that are not places: days, months, titles.
pub const NOT_PLACES: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "president",
    "minister", "general", "i", "we", "they", "he", "she", "it",
];

/// Lower-case words that may follow a place name: "in Iraq and Syria", "in Mali since 2013".
pub const PLACE_FOLLOWERS: &[&str] = &[
    "and", "or", "but", "to", "in", "on", "at", "by", "for", "from", "with", "as", "since", "after", "before", "while",
    "where", "which", "who", "that", "this", "under", "despite", "amid", "over", "near", "until", "during", "of", "is",
    "are", "was", "were", "has", "have", "had", "will", "would", "last", "next", "earlier", "later", "within", "ahead",
    "against", "without", "alongside", "along", "into", "through", "across", "because", "following", "when", "so",
    "said", "says", "say", "told", "according", "amid", "than", "if", "then", "yet", "via", "per", "each", "every",
    "respectively", "region", "province", "state", "city", "area", "now", "too", "also", "only", "until", "again",
    "today", "yesterday", "tomorrow", "overnight", "recently", "soon", "already", "again",
];

/// Lower-case place heads: "along the border", "on the eastern flank".
pub const GEO_HEADS: &[&str] = &["border", "borders", "frontier", "front", "frontline", "coast", "flank", "region", "borderlands"];

/// Words that make a capitalised phrase an organisation or unit, not a place.
pub const ORG_WORDS: &[&str] = &[
    "army", "guard", "division", "brigade", "battalion", "regiment", "corps", "command", "ministry", "forces", "force",
    "coalition", "operation", "department", "council", "committee", "agency", "news", "times", "post", "party",
    "university", "institute", "group", "organization", "organisation", "parliament", "government", "navy", "office",
];

/// Words right before a lone number that give a force's size: "troops ... number about 2,500", "reduced to 2,500".
pub const QUANTITY_CUES: &[&str] = &[
    "number", "numbers", "numbered", "numbering", "total", "totals", "totalled", "totaled", "totaling", "totalling",
    "at", "to", "from", "is", "was", "are", "were", "of", "reaching", "reached", "by",
];

/// Capitalised words before a number that make it a name: "Unit 8200", "Task Force 51".
pub const DESIGNATORS: &[&str] = &[
    "unit", "brigade", "battalion", "division", "regiment", "resolution", "article", "route", "highway", "flight",
    "no", "number", "chapter", "camp", "force", "squadron", "corps", "group", "base", "fleet", "operation", "phase",
    "section", "site", "point", "hill", "block", "sector", "gate", "building", "room", "level", "road", "exit", "zone",
    "area", "district", "region", "tower", "outpost", "checkpoint", "boeing", "airbus", "apollo", "vol",
];

/// Abbreviations whose full stop does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &["mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "jr", "sr", "approx", "est", "dept", "brig", "pte", "cpl", "pvt"];

/// Prepositions that make an actor mention a place: "troops in Iraq".
pub const LOCATIVES: &[&str] = &["in", "to", "into", "from", "at", "near", "inside", "across", "toward", "towards", "against", "throughout", "within", "around"];

/// Verbs that make an actor mention a source, not an owner: "Seoul's spy agency said".
pub const SPEECH_VERBS: &[&str] = &["said", "says", "say", "told", "reported", "reports", "announced", "claimed", "claims", "stated", "added", "believes", "warned", "according"];

/// Second halves of compounds that name a sponsor, not an owner: "Iran-backed", "Russia-aligned".
pub const SPONSORED: &[&str] = &[
    "backed", "aligned", "supported", "sponsored", "allied", "linked", "affiliated", "trained", "funded", "armed",
    "friendly", "leaning", "controlled", "inspired", "made",
];

/// National forces whose names do not carry their state's: (force, state), canonical names as the actors stage gives them.
pub const STATE_FORCES: &[(&str, &str)] = &[
    ("Pentagon", "United States"), ("People's Liberation Army", "China"), ("Korean People's Army", "North Korea"),
    ("Sudanese Armed Forces", "Sudan"), ("FARDC", "Democratic Republic of the Congo"), ("Somali National Army", "Somalia"),
    ("Islamic Revolutionary Guard Corps", "Iran"), ("Iraqi Counter-Terrorism Service", "Iraq"), ("Rosgvardia", "Russia"),
    ("Operation Barkhane", "France"),
];
