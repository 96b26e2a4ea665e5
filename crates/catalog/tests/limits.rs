//! Catalogs built to be large: a huge wrong-typed string must not end up whole in a
//! problem message, and a top file with tens of thousands of shards must be checked in
//! linear time (the result is asserted here; the time is measured by hand, see
//! BENCHMARKS.md).

use catalog::{parse_catalog, parse_shard, sha256_hex, Assembly, LoadError, SHARD_FORMAT};
use serde_json::{json, Value};

/// How many regions and shards the national-scale-and-beyond shard test uses.
const SHARDS: usize = 40_000;

/// The reference lists every catalog below shares, with `regions` regions `r0`, `r1`…
fn top_file(regions: usize, extra: Value) -> Value {
    let regions: Vec<Value> = (0..regions)
        .map(|i| json!({"code": format!("r{i}"), "name": format!("Регион {i}")}))
        .collect();
    let mut top = json!({
        "format": "gospubliki-catalog", "version": 1,
        "title": "Тест", "updated": "2026-11-20",
        "regions": regions,
        "sectors": [{"id": "education", "name": "Образование"}],
        "platforms": [{"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com"]}],
        "organizations": []
    });
    for (key, value) in extra.as_object().expect("extra fields are an object") {
        top[key] = value.clone();
    }
    top
}

/// A shard holding one organisation of its region.
fn shard_text(region: &str) -> String {
    json!({
        "format": SHARD_FORMAT, "version": 1, "region": region,
        "organizations": [{
            "id": format!("org-{region}"), "name": "Школа", "region": region,
            "sector": "education",
            "channels": [{"platform": "vk", "url": format!("https://vk.com/{region}")}]
        }]
    })
    .to_string()
}

#[test]
fn forty_thousand_shards_keep_the_first_of_each_region() {
    let texts: Vec<String> = (0..SHARDS).map(|i| shard_text(&format!("r{i}"))).collect();
    let mut shards: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            json!({"region": format!("r{i}"), "url": format!("regions/r{i}.json"),
                   "organizations": 1, "sha256": sha256_hex(text.as_bytes())})
        })
        .collect();
    // Every tenth region listed a second time, after all the first ones, with another
    // address: the second is the one skipped.
    let duplicates: Vec<Value> = (0..SHARDS)
        .step_by(10)
        .map(|i| {
            json!({"region": format!("r{i}"), "url": format!("regions/again-{i}.json"),
                   "sha256": "0".repeat(64)})
        })
        .collect();
    shards.extend(duplicates);
    // And one for a region the catalog does not have.
    shards.push(json!({"region": "nowhere", "url": "regions/x.json", "sha256": "0".repeat(64)}));
    let top = top_file(SHARDS, json!({"shards": shards})).to_string();

    let loaded = parse_catalog(&top).expect("the top file is a catalog");
    let listed = &loaded.catalog.shards;
    assert_eq!(listed.len(), SHARDS);
    for (i, shard) in listed.iter().enumerate() {
        assert_eq!(
            (shard.region.as_str(), shard.url.as_str()),
            (
                format!("r{i}").as_str(),
                format!("regions/r{i}.json").as_str()
            )
        );
    }
    assert_eq!(loaded.skipped.reference, SHARDS / 10 + 1);
    assert_eq!(loaded.problems.len(), SHARDS / 10 + 1);
    assert_eq!(
        loaded.problems[1].to_string(),
        format!(
            "shards[{}] / region: a second shard for region r10",
            SHARDS + 1
        )
    );
    assert_eq!(
        loaded.problems.last().map(|p| p.to_string()),
        Some(format!(
            "shards[{}] / region: unknown region \"nowhere\"",
            SHARDS + SHARDS / 10
        ))
    );

    // Every shard then arrives, in reverse order, and each one is found in the list.
    let mut assembly = Assembly::new(loaded);
    for (i, text) in texts.iter().enumerate().rev() {
        let region = format!("r{i}");
        let added = assembly.add(&region, text, &sha256_hex(text.as_bytes()));
        assert_eq!(added, Ok(1), "{region}");
    }
    assert_eq!(assembly.added(), SHARDS);
    assert_eq!(assembly.catalog().organizations.len(), SHARDS);
    assert_eq!(
        assembly.catalog().organizations[0].id,
        format!("org-r{}", SHARDS - 1)
    );
    assert!(assembly.to_load(&[]).is_empty());
    // A shard the list does not have is refused, not looked for forever.
    assert_eq!(
        assembly.add("nowhere", "{}", &"0".repeat(64)),
        Err(LoadError::ShardRegion {
            expected: "one the catalog lists".to_string(),
            found: "nowhere".to_string()
        })
    );
    // parse_shard on its own still finds the region among 40,000.
    let last = format!("r{}", SHARDS - 1);
    let shard = parse_shard(&texts[SHARDS - 1], &last, assembly.catalog()).expect("a shard");
    assert_eq!(shard.organizations.len(), 1);
}

/// A catalog file with `"@BIG@"` in it replaced by a JSON string of `size` bytes: the
/// text is built directly, without a `Value` of that size.
fn with_big_string(template: &Value, size: usize) -> String {
    let big = format!("\"{}\"", "ж".repeat(size / 2));
    template.to_string().replace("\"@BIG@\"", &big)
}

/// The one organisation most cases below spoil a field of.
fn org(extra: Value) -> Value {
    let mut org = json!({
        "id": "r0-1", "name": "Школа", "region": "r0", "sector": "education",
        "channels": [{"platform": "vk", "url": "https://vk.com/school1"}]
    });
    for (key, value) in extra.as_object().expect("an object") {
        org[key] = value.clone();
    }
    org
}

/// Reads `template` with its `"@BIG@"` made `size` bytes long: every problem is at most
/// ~400 characters, and one of them is `record / field: start…end`.
fn check(template: Value, size: usize, expected: (&str, &str, &str)) {
    let (place, start, end) = expected;
    let text = with_big_string(&template, size);
    let loaded = parse_catalog(&text).expect("the catalog is read");
    let lines: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    for line in &lines {
        assert!(
            line.chars().count() <= 400,
            "{size}: {} characters",
            line.len()
        );
    }
    let found = lines.iter().find(|line| line.starts_with(place));
    let line = found.unwrap_or_else(|| panic!("{size}: no problem at {place}: {lines:?}"));
    let message = &line[place.len()..];
    assert!(
        message.starts_with(start) && message.ends_with(end) && message.contains('…'),
        "{size}: {line}"
    );
}

#[test]
fn a_huge_wrong_typed_string_is_cut_in_the_message_that_names_its_field() {
    let shard = |fields: Value| {
        let mut shard = json!({"region": "r0", "url": "regions/r0.json", "sha256": "0".repeat(64)});
        for (key, value) in fields.as_object().expect("an object") {
            shard[key] = value.clone();
        }
        top_file(1, json!({"shards": [shard]}))
    };
    let orgs = |org: Value| top_file(1, json!({"organizations": [org]}));
    let string = ": not a valid record: invalid type: string \"жжж";
    // One 100 MB string; the other cases are a megabyte, which is enough to show the cut
    // and keeps the test quick.
    for size in [1 << 20, 100 << 20] {
        check(
            orgs(org(json!({"channels": "@BIG@"}))),
            size,
            ("r0-1 / channels", string, "\", expected a sequence"),
        );
    }
    {
        let size = 1 << 20;
        check(
            orgs(org(
                json!({"channels": [{"platform": "vk", "url": "https://vk.com/a", "verified": "@BIG@"}]}),
            )),
            size,
            (
                "r0-1 / channels[0].verified",
                ": not a valid channel: invalid type: string \"жж",
                "\", expected a boolean",
            ),
        );
        // Top-file problems: a shard reference, a reference record, a header field.
        check(
            shard(json!({"organizations": "@BIG@"})),
            size,
            ("shards[0] / organizations", string, "\", expected u64"),
        );
        check(
            top_file(
                1,
                json!({"platforms": [{"id": "vk", "name": "VK", "hosts": "@BIG@"}]}),
            ),
            size,
            ("vk / hosts", string, "\", expected a sequence"),
        );
    }
    check(
        top_file(
            1,
            json!({"updated": "2026-11-20", "shards": [], "organizations": [org(json!({"id": "@BIG@"}))]}),
        ),
        1 << 20,
        (
            "organizations[0] / id: \"жжж",
            "",
            "\" is not 1–64 of A–Z a–z 0–9 _ -",
        ),
    );
    // Text fields are dropped beyond 1,000 characters; under that, a bad date quotes
    // only the beginning of itself.
    check(
        top_file(1, json!({"updated": "@BIG@"})),
        1_998,
        (
            "catalog / updated: \"жжж",
            "",
            "\" is not a YYYY-MM-DD date",
        ),
    );
    // A huge key is refused by its length before it could be compared with the others,
    // so the duplicate's message never has to quote it.
    let text = with_big_string(
        &top_file(
            1,
            json!({"regions": [{"code": "r0", "name": "Регион"}, {"code": "r0", "name": "Регион"}, {"code": "@BIG@", "name": "a"}, {"code": "@BIG@", "name": "b"}]}),
        ),
        1 << 20,
    );
    let loaded = parse_catalog(&text).expect("the catalog is read");
    let lines: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        [
            "regions[1] / code: duplicate region code \"r0\"",
            "regions[2] / code: 524288 characters; at most 1000",
            "regions[3] / code: 524288 characters; at most 1000",
        ]
    );
}

/// A refused file, whose reason must be short too: a shard of `region`, or with `None` a
/// top file.
fn check_refused(text: &str, region: Option<&str>, expected: (&str, &str)) {
    let catalog = parse_catalog(&top_file(1, json!({})).to_string())
        .expect("a catalog")
        .catalog;
    let error = match region {
        Some(region) => parse_shard(text, region, &catalog).err(),
        None => parse_catalog(text).err(),
    };
    let error = error.expect("refused");
    let message = error.to_string();
    assert!(
        message.chars().count() <= 400,
        "{} characters",
        message.len()
    );
    assert!(
        message.starts_with(expected.0) && message.ends_with(expected.1) && message.contains('…'),
        "{message}"
    );
}

#[test]
fn a_refused_file_quotes_little_of_a_huge_string() {
    let big = "ж".repeat(1 << 20);
    let shard = |region: &str| {
        format!("{{\"format\": \"{SHARD_FORMAT}\", \"version\": 1, \"region\": \"{region}\", \"organizations\": []}}")
    };
    check_refused(
        &format!("\"{big}\""),
        Some("r0"),
        (
            "not valid JSON at line 1, column ",
            ", expected struct RawShard",
        ),
    );
    check_refused(
        &shard(&big),
        Some("r0"),
        (
            "the shard is for region жжж",
            "…, the catalog expects region r0",
        ),
    );
    check_refused(
        &shard("r0"),
        Some(&big),
        (
            "the shard is for region r0, the catalog expects region жжж",
            "…",
        ),
    );
    check_refused(
        &format!("{{\"format\": \"{big}\", \"version\": 1}}"),
        None,
        ("not a Gospubliki catalog: format is \"жжж", "…"),
    );
    check_refused(
        &format!("{{\"format\": \"gospubliki-catalog\", \"version\": \"{big}\"}}"),
        None,
        ("unsupported catalog version \"жжж", "…"),
    );
}
