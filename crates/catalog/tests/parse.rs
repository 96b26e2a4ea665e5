//! Reading catalogs: which files are refused, which records are skipped, and what is
//! reported. Each case is one line: input, then what a publisher should be told.

use catalog::{parse_catalog, Loaded, Severity};
use serde_json::{json, Value};

/// A minimal valid catalog with the given organisations.
fn catalog_with(organizations: Value) -> Value {
    json!({
        "format": "gospubliki-catalog", "version": 1,
        "title": "Тест", "updated": "2026-11-20",
        "regions": [
            {"code": "42", "name": "Кемеровская область — Кузбасс", "short_name": "Кузбасс", "district": "Сибирский"},
            {"code": "54", "name": "Новосибирская область"}
        ],
        "sectors": [{"id": "education", "name": "Образование"}, {"id": "health", "name": "Здравоохранение"}],
        "platforms": [
            {"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com", "vk.ru", "m.vk.com"]},
            {"id": "max", "name": "MAX", "hosts": ["max.ru"]}
        ],
        "organizations": organizations
    })
}

fn org(extra: Value) -> Value {
    let mut base = json!({
        "id": "42-1", "name": "МБОУ «СОШ № 1»", "region": "42", "sector": "education",
        "channels": [{"platform": "vk", "url": "https://vk.com/school1", "subscribers": 10}]
    });
    for (key, value) in extra.as_object().expect("extra fields are an object") {
        if value.is_null() {
            base.as_object_mut().expect("object").remove(key);
        } else {
            base[key] = value.clone();
        }
    }
    base
}

fn load(value: &Value) -> Loaded {
    parse_catalog(&value.to_string()).expect("catalog should load")
}

fn lines(loaded: &Loaded, severity: Severity) -> Vec<String> {
    loaded
        .problems_of(severity)
        .map(|p| p.to_string())
        .collect()
}

/// A whole file that must be refused, and the message that says why.
fn check_refused(text: &str, expected: &str) {
    let err = parse_catalog(text).expect_err("file should be refused");
    assert_eq!(err.to_string(), expected, "input: {text}");
}

/// One organisation record: whether it is kept, and the errors and warnings reported.
fn check_org(record: Value, kept: bool, errors: &[&str], warnings: &[&str]) {
    let loaded = load(&catalog_with(json!([record])));
    assert_eq!(
        loaded.catalog.organizations.len(),
        usize::from(kept),
        "kept? {record}"
    );
    assert_eq!(
        loaded.skipped.organizations,
        usize::from(!kept),
        "skipped count"
    );
    assert_eq!(
        lines(&loaded, Severity::Error),
        errors,
        "errors for {record}"
    );
    assert_eq!(
        lines(&loaded, Severity::Warning),
        warnings,
        "warnings for {record}"
    );
}

/// One channel of an otherwise valid organisation: kept or skipped, and the report.
fn check_channel(channel: Value, kept: bool, errors: &[&str]) {
    let loaded = load(&catalog_with(json!([org(
        json!({"channels": [channel.clone()]})
    )])));
    let orgs = &loaded.catalog.organizations;
    assert_eq!(
        orgs.len(),
        1,
        "the organisation is kept whatever its channel"
    );
    assert_eq!(
        orgs[0].channels.len(),
        usize::from(kept),
        "channel kept? {channel}"
    );
    assert_eq!(loaded.skipped.channels, usize::from(!kept));
    assert_eq!(
        lines(&loaded, Severity::Error),
        errors,
        "errors for {channel}"
    );
}

#[test]
fn whole_file_refused() {
    check_refused(
        "",
        "not valid JSON at line 1, column 0: EOF while parsing a value",
    );
    check_refused(
        "<html>404</html>",
        "not valid JSON at line 1, column 1: expected value",
    );
    check_refused(
        "{\"format\": \"gospubliki-catalog\",\n  \"version\": 1,\n  \"title\": }",
        "not valid JSON at line 3, column 12: expected value",
    );
    check_refused(
        "{\"format\": \"gospubliki-catalog\", \"version\": 1, \"regions\": [",
        "not valid JSON at line 1, column 59: EOF while parsing a list",
    );
    check_refused(
        "[1, 2]",
        "the file is JSON but its top level is not an object",
    );
    check_refused(
        "\"catalog\"",
        "the file is JSON but its top level is not an object",
    );
    check_refused(
        r#"{"format": "a", "format": "b"}"#,
        "the catalog is malformed at line 1, column 24: duplicate field `format`",
    );
    check_refused("{}", "not a Gospubliki catalog: format is missing");
    check_refused(
        r#"{"format": "geojson", "version": 1}"#,
        "not a Gospubliki catalog: format is \"geojson\"",
    );
    check_refused(
        r#"{"format": "gospubliki-catalog", "version": 2}"#,
        "unsupported catalog version 2",
    );
    check_refused(
        r#"{"format": "gospubliki-catalog", "version": "1"}"#,
        "unsupported catalog version \"1\"",
    );
    check_refused(
        r#"{"format": "gospubliki-catalog"}"#,
        "unsupported catalog version missing",
    );
    check_refused(
        r#"{"format": "gospubliki-catalog", "version": 1, "regions": [], "sectors": [], "platforms": []}"#,
        "the catalog has no \"organizations\" list",
    );
    check_refused(
        r#"{"format": "gospubliki-catalog", "version": 1, "regions": {}, "sectors": [], "platforms": [], "organizations": []}"#,
        "the catalog has no \"regions\" list",
    );
}

#[test]
fn header_fields() {
    let loaded = load(&catalog_with(json!([])));
    assert_eq!(loaded.catalog.title.as_deref(), Some("Тест"));
    assert_eq!(
        loaded.catalog.updated.map(|d| d.to_string()).as_deref(),
        Some("2026-11-20")
    );
    assert!(!loaded.catalog.demo, "demo defaults to false");
    assert!(loaded.problems.is_empty());

    let mut value = catalog_with(json!([]));
    value["demo"] = json!(true);
    value["updated"] = json!("20.11.2026");
    value["feedback_url"] = json!("javascript:alert(1)");
    value["title"] = json!(42);
    value["some_future_field"] = json!({"nested": true});
    let loaded = load(&value);
    assert!(loaded.catalog.demo);
    assert_eq!(loaded.catalog.updated, None);
    assert_eq!(loaded.catalog.feedback_url, None);
    assert_eq!(
        lines(&loaded, Severity::Warning),
        [
            "catalog / title: not a string; ignored",
            "catalog / updated: \"20.11.2026\" is not a YYYY-MM-DD date",
            "catalog / feedback_url: not an http(s) or mailto: link; dropped",
        ]
    );
}

#[test]
fn byte_order_mark_is_allowed() {
    let text = format!("\u{feff}{}", catalog_with(json!([org(json!({}))])));
    assert_eq!(
        parse_catalog(&text)
            .expect("loads")
            .catalog
            .organizations
            .len(),
        1
    );
}

#[test]
fn organisation_records() {
    check_org(org(json!({})), true, &[], &[]);
    check_org(org(json!({"unknown_field": [1, 2, 3]})), true, &[], &[]);
    check_org(
        org(json!({"name": null})),
        false,
        &["42-1 / name: missing"],
        &[],
    );
    check_org(
        org(json!({"name": "   "})),
        false,
        &["42-1 / name: missing"],
        &[],
    );
    check_org(
        org(json!({"id": null})),
        false,
        &["organizations[0] / id: missing"],
        &[],
    );
    check_org(
        org(json!({"id": "42 1"})),
        false,
        &["organizations[0] / id: \"42 1\" is not 1–64 of A–Z a–z 0–9 _ -"],
        &[],
    );
    check_org(
        org(json!({"id": "x".repeat(65)})),
        false,
        &[&format!(
            "organizations[0] / id: \"{}…\" is not 1–64 of A–Z a–z 0–9 _ -",
            "x".repeat(60)
        )],
        &[],
    );
    check_org(
        org(json!({"region": "99"})),
        false,
        &["42-1 / region: unknown region \"99\""],
        &[],
    );
    check_org(
        org(json!({"region": null})),
        false,
        &["42-1 / region: missing"],
        &[],
    );
    check_org(
        org(json!({"sector": "mining"})),
        false,
        &["42-1 / sector: unknown sector \"mining\""],
        &[],
    );
    check_org(
        org(json!({"sector": null, "name": null})),
        false,
        &["42-1 / name: missing", "42-1 / sector: missing"],
        &[],
    );
    check_org(
        org(json!({"name": 5})),
        false,
        &["42-1 / name: not a valid record: invalid type: integer `5`, expected a string"],
        &[],
    );
    check_org(json!("just a string"), false, &["organizations[0] / : not a valid record: invalid type: string \"just a string\", expected struct RawOrganization"], &[]);
    check_org(org(json!({"level": "municipal"})), true, &[], &[]);
    check_org(
        org(json!({"level": "galactic"})),
        true,
        &[],
        &["42-1 / level: \"galactic\" is not federal, regional or municipal; ignored"],
    );
    // The check digit of 102420078083 is 4, so the same number ending in 1 is refused.
    check_org(org(json!({"ogrn": "1024200780834"})), true, &[], &[]);
    check_org(org(json!({"ogrn": "304420000000015"})), true, &[], &[]);
    check_org(org(json!({"ogrn": "1024200780831"})), true, &[], &["42-1 / ogrn: \"1024200780831\" is not a valid OGRN (13 or 15 digits with a check digit); ignored"]);
    check_org(org(json!({"ogrn": "12345"})), true, &[], &["42-1 / ogrn: \"12345\" is not a valid OGRN (13 or 15 digits with a check digit); ignored"]);
    check_org(org(json!({"ogrn": "10242007808З0"})), true, &[], &["42-1 / ogrn: \"10242007808З0\" is not a valid OGRN (13 or 15 digits with a check digit); ignored"]);
    check_org(
        org(json!({"website": "https://school1.ru"})),
        true,
        &[],
        &[],
    );
    check_org(
        org(json!({"website": "javascript:alert(1)"})),
        true,
        &[],
        &["42-1 / website: not an http(s) URL; ignored"],
    );
    check_org(
        org(json!({"channels": []})),
        true,
        &[],
        &["42-1 / channels: no valid channels"],
    );
}

#[test]
fn duplicate_ids_keep_the_first() {
    let first = org(json!({"name": "Первая"}));
    let second = org(json!({"name": "Вторая"}));
    let loaded = load(&catalog_with(json!([first, second])));
    assert_eq!(loaded.catalog.organizations.len(), 1);
    assert_eq!(loaded.catalog.organizations[0].name, "Первая");
    assert_eq!(
        lines(&loaded, Severity::Error),
        ["42-1 / id: duplicate id; first used at organizations[0]"]
    );
    assert_eq!(loaded.skipped.organizations, 1);
}

#[test]
fn a_skipped_record_does_not_block_a_later_one_with_its_id() {
    // A record skipped for another reason must not reserve its id.
    let bad = org(json!({"region": "99"}));
    let good = org(json!({}));
    let loaded = load(&catalog_with(json!([bad, good])));
    assert_eq!(loaded.catalog.organizations.len(), 1);
    assert_eq!(
        lines(&loaded, Severity::Error),
        ["42-1 / region: unknown region \"99\""]
    );
}

#[test]
fn channel_records() {
    check_channel(
        json!({"platform": "vk", "url": "https://vk.com/school1"}),
        true,
        &[],
    );
    check_channel(
        json!({"platform": "vk", "url": "https://VK.RU/school1"}),
        true,
        &[],
    );
    check_channel(
        json!({"platform": "max", "url": "https://max.ru/school1_gos", "subscribers": 0}),
        true,
        &[],
    );
    check_channel(
        json!({"platform": "ok", "url": "https://ok.ru/school1"}),
        false,
        &["42-1 / channels[0].platform: unknown platform \"ok\""],
    );
    check_channel(
        json!({"url": "https://vk.com/school1"}),
        false,
        &["42-1 / channels[0].platform: missing"],
    );
    check_channel(
        json!({"platform": "vk"}),
        false,
        &["42-1 / channels[0].url: missing"],
    );
    check_channel(
        json!({"platform": "vk", "url": "javascript:alert(1)"}),
        false,
        &["42-1 / channels[0].url: \"javascript:alert(1)\": not an http(s) URL"],
    );
    check_channel(
        json!({"platform": "vk", "url": "vk.com/school1"}),
        false,
        &["42-1 / channels[0].url: \"vk.com/school1\": not an http(s) URL"],
    );
    check_channel(json!({"platform": "vk", "url": "https://vk.com.example.ru/school1"}), false, &["42-1 / channels[0].url: host \"vk.com.example.ru\" is not one of ВКонтакте's hosts (vk.com, www.vk.com, m.vk.com, vk.ru, www.vk.ru, m.vk.ru)"]);
    check_channel(json!({"platform": "vk", "url": "https://max.ru/school1"}), false, &["42-1 / channels[0].url: host \"max.ru\" is not one of ВКонтакте's hosts (vk.com, www.vk.com, m.vk.com, vk.ru, www.vk.ru, m.vk.ru)"]);
    check_channel(json!({"platform": "vk", "url": "https://vk.com@evil.ru/school1"}), false, &["42-1 / channels[0].url: \"https://vk.com@evil.ru/school1\": the URL contains a user name or password"]);
    check_channel(
        json!({"platform": "vk", "url": "https://vk.com:8080/school1"}),
        false,
        &["42-1 / channels[0].url: \"https://vk.com:8080/school1\": the URL names a port"],
    );
    check_channel(json!({"platform": "vk", "url": "https://vk.com/a b"}), false, &["42-1 / channels[0].url: \"https://vk.com/a b\": the URL contains spaces or control characters"]);
    check_channel(json!({"platform": "vk", "url": "https://vк.com/school1"}), false, &["42-1 / channels[0].url: \"https://vк.com/school1\": the URL contains characters outside ASCII (percent-encode them)"]);
    check_channel(
        json!({"platform": "vk", "url": "https://vk.com/s", "subscribers": -5}),
        false,
        &["42-1 / channels[0].subscribers: negative subscriber count -5"],
    );
    check_channel(
        json!({"platform": "vk", "url": "https://vk.com/s", "subscribers": 1.5}),
        false,
        &["42-1 / channels[0].subscribers: 1.5 is not a whole number"],
    );
    check_channel(
        json!({"platform": "vk", "url": "https://vk.com/s", "subscribers": 1_000_000_000_000u64}),
        false,
        &["42-1 / channels[0].subscribers: 1000000000000 is not a plausible subscriber count"],
    );
    check_channel(
        json!({"platform": "vk", "url": "https://vk.com/s", "subscribers": "many"}),
        false,
        &["42-1 / channels[0].subscribers: not a number"],
    );
    check_channel(json!({"platform": "vk", "url": "https://vk.com/s", "verified": "yes"}), false, &["42-1 / channels[0].verified: not a valid channel: invalid type: string \"yes\", expected a boolean"]);
}

/// A channel address on its platform: kept, or refused with this reason.
fn check_address(platform: &str, url: &str, refused: Option<&str>) {
    let errors: Vec<String> = refused
        .map(|why| format!("42-1 / channels[0].url: \"{url}\": {why}"))
        .into_iter()
        .collect();
    let errors: Vec<&str> = errors.iter().map(String::as_str).collect();
    check_channel(
        json!({"platform": platform, "url": url}),
        refused.is_none(),
        &errors,
    );
}

#[test]
fn channel_addresses_are_channels() {
    let empty = Some("the address names no channel (the path is empty)");
    let not_a_name = |name: &str| format!("«{name}» is not a channel's name on this platform");
    let reserved = |name: &str| {
        format!("«{name}» is one of the platform's own pages (a redirect, a post, a search…), not a channel")
    };
    check_address("vk", "https://vk.com/school1", None);
    check_address("vk", "https://vk.com/club123", None);
    check_address("vk", "https://vk.com/public123", None);
    check_address("vk", "https://vk.com/school1?w=wall-1_2", None);
    check_address("vk", "https://m.vk.com/sosh.5", None);
    check_address("vk", "https://vk.com/", empty);
    check_address("vk", "https://vk.com", empty);
    check_address("vk", "https://vk.com/?to=x", empty);
    check_address(
        "vk",
        "https://vk.com/away.php?to=https://evil.ru",
        Some(&reserved("away.php")),
    );
    check_address("vk", "https://vk.com/away", Some(&reserved("away")));
    check_address(
        "vk",
        "https://vk.com/share.php?url=x",
        Some(&reserved("share.php")),
    );
    check_address("vk", "https://vk.com/feed", Some(&reserved("feed")));
    check_address("vk", "https://vk.com/search", Some(&reserved("search")));
    check_address("vk", "https://vk.com/app123", Some(&reserved("app123")));
    check_address("vk", "https://vk.com/write123", Some(&reserved("write123")));
    check_address(
        "vk",
        "https://vk.com/wall-123_45",
        Some(&reserved("wall-123_45")),
    );
    check_address(
        "vk",
        "https://vk.com/school1/wall",
        Some(&not_a_name("school1/wall")),
    );
    check_address(
        "vk",
        "https://vk.com/search/people",
        Some(&reserved("search")),
    );
    check_address("vk", "https://vk.com/123", Some(&not_a_name("123")));
    check_address("vk", "https://vk.com/club0123", Some(&reserved("club0123")));
    check_address(
        "vk",
        "https://vk.com/sch%6Fol",
        Some(&not_a_name("sch%6fol")),
    );
    check_address("vk", "https://vk.com/.school", Some(&not_a_name(".school")));
    check_address(
        "vk",
        "http://vk.com/school1",
        Some("a channel address must be https (every platform serves https)"),
    );
    check_address(
        "vk",
        "https://vk.com\\@evil.ru/x",
        Some("the URL contains a backslash"),
    );
    check_address(
        "vk",
        "https://vk%2ecom/school1",
        Some("the host name \"vk%2ecom\" is not a valid host name"),
    );
    check_address(
        "vk",
        "https://1.2.3.4/school1",
        Some("the host name \"1.2.3.4\" is not a valid host name"),
    );
    check_address(
        "vk",
        "https://[::1]/school1",
        Some("the host name \"[::1]\" is not a valid host name"),
    );
    check_address("max", "https://max.ru/school1_gos", None);
    check_address("max", "https://max.ru/join/abc", Some(&reserved("join")));
    check_address("max", "https://max.ru/", empty);
}

#[test]
fn reference_lists() {
    let mut value = catalog_with(json!([org(json!({}))]));
    value["regions"] = json!([{"code": "42", "name": "Кузбасс"}, {"code": "42", "name": "Дубль"}, {"name": "Без кода"}]);
    value["platforms"] = json!([
        {"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com", "*", "https://evil.ru", "evil.ru"]},
        {"id": "myspace", "name": "Чужая", "hosts": ["myspace.com"]}
    ]);
    let loaded = load(&value);
    assert_eq!(loaded.catalog.regions.len(), 1);
    assert_eq!(loaded.catalog.platforms.len(), 1);
    // The hosts are the core's, whatever the catalog lists.
    assert_eq!(
        loaded.catalog.platforms[0].hosts,
        [
            "vk.com",
            "www.vk.com",
            "m.vk.com",
            "vk.ru",
            "www.vk.ru",
            "m.vk.ru"
        ]
    );
    assert_eq!(loaded.skipped.reference, 3);
    assert_eq!(
        lines(&loaded, Severity::Error),
        [
            "regions[1] / code: duplicate region code \"42\"",
            "regions[2] / code: missing",
            "platforms[1] / id: unknown platform \"myspace\"; the directory knows vk, ok, max, telegram",
        ]
    );
    assert_eq!(
        lines(&loaded, Severity::Warning),
        [
            "platforms[0] / hosts: \"*\" is not one of ВКонтакте's hosts (vk.com, www.vk.com, m.vk.com, vk.ru, www.vk.ru, m.vk.ru); ignored",
            "platforms[0] / hosts: \"https://evil.ru\" is not one of ВКонтакте's hosts (vk.com, www.vk.com, m.vk.com, vk.ru, www.vk.ru, m.vk.ru); ignored",
            "platforms[0] / hosts: \"evil.ru\" is not one of ВКонтакте's hosts (vk.com, www.vk.com, m.vk.com, vk.ru, www.vk.ru, m.vk.ru); ignored"
        ]
    );
}

#[test]
fn round_trip_through_to_json() {
    let value = catalog_with(json!([org(
        json!({"level": "municipal", "short_name": "СОШ № 1"})
    )]));
    let first = load(&value);
    let second = parse_catalog(&first.catalog.to_json()).expect("written catalog loads");
    assert_eq!(first.catalog, second.catalog);
    assert!(second.problems.is_empty());
}

/// A channel's optional date (`added`, `checked`): the date kept (`None`: no date), and
/// the warnings; the channel itself is kept either way, as with the other optional fields.
fn check_date(field: &str, value: Value, expected: Option<&str>, warnings: &[&str]) {
    let channel = json!({"platform": "vk", "url": "https://vk.com/school1", field: value});
    let loaded = load(&catalog_with(json!([org(
        json!({ "channels": [channel] })
    )])));
    let channels = &loaded.catalog.organizations[0].channels;
    assert_eq!(channels.len(), 1, "the channel is kept whatever its date");
    let date = match field {
        "added" => channels[0].added,
        _ => channels[0].checked,
    };
    let date = date.map(|d| d.to_string());
    assert_eq!(date.as_deref(), expected, "{field} {value}");
    assert_eq!(
        lines(&loaded, Severity::Warning),
        warnings,
        "{field} {value}"
    );
    assert!(lines(&loaded, Severity::Error).is_empty());
}

#[test]
fn a_channels_added_and_checked_dates() {
    for field in ["added", "checked"] {
        let check = |value: Value, expected: Option<&str>, warnings: &[&str]| {
            check_date(field, value, expected, warnings)
        };
        check(json!("2026-12-03"), Some("2026-12-03"), &[]);
        check(json!(" 2024-02-29 "), Some("2024-02-29"), &[]);
        check(Value::Null, None, &[]);
        let warn = |text: &str| {
            format!("42-1 / channels[0].{field}: \"{text}\" is not a YYYY-MM-DD date; ignored")
        };
        check(json!("2023-02-29"), None, &[&warn("2023-02-29")]);
        check(json!("2026-13-01"), None, &[&warn("2026-13-01")]);
        check(json!("03.12.2026"), None, &[&warn("03.12.2026")]);
        check(
            json!("2026-12-03T10:00:00Z"),
            None,
            &[&warn("2026-12-03T10:00:00Z")],
        );
        check(json!(" "), None, &[]);
        let wrong_type =
            format!("42-1 / channels[0].{field}: not a YYYY-MM-DD date string; ignored");
        let wrong_type = [wrong_type.as_str()];
        check(json!(20261203), None, &wrong_type);
        check(json!(true), None, &wrong_type);
        check(json!(["2026-12-03"]), None, &wrong_type);
    }
}

#[test]
fn a_channel_without_evidence_has_none() {
    let loaded = load(&catalog_with(json!([org(json!({}))])));
    let channel = &loaded.catalog.organizations[0].channels[0];
    assert_eq!((channel.checked, channel.listed_on_website), (None, false));
    assert!(loaded.problems.is_empty());
}

/// A channel's `listed_on_website`: the value kept, and the warnings; the channel is
/// kept either way.
fn check_listed(value: Value, expected: bool, warnings: &[&str]) {
    let channel =
        json!({"platform": "vk", "url": "https://vk.com/school1", "listed_on_website": value});
    let loaded = load(&catalog_with(json!([org(
        json!({ "channels": [channel] })
    )])));
    let channels = &loaded.catalog.organizations[0].channels;
    assert_eq!(channels.len(), 1, "the channel is kept whatever the value");
    assert_eq!(channels[0].listed_on_website, expected, "{value}");
    assert_eq!(lines(&loaded, Severity::Warning), warnings, "{value}");
    assert!(lines(&loaded, Severity::Error).is_empty());
}

#[test]
fn whether_the_website_links_to_a_channel() {
    check_listed(json!(true), true, &[]);
    check_listed(json!(false), false, &[]);
    check_listed(Value::Null, false, &[]);
    let wrong = ["42-1 / channels[0].listed_on_website: not true or false; ignored"];
    check_listed(json!("да"), false, &wrong);
    check_listed(json!(1), false, &wrong);
    check_listed(json!("true"), false, &wrong);
}

/// A catalog's `feeds` field: the folder kept (always ending in `/`), and the warnings.
fn check_feeds(value: Value, expected: Option<&str>, warnings: &[&str]) {
    let mut catalog = catalog_with(json!([org(json!({}))]));
    catalog["feeds"] = value.clone();
    let loaded = load(&catalog);
    assert_eq!(loaded.catalog.feeds.as_deref(), expected, "feeds {value}");
    assert_eq!(lines(&loaded, Severity::Warning), warnings, "feeds {value}");
}

#[test]
fn the_feeds_folder() {
    check_feeds(json!("feeds/"), Some("feeds/"), &[]);
    check_feeds(json!("feeds"), Some("feeds/"), &[]);
    check_feeds(json!(" data/feeds/ "), Some("data/feeds/"), &[]);
    check_feeds(
        json!("news.2026/atom_feeds"),
        Some("news.2026/atom_feeds/"),
        &[],
    );
    check_feeds(Value::Null, None, &[]);
    check_feeds(json!(""), None, &[]);
    let warn = |text: &str| {
        format!("catalog / feeds: \"{text}\" is not a relative path to a folder beside the app (no scheme, no leading /, no ..); no feeds are linked")
    };
    for bad in [
        "https://example.ru/feeds/",
        "//example.ru/feeds/",
        "/feeds/",
        "../feeds/",
        "feeds/../../x",
        "./feeds",
        "feeds//",
        "feeds?x=1",
        "javascript:alert(1)",
        "ленты/",
        "feeds\\x",
        "/",
    ] {
        check_feeds(json!(bad), None, &[&warn(bad)]);
    }
    check_feeds(
        json!(true),
        None,
        &["catalog / feeds: not a string; ignored"],
    );
}

#[test]
fn evidence_and_feeds_are_written_back_as_read() {
    let channel = json!({"platform": "vk", "url": "https://vk.com/school1", "verified": true,
        "checked": "2026-12-01", "listed_on_website": true});
    let unlisted =
        json!({"platform": "max", "url": "https://max.ru/school1", "listed_on_website": false});
    let mut catalog = catalog_with(json!([org(json!({ "channels": [channel, unlisted] }))]));
    catalog["feeds"] = json!("feeds");
    let first = load(&catalog);
    let written = first.catalog.to_json();
    for part in [
        r#""checked":"2026-12-01","listed_on_website":true}"#,
        r#""feeds": "feeds/""#,
    ] {
        assert!(written.contains(part), "{part} in {written}");
    }
    // A false `listed_on_website` is not written: it says what no field says.
    assert!(
        !written.contains(r#""listed_on_website":false"#),
        "{written}"
    );
    let second = parse_catalog(&written).expect("written catalog loads");
    assert_eq!(first.catalog, second.catalog);
}

#[test]
fn an_added_date_is_written_back_as_read() {
    let channel = json!({"platform": "vk", "url": "https://vk.com/school1", "added": "2026-12-03"});
    let first = load(&catalog_with(json!([org(
        json!({ "channels": [channel] })
    )])));
    let written = first.catalog.to_json();
    assert!(written.contains(r#""added":"2026-12-03""#), "{written}");
    let second = parse_catalog(&written).expect("written catalog loads");
    assert_eq!(first.catalog, second.catalog);
}
