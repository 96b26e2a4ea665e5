//! The publisher's tools: spreadsheets into catalogs, catalogs into per-region shards,
//! and the counts of a catalog.

use std::process::Command;

use catalog::{is_shard_path, parse_catalog, parse_shard, sha256_hex, Lang, LoadError};
use catalog_tool::demo::demo_catalog;
use catalog_tool::import::{import_csv, ImportOptions};

/// A CSV file's bytes, and what it must give: each organisation's id with its channel
/// URLs, and each rejected row's line with a fragment of its reason.
fn check_import(bytes: &[u8], organizations: &[(&str, &[&str])], rejected: &[(u64, &str)]) {
    let imported = import_csv(bytes, &ImportOptions::default()).expect("the file is read");
    let actual: Vec<(String, Vec<String>)> = imported
        .catalog
        .organizations
        .iter()
        .map(|o| {
            (
                o.id.clone(),
                o.channels.iter().map(|c| c.url.clone()).collect(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = organizations
        .iter()
        .map(|(id, urls)| (id.to_string(), urls.iter().map(|u| u.to_string()).collect()))
        .collect();
    assert_eq!(actual, expected);
    assert_eq!(
        imported.rejected.len(),
        rejected.len(),
        "{:?}",
        imported.rejected
    );
    for (row, (line, reason)) in imported.rejected.iter().zip(rejected) {
        assert_eq!(row.line, *line, "{row:?}");
        assert!(row.reason.contains(reason), "{row:?} lacks {reason:?}");
    }
    // What the importer writes is a catalog the app reads without a problem.
    let loaded = parse_catalog(&imported.catalog.to_json()).expect("valid catalog");
    let errors: Vec<_> = loaded.problems_of(catalog::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// Text as Excel in a Russian locale saves it: Windows-1251.
fn cp1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'А'..='я' => (c as u32 - 0x0410 + 0xC0) as u8,
            'Ё' => 0xA8,
            'ё' => 0xB8,
            '«' => 0xAB,
            '»' => 0xBB,
            '№' => 0xB9,
            c if c.is_ascii() => c as u8,
            other => panic!("{other} is not in the test's Windows-1251 table"),
        })
        .collect()
}

const RU_HEADER: &str =
    "id;Название;Код региона;Сфера;Платформа;Адрес канала;Подписчики;Подтверждён";

#[test]
fn spreadsheets_as_offices_keep_them() {
    // UTF-8 with a byte-order mark, `;`, Russian headers; two rows of one organisation.
    let utf8 = format!(
        "\u{feff}{RU_HEADER}\r\n\
         s12;МБОУ «СОШ № 12»;42;Образование;ВКонтакте;https://vk.com/school12;1 250;да\r\n\
         s12;МБОУ «СОШ № 12»;42;Образование;MAX;https://max.ru/school12;;нет\r\n\
         gb1;ГБУЗ «ГБ № 1»;42;Здравоохранение;;https://t.me/gb1_kuzbass;90;\r\n"
    );
    check_import(
        utf8.as_bytes(),
        &[
            (
                "s12",
                &["https://vk.com/school12", "https://max.ru/school12"],
            ),
            ("gb1", &["https://t.me/gb1_kuzbass"]),
        ],
        &[],
    );
    // The same as Windows-1251 without a byte-order mark.
    let windows = cp1251(&format!(
        "{RU_HEADER}\r\ns12;МБОУ «СОШ № 12» (Белово);42;Образование;ВКонтакте;https://vk.com/school12;5;да\r\n"
    ));
    let imported = import_csv(&windows, &ImportOptions::default()).expect("read");
    assert_eq!(
        imported.catalog.organizations[0].name,
        "МБОУ «СОШ № 12» (Белово)"
    );
    // `,` with English headers, grouped by OGRN when there is no id, a region code
    // without its zero, and a quoted field over two lines.
    let english = "Name,OGRN,Region code,Sector code,Channel URL,Verified\n\
        \"School No. 1,\nBelovo\",1024200001231,42,education,https://vk.com/s1,yes\n\
        \"School No. 1,\nBelovo\",1024200001231,42,education,https://ok.ru/s1,no\n\
        Adygea school,,1,education,https://vk.com/adygea,\n";
    check_import(
        english.as_bytes(),
        &[(
            "ogrn-1024200001231",
            &["https://vk.com/s1", "https://ok.ru/s1"],
        )],
        &[(6, "neither an id nor an OGRN")],
    );
}

#[test]
fn every_rejected_row_is_named_with_its_line_and_reason() {
    let csv = format!(
        "{RU_HEADER}\n\
         a;;42;Образование;;https://vk.com/a;;\n\
         b;Школа;99;Образование;;https://vk.com/b;;\n\
         c;Школа;42;Кулинария;;https://vk.com/c;;\n\
         d;Школа;42;Образование;;https://vk.com.example.ru/d;;\n\
         e;Школа;42;Образование;;javascript:alert(1);;\n\
         f;Школа;42;Образование;MAX;https://vk.com/f;;\n\
         g h;Школа;42;Образование;;https://vk.com/g;;\n\
         i;Школа;42;Образование;;https://vk.com/i;;\n\
         i;Школа;42;Образование;;https://vk.com/i;;\n"
    );
    check_import(
        csv.as_bytes(),
        &[("i", &["https://vk.com/i"])],
        &[
            (2, "no name"),
            (3, "unknown region «99»"),
            (4, "unknown sector «Кулинария»"),
            (5, "unknown platform"),
            (6, "not an http(s) URL"),
            (7, "is not on MAX"),
            (8, "id «g h»"),
            (10, "already on an earlier line"),
        ],
    );
    let no_columns = import_csv(b"foo;bar\n1;2\n", &ImportOptions::default());
    assert!(no_columns.is_err_and(|err| err.contains("«Название»")));
}

#[test]
fn the_directory_csv_download_imports_back() {
    let demo = demo_catalog();
    let positions: Vec<u32> = (0..300).collect();
    let csv = demo.to_csv(&positions, Lang::Ru);
    let imported = import_csv(csv.as_bytes(), &ImportOptions::default()).expect("read");
    assert!(imported.rejected.is_empty(), "{:?}", imported.rejected);
    let original = &demo.organizations[..300];
    assert_eq!(imported.catalog.organizations.len(), original.len());
    for (back, org) in imported.catalog.organizations.iter().zip(original) {
        assert_eq!(
            (&back.id, &back.name, &back.region, &back.sector),
            (&org.id, &org.name, &org.region, &org.sector)
        );
        assert_eq!(back.channels, org.channels, "{}", org.id);
        assert_eq!(
            (&back.ogrn, back.level, &back.municipality),
            (&org.ogrn, org.level, &org.municipality)
        );
    }
}

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
