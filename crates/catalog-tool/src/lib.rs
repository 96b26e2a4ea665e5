//! The library half of `catalog-tool`: the demo catalog and the validator's report, so
//! that tests can call them directly as well as through the binary.

pub mod demo;
pub mod diff;
pub mod feeds;
pub mod import;
pub mod load;
mod reference;
pub mod shards;
pub mod sheet;

use catalog::{Loaded, Severity};

/// The validator's report: errors, then warnings, then a one-line summary.
pub fn report(path: &str, loaded: &Loaded) -> String {
    let mut out = String::new();
    let errors: Vec<_> = loaded.problems_of(Severity::Error).collect();
    let warnings: Vec<_> = loaded.problems_of(Severity::Warning).collect();
    if !errors.is_empty() {
        out.push_str(&format!("ERRORS ({}): records skipped\n", errors.len()));
        for problem in &errors {
            out.push_str(&format!("{problem}\n"));
        }
    }
    if !warnings.is_empty() {
        out.push_str(&format!("WARNINGS ({}): records kept\n", warnings.len()));
        for problem in &warnings {
            out.push_str(&format!("{problem}\n"));
        }
    }
    let catalog = &loaded.catalog;
    out.push_str(&format!(
        "{path}: {} organizations, {} channels, {} regions, {} sectors, {} platforms; \
         skipped {} organizations and {} channels; {} errors, {} warnings\n",
        catalog.organizations.len(),
        catalog.channel_count(),
        catalog.regions.len(),
        catalog.sectors.len(),
        catalog.platforms.len(),
        loaded.skipped.organizations,
        loaded.skipped.channels,
        errors.len(),
        warnings.len(),
    ));
    out
}

/// Counts by region, sector and platform, as `catalog-tool stats` prints them.
pub fn stats_report(catalog: &catalog::Catalog) -> String {
    use catalog::{group_digits, Facet, Lang, Stats};
    let all: Vec<u32> = (0..catalog.organizations.len() as u32).collect();
    let stats = Stats::of(catalog, &all);
    let n = |count: u64| group_digits(Lang::En, count);
    let mut out = format!(
        "{} organizations, {} channels, {} subscribers, {} regions\n",
        n(stats.organizations as u64),
        n(stats.channels as u64),
        n(stats.subscribers),
        stats.regions
    );
    let mut regions: Vec<(&str, usize, usize)> = catalog
        .regions
        .iter()
        .map(|r| {
            let orgs = catalog.organizations.iter().filter(|o| o.region == r.code);
            let (count, channels) = orgs.fold((0, 0), |(c, ch), o| (c + 1, ch + o.channels.len()));
            (r.code.as_str(), count, channels)
        })
        .filter(|(_, count, _)| *count > 0)
        .collect();
    regions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out.push_str("\nBy region (organizations, channels):\n");
    for (code, count, channels) in regions {
        let name = catalog.label(Facet::Region, code, Lang::Ru);
        out.push_str(&format!(
            "  {code}  {name:<40} {:>9} {:>9}\n",
            n(count as u64),
            n(channels as u64)
        ));
    }
    out.push_str("\nBy sector (organizations, channels):\n");
    for row in &stats.by_sector {
        let name = catalog.label(Facet::Sector, &row.value, Lang::Ru);
        out.push_str(&format!(
            "  {:<44} {:>9} {:>9}\n",
            name,
            n(row.organizations as u64),
            n(row.channels as u64)
        ));
    }
    out.push_str("\nBy platform (organizations, channels, subscribers):\n");
    for row in &stats.by_platform {
        let name = catalog.label(Facet::Platform, &row.value, Lang::Ru);
        out.push_str(&format!(
            "  {:<44} {:>9} {:>9} {:>13}\n",
            name,
            n(row.organizations as u64),
            n(row.channels as u64),
            n(row.subscribers)
        ));
    }
    out
}
