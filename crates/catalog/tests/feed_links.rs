//! Which Atom feeds the app links to for a view: only feeds the catalog says it has,
//! named as `catalog-tool feeds` names its files.

use catalog::{feed_file, parse_catalog, FeedScope};
use serde_json::{json, Value};

/// A catalog with organisations in education in region 42 and in health in region 54,
/// and `feeds` as given (`Null`: no such field).
fn catalog(feeds: Value) -> catalog::Catalog {
    let org = |id: &str, region: &str, sector: &str| {
        json!({"id": id, "name": "Организация", "region": region, "sector": sector,
               "channels": [{"platform": "vk", "url": format!("https://vk.com/org{id}")}]})
    };
    let mut document = json!({
        "format": "gospubliki-catalog", "version": 1,
        "regions": [{"code": "42", "name": "Кузбасс"}, {"code": "54", "name": "Новосибирская область"},
                    {"code": "4 2", "name": "Код, который не может быть именем файла"}],
        "sectors": [{"id": "education", "name": "Образование"}, {"id": "health", "name": "Здравоохранение"}],
        "platforms": [{"id": "vk", "name": "ВКонтакте"}],
        "organizations": [org("42-1", "42", "education"), org("54-1", "54", "health"),
                          org("x-1", "4 2", "health")]
    });
    if !feeds.is_null() {
        document["feeds"] = feeds;
    }
    parse_catalog(&document.to_string())
        .expect("catalog loads")
        .catalog
}

/// The links for a view of `region` and `sector`, as `scope href` lines.
fn check(feeds: Value, region: Option<&str>, sector: Option<&str>, expected: &[&str]) {
    let links: Vec<String> = catalog(feeds.clone())
        .feed_links(region, sector)
        .iter()
        .map(|link| format!("{} {}", link.scope.as_str(), link.href))
        .collect();
    assert_eq!(links, expected, "feeds {feeds}, {region:?}, {sector:?}");
}

#[test]
fn feed_links_for_a_view() {
    let folder = json!("feeds/");
    // No feeds declared: no link, whatever the view.
    check(Value::Null, None, None, &[]);
    check(Value::Null, Some("42"), Some("education"), &[]);
    // A folder that is not a plain relative path is dropped, so nothing is linked.
    check(json!("https://example.ru/feeds/"), Some("42"), None, &[]);
    check(json!("../feeds"), None, None, &[]);

    check(folder.clone(), None, None, &["all feeds/all.atom"]);
    check(
        json!("data/feeds"),
        None,
        None,
        &["all data/feeds/all.atom"],
    );
    check(
        folder.clone(),
        Some("42"),
        None,
        &["all feeds/all.atom", "region feeds/42.atom"],
    );
    check(
        folder.clone(),
        Some("42"),
        Some("education"),
        &[
            "all feeds/all.atom",
            "region feeds/42.atom",
            "region-sector feeds/42-education.atom",
        ],
    );
    // The tool writes a region and sector feed only where there are organisations.
    check(
        folder.clone(),
        Some("42"),
        Some("health"),
        &["all feeds/all.atom", "region feeds/42.atom"],
    );
    // A sector alone has no feed of its own.
    check(
        folder.clone(),
        None,
        Some("health"),
        &["all feeds/all.atom"],
    );
    // A region or sector the catalog does not have (an old link) gets no link.
    check(folder.clone(), Some("77"), None, &["all feeds/all.atom"]);
    check(
        folder.clone(),
        Some("42"),
        Some("culture"),
        &["all feeds/all.atom", "region feeds/42.atom"],
    );
    // A code that cannot be a file name has no feed, so no link.
    check(folder, Some("4 2"), Some("health"), &["all feeds/all.atom"]);
}

#[test]
fn feed_file_names() {
    for (region, sector, expected) in [
        (None, None, Some("all.atom")),
        (Some("42"), None, Some("42.atom")),
        (Some("42"), Some("education"), Some("42-education.atom")),
        (Some("4 2"), None, None),
        (Some("42"), Some("../x"), None),
        (Some(""), None, None),
        (None, Some("education"), None),
    ] {
        assert_eq!(
            feed_file(region, sector).as_deref(),
            expected,
            "{region:?} {sector:?}"
        );
    }
    assert_eq!(FeedScope::RegionSector.as_str(), "region-sector");
}
