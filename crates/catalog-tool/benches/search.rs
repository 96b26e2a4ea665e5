//! Search speed at the demo size and at national scale, natively.
//!
//! `cargo bench -p catalog-tool --bench search` prints, for each catalog size: index build
//! time, peak heap, and per-keystroke p50/p95/max over a fixed list of queries typed one
//! character at a time, where one keystroke is a full `Index::search` (matching, every
//! facet's counts, and the whole result order, of which the UI shows the top 50). Beside
//! it, a plain lower-case substring scan over the same records, and the ratio.
//!
//! With `BENCH_KEYSTROKES=FILE`, each keystroke's time is also appended to FILE as a line
//! (catalog, filters, text so far, microseconds), so that two builds run in turn can be
//! compared keystroke by keystroke.
//!
//! A custom harness rather than criterion: the targets are percentiles over a list of
//! keystrokes, which criterion does not report.

use std::time::{Duration, Instant};

use catalog::{Catalog, Index, IndexBuilder, Page};
use catalog_tool::demo::{demo_catalog, synth_catalog};

/// Resident memory in bytes from /proc/self/status: `VmRSS` now or `VmHWM`, the peak
/// since the last reset. Linux only; zero elsewhere.
fn memory(field: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with(field))
                .and_then(|line| line.split_whitespace().nth(1)?.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Makes `VmHWM` start again from the current resident size.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The fixed query list, shared with the browser benchmark: what each exercises, the
/// text typed one character at a time, and the filters in the URL.
#[derive(serde::Deserialize)]
struct BenchQuery {
    kind: String,
    text: String,
    filters: String,
}

fn queries() -> Vec<BenchQuery> {
    serde_json::from_str(include_str!("../../../tests/bench/queries.json")).unwrap_or_default()
}

fn main() {
    let sizes: Vec<(String, Catalog)> = match std::env::args().nth(1).as_deref() {
        Some("--quick") => vec![("demo".into(), demo_catalog())],
        _ => vec![
            ("demo".into(), demo_catalog()),
            ("national".into(), synth_catalog(175_000, 1)),
        ],
    };
    for (label, catalog) in sizes {
        report(&label, &catalog);
    }
}

fn report(label: &str, catalog: &Catalog) {
    println!(
        "\n## {label}: {} organisations, {} channels",
        catalog.organizations.len(),
        catalog.channel_count()
    );
    let builds: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let index = Index::new(catalog);
            let took = start.elapsed();
            drop(index);
            took
        })
        .collect();
    sliced_build(catalog);
    let before = memory("VmRSS");
    reset_peak();
    let index = Index::new(catalog);
    let (after, peak) = (memory("VmRSS"), memory("VmHWM"));
    println!(
        "index build: median {} (5 runs); resident memory: catalog {:.0} MB, +{:.0} MB with the index, +{:.0} MB at the peak of building it",
        ms(median(builds)),
        before as f64 / 1e6,
        after.saturating_sub(before) as f64 / 1e6,
        peak.saturating_sub(before) as f64 / 1e6,
    );

    let haystacks: Vec<String> = catalog.organizations.iter().map(|o| haystack(o)).collect();
    let mut engine = Vec::new();
    let mut scan = Vec::new();
    println!(
        "\n| kind | query | filters | keystrokes | results | engine p50 | engine max | scan p50 |"
    );
    println!("|---|---|---|---:|---:|---:|---:|---:|");
    for BenchQuery {
        kind,
        text,
        filters,
    } in queries()
    {
        let mut typed = String::new();
        let mut mine = Vec::new();
        let mut theirs = Vec::new();
        let mut found = 0;
        let keystrokes: Vec<char> = text.chars().collect();
        let steps = if keystrokes.is_empty() {
            vec![None]
        } else {
            keystrokes.into_iter().map(Some).collect()
        };
        for c in steps {
            if let Some(c) = c {
                typed.push(c);
            }
            let mut query = Page::from_query_str(&filters).selection;
            query.text = typed.clone();
            let took = best_of(3, || {
                let results = index.search(&query);
                found = results.organizations.len();
                std::hint::black_box(&results.organizations[..found.min(50)]);
            });
            if let Some(path) = std::env::var_os("BENCH_KEYSTROKES") {
                // A line per keystroke for comparing two builds keystroke by keystroke.
                use std::io::Write;
                if let Ok(mut file) = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                {
                    let _ = writeln!(file, "{label}\t{filters}\t{typed}\t{}", took.as_micros());
                }
            }
            mine.push(took);
            theirs.push(best_of(3, || {
                std::hint::black_box(substring_scan(&haystacks, &typed));
            }));
        }
        println!(
            "| {kind} | {text} | {filters} | {} | {found} | {} | {} | {} |",
            mine.len(),
            ms(median(mine.clone())),
            ms(*mine.iter().max().unwrap_or(&Duration::ZERO)),
            ms(median(theirs.clone()))
        );
        engine.extend(mine);
        scan.extend(theirs);
    }
    let (p50, p95) = (percentile(&engine, 50), percentile(&engine, 95));
    let (s50, s95) = (percentile(&scan, 50), percentile(&scan, 95));
    println!(
        "\nper keystroke over {} keystrokes: engine p50 {} p95 {}; substring scan p50 {} p95 {}; engine / scan at p50 {:.1}x, at p95 {:.1}x",
        engine.len(),
        ms(p50),
        ms(p95),
        ms(s50),
        ms(s95),
        p50.as_secs_f64() / s50.as_secs_f64().max(1e-9),
        p95.as_secs_f64() / s95.as_secs_f64().max(1e-9),
    );
}

/// What the plain scan searches: the same fields as the engine, lower-cased.
fn haystack(org: &catalog::Organization) -> String {
    let mut text = org.name.to_lowercase();
    for part in [&org.short_name, &org.municipality].into_iter().flatten() {
        text.push(' ');
        text.push_str(&part.to_lowercase());
    }
    for channel in &org.channels {
        text.push(' ');
        text.push_str(&channel.url.to_lowercase());
    }
    text
}

/// Every word of the query as a substring of the record: no stems, no layouts, no
/// typos, no facets, no ranking.
fn substring_scan(haystacks: &[String], text: &str) -> usize {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    haystacks
        .iter()
        .filter(|h| words.iter().all(|w| h.contains(w.as_str())))
        .count()
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn percentile(values: &[Duration], p: usize) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    let rank = (sorted.len() * p).div_ceil(100).saturating_sub(1);
    sorted.get(rank).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// The index built as the app builds it while shards arrive: organisations in slices of
/// `SLICE`, then the finishing stages one at a time. Prints the total and the longest
/// single piece, which is how long a keystroke could wait behind the build.
fn sliced_build(catalog: &Catalog) {
    const SLICE: usize = 2_000;
    let start = Instant::now();
    let mut builder = IndexBuilder::new(catalog);
    let mut slices = Vec::new();
    loop {
        let slice = Instant::now();
        let left = builder.add(catalog, SLICE);
        slices.push(slice.elapsed());
        if left == 0 {
            break;
        }
    }
    let mut stages = Vec::new();
    let mut finishing = builder.finishing();
    loop {
        let stage = Instant::now();
        let done = finishing.step();
        stages.push(stage.elapsed());
        if done.is_some() {
            break;
        }
    }
    let stages: Vec<String> = stages.iter().map(|d| ms(*d)).collect();
    println!(
        "sliced build: {} in all; longest slice of {SLICE} organisations {}; finishing stages {}",
        ms(start.elapsed()),
        ms(slices.iter().copied().max().unwrap_or_default()),
        stages.join(" / "),
    );
}
