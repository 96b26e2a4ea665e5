//! The library half of `catalog-tool`: the demo catalog and the validator's report, so
//! that tests can call them directly as well as through the binary.

pub mod demo;
mod reference;

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
