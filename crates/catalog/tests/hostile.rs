//! Hostile and broken catalogs (tests/fixtures/catalogs/hostile-*.json, and two too large
//! to commit, built here): each is refused with a clear reason or read with its bad
//! records skipped and counted; none panics, and nothing unsafe gets through.

use catalog::{parse_catalog, parse_http_url, LoadError};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/catalogs");

/// How a catalog must come out.
enum Outcome {
    /// Refused whole, with a message containing this.
    Refused(&'static str),
    /// Read: organisations kept, organisations skipped, channels skipped, and a fragment
    /// of one reason (empty: no problem at all).
    Read(usize, usize, usize, &'static str),
}

fn check(name: &str, text: &str, expected: Outcome) {
    match (parse_catalog(text), expected) {
        (Err(error), Outcome::Refused(fragment)) => {
            assert!(error.to_string().contains(fragment), "{name}: {error}");
        }
        (Ok(loaded), Outcome::Read(kept, orgs, channels, fragment)) => {
            let catalog = &loaded.catalog;
            assert_eq!(
                (
                    catalog.organizations.len(),
                    loaded.skipped.organizations,
                    loaded.skipped.channels
                ),
                (kept, orgs, channels),
                "{name}: {:?}",
                loaded.problems.iter().take(5).collect::<Vec<_>>()
            );
            let named = loaded
                .problems
                .iter()
                .any(|p| p.to_string().contains(fragment));
            assert!(
                named || fragment.is_empty() && loaded.problems.is_empty(),
                "{name}: no problem mentions {fragment:?}"
            );
            // Whatever was kept is safe to link: http(s), ASCII, on the platform's host.
            for org in &catalog.organizations {
                for channel in &org.channels {
                    let url = parse_http_url(&channel.url).expect("kept URLs parse");
                    let platform = catalog.platform(&channel.platform).expect("known platform");
                    assert!(
                        platform.hosts.contains(&url.host),
                        "{name}: {}",
                        channel.url
                    );
                }
            }
        }
        (Err(error), Outcome::Read(..)) => panic!("{name}: refused: {error}"),
        (Ok(_), Outcome::Refused(fragment)) => {
            panic!("{name}: read, expected refusal ({fragment})")
        }
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{FIXTURES}/hostile-{name}.json")).expect("fixture")
}

#[test]
fn the_committed_corpus() {
    use Outcome::*;
    for (name, expected) in [
        ("not-json", Refused("not valid JSON at line 1, column 1")),
        ("truncated", Refused("EOF while parsing")),
        ("wrong-format", Refused("format is \"vk-export\"")),
        ("version-9", Refused("unsupported catalog version 9")),
        ("deep-nesting", Read(0, 1, 0, "not a valid record")),
        (
            "unknown-references",
            Read(2, 2, 1, "unknown platform \"myspace\""),
        ),
        ("subscribers", Read(5, 0, 4, "negative subscriber count")),
        ("bad-urls", Read(14, 0, 13, "not an http(s) URL")),
        ("html-everywhere", Read(1, 0, 0, "")),
        ("rtl-emoji", Read(3, 0, 1, "outside ASCII")),
    ] {
        check(name, &fixture(name), expected);
    }
}

#[test]
fn every_lookalike_host_in_the_corpus_is_refused() {
    let loaded = parse_catalog(&fixture("bad-urls")).expect("read");
    let kept: Vec<&str> = loaded
        .catalog
        .organizations
        .iter()
        .flat_map(|o| o.channels.iter().map(|c| c.url.as_str()))
        .collect();
    assert_eq!(kept, ["HTTPS://VK.COM/Loud"]);
}

#[test]
fn markup_in_every_field_stays_text() {
    let loaded = parse_catalog(&fixture("html-everywhere")).expect("read");
    let org = &loaded.catalog.organizations[0];
    // Kept exactly as written: escaping is the renderer's job, and it inserts text only.
    assert!(org.name.contains("<script>window.__pwned=1</script>"));
    assert!(loaded
        .catalog
        .title
        .as_deref()
        .is_some_and(|t| t.contains("<img src=x")));
}

/// Two hostile catalogs too large to commit, built the same way the browser test builds
/// them.
#[test]
fn a_ten_megabyte_name_and_a_hundred_thousand_copies_of_one_id() {
    let header = r#"{"format":"gospubliki-catalog","version":1,"regions":[{"code":"42","name":"Кузбасс"}],"sectors":[{"id":"education","name":"Образование"}],"platforms":[{"id":"vk","name":"ВКонтакте","hosts":["vk.com"]}],"organizations":["#;
    let org = |id: &str, name: &str| {
        format!(
            r#"{{"id":"{id}","name":"{name}","region":"42","sector":"education","channels":[{{"platform":"vk","url":"https://vk.com/{id}"}}]}}"#
        )
    };
    let huge = format!(
        "{header}{},{}]}}",
        org("big", &"Ш".repeat(10_000_000)),
        org("ok", "Школа")
    );
    check(
        "huge-string",
        &huge,
        Outcome::Read(1, 1, 0, "10000000 characters; at most 1000"),
    );

    let copies: Vec<String> = (0..100_000).map(|_| org("same", "Школа")).collect();
    let duplicates = format!("{header}{}]}}", copies.join(","));
    check(
        "duplicate-ids",
        &duplicates,
        Outcome::Read(1, 99_999, 0, "duplicate id; first used at organizations[0]"),
    );
}

/// A reference list's texts are held to the same limit as an organisation's: a
/// 5,000-character region, sector or platform name would reach every card and filter.
#[test]
fn reference_lists_are_held_to_the_text_limit() {
    let long = "Я".repeat(5_000);
    let catalog = |regions: &str, sectors: &str, platforms: &str| {
        format!(
            r#"{{"format":"gospubliki-catalog","version":1,"regions":[{regions}],"sectors":[{sectors}],"platforms":[{platforms}],"organizations":[{{"id":"a","name":"Школа","region":"42","sector":"education","channels":[{{"platform":"vk","url":"https://vk.com/a"}}]}}]}}"#
        )
    };
    let region = r#"{"code":"42","name":"Кузбасс"}"#;
    let sector = r#"{"id":"education","name":"Образование"}"#;
    let platform = r#"{"id":"vk","name":"ВКонтакте"}"#;
    let too_long = "5000 characters; at most 1000";
    // A long required name skips the record; an organisation in that region or sector
    // goes with it, a channel on that platform too (the organisation stays).
    let long_region = format!(r#"{{"code":"42","name":"{long}"}}"#);
    check(
        "region name",
        &catalog(&long_region, sector, platform),
        Outcome::Read(0, 1, 0, too_long),
    );
    let long_sector = format!(r#"{{"id":"education","name":"{long}"}}"#);
    check(
        "sector name",
        &catalog(region, &long_sector, platform),
        Outcome::Read(0, 1, 0, too_long),
    );
    let long_platform = format!(r#"{{"id":"vk","name":"{long}"}}"#);
    check(
        "platform name",
        &catalog(region, sector, &long_platform),
        Outcome::Read(1, 0, 1, too_long),
    );
    // A long optional text is dropped with a warning, and the record kept.
    let long_short = format!(r#"{{"code":"42","name":"Кузбасс","short_name":"{long}"}}"#);
    check(
        "short name",
        &catalog(&long_short, sector, platform),
        Outcome::Read(1, 0, 0, "at most 1000; dropped"),
    );
    let long_en = format!(r#"{{"id":"education","name":"Образование","name_en":"{long}"}}"#);
    check(
        "English name",
        &catalog(region, &long_en, platform),
        Outcome::Read(1, 0, 0, "at most 1000; dropped"),
    );
}

#[test]
fn a_million_levels_of_nesting_do_not_overflow_the_stack() {
    let deep = format!(
        r#"{{"format":"gospubliki-catalog","version":1,"regions":{}{},"sectors":[],"platforms":[],"organizations":[]}}"#,
        "[".repeat(1_000_000),
        "]".repeat(1_000_000)
    );
    match parse_catalog(&deep) {
        Ok(loaded) => assert!(loaded.catalog.regions.is_empty()),
        Err(error) => assert!(
            matches!(error, LoadError::Json { .. } | LoadError::MissingList(_)),
            "{error}"
        ),
    }
}
