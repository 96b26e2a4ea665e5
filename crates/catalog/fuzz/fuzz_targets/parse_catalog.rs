//! Any text given to the catalog parser: no panic, no hang; a catalog it accepts writes
//! back out as one it reads again identically, indexes, and searches.
#![no_main]

use catalog::{parse_catalog, parse_shard, Index, Selection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(loaded) = parse_catalog(text) else {
        return;
    };
    let written = loaded.catalog.to_json();
    let again = parse_catalog(&written).expect("a catalog the parser wrote reads back");
    assert_eq!(again.catalog.organizations, loaded.catalog.organizations);
    let index = Index::new(&loaded.catalog);
    let found = index.search(&Selection::default());
    assert_eq!(
        found.organizations.len(),
        loaded.catalog.organizations.len()
    );
    // The same text as a shard of the region it names, if any.
    if let Some(region) = loaded.catalog.regions.first() {
        let _ = parse_shard(text, &region.code, &loaded.catalog);
    }
});
