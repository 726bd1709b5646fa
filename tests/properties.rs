//! Property tests: on arbitrary and adversarial Unicode the engine never panics, gives
//! offsets that are valid and on character boundaries in every unit, slices `text`
//! exactly, orders and links its items consistently, and gives the same result every time.
//!
//! Each property runs `PROPTEST_CASES` cases (256 by default, so CI stays fast) from a fixed
//! seed, so every run of CI tries the same inputs; search longer and elsewhere on demand with
//! `PROPTEST_CASES=20000 PROPTEST_RNG_SEED=$RANDOM cargo test --release --test properties`.
//! Failing inputs are saved under `tests/properties.proptest-regressions` and replayed first.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::articles::{self, Rng};
use common::check::{self, boundaries, byte_spans, to_byte};
use muster::{annotate, annotate_with, Annotations, OffsetUnit};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::RngSeed;

const UNITS: [OffsetUnit; 3] = [OffsetUnit::CodePoint, OffsetUnit::Utf16, OffsetUnit::Byte];

/// Pieces that stress tokenisers, number grammars, casing and offsets.
const FRAGMENTS: &[&str] = &[
    // Realistic words and numbers the engine reacts to.
    "2,500", "1,500", "troops", "soldiers", "fighters", "American", "Russian", "US", "U.S.", "said", "denied", "told",
    "according to", "reportedly", "alleged", "Reuters", "Pentagon", "M23", "al-Shabaab", "Wagner", "between", "and",
    "more than", "up to", "around", "some", "hundreds of", "thousands", "a dozen", "two thousand", "2.5 million", "1.5k",
    "killed", "wounded", "deployed", "withdrew", "in", "Iraq", "Kyiv", "the", "President", "Mr.", "Gen.", "No.", "St.",
    // Number shapes that overflow, chain or look like numbers.
    "99999999999999999999999", "18446744073709551616", "1,2,3,4,5", "1,000,000,000,000,000,000,000", "0.0.0", "1e308",
    ".5", "5.", "1,", ",000", "١٢٣", "٢٬٥٠٠", "２５００", "𝟐𝟓𝟎𝟎", "Ⅻ", "½", "²", "১০০", "五千",
    // Casing that changes length or is not ASCII.
    "İstanbul", "İ", "ß", "ẞ", "ﬁ", "Σ", "ǅ", "K", "ΐ", "Ꙋ", "ŉ",
    // Quotes, brackets, dashes, sentence ends.
    "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "(", ")", "[", "]", "—", "–", "-", "…", ".", "?", "!", ";", ":", ",",
    // White space, invisible and control characters.
    " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{00A0}", "\u{2007}", "\u{202F}", "\u{200B}", "\u{200C}",
    "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{0085}", "\u{000B}", "\u{000C}", "\0", "\u{1}",
    "\u{7F}", "\u{AD}",
    // Right-to-left and bidi controls.
    "بغداد", "عين الأسد", "ירושלים", "\u{200F}", "\u{200E}", "\u{202E}", "\u{202B}", "\u{202C}", "\u{2067}", "\u{2069}",
    // Combining marks, alone and on letters.
    "\u{0301}", "e\u{0301}", "Goi\u{0308}ta", "\u{0308}\u{0308}\u{0308}", "a\u{20D7}", "x\u{1DC0}", "ก\u{0E34}", "\u{0651}",
    // Emoji: ZWJ sequences, flags, modifiers, variation selectors, keycaps.
    "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇦", "🇷🇺", "👍🏽", "☮️", "1️⃣", "\u{FE0F}", "🪖", "𓀀", "\u{E0001}",
    // Markup pasted as text.
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&#x3C;", "javascript:", "{\"figures\":[]}",
];

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{0,8}",
        1 => "[0-9]{1,6}",
    ]
}

/// Text made of adversarial fragments, sometimes glued, sometimes spaced.
fn adversarial() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), select(&["", " ", " ", "\n", ", "][..])), 0..48)
        .prop_map(|parts| parts.into_iter().flat_map(|(f, sep)| [f, sep.to_string()]).collect())
}

/// A generated article with adversarial fragments inserted at random char boundaries.
fn mutated_article() -> impl Strategy<Value = String> {
    (any::<u64>(), 20..400usize, prop::collection::vec((any::<Index>(), fragment()), 0..10)).prop_map(|(seed, words, inserts)| {
        let mut text = articles::article(&mut Rng::new(seed), words);
        for (at, piece) in inserts {
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            text.insert_str(cuts[at.index(cuts.len())], &piece);
        }
        text
    })
}

/// Any text at all: arbitrary code points, adversarial fragments or mutated articles.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), adversarial(), mutated_article()]
}

/// The same items in every unit: the byte spans of one unit's result match the others'.
fn same_spans(text: &str, results: &[(OffsetUnit, Annotations)]) -> Result<(), TestCaseError> {
    let mut spans = Vec::new();
    for (unit, out) in results {
        match byte_spans(text, *unit, out) {
            Ok(s) => spans.push(s),
            Err(p) => return Err(TestCaseError::fail(format!("{unit:?}: {}", p.join("; ")))),
        }
    }
    prop_assert!(spans.windows(2).all(|w| w[0] == w[1]), "units disagree on spans: {:?}", spans);
    Ok(())
}

/// Strips offsets, so results in different units can be compared.
fn without_offsets(mut out: Annotations) -> Annotations {
    out.figures.iter_mut().for_each(|f| (f.start, f.end) = (0, 0));
    out.claims.iter_mut().for_each(|c| (c.start, c.end) = (0, 0));
    out.actors.iter_mut().flat_map(|a| a.mentions.iter_mut()).for_each(|m| (m.start, m.end) = (0, 0));
    out
}

/// Proptest's configuration from the environment, with a fixed seed unless one is given.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(0x6D75_7374_6572);
    }
    config
}

proptest! {
    #![proptest_config(config())]

    /// Offsets are valid and on char boundaries, `text` is the slice, ids and links hold,
    /// in code points, UTF-16 units and bytes alike; the units agree on every span.
    #[test]
    fn results_are_well_formed_in_every_unit(text in any_text()) {
        let results: Vec<(OffsetUnit, Annotations)> = UNITS.iter().map(|&u| (u, annotate_with(&text, u))).collect();
        for (unit, out) in &results {
            let problems = check::problems(&text, *unit, out);
            prop_assert!(problems.is_empty(), "{unit:?}: {}", problems.join("\n"));
        }
        same_spans(&text, &results)?;
        let first = without_offsets(results[0].1.clone());
        for (unit, out) in &results[1..] {
            prop_assert_eq!(&first, &without_offsets(out.clone()), "{:?} differs from code points beyond offsets", unit);
        }
    }

    /// The same input gives the same output, call after call and thread after thread.
    #[test]
    fn results_are_deterministic(text in any_text()) {
        let once = serde_json::to_string(&annotate(&text)).unwrap();
        let again = serde_json::to_string(&annotate(&text)).unwrap();
        prop_assert_eq!(&once, &again);
        let copy = text.clone();
        let elsewhere = std::thread::spawn(move || serde_json::to_string(&annotate(&copy)).unwrap()).join().unwrap();
        prop_assert_eq!(&once, &elsewhere);
    }

    /// Highlights never cut a combining mark, variation selector or emoji modifier off the character it belongs to.
    #[test]
    fn highlights_keep_characters_whole(text in prop_oneof![adversarial(), mutated_article()]) {
        let out = annotate(&text);
        let cut = check::split_clusters(&text, OffsetUnit::CodePoint, &out);
        prop_assert!(cut.is_empty(), "{}", cut.join("\n"));
    }

    /// The offset helpers of these tests agree with the engine's own offset map.
    #[test]
    fn offset_boundaries_round_trip(text in any::<String>()) {
        for unit in UNITS {
            let bounds = boundaries(&text, unit);
            for &(offset, byte) in &bounds {
                prop_assert_eq!(to_byte(&bounds, offset), Some(byte));
                prop_assert!(text.is_char_boundary(byte));
            }
            let map = muster::engine::offsets::OffsetMap::new(&text, unit);
            for &(offset, byte) in &bounds {
                prop_assert_eq!(map.offset(byte), offset);
            }
        }
    }
}

/// Mentions stay on their words when the text around them shifts by multi-unit characters.
#[test]
fn offsets_shift_with_astral_prefixes() {
    let body = "Reuters said 2,500 American troops were deployed to Erbil.";
    let plain = annotate_with(body, OffsetUnit::Utf16);
    for prefix in ["😀 ", "🇺🇦 ", "𓀀𓀀\n", "e\u{0301} ", "\u{FEFF}"] {
        let text = format!("{prefix}{body}");
        let out = annotate_with(&text, OffsetUnit::Utf16);
        let shift = prefix.encode_utf16().count();
        assert!(check::problems(&text, OffsetUnit::Utf16, &out).is_empty());
        let starts = |o: &Annotations| -> Vec<usize> { o.figures.iter().map(|f| f.start).chain(o.actors.iter().flat_map(|a| a.mentions.iter().map(|m| m.start))).collect() };
        assert_eq!(starts(&out), starts(&plain).iter().map(|s| s + shift).collect::<Vec<_>>(), "prefix {prefix:?}");
    }
}

/// The checks above catch what they promise to: a broken result is reported, not passed.
#[test]
fn the_checks_catch_broken_results() {
    use muster::{Figure, FigureKind, Qualifier};
    let text = "a😀 2,500 troops";
    let figure = |start, end, text: &str| Figure {
        id: "f1".into(),
        start,
        end,
        text: text.into(),
        kind: FigureKind::Force,
        value: Some(2500),
        min: Some(2500),
        max: Some(2500),
        qualifier: Qualifier::Exact,
        owner: None,
        location: None,
        action: None,
    };
    let with = |f: Figure| Annotations { figures: vec![f], ..Annotations::default() };
    // Correct in UTF-16: "2,500 troops" starts at unit 4.
    assert!(check::problems(text, OffsetUnit::Utf16, &with(figure(4, 16, "2,500 troops"))).is_empty());
    // Inside the surrogate pair, past the end, text not the slice, an edge of white space, an unknown owner.
    assert!(!check::problems(text, OffsetUnit::Utf16, &with(figure(2, 16, "2,500 troops"))).is_empty());
    assert!(!check::problems(text, OffsetUnit::Utf16, &with(figure(4, 17, "2,500 troops"))).is_empty());
    assert!(!check::problems(text, OffsetUnit::CodePoint, &with(figure(4, 15, "2,500 troops"))).is_empty());
    assert!(!check::problems(text, OffsetUnit::CodePoint, &with(figure(2, 15, " 2,500 troops"))).is_empty());
    let mut owned = figure(3, 15, "2,500 troops");
    owned.owner = Some("a1".into());
    assert!(!check::problems(text, OffsetUnit::CodePoint, &with(owned)).is_empty());
    // A highlight that ends before a combining mark.
    let accented = "Goi\u{0308}ta";
    assert!(!check::split_clusters(accented, OffsetUnit::CodePoint, &with(figure(0, 3, "Goi"))).is_empty());
}
