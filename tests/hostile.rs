//! Hostile input for the native engine and CLI: huge texts, NUL bytes, right-to-left and
//! mixed scripts, combining marks, emoji ZWJ sequences, invisible spaces, markup pasted as
//! text, invalid and binary files; and pathological shapes that must stay linear.
//!
//! Linearity is judged by the work done at two sizes (CPU time of the test thread and
//! allocations), never by a wall-clock threshold: at 8× the input, the work may grow at
//! most 3 × 8× (a quadratic path grows 64×). Debug builds (plain `cargo test`) measure at a
//! quarter of the sizes named and skip the 10 MB text; `cargo test --release --test hostile`
//! runs everything at the full sizes.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::articles::{self, Rng};
use common::check;
use muster::{annotate, annotate_with, Annotations, OffsetUnit};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::Instant;

// ---------------------------------------------------------------- measuring work

/// Counts allocations made by the current thread (tests run on threads of their own).
struct CountingAlloc;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
    static ALLOC_BYTES: Cell<u64> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        let _ = ALLOC_BYTES.try_with(|c| c.set(c.get() + layout.size() as u64));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        let _ = ALLOC_BYTES.try_with(|c| c.set(c.get() + new_size as u64));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

/// CPU time the current thread has run, in ns (Linux); wall time since `wall` elsewhere.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_ns(_wall: Instant) -> u64 {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec; the C library is linked on Linux.
    let ok = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    if ok { t.sec as u64 * 1_000_000_000 + t.nsec as u64 } else { 0 }
}

/// CPU time the current thread has run, in ns (Linux); wall time since `wall` elsewhere.
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_ns(wall: Instant) -> u64 {
    wall.elapsed().as_nanos() as u64
}

/// Work one annotation takes: CPU ns (best of `runs`), allocations, allocated bytes.
#[derive(Debug, Clone, Copy)]
struct Work {
    cpu_ns: u64,
    allocs: u64,
    bytes: u64,
}

fn work(text: &str, runs: usize) -> Work {
    let mut best = Work { cpu_ns: u64::MAX, allocs: 0, bytes: 0 };
    for _ in 0..runs {
        let wall = Instant::now();
        let (a0, b0) = (ALLOCS.with(Cell::get), ALLOC_BYTES.with(Cell::get));
        let t0 = thread_cpu_ns(wall);
        let out = annotate(text);
        let t1 = thread_cpu_ns(wall);
        let (a1, b1) = (ALLOCS.with(Cell::get), ALLOC_BYTES.with(Cell::get));
        drop(out);
        best = Work { cpu_ns: best.cpu_ns.min(t1.saturating_sub(t0)), allocs: a1 - a0, bytes: b1 - b0 };
    }
    best
}

/// The size to measure at: `n` in release builds, a quarter of it in (slow) debug builds.
fn scaled(n: usize) -> usize {
    if cfg!(debug_assertions) {
        n / 4
    } else {
        n
    }
}

/// Asserts that annotating `make(n)` costs at most `3 ×` the per-byte work of `make(n / 8)`
/// (`n` scaled down in debug builds).
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String) {
    let n = scaled(n);
    let (small, large) = (make(n / 8), make(n));
    let size_ratio = large.len() as f64 / small.len().max(1) as f64;
    let (ws, wl) = (work(&small, 2), work(&large, 1));
    let grow = |s: u64, l: u64| (l as f64 / s.max(1) as f64) / size_ratio;
    let (cpu, allocs, bytes) = (grow(ws.cpu_ns, wl.cpu_ns), grow(ws.allocs, wl.allocs), grow(ws.bytes, wl.bytes));
    println!(
        "{name}: {} → {} bytes; per byte, CPU grows {cpu:.2}×, allocations {allocs:.2}×, allocated bytes {bytes:.2}× ({ws:?} → {wl:?})",
        small.len(),
        large.len()
    );
    assert!(cpu < 3.0, "{name}: CPU time per byte grows {cpu:.2}× from {} to {} bytes: superlinear", small.len(), large.len());
    assert!(allocs < 3.0 && bytes < 3.0, "{name}: allocations per byte grow {allocs:.2}× (bytes {bytes:.2}×): superlinear");
}

// ---------------------------------------------------------------- inputs

/// Our own short report, in several registers, with figures, actors and claims.
const REPORT: &str = "Rwanda has sent about 4,000 soldiers into North Kivu, UN experts said on Monday.\n\n\
Kigali denied the report, calling it “a fabrication by Kinshasa”. M23 fighters reportedly seized Sake after two days of shelling.\n\n\
According to Reuters, more than 300 Kenyan police officers and 1,500 Ugandan troops are due to arrive in Goma by March. \
Three Congolese soldiers were killed near Rutshuru, the army said.\n\n\
Colonel Assimi Goïta said Mali would keep between 2,000 and 3,000 troops in Kidal, while France withdrew its last 400 soldiers from Gao.\n";

/// What a reader would compare after the text is transformed: everything but offsets and surface text.
fn meaning(out: &Annotations) -> (Vec<String>, Vec<String>, Vec<String>) {
    (
        out.figures.iter().map(|f| format!("{:?} {:?} {:?} {:?} {:?} {:?}", f.kind, f.value, f.min, f.max, f.qualifier, f.action)).collect(),
        out.actors.iter().map(|a| format!("{:?} {}", a.kind, a.mentions.len())).collect(),
        out.claims.iter().map(|c| format!("{:?} {}", c.stance, c.contested)).collect(),
    )
}

/// Annotates in all three units and asserts every structural rule holds.
fn well_formed(text: &str) -> Annotations {
    for unit in [OffsetUnit::Utf16, OffsetUnit::Byte] {
        let problems = check::problems(text, unit, &annotate_with(text, unit));
        assert!(problems.is_empty(), "{unit:?}: {}", problems.join("\n"));
    }
    let out = annotate(text);
    let problems = check::problems(text, OffsetUnit::CodePoint, &out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    out
}

/// Asserts `transformed` means the same as `REPORT` and is well formed.
fn same_meaning_as_report(what: &str, transformed: &str) {
    let out = well_formed(transformed);
    assert_eq!(meaning(&out), meaning(&annotate(REPORT)), "{what} changed what was found");
    let cut = check::split_clusters(transformed, OffsetUnit::CodePoint, &out);
    assert!(cut.is_empty(), "{what}: {}", cut.join("\n"));
}

/// `REPORT` with `insert` placed after every paragraph.
fn between_paragraphs(insert: &str) -> String {
    REPORT.split("\n\n").collect::<Vec<_>>().join(&format!("\n\n{insert}\n\n"))
}

/// Generated articles as one text of at least `bytes` bytes.
fn generated_text(seed: u64, bytes: usize) -> String {
    articles::corpus(seed, bytes).join("\n\n")
}

/// The first `bytes` bytes of `text`, cut back to a char boundary.
fn cut(mut text: String, bytes: usize) -> String {
    let mut at = bytes.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text.truncate(at);
    text
}

// ---------------------------------------------------------------- hostile text

#[test]
#[cfg_attr(debug_assertions, ignore = "over a minute in debug builds (the engine runs ~0.3 MB/s unoptimised); `cargo test --release --test hostile` runs it")]
fn ten_megabytes_annotate_with_nothing_lost_at_the_end() {
    let one = generated_text(7, 1 << 20);
    let text = vec![one.as_str(); 10].join("\n\n");
    assert!(text.len() >= 10 << 20);
    let out = well_formed_fast(&text);
    // The last copy is annotated like the first: nothing is dropped deep into a long text.
    let copy = one.chars().count() + 2;
    let in_copy = |k: usize| out.figures.iter().filter(|f| f.start >= k * copy && f.end <= k * copy + copy - 2).map(|f| (f.start - k * copy, f.text.clone())).collect::<Vec<_>>();
    assert_eq!(in_copy(9), in_copy(0), "figures of the tenth copy differ from the first");
    assert_eq!(out.figures.len(), annotate(&one).figures.len() * 10);
}

/// Structural checks in code points only (the 10 MB test cannot afford three passes in debug builds).
fn well_formed_fast(text: &str) -> Annotations {
    let out = annotate(text);
    let problems = check::problems(text, OffsetUnit::CodePoint, &out);
    assert!(problems.is_empty(), "{}", problems.iter().take(20).cloned().collect::<Vec<_>>().join("\n"));
    out
}

#[test]
fn nul_bytes_are_just_characters() {
    same_meaning_as_report("NUL around paragraphs", &format!("\0\0{}\0", between_paragraphs("\0")));
    let text = "\0".repeat(10_000) + "2,500\0troops\0\0said\0Reuters\0";
    well_formed(&text);
}

#[test]
fn right_to_left_and_mixed_scripts() {
    same_meaning_as_report("Arabic and Hebrew paragraphs", &between_paragraphs("قالت وزارة الدفاع إن القوات وصلت إلى بغداد. הצבא אמר כי הכוחות נסוגו."));
    same_meaning_as_report("bidi controls", &between_paragraphs("\u{202B}عين الأسد\u{202C} \u{2067}ירושלים\u{2069} \u{200F}\u{200E}\u{202E}reversed\u{202C}"));
    let mixed = "Around 2,500 American troops remain at Ain al-Asad (عين الأسد) in Anbar, the Pentagon (البنتاغون) said.";
    well_formed(mixed);
}

#[test]
fn combining_marks_stay_on_their_letters() {
    let decomposed = REPORT.replace('ï', "i\u{0308}");
    same_meaning_as_report("decomposed accents", &decomposed);
    same_meaning_as_report("stacked marks", &between_paragraphs("Z\u{0351}\u{0352}\u{0357}a\u{036B}\u{0310}l\u{0300}\u{0301}g\u{0302}o\u{0311}"));
    well_formed(&"\u{0301}".repeat(5_000));
    well_formed(&format!("\u{0308}{REPORT}"));
}

#[test]
fn emoji_zwj_sequences_flags_and_modifiers() {
    same_meaning_as_report("emoji lines", &between_paragraphs("👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦🇷🇺 👍🏽 1️⃣ 🪖"));
    let text = "🇺🇦 Ukraine moved 2,000 troops 🪖🪖 to Kharkiv, Kyiv said 👍🏽. 👨‍✈️";
    let out = well_formed(text);
    assert!(check::split_clusters(text, OffsetUnit::Utf16, &annotate_with(text, OffsetUnit::Utf16)).is_empty());
    drop(out);
}

#[test]
fn zero_width_and_non_breaking_spaces() {
    same_meaning_as_report("byte-order mark at the start", &format!("\u{FEFF}{REPORT}"));
    same_meaning_as_report("zero-width spaces between sentences", &REPORT.replace(". ", ".\u{200B} "));
    same_meaning_as_report("word joiners between paragraphs", &between_paragraphs("\u{2060}\u{200B}\u{FEFF}"));
    let nbsp = REPORT.replace(' ', "\u{00A0}");
    let out = well_formed(&nbsp);
    assert_eq!(out.figures.len(), annotate(REPORT).figures.len(), "non-breaking spaces lost figures");
    let narrow = REPORT.replace(' ', "\u{202F}");
    well_formed(&narrow);
}

#[test]
fn markup_pasted_as_text_is_only_text() {
    same_meaning_as_report("script tags", &between_paragraphs("<script>alert(document.cookie)</script>"));
    same_meaning_as_report("event handlers", &between_paragraphs("<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">link</a> <iframe src=//x></iframe>"));
    let text = "<p>Rwanda has sent <b>about 4,000 soldiers</b> into <i>North Kivu</i>, UN experts said.</p><script>fetch('//x')</script>";
    let out = well_formed(text);
    for f in &out.figures {
        assert!(!f.text.contains("<script"), "a figure swallowed markup: {:?}", f.text);
    }
}

#[test]
fn control_characters_and_odd_numbers() {
    let text = "Between 99999999999999999999999 and 18446744073709551616 troops, 1,000,000,000,000,000,000,000 fighters \
                and ２５００ soldiers, ٢٥٠٠ جندي, 𝟐𝟓𝟎𝟎 marines, 1e308 sailors\u{1}\u{7F}\u{AD}\u{0085}\u{000B}.";
    well_formed(text);
    well_formed(&"İ".repeat(1_000));
    well_formed("K ẞ ǅ ΐ ŉ İstanbul: 2,500 troops.");
}

// ---------------------------------------------------------------- pathological shapes stay linear

#[test]
fn a_one_megabyte_single_line_is_linear() {
    let line = generated_text(11, 1 << 20).replace('\n', " ");
    assert_linear("1 MB single line", 1 << 20, |n| cut(line.clone(), n));
}

#[test]
fn a_megabyte_without_white_space_is_linear() {
    assert_linear("1 MB single word", 1 << 20, |n| "Abc".repeat(n / 3));
    assert_linear("1 MB of punctuation", 1 << 20, |n| ".,;“”—".chars().cycle().take(n / 3).collect());
}

const CAPITALISED: &[&str] = &[
    "United", "States", "Army", "General", "President", "Kim", "Jong", "Un", "Islamic", "State", "Forces", "Defence", "Ministry",
    "Rapid", "Support", "National", "Guard", "North", "Korea", "Reuters", "Wagner", "Group", "Al", "Shabaab", "The", "Brigade",
    "Mr", "Colonel", "Joint", "Chiefs", "Staff", "Kyiv", "Moscow", "Goma", "Sahel", "Alliance", "Liberation", "Front", "People",
];

#[test]
fn a_hundred_thousand_capitalised_words_are_linear() {
    let words = |n: usize| {
        let mut rng = Rng::new(5);
        (0..n).map(|_| rng.pick(CAPITALISED)).collect::<Vec<_>>().join(" ")
    };
    assert_linear("100,000 capitalised words", 100_000, words);
}

#[test]
fn fifty_thousand_numbers_are_linear() {
    assert_linear("50,000 spaced numbers", 50_000, |n| (0..n).map(|i| (i * 37 % 100_000).to_string()).collect::<Vec<_>>().join(" "));
    assert_linear("50,000 figures", 50_000, |n| (0..n).map(|i| format!("{} troops", (i % 90 + 1) * 100)).collect::<Vec<_>>().join(", "));
    assert_linear("one number of 50,000 groups", 50_000, |n| format!("1{} troops", ",000".repeat(n)));
    assert_linear("a range chain", 50_000, |n| format!("between {} troops", (1..=n).map(|i| i.to_string()).collect::<Vec<_>>().join(" and ")));
}

#[test]
fn deeply_nested_quotes_are_linear() {
    let nested = |n: usize| {
        let open: String = (0..n).map(|i| if i % 2 == 0 { "“He said " } else { "‘she said " }).collect();
        let close: String = (0..n).rev().map(|i| if i % 2 == 0 { "”" } else { "’" }).collect();
        format!("{open}2,500 troops{close}")
    };
    assert_linear("nested quotes", 40_000, nested);
    assert_linear("unclosed quotes", 40_000, |n| "“Reuters said ".repeat(n));
    assert_linear("straight quotes", 40_000, |n| "\"troops\" said ".repeat(n));
}

#[test]
fn many_claims_and_denials_are_linear() {
    let claims = |n: usize| {
        (0..n)
            .map(|i| format!("Reuters reported that {} troops had crossed into Goma. Rwanda denied the report.", (i % 50 + 1) * 100))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_linear("20,000 claims and denials", 20_000, claims);
}

#[test]
fn many_distinct_actors_are_linear() {
    let actors = |n: usize| {
        let mut rng = Rng::new(9);
        let name = |rng: &mut Rng| -> String { (0..2).map(|_| format!("{}{}", rng.pick(&["K", "M", "T", "B", "N", "S"]), rng.pick(&["abo", "ireh", "ulon", "anga", "eto", "ivu"]))).collect::<Vec<_>>().join(" ") };
        (0..n).map(|_| format!("General {} said {} troops left. ", name(&mut rng), rng.below(900) + 100)).collect::<String>()
    };
    assert_linear("10,000 people", 10_000, actors);
}

#[test]
fn many_people_sharing_a_surname_are_linear() {
    // Every lone "Kim" must find the latest Kim without scanning all of them.
    let first = |i: usize| -> String { (0..4).map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8)).collect() };
    let kims = |n: usize| (0..n).map(|i| format!("Minister Z{} Kim met us. \"No,\" Kim said. Kim left. ", first(i))).collect::<String>();
    assert_linear("5,000 Kims", 5_000, kims);
}

// ---------------------------------------------------------------- the CLI on hostile files

/// Runs `muster annotate PATH` on `bytes` written to a temporary file.
fn cli_on(name: &str, bytes: &[u8]) -> std::process::Output {
    let dir = std::env::temp_dir().join(format!("muster-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_muster")).arg("annotate").arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    out
}

/// A file gives either a JSON result or a clear message naming it; never a crash.
fn clear_result_or_message(name: &str, bytes: &[u8]) {
    let out = cli_on(name, bytes);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code().is_some(), "{name}: killed by a signal");
    assert!(!stderr.contains("panicked"), "{name}: panicked: {stderr}");
    if out.status.success() {
        // One JSON document (the CLI pretty-prints one file's result) or JSON lines.
        let stdout = String::from_utf8_lossy(&out.stdout);
        if serde_json::from_str::<serde_json::Value>(&stdout).is_err() {
            for line in stdout.lines().filter(|l| !l.trim().is_empty()) {
                assert!(serde_json::from_str::<serde_json::Value>(line).is_ok(), "{name}: not JSON: {line:.200}");
            }
        }
    } else {
        assert!(stderr.contains(name), "{name}: the message does not name the file: {stderr}");
    }
}

#[test]
fn cli_handles_invalid_utf8_and_binary_files() {
    clear_result_or_message("invalid.txt", b"Around 2,500 troops \xff\xfe\xc3\x28 remain in \xed\xa0\x80 Iraq.\n");
    let binary: Vec<u8> = (0..65_536u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    clear_result_or_message("photo.jpg.txt", &binary);
    clear_result_or_message("empty.txt", b"");
    clear_result_or_message("utf16.txt", &"\u{FEFF}2,500 troops".encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>());
}

#[test]
fn cli_reads_a_byte_order_mark_and_nul_bytes() {
    let out = cli_on("bom.txt", "\u{FEFF}Around 2,500 troops\0 remain.".as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["figures"].is_array() && json["actors"].is_array() && json["claims"].is_array());
}
