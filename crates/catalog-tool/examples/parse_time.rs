//! Parses a catalog file three times and reports the time and the memory it holds, for
//! profiling the parser: `cargo run --release -p catalog-tool --example parse_time FILE`.
fn resident_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1000.0)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_time FILE");
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let before = resident_mb();
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let Ok(loaded) = catalog::parse_catalog(&text) else {
            eprintln!("not a catalog");
            return;
        };
        let parsed = resident_mb();
        let index = catalog::Index::new(&loaded.catalog);
        println!(
            "{} organisations parsed in {:?}; memory: text {:.0} MB, catalog +{:.0} MB, index +{:.0} MB",
            loaded.catalog.organizations.len(),
            start.elapsed(),
            before,
            parsed - before,
            resident_mb() - parsed,
        );
        drop(index);
    }
}
