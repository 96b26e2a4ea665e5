//! The demo catalog: deterministic, committed unchanged, valid, and shaped like Kuzbass.

use std::collections::{HashMap, HashSet};

use catalog::{parse_catalog, Catalog};
use catalog_tool::demo::demo_catalog;

const COMMITTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../public/data/catalog.json"
);
const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../public/schema/catalog-v1.schema.json"
);

fn demo() -> Catalog {
    demo_catalog()
}

fn with_platform(catalog: &Catalog, platform: &str) -> usize {
    catalog
        .organizations
        .iter()
        .filter(|org| org.channels.iter().any(|c| c.platform == platform))
        .count()
}

#[test]
fn the_committed_file_is_what_demo_writes() {
    let committed = std::fs::read_to_string(COMMITTED).expect("public/data/catalog.json exists");
    let fresh = demo().to_json();
    assert!(
        committed == fresh,
        "public/data/catalog.json is stale: run `cargo run -p catalog-tool -- demo --out public/data/catalog.json`"
    );
    assert_eq!(fresh, demo().to_json(), "two runs give the same output");
}

#[test]
fn the_demo_loads_with_no_problems() {
    let loaded = parse_catalog(&demo().to_json()).expect("demo loads");
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems, Vec::<String>::new());
    // Compared record by record so that a failure names one record, not two catalogs.
    let written = demo();
    let read = loaded.catalog;
    assert_eq!(read.regions, written.regions);
    assert_eq!(read.sectors, written.sectors);
    assert_eq!(read.platforms, written.platforms);
    assert_eq!(read.organizations.len(), written.organizations.len());
    for (read, written) in read.organizations.iter().zip(&written.organizations) {
        assert_eq!(read, written, "nothing is lost in writing and reading");
    }
}

#[test]
fn the_demo_is_shaped_like_kuzbass() {
    let catalog = demo();
    assert!(catalog.demo, "marked as demonstration data");
    assert!(catalog
        .title
        .as_deref()
        .is_some_and(|t| t.contains("демонстрационный")));
    assert_eq!(catalog.regions.len(), 89);
    assert_eq!(
        catalog.region("42").and_then(|r| r.short_name.as_deref()),
        Some("Кузбасс")
    );

    let orgs = &catalog.organizations;
    assert!(orgs.len() >= 2_750, "{} organisations", orgs.len());
    assert!(orgs.iter().all(|org| org.region == "42"));
    let municipalities: HashSet<_> = orgs
        .iter()
        .filter_map(|org| org.municipality.as_deref())
        .collect();
    assert_eq!(
        municipalities.len(),
        34,
        "every municipal formation has organisations"
    );
    assert!(orgs.iter().all(|org| !org.channels.is_empty()));

    let max = with_platform(&catalog, "max");
    let vk = with_platform(&catalog, "vk");
    assert!(max >= 436, "{max} organisations with MAX");
    assert!(
        vk * 100 >= orgs.len() * 95,
        "{vk} of {} with VK",
        orgs.len()
    );
    assert!(with_platform(&catalog, "ok") > 100);
    assert!(with_platform(&catalog, "telegram") > 50);

    let governor = orgs
        .iter()
        .find(|org| org.short_name.as_deref() == Some("Губернатор Кузбасса"))
        .expect("the governor");
    let governor_max = governor
        .channels
        .iter()
        .find(|c| c.platform == "max")
        .and_then(|c| c.subscribers);
    assert!(governor_max.is_some_and(|n| n > 12_000), "{governor_max:?}");

    let mut by_sector: HashMap<&str, usize> = HashMap::new();
    for org in orgs {
        *by_sector.entry(org.sector.as_str()).or_default() += 1;
    }
    let mut ranked: Vec<_> = by_sector.into_iter().collect();
    ranked.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    assert_eq!(ranked[0].0, "education");
    assert!(
        (40..=60).contains(&(ranked[0].1 * 100 / orgs.len())),
        "education is about half: {ranked:?}"
    );
    // Then administration, culture, health, sport, social protection, youth policy.
    let order: Vec<&str> = ranked.iter().take(7).map(|(sector, _)| *sector).collect();
    assert_eq!(
        order,
        [
            "education",
            "government",
            "culture",
            "health",
            "sport",
            "social",
            "youth"
        ]
    );

    let handles: HashSet<_> = orgs
        .iter()
        .flat_map(|o| o.channels.iter().map(|c| c.url.as_str()))
        .collect();
    assert_eq!(
        handles.len(),
        catalog.channel_count(),
        "no channel URL is used twice"
    );
}

#[test]
fn realistic_names() {
    let catalog = demo();
    let short_names: Vec<&str> = catalog
        .organizations
        .iter()
        .filter_map(|o| o.short_name.as_deref())
        .collect();
    for expected in [
        "МБОУ «СОШ № 12»",
        "МБУК «ЦБС»",
        "ГБУЗ «Новокузнецкая городская клиническая больница № 1»",
    ] {
        assert!(short_names.contains(&expected), "{expected}");
    }
    let names: Vec<&str> = catalog
        .organizations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert!(names.contains(&"Администрация Беловского муниципального округа"));
    assert!(names.iter().any(|n| n.starts_with(
        "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № "
    )));
}

/// Whether a JSON document conforms to the published schema, and the first error.
fn check_schema(document: &serde_json::Value, expected_error: Option<&str>) {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SCHEMA).expect("schema file"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let first_error = validator
        .iter_errors(document)
        .next()
        .map(|e| e.to_string());
    match (expected_error, first_error) {
        (None, None) => {}
        (Some(expected), Some(actual)) => assert!(
            actual.contains(expected),
            "expected {expected:?} in {actual:?}"
        ),
        (expected, actual) => panic!("expected {expected:?}, got {actual:?}"),
    }
}

#[test]
fn the_demo_conforms_to_the_schema() {
    let demo: serde_json::Value = serde_json::from_str(&demo().to_json()).expect("JSON");
    check_schema(&demo, None);

    let mut wrong_version = demo.clone();
    wrong_version["version"] = serde_json::json!(2);
    check_schema(&wrong_version, Some("1 was expected"));

    let mut bad_url = demo.clone();
    bad_url["organizations"][0]["channels"][0]["url"] = serde_json::json!("javascript:alert(1)");
    check_schema(&bad_url, Some("does not match"));

    let mut negative = demo.clone();
    negative["organizations"][0]["channels"][0]["subscribers"] = serde_json::json!(-1);
    check_schema(&negative, Some("minimum"));

    let mut dated = demo.clone();
    dated["organizations"][0]["channels"][0]["added"] = serde_json::json!("2026-12-03");
    check_schema(&dated, None);
    dated["organizations"][0]["channels"][0]["added"] = serde_json::json!("03.12.2026");
    check_schema(&dated, Some("does not match"));
    dated["organizations"][0]["channels"][0]["added"] = serde_json::json!("2026-13-03");
    check_schema(&dated, Some("does not match"));

    // The evidence of officialness and the feeds' folder, as the parser takes them.
    let evidence = |field: &str, value: serde_json::Value| {
        let mut document = demo.clone();
        document["organizations"][0]["channels"][0][field] = value;
        document
    };
    check_schema(&evidence("checked", serde_json::json!("2026-12-01")), None);
    check_schema(
        &evidence("checked", serde_json::json!("01.12.2026")),
        Some("does not match"),
    );
    check_schema(
        &evidence("listed_on_website", serde_json::json!(true)),
        None,
    );
    check_schema(
        &evidence("listed_on_website", serde_json::json!("да")),
        Some("not of type"),
    );
    for (folder, error) in [
        ("feeds/", None),
        ("data/feeds", None),
        ("../feeds/", Some("does not match")),
        ("/feeds/", Some("does not match")),
        ("https://example.ru/feeds/", Some("does not match")),
        ("feeds//all", Some("does not match")),
    ] {
        let mut document = demo.clone();
        document["feeds"] = serde_json::json!(folder);
        check_schema(&document, error);
    }
}

#[test]
fn synth_is_deterministic_national_and_valid() {
    use catalog_tool::demo::synth_catalog;
    let catalog = synth_catalog(20_000, 7);
    assert_eq!(catalog.organizations.len(), 20_000);
    let regions: HashSet<&str> = catalog
        .organizations
        .iter()
        .map(|o| o.region.as_str())
        .collect();
    assert_eq!(regions.len(), 89, "every region has organisations");
    let text = catalog.to_json();
    assert_eq!(
        text,
        synth_catalog(20_000, 7).to_json(),
        "the same seed gives the same file"
    );
    assert_ne!(
        text,
        synth_catalog(20_000, 8).to_json(),
        "another seed gives another file"
    );
    let loaded = parse_catalog(&text).expect("synth loads");
    let problems: Vec<String> = loaded
        .problems
        .iter()
        .take(5)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        Vec::<String>::new(),
        "ids and handles are unique and valid"
    );
    let education = catalog
        .organizations
        .iter()
        .filter(|o| o.sector == "education")
        .count();
    assert!(
        (40..=62).contains(&(education * 100 / 20_000)),
        "education {education}"
    );
    let channels = catalog.channel_count();
    assert!(
        (23_000..=27_000).contains(&channels),
        "about 1.23 channels per organisation: {channels}"
    );
}

#[test]
fn a_sharded_top_file_conforms_to_the_schema() {
    let (top, _) = demo().to_shards();
    let top: serde_json::Value = serde_json::from_str(&top).expect("JSON");
    assert!(top
        .get("organizations")
        .is_some_and(|o| o.as_array().is_some_and(Vec::is_empty)));
    check_schema(&top, None);
    let mut bad = top.clone();
    bad["shards"][0]["sha256"] = serde_json::json!("not a hash");
    check_schema(&bad, Some("does not match"));
}
