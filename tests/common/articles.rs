//! A deterministic generator of realistic news articles about military deployments,
//! written from our own templates and phrase banks (no real article text).
//!
//! Shared by the benchmark (`benches/engine.rs`) and the property tests: the same seed
//! always gives the same articles, so figures compare across runs and machines.

#![allow(dead_code)] // each includer uses a different part

/// A small, fast, deterministic random source (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator that always yields the same sequence for the same seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One item of a non-empty bank.
    pub fn pick<'a>(&mut self, bank: &[&'a str]) -> &'a str {
        bank[self.below(bank.len())]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// One theatre of operations: who fights there and where.
struct Theatre {
    states: &'static [(&'static str, &'static str)], // (name, demonym)
    forces: &'static [&'static str],
    groups: &'static [&'static str],
    people: &'static [(&'static str, &'static str)], // (role, name)
    places: &'static [&'static str],
}

const THEATRES: &[Theatre] = &[
    Theatre {
        states: &[("Ukraine", "Ukrainian"), ("Russia", "Russian"), ("Poland", "Polish"), ("Germany", "German")],
        forces: &["the Ukrainian Armed Forces", "Russia’s Defence Ministry", "the 47th Mechanised Brigade", "NATO", "the Bundeswehr"],
        groups: &["the Wagner Group", "pro-Russian separatists"],
        people: &[
            ("President", "Volodymyr Zelensky"),
            ("Defence Minister", "Władysław Kosiniak-Kamysz"),
            ("Kremlin spokesman", "Dmitry Peskov"),
            ("General", "Oleksandr Syrskyi"),
        ],
        places: &["Kharkiv", "the Donbas", "Zaporizhzhia", "Rzeszów", "Lithuania", "the Suwałki Gap", "Kursk"],
    },
    Theatre {
        states: &[("Mali", "Malian"), ("Niger", "Nigerien"), ("Burkina Faso", "Burkinabè"), ("France", "French")],
        forces: &["the Malian army", "Operation Barkhane", "the Africa Corps", "MINUSMA"],
        groups: &["JNIM", "Islamic State Sahel Province", "the Front for the Liberation of Azawad"],
        people: &[
            ("Colonel", "Assimi Goïta"),
            ("General", "Abdourahamane Tiani"),
            ("Captain", "Ibrahim Traoré"),
            ("French Armed Forces Minister", "Sébastien Lecornu"),
        ],
        places: &["Gao", "Kidal", "Timbuktu", "Niamey", "Ménaka", "the tri-border area", "Ouagadougou"],
    },
    Theatre {
        states: &[("the Democratic Republic of Congo", "Congolese"), ("Rwanda", "Rwandan"), ("Burundi", "Burundian"), ("Uganda", "Ugandan")],
        forces: &["the FARDC", "MONUSCO", "the East African Community force", "the SADC mission"],
        groups: &["M23", "the Allied Democratic Forces", "the FDLR", "Wazalendo militias"],
        people: &[
            ("President", "Félix Tshisekedi"),
            ("President", "Paul Kagame"),
            ("M23 spokesman", "Lawrence Kanyuka"),
            ("UN envoy", "Bintou Keita"),
        ],
        places: &["Goma", "North Kivu", "Bunagana", "Rutshuru", "Bukavu", "Sake", "Ituri"],
    },
    Theatre {
        states: &[("Somalia", "Somali"), ("Kenya", "Kenyan"), ("Ethiopia", "Ethiopian"), ("the United States", "American")],
        forces: &["the African Union Transition Mission", "AFRICOM", "the Somali National Army", "the Danab brigade"],
        groups: &["al-Shabaab", "Islamic State Somalia"],
        people: &[
            ("President", "Hassan Sheikh Mohamud"),
            ("AFRICOM commander", "General Michael Langley"),
            ("al-Shabaab spokesman", "Ali Dhere"),
        ],
        places: &["Mogadishu", "Baidoa", "Kismayo", "Jubaland", "Hiran", "the Shabelle valley"],
    },
    Theatre {
        states: &[("Yemen", "Yemeni"), ("Saudi Arabia", "Saudi"), ("the United Arab Emirates", "Emirati"), ("Iran", "Iranian")],
        forces: &["the Saudi-led coalition", "the Southern Transitional Council", "the Yemeni Coast Guard", "US Central Command"],
        groups: &["the Houthis", "Ansar Allah", "al-Qaeda in the Arabian Peninsula"],
        people: &[
            ("Houthi military spokesman", "Yahya Saree"),
            ("Coalition spokesman", "Turki al-Maliki"),
            ("Envoy", "Hans Grundberg"),
        ],
        places: &["Marib", "Hodeidah", "Aden", "Taiz", "the Red Sea coast", "Sanaa (صنعاء)"],
    },
    Theatre {
        states: &[("Syria", "Syrian"), ("Turkey", "Turkish"), ("Iraq", "Iraqi"), ("the United States", "American")],
        forces: &["the Syrian Democratic Forces", "the Pentagon", "Combined Joint Task Force", "the Turkish Armed Forces", "the Popular Mobilisation Forces"],
        groups: &["Islamic State", "Hayat Tahrir al-Sham", "Kataib Hezbollah"],
        people: &[
            ("Defense Secretary", "Lloyd Austin"),
            ("Prime Minister", "Mohammed Shia al-Sudani"),
            ("SDF commander", "Mazloum Abdi"),
            ("Pentagon press secretary", "Pat Ryder"),
        ],
        places: &["Deir ez-Zor", "al-Tanf", "Erbil", "Ain al-Asad", "Raqqa", "Idlib", "Hasakah"],
    },
    Theatre {
        states: &[("North Korea", "North Korean"), ("South Korea", "South Korean"), ("Japan", "Japanese"), ("China", "Chinese")],
        forces: &["the Korean People’s Army", "US Forces Korea", "the Joint Chiefs of Staff", "the People’s Liberation Army"],
        groups: &["Unit 8", "special operations units"],
        people: &[
            ("leader", "Kim Jong Un"),
            ("President", "Yoon Suk Yeol"),
            ("Defence Minister", "Shin Won-sik"),
            ("spokesman", "Lee Sung-jun"),
        ],
        places: &["the Demilitarised Zone", "Pyongyang", "Camp Humphreys", "the Kursk region", "Vladivostok", "Okinawa"],
    },
    Theatre {
        states: &[("Afghanistan", "Afghan"), ("Pakistan", "Pakistani"), ("the United Kingdom", "British")],
        forces: &["the Taliban’s Defence Ministry", "the Pakistani Army", "the Inter-Services Public Relations", "Resolute Support"],
        groups: &["the Taliban", "Islamic State Khorasan", "the Pakistani Taliban"],
        people: &[
            ("Taliban spokesman", "Zabihullah Mujahid"),
            ("General", "Asim Munir"),
            ("Defence Secretary", "Grant Shapps"),
        ],
        places: &["Kabul", "Kandahar", "Helmand", "Khost", "the Durand Line", "Peshawar", "Bagram"],
    },
    Theatre {
        states: &[("Israel", "Israeli"), ("Lebanon", "Lebanese"), ("Egypt", "Egyptian"), ("Qatar", "Qatari")],
        forces: &["the Israel Defense Forces", "UNIFIL", "the Lebanese Armed Forces", "the 36th Division"],
        groups: &["Hamas", "Hezbollah", "Palestinian Islamic Jihad"],
        people: &[
            ("IDF spokesman", "Daniel Hagari"),
            ("Hezbollah leader", "Naim Qassem"),
            ("Minister", "Yoav Gallant"),
        ],
        places: &["Gaza City", "Rafah", "Khan Younis", "the Philadelphi corridor", "southern Lebanon", "the Litani River"],
    },
];

const MEDIA: &[&str] = &[
    "Reuters", "the Associated Press", "Agence France-Presse", "the BBC", "Al Jazeera", "The New York Times",
    "Le Monde", "Der Spiegel", "Kyiv Independent", "RFI", "Yonhap", "Dawn", "Haaretz", "The Washington Post",
];

const FORCE_NOUNS: &[&str] = &[
    "troops", "soldiers", "service members", "military personnel", "fighters", "marines", "paratroopers",
    "peacekeepers", "special forces", "reservists", "military advisers", "conscripts", "militants", "sailors",
];

const QUALIFIERS: &[&str] = &["", "", "", "about ", "around ", "some ", "roughly ", "more than ", "at least ", "up to ", "nearly ", "fewer than ", "an estimated "];

const VAGUE: &[&str] = &["hundreds of", "thousands of", "several hundred", "a few dozen", "tens of thousands of", "a dozen", "dozens of"];

const SPELLED: &[&str] = &["two", "three", "five", "seven", "twelve", "fifteen", "forty", "two hundred", "three thousand", "a dozen"];

const DEPLOY_VERBS: &[&str] = &["deployed", "sent", "moved", "dispatched", "stationed", "rotated in", "flew in", "redeployed", "massed"];
const WITHDRAW_VERBS: &[&str] = &["withdrew", "pulled out", "brought home", "drew down", "repatriated", "relocated"];

const SAY: &[&str] = &["said", "told reporters", "said in a statement", "told a news conference", "wrote on X", "said on Tuesday", "said late on Friday"];
const DENY: &[&str] = &["denied", "rejected", "dismissed", "disputed", "called false", "refuted"];
const HEDGE: &[&str] = &["reportedly", "allegedly", "purportedly", "apparently"];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const FILLER: &[&str] = &[
    "The move comes amid mounting pressure on the government to show results before the rainy season.",
    "Analysts said the decision reflected shortages of ammunition and air defence rather than a change of strategy.",
    "Diplomats in the capital described the talks as “difficult but necessary”.",
    "Satellite images reviewed by independent researchers showed new earthworks and vehicle parks near the border.",
    "Humanitarian groups warned that fighting had displaced tens of thousands of civilians since the spring.",
    "The ministry did not respond to a request for comment.",
    "Residents described hearing artillery through the night — and convoys moving before dawn.",
    "Officials declined to give a timetable, citing operational security.",
    "The budget for the mission, roughly $1.2 billion a year, is due for renewal in parliament next month.",
    "A ceasefire agreed in 2023 has largely collapsed, according to monitors.",
    "Independent verification of casualty figures was not possible.",
    "The region has seen at least 150 attacks on convoys this year, many claimed by the same faction.",
    "Several F-16 jets and a squadron of drones were also placed on alert.",
    "The 3rd Battalion’s headquarters remained in the old airport terminal, a local official said.",
];

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn number(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => rng.pick(VAGUE).to_string(),
        1 => rng.pick(SPELLED).to_string(),
        2 => {
            let low = (rng.below(40) + 1) * 100;
            format!("between {} and {}", thousands(low as u64), thousands((low + (rng.below(20) + 1) * 100) as u64))
        }
        3 => format!("{}.{} thousand", rng.below(9) + 1, rng.below(10)),
        _ => {
            let n = match rng.below(3) {
                0 => rng.below(90) + 10,
                1 => (rng.below(99) + 1) * 50,
                _ => (rng.below(60) + 1) * 500 + rng.below(2) * 250,
            };
            format!("{}{}", rng.pick(QUALIFIERS), thousands(n as u64))
        }
    }
}

/// A bare count, without qualifier: "2,450", "fifteen".
fn count(rng: &mut Rng) -> String {
    if rng.chance(20) {
        rng.pick(SPELLED).trim_start_matches("a ").to_string()
    } else {
        thousands(((rng.below(80) + 1) * 50 + rng.below(50)) as u64)
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// One sentence about `theatre`.
fn sentence(rng: &mut Rng, t: &Theatre) -> String {
    let (state, demonym) = t.states[rng.below(t.states.len())];
    let (role, person) = t.people[rng.below(t.people.len())];
    let place = rng.pick(t.places);
    let other_place = rng.pick(t.places);
    let force = rng.pick(t.forces);
    let group = rng.pick(t.groups);
    let noun = rng.pick(FORCE_NOUNS);
    let num = number(rng);
    let day = rng.pick(WEEKDAYS);
    let media = rng.pick(MEDIA);
    match rng.below(16) {
        0 => format!("{} has {} {num} {noun} to {place} on {day}, {role} {person} {}.", capitalise(state), rng.pick(DEPLOY_VERBS), rng.pick(SAY)),
        1 => format!("“We have {} {num} {demonym} {noun} from {place},” {person} {}.", rng.pick(WITHDRAW_VERBS), rng.pick(SAY)),
        2 => format!("{} {} claims that {num} {noun} had crossed into {place}, calling the reports “pure fabrication”.", capitalise(force), rng.pick(DENY)),
        3 => format!("According to {media}, {num} {demonym} {noun} are now based near {place}, a figure {person} {}.", rng.pick(DENY)),
        4 => format!("{} {demonym} {noun} were {} in clashes with {group} near {place} on {day}, the military said.", capitalise(&num), rng.pick(&["killed", "wounded", "captured"])),
        5 => format!("{} fighters {} seized {place} after a three-day assault, {media} reported, citing two security sources.", capitalise(group), rng.pick(HEDGE)),
        6 => format!("{role} {person} said {force} would keep {num} {noun} in {place} “for as long as necessary”."),
        7 => format!("The {demonym} contingent in {place}, which numbers {}, is expected to rotate out in {}.", count(rng), rng.pick(MONTHS)),
        8 => format!("{} said it had reinforced positions around {place} with {num} {noun} and armoured vehicles, though {person} {} the figure was lower.", capitalise(force), rng.pick(&["insisted", "claimed", "suggested"])),
        9 => format!("In {other_place}, {group} {} {num} {noun}, a claim that could not be independently verified.", rng.pick(&["says it has", "boasted of", "claims to field"])),
        10 => format!("{person}, the {role}, {} that any {demonym} {noun} were involved.", rng.pick(DENY)),
        11 => format!("On {day} {}, {num} {noun} from {force} arrived in {place} aboard {} transport aircraft.", rng.below(28) + 1, rng.pick(&["two", "four", "several", "C-130"])),
        12 => format!("{} {} that as many as {} {noun} {} {place}, but officials in {state} denied it.", capitalise(media), rng.pick(&["reported", "said", "quoted sources as saying"]), count(rng), rng.pick(&["were massing near", "had left", "had been sent to"])),
        13 => format!("The mission led by {force}, once {} strong, now has barely {} {noun} left in {place}.", count(rng), count(rng)),
        14 => rng.pick(FILLER).to_string(),
        _ => format!("{} {} that {num} {noun} had been {} from {place} to {other_place}.", capitalise(force), rng.pick(&["announced", "confirmed", "said"]), rng.pick(&["moved", "redeployed", "transferred"])),
    }
}

/// A headline, a dateline and paragraphs of about `words` words in all.
pub fn article(rng: &mut Rng, words: usize) -> String {
    let t = &THEATRES[rng.below(THEATRES.len())];
    let place = rng.pick(t.places);
    let mut out = format!(
        "{} {} {} {}\n\n{} ({}) — ",
        capitalise(t.states[rng.below(t.states.len())].0),
        rng.pick(&["sends", "pulls", "rushes", "weighs sending"]),
        rng.pick(&["more troops", "reinforcements", "special forces", "peacekeepers"]),
        rng.pick(&["to front line", "amid border tensions", "as fighting spreads", "after deadly attack"]),
        place.trim_start_matches("the ").to_uppercase(),
        rng.pick(MEDIA),
    );
    let mut count = out.split_whitespace().count();
    let mut in_paragraph = 0;
    while count < words {
        let s = sentence(rng, t);
        count += s.split_whitespace().count();
        out.push_str(&s);
        in_paragraph += 1;
        if in_paragraph >= 2 + rng.below(3) {
            out.push_str("\n\n");
            in_paragraph = 0;
        } else {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Articles of 200 to 1,500 words, in all at least `bytes` bytes long.
pub fn corpus(seed: u64, bytes: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let words = 200 + rng.below(1300);
        let a = article(&mut rng, words);
        total += a.len();
        out.push(a);
    }
    out
}
