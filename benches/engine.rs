//! The native engine benchmark: prints throughput on a ~1 MB corpus of generated articles
//! and per-article latency at 1k, 10k and 100k words.
//!
//! Run through `scripts/bench` (or `cargo bench --bench engine`). Flags:
//! - `--out DIR`: also write `DIR/native.json` (the figures) and `DIR/corpus.json` (the
//!   exact texts, for the wasm and page benchmarks in `benches/web/`).
//! - `--quick`: fewer rounds and samples, for a smoke run.

#[path = "../tests/common/articles.rs"]
mod articles;

/// The allocator of the CLI (src/main.rs), so that the figures are what `muster annotate` gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The seed every benchmark text comes from.
const SEED: u64 = 0x6D75_7374_6572; // "muster"
/// Size of the throughput corpus.
const CORPUS_BYTES: usize = 1 << 20;
/// Article sizes for the latency curve, with how many articles of each are timed.
const LATENCY_SIZES: [(usize, usize); 3] = [(1_000, 60), (10_000, 20), (100_000, 8)];
/// Article sizes pasted into the page by `benches/web/bench.mjs`, with how many of each.
const PAGE_SIZES: [(usize, usize); 2] = [(1_000, 6), (20_000, 6)];

struct Options {
    out: Option<PathBuf>,
    quick: bool,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut opts = Options { out: None, quick: false };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => opts.out = args.next().map(PathBuf::from),
            "--quick" => opts.quick = true,
            _ => {} // `cargo bench` adds `--bench`
        }
    }
    opts
}

/// The value at quantile `q` (0..=1) of sorted samples, nearest rank.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split(':').nth(1)).map(|m| m.trim().to_string()))
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{cpu}, {cores} cores, {} {}", std::env::consts::OS, std::env::consts::ARCH)
}

/// Times whole passes over `texts` until `budget` is spent (at least `min_rounds`); MB/s per round.
fn throughput(texts: &[String], budget: Duration, min_rounds: usize, pass: impl Fn(&str)) -> Vec<f64> {
    let bytes: usize = texts.iter().map(String::len).sum();
    texts.iter().for_each(|t| pass(t)); // warm-up
    let started = Instant::now();
    let mut rates = Vec::new();
    while rates.len() < min_rounds || started.elapsed() < budget {
        let t0 = Instant::now();
        for t in texts {
            pass(t);
        }
        rates.push(bytes as f64 / 1e6 / t0.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    rates
}

fn main() {
    let opts = options();
    let corpus = articles::corpus(SEED, CORPUS_BYTES);
    let bytes: usize = corpus.iter().map(String::len).sum();
    let words: usize = corpus.iter().map(|a| a.split_whitespace().count()).sum();
    let (budget, rounds) = if opts.quick { (Duration::from_millis(300), 2) } else { (Duration::from_secs(3), 5) };

    println!("muster engine benchmark, native ({})", machine());
    println!("corpus: {} generated articles, {:.2} MB, {words} words (seed {SEED:#x})", corpus.len(), bytes as f64 / 1e6);

    let engine = throughput(&corpus, budget, rounds, |t| {
        black_box(muster::annotate(black_box(t)));
    });
    let engine_median = engine[engine.len() / 2];
    println!(
        "engine throughput:       {engine_median:7.1} MB/s median, {:.1} best, {} rounds (budget ≥ 20 MB/s: {})",
        engine[engine.len() - 1],
        engine.len(),
        if engine_median >= 20.0 { "ok" } else { "MISSED" }
    );
    let with_json = throughput(&corpus, budget, rounds, |t| {
        black_box(serde_json::to_string(&muster::annotate(black_box(t))).unwrap_or_default());
    });
    let json_median = with_json[with_json.len() / 2];
    println!("engine + JSON output:    {json_median:7.1} MB/s median (what `muster annotate` does per file)");

    let mut rng = articles::Rng::new(SEED ^ 0x1a7e);
    let mut latency_rows = Vec::new();
    let mut latency_texts = Vec::new();
    println!("latency per article:     words   samples   p50 ms    p95 ms   µs/word (p50)");
    for (size, samples) in LATENCY_SIZES {
        let samples = if opts.quick { samples.min(3) } else { samples };
        let texts: Vec<String> = (0..samples).map(|_| articles::article(&mut rng, size)).collect();
        muster::annotate(&texts[0]); // warm-up
        let mut times: Vec<Duration> = texts
            .iter()
            .map(|t| {
                let t0 = Instant::now();
                black_box(muster::annotate(black_box(t)));
                t0.elapsed()
            })
            .collect();
        times.sort();
        let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum::<usize>() / texts.len();
        let (p50, p95) = (quantile(&times, 0.5), quantile(&times, 0.95));
        let per_word = p50.as_secs_f64() * 1e6 / words as f64;
        println!("                      {words:>8}   {samples:>7}   {:>6.2}    {:>6.2}   {per_word:.3}", millis(p50), millis(p95));
        latency_rows.push(serde_json::json!({
            "words": words, "samples": samples, "p50_ms": millis(p50), "p95_ms": millis(p95), "us_per_word": per_word,
        }));
        latency_texts.push(serde_json::json!({ "words": size, "texts": texts }));
    }
    let per_word: Vec<f64> = latency_rows.iter().filter_map(|r| r["us_per_word"].as_f64()).collect();
    let growth = per_word.last().unwrap_or(&0.0) / per_word.first().unwrap_or(&1.0);
    println!(
        "growth: time per word at 100k words is {growth:.2}× that at 1k words (linear ≈ 1×; {})",
        if growth < 2.0 { "linear" } else { "SUPERLINEAR" }
    );

    if let Some(dir) = opts.out {
        let write = |name: &str, value: serde_json::Value| {
            let path = dir.join(name);
            if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, value.to_string())) {
                eprintln!("bench: cannot write {}: {e}", path.display());
            }
        };
        write(
            "native.json",
            serde_json::json!({
                "machine": machine(),
                "corpus": { "articles": corpus.len(), "bytes": bytes, "words": words, "seed": SEED },
                "throughput_mb_s": { "median": engine_median, "best": engine[engine.len() - 1], "rounds": engine.len() },
                "with_json_mb_s": json_median,
                "latency": latency_rows,
                "growth_100k_over_1k": growth,
            }),
        );
        let page: Vec<serde_json::Value> = PAGE_SIZES
            .iter()
            .map(|&(size, count)| serde_json::json!({ "words": size, "texts": (0..count).map(|_| articles::article(&mut rng, size)).collect::<Vec<_>>() }))
            .collect();
        write("corpus.json", serde_json::json!({ "corpus": corpus, "latency": latency_texts, "page": page }));
    }
}
