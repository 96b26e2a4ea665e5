//! What changed between two publications and what is new in one: `diff`, the `added`
//! stamp (`import --previous`, `diff --out`) and the Atom feeds. The catalogs are
//! written by the tests, one line per organisation, and read by the core's parser.

mod tool;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use catalog::{parse_catalog, Catalog, IsoDate, PlatformKind};
use catalog_tool::diff::{diff, stamp};
use catalog_tool::feeds::{feeds, FeedOptions};
use serde_json::{json, Value};
use tool::run;

/// A catalog file from one line per organisation, `id | name | region | sector |
/// channels`: channels separated by `;`, each a URL followed by `✓` when the platform
/// marks it, `сайт` when the organisation's website links to it, `проверено:DATE` when
/// the publisher checked it, and by a date when it carries `added`.
fn catalog_text(orgs: &[&str]) -> String {
    let organizations: Vec<Value> = orgs
        .iter()
        .map(|line| {
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            assert_eq!(
                fields.len(),
                5,
                "id | name | region | sector | channels: {line}"
            );
            let channels: Vec<Value> = fields[4]
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(|channel| {
                    let mut words = channel.split_whitespace();
                    let url = words.next().expect("a URL");
                    let host = url.split('/').nth(2).expect("a host");
                    let platform = PlatformKind::of_host(host).expect("a platform's host");
                    let mut value = json!({"platform": platform.as_str(), "url": url});
                    for word in words {
                        match word {
                            "✓" => value["verified"] = json!(true),
                            "сайт" => value["listed_on_website"] = json!(true),
                            _ if word.starts_with("проверено:") => {
                                value["checked"] = json!(&word["проверено:".len()..])
                            }
                            date => value["added"] = json!(date),
                        }
                    }
                    value
                })
                .collect();
            json!({"id": fields[0], "name": fields[1], "region": fields[2],
                   "sector": fields[3], "channels": channels})
        })
        .collect();
    json!({
        "format": "gospubliki-catalog", "version": 1,
        "title": "Госпаблики Кузбасса", "updated": "2026-11-20",
        "regions": [
            {"code": "42", "name": "Кемеровская область — Кузбасс", "short_name": "Кузбасс"},
            {"code": "54", "name": "Новосибирская область"}
        ],
        "sectors": [{"id": "education", "name": "Образование"}, {"id": "health", "name": "Здравоохранение"}],
        "platforms": [
            {"id": "vk", "name": "ВКонтакте"}, {"id": "max", "name": "MAX"},
            {"id": "telegram", "name": "Telegram"}, {"id": "ok", "name": "Одноклассники"}
        ],
        "organizations": organizations
    })
    .to_string()
}

fn catalog(orgs: &[&str]) -> Catalog {
    let loaded = parse_catalog(&catalog_text(orgs)).expect("a catalog");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalog
}

const TODAY: IsoDate = IsoDate {
    year: 2026,
    month: 12,
    day: 3,
};

// ---------------------------------------------------------------------------------------
// diff

/// The report on `old` → `new`, line by line; and whether it says something was removed
/// exactly when a line does (the exit status follows it).
fn check_diff(old: &[&str], new: &[&str], expected: &[&str]) {
    let changes = diff(&catalog(old), &catalog(new));
    let report = changes.to_string();
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines, expected, "\n{report}");
    let removed_line = lines.iter().any(|l| l.starts_with("  −"));
    assert_eq!(changes.removes(), removed_line, "\n{report}");
}

const S1: &str = "42-1 | Школа № 1 | 42 | education | https://vk.com/school1";
const S2: &str =
    "42-2 | Школа № 2 | 42 | education | https://vk.com/school2 ✓; https://t.me/school2";

#[test]
fn diff_lists_what_was_added_removed_and_changed_per_region() {
    check_diff(&[S1, S2], &[S1, S2], &["Изменений нет / no changes"]);
    check_diff(&[S2, S1], &[S1, S2], &["Изменений нет / no changes"]);
    // Channels.
    check_diff(
        &[S1],
        &["42-1 | Школа № 1 | 42 | education | https://vk.com/school1; https://max.ru/school1"],
        &[
            "Регион 42 · Кузбасс",
            "  + канал 42-1 «Школа № 1»: MAX https://max.ru/school1",
            "Итого: организаций +0 −0, каналов +1 −0, изменено 0 / organizations +0 −0, channels +1 −0, 0 changed",
        ],
    );
    check_diff(
        &[S2],
        &["42-2 | Школа № 2 | 42 | education | https://vk.com/school2 ✓"],
        &[
            "Регион 42 · Кузбасс",
            "  − канал 42-2 «Школа № 2»: Telegram https://t.me/school2",
            "Итого: организаций +0 −0, каналов +0 −1, изменено 0 / organizations +0 −0, channels +0 −1, 0 changed",
        ],
    );
    // The same channel, written another way: a changed address, not one removed and one added.
    check_diff(
        &["42-3 | ЦБС | 42 | education | https://m.vk.com/club123"],
        &["42-3 | ЦБС | 42 | education | https://vk.ru/public123"],
        &[
            "Регион 42 · Кузбасс",
            "  ~ канал 42-3 «ЦБС»: ВКонтакте https://vk.ru/public123: адрес был https://m.vk.com/club123",
            "Итого: организаций +0 −0, каналов +0 −0, изменено 1 / organizations +0 −0, channels +0 −0, 1 changed",
        ],
    );
    check_diff(
        &["42-3 | ЦБС | 42 | education | https://t.me/cbs_42"],
        &["42-3 | ЦБС | 42 | education | https://t.me/s/cbs_42 ✓"],
        &[
            "Регион 42 · Кузбасс",
            "  ~ канал 42-3 «ЦБС»: Telegram https://t.me/s/cbs_42: адрес был https://t.me/cbs_42; отметка платформы нет → да",
            "Итого: организаций +0 −0, каналов +0 −0, изменено 1 / organizations +0 −0, channels +0 −0, 1 changed",
        ],
    );
    // The evidence of officialness: the website's link and the day of the check.
    check_diff(
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs ✓ проверено:2026-11-01"],
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs ✓ сайт проверено:2026-12-01"],
        &[
            "Регион 42 · Кузбасс",
            "  ~ канал 42-3 «ЦБС»: ВКонтакте https://vk.com/cbs: ссылка на сайте организации нет → да; дата проверки 2026-11-01 → 2026-12-01",
            "Итого: организаций +0 −0, каналов +0 −0, изменено 1 / organizations +0 −0, channels +0 −0, 1 changed",
        ],
    );
    check_diff(
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs сайт проверено:2026-11-01"],
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs"],
        &[
            "Регион 42 · Кузбасс",
            "  ~ канал 42-3 «ЦБС»: ВКонтакте https://vk.com/cbs: ссылка на сайте организации да → нет; дата проверки 2026-11-01 → нет",
            "Итого: организаций +0 −0, каналов +0 −0, изменено 1 / organizations +0 −0, channels +0 −0, 1 changed",
        ],
    );
    // Another short name is another channel.
    check_diff(
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs"],
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs42"],
        &[
            "Регион 42 · Кузбасс",
            "  − канал 42-3 «ЦБС»: ВКонтакте https://vk.com/cbs",
            "  + канал 42-3 «ЦБС»: ВКонтакте https://vk.com/cbs42",
            "Итого: организаций +0 −0, каналов +1 −1, изменено 0 / organizations +0 −0, channels +1 −1, 0 changed",
        ],
    );
    // Organisations.
    check_diff(
        &[S1],
        &[S1, S2],
        &[
            "Регион 42 · Кузбасс",
            "  + организация 42-2 «Школа № 2»",
            "  + канал 42-2 «Школа № 2»: ВКонтакте https://vk.com/school2",
            "  + канал 42-2 «Школа № 2»: Telegram https://t.me/school2",
            "Итого: организаций +1 −0, каналов +2 −0, изменено 0 / organizations +1 −0, channels +2 −0, 0 changed",
        ],
    );
    check_diff(
        &[S1, S2],
        &[S2],
        &[
            "Регион 42 · Кузбасс",
            "  − организация 42-1 «Школа № 1»",
            "  − канал 42-1 «Школа № 1»: ВКонтакте https://vk.com/school1",
            "Итого: организаций +0 −1, каналов +0 −1, изменено 0 / organizations +0 −1, channels +0 −1, 0 changed",
        ],
    );
    check_diff(
        &[S1],
        &["42-1 | МБОУ «СОШ № 1» | 42 | health | https://vk.com/school1"],
        &[
            "Регион 42 · Кузбасс",
            "  ~ организация 42-1 «МБОУ «СОШ № 1»»: название было «Школа № 1»; сфера Образование → Здравоохранение",
            "Итого: организаций +0 −0, каналов +0 −0, изменено 1 / organizations +0 −0, channels +0 −0, 1 changed",
        ],
    );
    // An organisation that moved is listed in its new region.
    check_diff(
        &["42-1 | Школа № 1 | 54 | education | https://vk.com/school1"],
        &[S1],
        &[
            "Регион 42 · Кузбасс",
            "  ~ организация 42-1 «Школа № 1»: регион Новосибирская область → Кузбасс",
            "Итого: организаций +0 −0, каналов +0 −0, изменено 1 / organizations +0 −0, channels +0 −0, 1 changed",
        ],
    );
    // A channel moved to another organisation is removed from one and added to the other.
    check_diff(
        &[S1, "54-1 | Гимназия | 54 | education | https://vk.com/gym54"],
        &["42-1 | Школа № 1 | 42 | education | https://vk.com/gym54", "54-1 | Гимназия | 54 | education | https://vk.com/school1"],
        &[
            "Регион 42 · Кузбасс",
            "  − канал 42-1 «Школа № 1»: ВКонтакте https://vk.com/school1",
            "  + канал 42-1 «Школа № 1»: ВКонтакте https://vk.com/gym54",
            "Регион 54 · Новосибирская область",
            "  − канал 54-1 «Гимназия»: ВКонтакте https://vk.com/gym54",
            "  + канал 54-1 «Гимназия»: ВКонтакте https://vk.com/school1",
            "Итого: организаций +0 −0, каналов +2 −2, изменено 0 / organizations +0 −0, channels +2 −2, 0 changed",
        ],
    );
    // Regions in code order, organisations in id order within each, whatever the files' order.
    check_diff(
        &["54-9 | Больница | 54 | health | https://ok.ru/group/70000001"],
        &["54-1 | Гимназия | 54 | education | https://vk.com/gym54", S1],
        &[
            "Регион 42 · Кузбасс",
            "  + организация 42-1 «Школа № 1»",
            "  + канал 42-1 «Школа № 1»: ВКонтакте https://vk.com/school1",
            "Регион 54 · Новосибирская область",
            "  + организация 54-1 «Гимназия»",
            "  + канал 54-1 «Гимназия»: ВКонтакте https://vk.com/gym54",
            "  − организация 54-9 «Больница»",
            "  − канал 54-9 «Больница»: Одноклассники https://ok.ru/group/70000001",
            "Итого: организаций +2 −1, каналов +2 −1, изменено 0 / organizations +2 −1, channels +2 −1, 0 changed",
        ],
    );
    // One channel listed twice in an organisation, then once: one of the two is gone.
    check_diff(
        &["42-3 | ЦБС | 42 | education | https://vk.com/club5; https://vk.com/public5"],
        &["42-3 | ЦБС | 42 | education | https://vk.com/public5"],
        &[
            "Регион 42 · Кузбасс",
            "  − канал 42-3 «ЦБС»: ВКонтакте https://vk.com/public5",
            "  ~ канал 42-3 «ЦБС»: ВКонтакте https://vk.com/public5: адрес был https://vk.com/club5",
            "Итого: организаций +0 −0, каналов +0 −1, изменено 1 / organizations +0 −0, channels +0 −1, 1 changed",
        ],
    );
    // Subscriber counts and dates change every publication; they are not news to review.
    check_diff(
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs 2026-01-01"],
        &["42-3 | ЦБС | 42 | education | https://vk.com/cbs 2026-11-01"],
        &["Изменений нет / no changes"],
    );
}

// ---------------------------------------------------------------------------------------
// the added stamp

/// Each channel of `new` after the stamp from `previous`, as `URL date` (`-`: no date).
fn check_stamp(previous: &[&str], new: &[&str], expected: &[&str]) {
    let (stamped, counts) = stamp(&catalog(previous), &catalog(new), TODAY);
    let actual: Vec<String> = stamped
        .organizations
        .iter()
        .flat_map(|org| &org.channels)
        .map(|c| {
            format!(
                "{} {}",
                c.url,
                c.added.map_or("-".into(), |d| d.to_string())
            )
        })
        .collect();
    assert_eq!(actual, expected);
    // The counts say the same as the dates.
    assert_eq!(counts.kept + counts.undated + counts.new, actual.len());
    // What is written reads back with its dates.
    let back = parse_catalog(&stamped.to_json()).expect("a catalog");
    assert_eq!(back.catalog, stamped);
}

#[test]
fn the_stamp_keeps_old_dates_and_dates_new_channels_today() {
    let s1 = "42-1 | Школа № 1 | 42 | education | https://vk.com/school1 2026-01-15";
    // The first stamp of a publication whose previous one had no dates: nothing is news
    // but what is new.
    check_stamp(
        &[S1],
        &[S1, S2],
        &[
            "https://vk.com/school1 -",
            "https://vk.com/school2 2026-12-03",
            "https://t.me/school2 2026-12-03",
        ],
    );
    check_stamp(&[], &[S1], &["https://vk.com/school1 2026-12-03"]);
    check_stamp(&[s1], &[S1], &["https://vk.com/school1 2026-01-15"]);
    // The previous publication's date wins over one the new file carries.
    check_stamp(
        &[s1],
        &["42-1 | Школа № 1 | 42 | education | https://vk.com/school1 2026-11-30"],
        &["https://vk.com/school1 2026-01-15"],
    );
    // A new channel keeps a date the publisher gave it.
    check_stamp(&[s1], &["42-1 | Школа № 1 | 42 | education | https://vk.com/school1; https://max.ru/school1 2026-11-30"], &["https://vk.com/school1 2026-01-15", "https://max.ru/school1 2026-11-30"]);
    // The same channel however it is written.
    check_stamp(
        &["42-3 | ЦБС | 42 | education | https://m.vk.com/club123 2025-05-05"],
        &["42-3 | ЦБС | 42 | education | https://vk.ru/public123"],
        &["https://vk.ru/public123 2025-05-05"],
    );
    // An organisation renamed (the import derives an id from a name): its channels are not news.
    check_stamp(
        &[s1],
        &["42-mbou-sosh-1 | МБОУ «СОШ № 1» | 42 | education | https://vk.com/school1"],
        &["https://vk.com/school1 2026-01-15"],
    );
    // Listed in two organisations before: its own organisation's date, else the earliest.
    let twice = [
        "42-1 | Школа № 1 | 42 | education | https://vk.com/shared 2026-03-01",
        "42-2 | Школа № 2 | 42 | education | https://vk.com/shared 2026-02-01",
    ];
    check_stamp(
        &twice,
        &["42-1 | Школа № 1 | 42 | education | https://vk.com/shared"],
        &["https://vk.com/shared 2026-03-01"],
    );
    check_stamp(
        &twice,
        &["42-9 | Школа № 9 | 42 | education | https://vk.com/shared"],
        &["https://vk.com/shared 2026-02-01"],
    );
    // A channel removed and back again later is back, not new.
    check_stamp(
        &[s1],
        &[S2],
        &[
            "https://vk.com/school2 2026-12-03",
            "https://t.me/school2 2026-12-03",
        ],
    );
}

// ---------------------------------------------------------------------------------------
// feeds

/// The feeds of a catalog, each read back by two Atom parsers: `feed-rs` (an
/// independent one, resolving links against where the feed would be served) and
/// `atom_syndication`'s reader. Checks what every feed must have (a non-empty id, title,
/// updated; entries with unique non-empty ids, each with a title, an updated date and a
/// link), and returns each feed as its name and a line per entry: `updated | title |
/// link to the app`.
fn read_feeds(catalog: &Catalog, options: &FeedOptions) -> Vec<(String, Vec<String>)> {
    let made = feeds(catalog, options);
    assert!(made.unnamed.is_empty(), "{:?}", made.unnamed);
    let mut out = Vec::new();
    let mut feed_ids = HashSet::new();
    for file in &made.files {
        let name = &file.name;
        // Both parsers pass control characters through, which XML 1.0 forbids even
        // escaped and strict readers refuse: checked here by the spec's Char rule.
        let forbidden = file.text.chars().find(|&c| {
            !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        });
        assert_eq!(forbidden, None, "{name}: a character XML 1.0 cannot hold");
        let atom = atom_syndication::Feed::read_from(file.text.as_bytes())
            .unwrap_or_else(|err| panic!("{name}: {err}\n{}", file.text));
        assert!(
            !atom.id.is_empty() && !atom.title.value.is_empty(),
            "{name}"
        );
        assert!(
            feed_ids.insert(atom.id.clone()),
            "{name}: feed id {} twice",
            atom.id
        );
        assert!(!atom.authors.is_empty(), "{name}: Atom needs an author");
        let base = format!("https://gospubliki.example.ru/feeds/{name}");
        let parsed = feed_rs::parser::Builder::new()
            .base_uri(Some(&base))
            .build()
            .parse(file.text.as_bytes())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom, "{name}");
        assert_eq!(parsed.id, atom.id, "{name}");
        assert!(parsed.title.is_some() && parsed.updated.is_some(), "{name}");
        assert_eq!(parsed.entries.len(), file.entries, "{name}");
        let mut ids = HashSet::new();
        let mut lines = Vec::new();
        for (entry, written) in parsed.entries.iter().zip(&atom.entries) {
            assert!(
                written.id.starts_with("urn:uuid:"),
                "{name}: {}",
                written.id
            );
            assert!(
                ids.insert(written.id.clone()),
                "{name}: entry id {} twice",
                written.id
            );
            assert_eq!(entry.id, written.id);
            let updated = entry.updated.expect("an entry's updated");
            let title = &entry.title.as_ref().expect("an entry's title").content;
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref() == Some("alternate"))
                .expect("a link to the app");
            lines.push(format!(
                "{} | {title} | {}",
                updated.date_naive(),
                link.href
            ));
        }
        out.push((name.clone(), lines));
    }
    out
}

/// One feed of a catalog: its entries as [`read_feeds`] gives them.
fn check_feed(orgs: &[&str], limit: usize, name: &str, expected: &[&str]) {
    let options = FeedOptions {
        limit,
        today: TODAY,
        ..FeedOptions::default()
    };
    let all = read_feeds(&catalog(orgs), &options);
    let (_, entries) = all.iter().find(|(n, _)| n == name).unwrap_or_else(|| {
        panic!(
            "no {name} among {:?}",
            all.iter().map(|f| &f.0).collect::<Vec<_>>()
        )
    });
    assert_eq!(entries, expected, "{name}");
}

const APP: &str = "https://gospubliki.example.ru/";

#[test]
fn feeds_list_new_channels_newest_first_linking_to_the_app() {
    let orgs = [
        "42-1 | Школа № 1 | 42 | education | https://vk.com/school1 2026-11-01; https://max.ru/school1 2026-12-03",
        "42-2 | Больница № 2 | 42 | health | https://vk.com/hospital2; https://t.me/hospital2 2026-11-15",
        "54-1 | Гимназия | 54 | education | https://vk.com/gym54 2026-12-01",
    ];
    let link = |id: &str| format!("{APP}?org={id}");
    let (l1, l2, l54) = (link("42-1"), link("42-2"), link("54-1"));
    check_feed(
        &orgs,
        100,
        "all.atom",
        &[
            &format!("2026-12-03 | Школа № 1 — MAX | {l1}"),
            &format!("2026-12-01 | Гимназия — ВКонтакте | {l54}"),
            &format!("2026-11-15 | Больница № 2 — Telegram | {l2}"),
            &format!("2026-11-01 | Школа № 1 — ВКонтакте | {l1}"),
        ],
    );
    check_feed(
        &orgs,
        2,
        "all.atom",
        &[
            &format!("2026-12-03 | Школа № 1 — MAX | {l1}"),
            &format!("2026-12-01 | Гимназия — ВКонтакте | {l54}"),
        ],
    );
    check_feed(
        &orgs,
        100,
        "42.atom",
        &[
            &format!("2026-12-03 | Школа № 1 — MAX | {l1}"),
            &format!("2026-11-15 | Больница № 2 — Telegram | {l2}"),
            &format!("2026-11-01 | Школа № 1 — ВКонтакте | {l1}"),
        ],
    );
    check_feed(
        &orgs,
        100,
        "42-education.atom",
        &[
            &format!("2026-12-03 | Школа № 1 — MAX | {l1}"),
            &format!("2026-11-01 | Школа № 1 — ВКонтакте | {l1}"),
        ],
    );
    check_feed(
        &orgs,
        100,
        "42-health.atom",
        &[&format!("2026-11-15 | Больница № 2 — Telegram | {l2}")],
    );
    check_feed(
        &orgs,
        100,
        "54-education.atom",
        &[&format!("2026-12-01 | Гимназия — ВКонтакте | {l54}")],
    );
    // One day's channels in organisation id order.
    check_feed(
        &[
            "42-2 | Б | 42 | health | https://vk.com/b 2026-12-03",
            "42-1 | А | 42 | health | https://vk.com/a 2026-12-03",
        ],
        100,
        "42.atom",
        &[
            &format!("2026-12-03 | А — ВКонтакте | {}", link("42-1")),
            &format!("2026-12-03 | Б — ВКонтакте | {}", link("42-2")),
        ],
    );
    // Channels without a date are not news; a region with none has an empty feed.
    check_feed(&[S1, S2], 100, "all.atom", &[]);
    check_feed(&[S1], 100, "54.atom", &[]);
}

/// Regression: the parser lets control characters through in a name, and XML 1.0 cannot
/// hold them even escaped, so one such name made the whole feed unreadable.
#[test]
fn a_name_with_control_characters_leaves_the_feed_readable() {
    check_feed(
        &["42-1 | Школа\u{7}\u{0} № 1\u{fffe} | 42 | education | https://vk.com/school1 2026-11-01"],
        100,
        "42-education.atom",
        &["2026-11-01 | Школа № 1 — ВКонтакте | https://gospubliki.example.ru/?org=42-1"],
    );
}

#[test]
fn feeds_are_one_per_region_and_per_region_and_sector_with_stable_ids() {
    let orgs = [
        "42-1 | Школа № 1 | 42 | education | https://vk.com/school1 2026-11-01",
        "42-2 | Больница № 2 | 42 | health | https://vk.com/hospital2",
    ];
    let options = FeedOptions {
        today: TODAY,
        ..FeedOptions::default()
    };
    let made = feeds(&catalog(&orgs), &options);
    let names: Vec<&str> = made.files.iter().map(|f| f.name.as_str()).collect();
    // Every region has a feed (a link to any region's finds one); sectors where there
    // are organisations.
    assert_eq!(
        names,
        [
            "all.atom",
            "42.atom",
            "42-education.atom",
            "42-health.atom",
            "54.atom"
        ]
    );
    // The same catalog gives the same bytes.
    assert_eq!(made, feeds(&catalog(&orgs), &options));
    // Links are relative to the feed: the app is a folder up, by default.
    let region = &made.files[1].text;
    for href in [
        r#"href="../?org=42-1""#,
        r#"href="../?region=42""#,
        r#"href="42.atom" rel="self""#,
    ] {
        assert!(region.contains(href), "{href} in\n{region}");
    }
    assert!(
        made.files[2]
            .text
            .contains(r#"href="../?region=42&amp;sector=education""#),
        "{}",
        made.files[2].text
    );
    // An entry has one id in every feed that lists it and in the next publication,
    // when more channels come.
    let id_of = |text: &str| -> Vec<String> {
        let feed = atom_syndication::Feed::read_from(text.as_bytes()).expect("Atom");
        feed.entries.iter().map(|e| e.id.clone()).collect()
    };
    let all = id_of(&made.files[0].text);
    assert_eq!(all, id_of(&made.files[1].text));
    assert_eq!(all, id_of(&made.files[2].text));
    let later = feeds(
        &catalog(&[orgs[0], "42-2 | Больница № 2 | 42 | health | https://vk.com/hospital2; https://max.ru/hospital2 2026-12-03"]),
        &options,
    );
    let later_ids = id_of(&later.files[0].text);
    assert_eq!(later_ids.len(), 2);
    assert_eq!(later_ids[1], all[0], "the older entry keeps its id");
    // A feed with no dated channel is as new as the catalog's data.
    assert!(
        made.files[3]
            .text
            .contains("<updated>2026-11-20T00:00:00+00:00</updated>"),
        "{}",
        made.files[3].text
    );
}

// ---------------------------------------------------------------------------------------
// the commands

/// A fresh folder for one test's files.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("catalog-tool-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    dir
}

/// `diff OLD NEW`: the exit status and a fragment of what it prints.
fn check_diff_command(dir: &Path, old: &str, new: &str, code: i32, printed: &str) {
    let (actual, out, err) = run(dir, &["diff", old, new]);
    assert_eq!(actual, code, "diff {old} {new}: {out}{err}");
    assert!(
        out.contains(printed) || err.contains(printed),
        "diff {old} {new}: {out}{err} lacks {printed:?}"
    );
}

#[test]
fn the_diff_command_reads_files_and_shards_and_says_by_its_status() {
    let dir = folder("diff");
    std::fs::write(dir.join("old.json"), catalog_text(&[S1, S2])).expect("write");
    std::fs::write(
        dir.join("more.json"),
        catalog_text(&[
            S1,
            S2,
            "54-1 | Гимназия | 54 | education | https://vk.com/gym54",
        ]),
    )
    .expect("write");
    std::fs::write(dir.join("less.json"), catalog_text(&[S2])).expect("write");
    std::fs::write(dir.join("broken.json"), "{\"format\": ").expect("write");
    let (code, _, err) = run(
        &dir,
        &["shard", "more.json", "--out", "release", "--no-compress"],
    );
    assert_eq!(code, 0, "{err}");
    check_diff_command(&dir, "old.json", "old.json", 0, "Изменений нет");
    check_diff_command(
        &dir,
        "old.json",
        "more.json",
        0,
        "  + организация 54-1 «Гимназия»",
    );
    check_diff_command(
        &dir,
        "old.json",
        "less.json",
        1,
        "  − организация 42-1 «Школа № 1»",
    );
    // A sharded publication is read whole, and is the file it was made from.
    check_diff_command(
        &dir,
        "more.json",
        "release/catalog.json",
        0,
        "Изменений нет",
    );
    check_diff_command(
        &dir,
        "release/catalog.json",
        "less.json",
        1,
        "организаций +0 −2",
    );
    // Unreadable input is status 2, and says which file.
    check_diff_command(
        &dir,
        "old.json",
        "broken.json",
        2,
        "broken.json: файл отклонён целиком",
    );
    check_diff_command(
        &dir,
        "missing.json",
        "old.json",
        2,
        "missing.json: не удалось прочитать файл",
    );
    let shard = std::fs::read_dir(dir.join("release/regions"))
        .expect("shards")
        .next()
        .expect("a shard")
        .expect("entry")
        .path();
    std::fs::write(&shard, "{}").expect("spoil a shard");
    check_diff_command(
        &dir,
        "old.json",
        "release/catalog.json",
        2,
        "отклонена / the shard is refused: the file's SHA-256 is",
    );
    std::fs::remove_file(&shard).expect("remove a shard");
    check_diff_command(
        &dir,
        "old.json",
        "release/catalog.json",
        2,
        "не удалось прочитать файл",
    );
    let (code, _, _) = run(&dir, &["diff", "old.json", "more.json", "--bogus", "x"]);
    assert_eq!(code, 2, "a usage error");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn a_publication_walks_from_stamp_to_feeds() {
    let dir = folder("publish");
    let s1 = "42-1 | Школа № 1 | 42 | education | https://vk.com/school1 2026-11-01";
    std::fs::write(dir.join("old.json"), catalog_text(&[s1])).expect("write");
    std::fs::write(dir.join("new.json"), catalog_text(&[S1, S2])).expect("write");
    // `diff --out` writes the new publication with its dates.
    let (code, out, err) = run(
        &dir,
        &[
            "diff",
            "old.json",
            "new.json",
            "--out",
            "stamped.json",
            "--today",
            "2026-12-03",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("новых каналов 2 (дата 2026-12-03), прежних с датой 1, прежних без даты 0"),
        "{err}"
    );
    let (code, out, _) = run(&dir, &["validate", "stamped.json"]);
    assert_eq!(code, 0, "{out}");
    let stamped = std::fs::read_to_string(dir.join("stamped.json")).expect("read");
    assert!(
        stamped.contains(r#""url":"https://vk.com/school1","verified":false,"added":"2026-11-01""#),
        "{stamped}"
    );
    assert!(
        stamped.contains(r#""url":"https://t.me/school2","verified":false,"added":"2026-12-03""#),
        "{stamped}"
    );
    // Sharded, then the feeds from the shards.
    let (code, _, err) = run(
        &dir,
        &[
            "shard",
            "stamped.json",
            "--out",
            "site/data",
            "--no-compress",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run(
        &dir,
        &[
            "feeds",
            "site/data/catalog.json",
            "--out",
            "site/feeds",
            "--today",
            "2026-12-03",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("лент 4, записей в all.atom 3"), "{out}");
    let all = std::fs::read_to_string(dir.join("site/feeds/all.atom")).expect("all.atom");
    let parsed = feed_rs::parser::parse(all.as_bytes()).expect("Atom");
    let titles: Vec<&str> = parsed
        .entries
        .iter()
        .filter_map(|e| e.title.as_ref())
        .map(|t| t.content.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Школа № 2 — ВКонтакте",
            "Школа № 2 — Telegram",
            "Школа № 1 — ВКонтакте"
        ]
    );
    // `import --previous` stamps the same way.
    std::fs::write(
        dir.join("rows.csv"),
        "Название;Код региона;Сфера;Адрес канала\nШкола № 1;42;Образование;https://vk.com/school1\nШкола № 3;42;Образование;https://vk.com/school3\n",
    )
    .expect("write");
    let (code, _, err) = run(
        &dir,
        &[
            "import",
            "rows.csv",
            "--previous",
            "site/data/catalog.json",
            "--today",
            "2026-12-04",
            "--out",
            "imported.json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("новых каналов 1 (дата 2026-12-04), прежних с датой 1"),
        "{err}"
    );
    let imported = std::fs::read_to_string(dir.join("imported.json")).expect("read");
    assert!(
        imported
            .contains(r#""url":"https://vk.com/school1","verified":false,"added":"2026-11-01""#),
        "{imported}"
    );
    assert!(
        imported
            .contains(r#""url":"https://vk.com/school3","verified":false,"added":"2026-12-04""#),
        "{imported}"
    );
    let (code, _, err) = run(
        &dir,
        &[
            "import",
            "rows.csv",
            "--previous",
            "nowhere.json",
            "--out",
            "x.json",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("nowhere.json: не удалось прочитать файл"),
        "{err}"
    );
    let (code, _, _) = run(
        &dir,
        &[
            "feeds",
            "stamped.json",
            "--out",
            "f",
            "--today",
            "3.12.2026",
        ],
    );
    assert_eq!(code, 2, "a usage error");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// Where the app finds the feeds: the catalog's `feeds` field, set at import, kept by
/// `shard`, and read by `feeds` for the app's address as seen from the feeds.
#[test]
fn the_catalog_names_its_feeds_folder() {
    let dir = std::env::temp_dir().join(format!("gospubliki-feeds-field-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    std::fs::write(
        dir.join("rows.csv"),
        "Название;Код региона;Сфера;Адрес канала\nШкола № 1;42;Образование;https://vk.com/school1\n",
    )
    .expect("write");
    let import = |folder: &str| {
        run(
            &dir,
            &[
                "import",
                "rows.csv",
                "--feeds",
                folder,
                "--today",
                "2026-12-03",
                "--out",
                "c.json",
            ],
        )
    };
    for bad in ["../feeds", "/feeds/", "https://example.ru/feeds/"] {
        let (code, _, err) = import(bad);
        assert_eq!(code, 2, "--feeds {bad}: {err}");
    }
    let (code, _, err) = import("data/feeds");
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(
        &dir,
        &["shard", "c.json", "--out", "site/data", "--no-compress"],
    );
    assert_eq!(code, 0, "{err}");
    let top = std::fs::read_to_string(dir.join("site/data/catalog.json")).expect("top file");
    assert!(top.contains(r#""feeds": "data/feeds/""#), "{top}");
    let feeds = |catalog: &str, out: &str| {
        let (code, _, err) = run(
            &dir,
            &["feeds", catalog, "--out", out, "--today", "2026-12-03"],
        );
        assert_eq!(code, 0, "{err}");
        let all = std::fs::read_to_string(dir.join(out).join("all.atom")).expect("all.atom");
        let parsed = feed_rs::parser::parse(all.as_bytes()).expect("Atom");
        let alternate = parsed
            .links
            .iter()
            .find(|l| l.rel.as_deref() == Some("alternate"))
            .map(|l| l.href.clone());
        (alternate, err)
    };
    // Two folders deep: the app is two folders up, and no note.
    let (alternate, err) = feeds("site/data/catalog.json", "site/data/feeds");
    assert_eq!(alternate.as_deref(), Some("../../"));
    assert!(err.is_empty(), "{err}");
    // Written elsewhere than the catalog says: a note.
    let (_, err) = feeds("site/data/catalog.json", "site/feeds");
    assert!(
        err.contains("каталог называет папку лент «data/feeds/»"),
        "{err}"
    );
    // No field: the feeds are written, and the publisher is told the app will not link them.
    std::fs::write(dir.join("plain.json"), catalog_text(&[S1])).expect("write");
    let (alternate, err) = feeds("plain.json", "feeds");
    assert_eq!(alternate.as_deref(), Some("../"));
    assert!(err.contains("в каталоге нет поля «feeds»"), "{err}");
    std::fs::remove_dir_all(&dir).expect("clean up");
}
