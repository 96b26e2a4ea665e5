//! The publisher's tools: catalogs into per-region shards, and the counts of a catalog
//! (spreadsheets into catalogs are `import.rs`).

use std::process::Command;

use catalog::{is_shard_path, parse_catalog, parse_shard, sha256_hex, LoadError};
use catalog_tool::demo::demo_catalog;

#[test]
fn shards_hold_the_catalog_exactly_and_are_checked() {
    let mut catalog = demo_catalog();
    // Two regions, so there are two shards.
    for org in catalog.organizations.iter_mut().take(10) {
        std::sync::Arc::make_mut(org).region = "54".into();
    }
    let (top, shards) = catalog.to_shards();
    let loaded = parse_catalog(&top).expect("the top file is a catalog");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let refs = &loaded.catalog.shards;
    assert_eq!(
        refs.iter()
            .map(|s| (s.region.as_str(), s.organizations))
            .collect::<Vec<_>>(),
        [("42", 2896), ("54", 10)]
    );
    let mut all = Vec::new();
    for (shard, file) in refs.iter().zip(&shards) {
        assert_eq!(
            shard.url,
            format!("regions/{}-{}.json", shard.region, &shard.sha256[..12])
        );
        assert_eq!(shard.sha256, sha256_hex(file.text.as_bytes()));
        assert_eq!(shard.bytes, file.text.len() as u64);
        let read = parse_shard(&file.text, &shard.region, &loaded.catalog).expect("shard");
        assert!(read.problems.is_empty());
        all.extend(read.organizations);
    }
    all.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected = catalog.organizations.clone();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(all, expected);

    // A shard for another region than listed is refused; a stray record is skipped.
    assert!(matches!(
        parse_shard(&shards[1].text, "42", &loaded.catalog),
        Err(LoadError::ShardRegion { .. })
    ));
    let stray = shards[1]
        .text
        .replace("\"region\":\"54\"", "\"region\":\"42\"");
    let read = parse_shard(&stray, "54", &loaded.catalog).expect("read");
    assert_eq!(
        (read.organizations.len(), read.skipped.organizations),
        (0, 10)
    );
}

#[test]
fn shard_paths_stay_beside_the_catalog() {
    for (path, ok) in [
        ("regions/42.json", true),
        ("42.json", true),
        ("a/b_c-d.json", true),
        ("/regions/42.json", false),
        ("../42.json", false),
        ("regions/../../42.json", false),
        ("https://evil.ru/42.json", false),
        ("//evil.ru/42.json", false),
        ("regions/42.json?x=1", false),
        ("regions/42.js", false),
        ("regions//42.json", false),
        ("", false),
    ] {
        assert_eq!(is_shard_path(path), ok, "{path}");
    }
}

#[test]
fn the_shard_command_writes_compressed_copies() {
    let dir = std::env::temp_dir().join(format!("gospubliki-shards-{}", std::process::id()));
    // A small catalog: brotli at quality 11 takes seconds per megabyte unoptimised.
    let card = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/catalogs/card.json"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_catalog-tool"))
        .args(["shard", card, "--out", dir.to_str().expect("path")])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    // Each shard is named by its region and the start of its SHA-256.
    let written = |region: &str| -> String {
        let line = stdout
            .lines()
            .find(|line| line.contains(&format!("/regions/{region}-")))
            .unwrap_or_else(|| panic!("no shard of region {region} in {stdout}"));
        assert!(line.contains(": 1 organizations"), "{line}");
        let path = line.split(": ").next().expect("path");
        path.rsplit('/').next().expect("name").to_string()
    };
    let name = written("42");
    written("54");
    let shard = std::fs::read(dir.join("regions").join(&name)).expect("shard");
    assert!(name.contains(&sha256_hex(&shard)[..12]), "{name}");
    let gz = std::fs::read(dir.join("regions").join(format!("{name}.gz"))).expect("gz");
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unzipped)
        .expect("gunzip");
    assert_eq!(unzipped, shard);
    let br = std::fs::read(dir.join("regions").join(format!("{name}.br"))).expect("br");
    let mut unbrotli = Vec::new();
    std::io::Read::read_to_end(&mut brotli::Decompressor::new(&br[..], 4096), &mut unbrotli)
        .expect("unbrotli");
    assert_eq!(unbrotli, shard);

    let top = std::fs::read_to_string(dir.join("catalog.json")).expect("top");
    assert!(top.contains(&sha256_hex(&shard)));
    std::fs::remove_dir_all(&dir).expect("clean up");

    let demo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/catalog.json"
    );
    let stats = Command::new(env!("CARGO_BIN_EXE_catalog-tool"))
        .args(["stats", demo])
        .output()
        .expect("runs");
    let stats = String::from_utf8_lossy(&stats.stdout);
    assert!(
        stats.starts_with("2,906 organizations, 4,378 channels"),
        "{stats}"
    );
    assert!(stats.contains("  42  Кузбасс"), "{stats}");
}
