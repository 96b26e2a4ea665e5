//! Search as residents phrase it (issue #18): everyday words for institutions, towns by
//! their own name, «район» for the okrugs districts became, and results that match all
//! words but one when few match them all.

use catalog::{parse_catalog, Catalog, Index, Selection, Sort, EVERYDAY};
use serde_json::json;

/// (id, name, municipality, subscribers)
type Org = (&'static str, &'static str, &'static str, u64);

const ORGS: &[Org] = &[
    (
        "yurga_gp2",
        "ГБУЗ «Юргинская городская поликлиника № 2»",
        "Юргинский городской округ",
        900,
    ),
    (
        "yurga_adm",
        "Администрация города Юрги",
        "Юргинский городской округ",
        5000,
    ),
    (
        "mys_adm",
        "Администрация Мысковского городского округа",
        "Мысковский городской округ",
        4000,
    ),
    (
        "mys_gp2",
        "ГБУЗ «Мысковская городская поликлиника № 2»",
        "Мысковский городской округ",
        3000,
    ),
    (
        "bel_go_adm",
        "Администрация Беловского городского округа",
        "Беловский городской округ",
        30000,
    ),
    (
        "bel_mo_adm",
        "Администрация Беловского муниципального округа",
        "Беловский муниципальный округ",
        2000,
    ),
    (
        "bel_mo_school",
        "МБОУ «Средняя общеобразовательная школа № 3»",
        "Беловский муниципальный округ",
        100,
    ),
    (
        "bel_go_school",
        "МБОУ «Средняя общеобразовательная школа № 3»",
        "Беловский городской округ",
        400,
    ),
    (
        "tash_crb",
        "ГБУЗ «Таштагольская центральная районная больница»",
        "Таштагольский муниципальный округ",
        700,
    ),
    (
        "sosn_ds",
        "МБДОУ «Детский сад № 7 «Ромашка»»",
        "Сосновский муниципальный район",
        80,
    ),
    (
        "sosn_adm",
        "Администрация Сосновского муниципального района",
        "Сосновский муниципальный район",
        900,
    ),
    (
        "kis_ds168",
        "МБДОУ «Детский сад № 168»",
        "Киселёвский городской округ",
        50,
    ),
    (
        "kem_ds168",
        "МБДОУ «Детский сад № 168»",
        "Кемеровский городской округ",
        10,
    ),
    (
        "kis_uszn",
        "Управление социальной защиты населения администрации Киселёвского городского округа",
        "Киселёвский городской округ",
        300,
    ),
    (
        "kis_dshi",
        "МБУ ДО «Детская школа искусств № 1»",
        "Киселёвский городской округ",
        200,
    ),
];

fn catalog() -> Catalog {
    let organizations: Vec<_> = ORGS
        .iter()
        .map(|(id, name, municipality, subscribers)| {
            json!({
                "id": id, "name": name, "region": "42", "sector": "education", "municipality": municipality,
                "channels": [{"platform": "vk", "url": format!("https://vk.com/{id}"), "subscribers": subscribers}],
            })
        })
        .collect();
    load(organizations)
}

fn load(organizations: Vec<serde_json::Value>) -> Catalog {
    let text = json!({
        "format": "gospubliki-catalog", "version": 1, "title": "Жители", "updated": "2026-12-03",
        "regions": [{"code": "42", "name": "Кемеровская область — Кузбасс", "short_name": "Кузбасс"}],
        "sectors": [{"id": "education", "name": "Образование"}],
        "platforms": [{"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com"]}],
        "organizations": organizations,
    });
    let loaded = parse_catalog(&text.to_string()).expect("test catalog loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalog
}

/// The ids a query finds: those matching every word, then those matching all but one.
fn found(query: &Selection) -> (Vec<String>, Vec<String>) {
    let catalog = catalog();
    let results = Index::new(&catalog).search(query);
    let ids: Vec<String> = results
        .organizations
        .iter()
        .map(|&i| catalog.organizations[i as usize].id.clone())
        .collect();
    (
        ids[..results.complete].to_vec(),
        ids[results.complete..].to_vec(),
    )
}

fn text(text: &str) -> Selection {
    Selection {
        text: text.to_string(),
        ..Selection::default()
    }
}

/// The search text and the ids it must find matching every word, in order.
fn check(query: &str, expected: &[&str]) {
    assert_eq!(found(&text(query)).0, expected, "query: {query}");
}

#[test]
fn towns_by_their_own_name() {
    check("поликлиника 2 юрга", &["yurga_gp2"]);
    check("поликлиника юрги", &["yurga_gp2"]);
    check("мыски", &["mys_adm", "mys_gp2"]);
    check("поликлиника в мысках", &["mys_gp2"]);
    check("администрация г. юрга", &["yurga_adm"]);
    // A preposition alone is still searched for.
    check("у", &["kis_uszn"]);
    check("таштагол больница", &["tash_crb"]);
    check("садик сосновка", &["sosn_ds"]);
    check("соцзащита киселевск", &["kis_uszn"]);
    // The adjective finds the town's own name where a name uses it.
    check("юргинская администрация", &["yurga_adm"]);
    // A word that only starts like a town is not it.
    check("юр", &["yurga_adm", "yurga_gp2"]);
    check("мысы", &[]);
}

#[test]
fn district_is_the_okrug_it_became_and_town_is_the_city_okrug() {
    check("администрация беловского района", &["bel_mo_adm"]);
    check("школа 3 беловский район", &["bel_mo_school"]);
    check("администрация сосновского района", &["sosn_adm"]);
    check("администрация города белово", &["bel_go_adm"]);
    check(
        "беловский округ администрация",
        &["bel_go_adm", "bel_mo_adm"],
    );
}

#[test]
fn everyday_words_find_institutions() {
    check("садик 168", &["kis_ds168", "kem_ds168"]);
    check("детсад 168 киселевск", &["kis_ds168"]);
    // The city before the oblast named after it, whatever the subscribers.
    check("садик 168 кемерово", &["kem_ds168", "kis_ds168"]);
    check("музыкалка киселевск", &["kis_dshi"]);
    check("художка", &["kis_dshi"]);
    check("собес", &["kis_uszn"]);
    check("мэрия юрги", &["yurga_adm"]);
}

/// The table: every everyday word finds a name written the other way, and the written
/// words find a name that uses the everyday one, in one catalog of both.
#[test]
fn every_everyday_word_both_ways() {
    assert!(EVERYDAY.len() >= 60, "{} everyday words", EVERYDAY.len());
    let organizations: Vec<_> = EVERYDAY
        .iter()
        .enumerate()
        .flat_map(|(i, (said, written))| {
            [("written", written), ("said", said)].map(|(side, name)| {
                json!({
                    "id": format!("{side}-{i}"), "name": format!("Учреждение «{name}»"), "region": "42",
                    "sector": "education", "channels": [{"platform": "vk", "url": format!("https://vk.com/{side}{i}")}],
                })
            })
        })
        .collect();
    let catalog = load(organizations);
    let index = Index::new(&catalog);
    let finds = |query: &str, id: &str| {
        let results = index.search(&text(query));
        results.organizations[..results.complete]
            .iter()
            .any(|&i| catalog.organizations[i as usize].id == id)
    };
    for (i, (said, written)) in EVERYDAY.iter().enumerate() {
        assert!(
            finds(said, &format!("written-{i}")),
            "«{said}» finds «{written}»"
        );
        assert!(
            finds(written, &format!("said-{i}")),
            "«{written}» finds «{said}»"
        );
    }
}

/// A query, what it finds matching every word, what follows matching all but one, and
/// the word those lack.
fn check_partial(query: Selection, complete: &[&str], partial: &[&str], missing: Option<&str>) {
    let catalog = catalog();
    let results = Index::new(&catalog).search(&query);
    assert_eq!(found(&query), (ids(complete), ids(partial)), "{query:?}");
    assert_eq!(results.missing_everywhere(), missing, "{query:?}");
    for position in 0..results.organizations.len() {
        let expected = (position >= results.complete).then_some(missing).flatten();
        if missing.is_some() {
            assert_eq!(results.missing_word(position), expected, "{query:?}");
        }
    }
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn all_words_but_one_when_none_match_them_all() {
    // The missing word is named as typed.
    check_partial(
        text("поликлиника 2 юрга официальная"),
        &[],
        &["yurga_gp2"],
        Some("официальная"),
    );
    check_partial(
        text("администрация беловского района телефон"),
        &[],
        &["bel_mo_adm"],
        Some("телефон"),
    );
    // One word alone is all or nothing.
    check_partial(text("телефон"), &[], &[], None);
    // A phrase read as one is missed as one.
    check_partial(
        text("детский сад 168 группа"),
        &[],
        &["kis_ds168", "kem_ds168"],
        Some("группа"),
    );
    // Few complete matches: the partial ones follow them.
    check_partial(
        text("поликлиника 2 мыски"),
        &["mys_gp2"],
        &["yurga_gp2"],
        Some("мыски"),
    );
    // In name order too, those that match every word come first («Юргинская» after
    // «Мысковская» by name).
    check_partial(
        Selection {
            sort: Sort::Name,
            ..text("поликлиника 2 юрга")
        },
        &["yurga_gp2"],
        &["mys_gp2"],
        Some("юрга"),
    );
}

#[test]
fn partial_matches_are_counted_by_the_facets_they_are_listed_with() {
    let catalog = catalog();
    let index = Index::new(&catalog);
    let results = index.search(&text("поликлиника 2 юрга официальная"));
    assert_eq!(results.complete, 0);
    assert_eq!(results.organizations.len(), 1);
    let counted: usize = results.facets.regions.iter().map(|r| r.count).sum();
    assert_eq!(counted, 1);
    // No respelling is offered while most of the query finds something through it.
    assert_eq!(
        index.suggestion(&text("поликлиника 2 юрга официальная")),
        None
    );
}
