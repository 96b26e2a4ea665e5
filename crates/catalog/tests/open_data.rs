//! What leaves the app: the CSV and JSON downloads of a selection, the statistics of a
//! selection, and QR codes of channel links.

use catalog::{parse_catalog, qr_path, Catalog, Facet, Lang, Stats, QUIET_ZONE};
use serde_json::json;

fn catalog() -> Catalog {
    let text = json!({
        "format": "gospubliki-catalog", "version": 1, "title": "Открытые данные", "updated": "2026-11-20",
        "regions": [{"code": "42", "name": "Кемеровская область — Кузбасс"}, {"code": "54", "name": "Новосибирская область"}],
        "sectors": [{"id": "education", "name": "Образование", "name_en": "Education"}, {"id": "health", "name": "Здравоохранение"}],
        "platforms": [{"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com"]}, {"id": "max", "name": "MAX", "hosts": ["max.ru"]}],
        "organizations": [
            {"id": "a", "name": "МБОУ «СОШ № 5; корпус 2»", "region": "42", "municipality": "Беловский городской округ", "sector": "education", "level": "municipal", "ogrn": "1024200001231",
             "channels": [{"platform": "vk", "url": "https://vk.com/school5", "subscribers": 1200, "verified": true, "checked": "2026-12-01", "listed_on_website": true}, {"platform": "max", "url": "https://max.ru/school5"}]},
            {"id": "b", "name": "=HYPERLINK(\"http://evil.ru\")", "short_name": "-1+1", "region": "54", "sector": "health", "channels": []},
            {"id": "c", "name": "Больница", "region": "42", "sector": "health", "channels": [{"platform": "vk", "url": "https://vk.com/hospital", "subscribers": 300}]},
        ],
    });
    parse_catalog(&text.to_string()).expect("loads").catalog
}

/// The CSV of a selection, row by row (without the byte-order mark).
fn check_csv(positions: &[u32], lang: Lang, expected: &[&str]) {
    let csv = catalog().to_csv(positions, lang);
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("starts with a byte-order mark");
    let rows: Vec<&str> = body.split_terminator("\r\n").collect();
    assert_eq!(rows, expected);
}

#[test]
fn csv_opens_in_russian_excel_and_runs_no_formulas() {
    check_csv(
        &[0, 1],
        Lang::Ru,
        &[
            "id;Название;Краткое название;Код региона;Регион;Муниципальное образование;Код сферы;Сфера;Уровень;ОГРН;Сайт;Платформа;Адрес канала;Подписчики;Подтверждён;Дата проверки;Указан на сайте",
            "a;\"МБОУ «СОШ № 5; корпус 2»\";;42;Кемеровская область — Кузбасс;Беловский городской округ;education;Образование;municipal;1024200001231;;ВКонтакте;https://vk.com/school5;1200;да;2026-12-01;да",
            "a;\"МБОУ «СОШ № 5; корпус 2»\";;42;Кемеровская область — Кузбасс;Беловский городской округ;education;Образование;municipal;1024200001231;;MAX;https://max.ru/school5;;нет;;нет",
            "b;\"'=HYPERLINK(\"\"http://evil.ru\"\")\";\"'-1+1\";54;Новосибирская область;;health;Здравоохранение;;;;;;;;;",
        ],
    );
    check_csv(
        &[2],
        Lang::En,
        &[
            "id;Name;Short name;Region code;Region;Municipality;Sector code;Sector;Level;OGRN;Website;Platform;Channel URL;Subscribers;Verified;Checked;Listed on website",
            "c;Больница;;42;Кемеровская область — Кузбасс;;health;Здравоохранение;;;;ВКонтакте;https://vk.com/hospital;300;no;;no",
        ],
    );
    check_csv(&[], Lang::Ru, &["id;Название;Краткое название;Код региона;Регион;Муниципальное образование;Код сферы;Сфера;Уровень;ОГРН;Сайт;Платформа;Адрес канала;Подписчики;Подтверждён;Дата проверки;Указан на сайте"]);
}

#[test]
fn names_in_english_where_the_catalog_gives_them() {
    let catalog = catalog();
    assert_eq!(
        catalog.label(Facet::Sector, "education", Lang::En),
        "Education"
    );
    assert_eq!(
        catalog.label(Facet::Sector, "education", Lang::Ru),
        "Образование"
    );
    assert_eq!(
        catalog.label(Facet::Sector, "health", Lang::En),
        "Здравоохранение"
    );
}

#[test]
fn json_is_a_catalog_of_the_selection_that_loads_back() {
    let catalog = catalog();
    let subset = catalog.subset(&[2, 0]);
    let loaded = parse_catalog(&subset.to_json()).expect("the download is a valid catalog");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let ids: Vec<&str> = loaded
        .catalog
        .organizations
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, ["c", "a"]);
    assert_eq!(loaded.catalog.regions, catalog.regions);
    assert_eq!(loaded.catalog.title, catalog.title);
}

#[test]
fn statistics_count_the_selection() {
    let catalog = catalog();
    let stats = Stats::of(&catalog, &[0, 1, 2]);
    assert_eq!(
        (stats.organizations, stats.channels, stats.subscribers),
        (3, 3, 1500)
    );
    let rows = |rows: &[catalog::StatsRow]| -> Vec<(String, usize, usize, u64)> {
        rows.iter()
            .map(|r| (r.value.clone(), r.organizations, r.channels, r.subscribers))
            .collect()
    };
    assert_eq!(
        rows(&stats.by_platform),
        [("vk".into(), 2, 2, 1500), ("max".into(), 1, 1, 0)]
    );
    assert_eq!(
        rows(&stats.by_sector),
        [
            ("health".into(), 2, 1, 300),
            ("education".into(), 1, 2, 1200)
        ]
    );
    assert_eq!(
        rows(&stats.top_regions),
        [("42".into(), 2, 3, 1500), ("54".into(), 1, 0, 0)]
    );
    assert_eq!(stats.regions, 2);
    assert_eq!(Stats::of(&catalog, &[]), Stats::default());
}

/// Draws a QR path back into modules and checks the three finder patterns, the quiet
/// zone and the timing pattern, which every QR code has where a scanner looks for them.
#[test]
fn qr_codes_have_what_scanners_look_for() {
    for text in [
        "https://vk.com/school5",
        "https://max.ru/gubernator_kuzbass_gos",
        &"x".repeat(300),
    ] {
        let qr = qr_path(text).expect("encodes");
        let size = qr.size;
        let modules = size - 2 * QUIET_ZONE;
        assert_eq!(
            (modules - 17) % 4,
            0,
            "a QR code is 17 + 4·version modules wide"
        );
        let mut dark = vec![vec![false; size]; size];
        for rect in qr.path.split('M').filter(|r| !r.is_empty()) {
            let numbers: Vec<usize> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().expect("number"))
                .collect();
            let [x, y, width, ..] = numbers[..] else {
                panic!("rect {rect}")
            };
            for cell in &mut dark[y][x..x + width] {
                *cell = true;
            }
        }
        let finder = |left: usize, top: usize| {
            (0..7).all(|dy| {
                (0..7).all(|dx| {
                    let ring = dx.min(dy).min(6 - dx).min(6 - dy);
                    dark[top + dy][left + dx] == (ring != 1)
                })
            })
        };
        let q = QUIET_ZONE;
        assert!(
            finder(q, q) && finder(q + modules - 7, q) && finder(q, q + modules - 7),
            "{text}"
        );
        assert!(
            (8..modules - 8).all(|i| dark[q + 6][q + i] == (i % 2 == 0)),
            "timing pattern"
        );
        assert!(dark[..q].iter().flatten().all(|d| !d), "quiet zone");
    }
    assert_eq!(qr_path(&"x".repeat(5000)), None);
}
