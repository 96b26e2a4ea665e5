//! Builds the index of a synthetic catalog once, for profiling the build.
fn main() {
    let orgs = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let catalog = catalog_tool::demo::synth_catalog(orgs, 1);
    let start = std::time::Instant::now();
    let index = catalog::Index::new(&catalog);
    println!("{orgs} organisations indexed in {:?}", start.elapsed());
    drop(index);
}
