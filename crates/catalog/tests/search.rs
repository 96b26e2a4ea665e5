//! Search as a citizen uses it: each case is a query and the organisations it must find,
//! in order, over a small catalog of real-looking Kuzbass names.

use catalog::{parse_catalog, Catalog, Index, Page, Sort};
use serde_json::json;

/// (id, short name, full name, region, municipality, sector, [(platform, handle, subscribers)])
type Org = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, u64)],
);

const ORGS: &[Org] = &[
    ("sosh5", "МБОУ «СОШ № 5»", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»", "42", "Ленинск-Кузнецкий городской округ", "education", &[("vk", "school5_lk", 500)]),
    ("sosh15", "МБОУ «СОШ № 15»", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 15»", "42", "Беловский городской округ", "education", &[("vk", "school15_belovo", 900)]),
    ("sosh50", "МБОУ «СОШ № 50»", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 50»", "42", "Кемеровский городской округ", "education", &[("vk", "club50", 300)]),
    ("gb1", "ГБУЗ «Беловская городская больница № 1»", "Государственное бюджетное учреждение здравоохранения «Беловская городская больница № 1»", "42", "Беловский городской округ", "health", &[("vk", "gb1_belovo", 5000)]),
    ("gp3", "ГБУЗ «Городская поликлиника № 3»", "Государственное бюджетное учреждение здравоохранения «Городская поликлиника № 3»", "42", "Кемеровский городской округ", "health", &[("vk", "poliklinika3", 2000)]),
    ("cbs", "МБУК «ЦБС»", "Муниципальное бюджетное учреждение культуры «Централизованная библиотечная система»", "42", "Междуреченский городской округ", "culture", &[("vk", "cbs_mzh", 800)]),
    ("dk", "МБУК «ДК «Шахтёр»»", "Муниципальное бюджетное учреждение культуры «Дом культуры «Шахтёр»»", "42", "Прокопьевский городской округ", "culture", &[("vk", "dk_shakhter", 1500), ("max", "dk_shakhter_gos", 40)]),
    ("adm", "", "Администрация Беловского городского округа", "42", "Беловский городской округ", "government", &[("vk", "adm_belovo", 30000), ("max", "adm_belovo_gos", 4000)]),
    ("ds45", "МАДОУ «Детский сад № 45 «Солнышко»»", "Муниципальное автономное дошкольное образовательное учреждение «Детский сад № 45 «Солнышко»»", "42", "Кемеровский городской округ", "education", &[("vk", "school12", 200)]),
    ("gkb1", "", "ГБУЗ «Новосибирская городская клиническая больница № 1»", "54", "", "health", &[("telegram", "gkb1_nsk", 700)]),
    ("tisul", "ГБУЗ «Тисульская ЦРБ»", "Государственное бюджетное учреждение здравоохранения «Тисульская центральная районная больница»", "42", "Тисульский муниципальный округ", "health", &[("vk", "crb_tisul", 600)]),
    ("yaya", "", "ГБУЗ «Яйская ЦРБ»", "42", "Яйский муниципальный округ", "health", &[("vk", "crb_yaya", 650)]),
    ("licey", "МБОУ «Лицей № 1»", "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 1»", "42", "Киселёвский городской округ", "education", &[("vk", "licey1_kis", 100)]),
    ("lib", "", "МБУК «Центральная городская библиотека»", "42", "Юргинский городской округ", "culture", &[("ok", "biblioteka_yurga", 90)]),
    ("gornyak", "", "МБУК «Дом культуры «Горняк»»", "42", "Киселёвский городской округ", "culture", &[("vk", "dk_gornyak", 50)]),
    ("goryanka", "", "МБУК «Дом культуры «Горянка»»", "42", "Киселёвский городской округ", "culture", &[("vk", "dk_goryanka", 2500)]),
];

fn catalog() -> Catalog {
    let organizations: Vec<_> = ORGS
        .iter()
        .map(|(id, short, name, region, municipality, sector, channels)| {
            let hosts = |platform: &str| match platform {
                "vk" => "vk.com",
                "max" => "max.ru",
                "ok" => "ok.ru",
                _ => "t.me",
            };
            let mut org = json!({
                "id": id, "name": name, "region": region, "sector": sector,
                "channels": channels.iter().map(|(p, h, s)| json!({"platform": p, "url": format!("https://{}/{h}", hosts(p)), "subscribers": s})).collect::<Vec<_>>(),
            });
            if !short.is_empty() {
                org["short_name"] = json!(short);
            }
            if !municipality.is_empty() {
                org["municipality"] = json!(municipality);
            }
            org
        })
        .collect();
    let text = json!({
        "format": "gospubliki-catalog", "version": 1, "title": "Поиск", "updated": "2026-11-20",
        "regions": [
            {"code": "42", "name": "Кемеровская область — Кузбасс", "short_name": "Кузбасс"},
            {"code": "54", "name": "Новосибирская область"}
        ],
        "sectors": [{"id": "education", "name": "Образование"}, {"id": "health", "name": "Здравоохранение"}, {"id": "culture", "name": "Культура"}, {"id": "government", "name": "Органы власти"}],
        "platforms": [
            {"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com"]}, {"id": "ok", "name": "Одноклассники", "hosts": ["ok.ru"]},
            {"id": "max", "name": "MAX", "hosts": ["max.ru"]}, {"id": "telegram", "name": "Telegram", "hosts": ["t.me"]}
        ],
        "organizations": organizations,
    });
    let loaded = parse_catalog(&text.to_string()).expect("test catalog loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalog
}

/// The ids a query string (as in the URL) finds matching every word, in order.
fn found(query: &str) -> Vec<String> {
    let catalog = catalog();
    let index = Index::new(&catalog);
    let results = index.search(&Page::from_query_str(query).selection);
    results.organizations[..results.complete]
        .iter()
        .map(|&i| catalog.organizations[i as usize].id.clone())
        .collect()
}

/// The search text and the ids it must find, in this order.
fn check(text: &str, expected: &[&str]) {
    let query = Page::default().with_text(text.to_string());
    assert_eq!(found(&query.to_query_string()), expected, "query: {text}");
}

/// The search text and the ids it must find, in any order.
fn check_set(text: &str, expected: &[&str]) {
    let query = Page::default().with_text(text.to_string());
    let mut actual = found(&query.to_query_string());
    actual.sort();
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(actual, expected, "query: {text}");
}

#[test]
fn case_letters_and_punctuation() {
    check("ШКОЛА 5", &["sosh5"]);
    check("«Шахтер»", &["dk"]);
    check("шахтёр", &["dk"]);
    check("киселевский лицей", &["licey"]);
    check("сош №5", &["sosh5"]);
    check("\"сош\" № 5!", &["sosh5"]);
}

#[test]
fn hyphenated_words_match_whole_and_by_parts() {
    check("ленинск", &["sosh5"]);
    check("кузнецкий", &["sosh5"]);
    check("Ленинск-Кузнецкий", &["sosh5"]);
}

#[test]
fn every_word_must_match_as_a_prefix() {
    check("бел", &["adm", "gb1", "sosh15"]);
    check("беловская больница", &["gb1"]);
    check("беловская поликлиника", &[]);
    // From the first letter; the other-layout reading of one letter («l») is not tried.
    check("д", &["goryanka", "dk", "ds45", "gornyak"]);
}

#[test]
fn russian_word_forms() {
    check_set("больницы", &["gb1", "gkb1", "tisul"]);
    check_set("больницей", &["gb1", "gkb1", "tisul"]);
    check_set("школе", &["sosh5", "sosh15", "sosh50"]);
    check("библиотеки", &["lib", "cbs"]);
}

#[test]
fn numbers_are_exact() {
    check("школа 5", &["sosh5"]);
    check("школа 15", &["sosh15"]);
    check("школа 50", &["sosh50"]);
    check("сош 1", &[]);
    check_set("1", &["gb1", "gkb1", "licey"]);
}

#[test]
fn abbreviations_match_their_expansions_both_ways() {
    check_set("СОШ", &["sosh5", "sosh15", "sosh50"]);
    check_set(
        "средняя общеобразовательная школа",
        &["sosh5", "sosh15", "sosh50"],
    );
    check_set("ГБУЗ", &["gb1", "gp3", "gkb1", "tisul", "yaya"]);
    check_set(
        "государственное бюджетное учреждение здравоохранения",
        &["gb1", "gp3", "gkb1", "tisul", "yaya"],
    );
    check_set("ЦРБ", &["tisul", "yaya"]);
    check_set("центральная районная больница", &["tisul", "yaya"]);
    check("д/с 45", &["ds45"]);
    check("детский сад 45", &["ds45"]);
    check("ДК шахтер", &["dk"]);
    check_set("дом культуры", &["dk", "goryanka", "gornyak"]);
    check("ЦБС", &["cbs"]);
    check("адм. белово", &["adm"]);
}

#[test]
fn an_abbreviation_stands_for_its_expansion_only() {
    // Both are ГБУЗ, but a polyclinic is not a hospital.
    check_set("больница", &["gb1", "gkb1", "tisul"]);
    check("поликлиника", &["gp3"]);
}

#[test]
fn wrong_layout_and_transliteration() {
    check_set("irjkf", &["sosh5", "sosh15", "sosh50"]);
    check_set("shkola", &["sosh5", "sosh15", "sosh50"]);
    check_set("bolnitsa", &["gb1", "gkb1", "tisul"]);
    check_set("bolnica", &["gb1", "gkb1", "tisul"]);
    check_set(
        "kuzbass",
        &[
            "adm", "gb1", "goryanka", "gp3", "dk", "sosh15", "cbs", "tisul", "yaya", "sosh5",
            "sosh50", "ds45", "licey", "lib", "gornyak",
        ],
    );
    check("шкщдф", &[]);
    check_set("ысрщщд12", &["ds45"]);
}

#[test]
fn typos_are_forgiven_and_ranked_last() {
    check("библиатека", &["lib"]);
    check_set("больнца", &["gb1", "gkb1", "tisul"]);
    check("горняк", &["gornyak", "goryanka"]);
    check("лицй", &[]);
}

#[test]
fn fields_searched() {
    check_set(
        "кузбасс",
        &[
            "adm", "gb1", "goryanka", "gp3", "dk", "sosh15", "cbs", "tisul", "yaya", "sosh5",
            "sosh50", "ds45", "licey", "lib", "gornyak",
        ],
    );
    check("новосибирская", &["gkb1"]);
    check("юргинский", &["lib"]);
    check("school12", &["ds45"]);
    check("vk.com/school12", &["ds45"]);
    check("https://vk.com/school12", &["ds45"]);
    check("adm_belovo_gos", &["adm"]);
    check("biblioteka_yurga", &["lib"]);
}

#[test]
fn ranking_names_first_then_other_fields_then_subscribers() {
    // Name matches (administration, hospital) before a municipality match (school 15);
    // between equal matches, more subscribers first.
    check("белов", &["adm", "gb1", "sosh15"]);
    // «Кемеровский» shares its stem with «Кемеровская область», so every organisation of
    // the region matches, but the exact municipality comes first.
    let kemerovo = found("q=кемеровский");
    assert_eq!(kemerovo[..3], ["gp3", "sosh50", "ds45"]);
    assert_eq!(kemerovo.len(), 15);
}

/// A URL query string and the ids it finds, in order.
fn check_url(query: &str, expected: &[&str]) {
    assert_eq!(found(query), expected, "query: {query}");
}

#[test]
fn filters_and_sorting() {
    check_url("region=54", &["gkb1"]);
    check_url("sector=health&region=42", &["gb1", "gp3", "yaya", "tisul"]);
    check_url("sector=culture,government&platform=max", &["adm", "dk"]);
    check_url("q=больница&region=42", &["gb1", "tisul"]);
    check_url(
        "municipality=Киселёвский городской округ&region=42",
        &["goryanka", "licey", "gornyak"],
    );
    check_url("q=школа&sort=name", &["sosh5", "sosh15", "sosh50"]);
    check_url("q=школа&sort=subscribers", &["sosh15", "sosh5", "sosh50"]);
    // By the full name as written, legal form included, as registries sort.
    check_url(
        "sector=culture&sort=name",
        &["gornyak", "goryanka", "lib", "dk", "cbs"],
    );
}

/// A URL query string and, for one facet, each value's count.
fn check_facet(query: &str, facet: &str, expected: &[(&str, usize)]) {
    let catalog = catalog();
    let results = Index::new(&catalog).search(&Page::from_query_str(query).selection);
    let counts = match facet {
        "region" => &results.facets.regions,
        "municipality" => &results.facets.municipalities,
        "sector" => &results.facets.sectors,
        _ => &results.facets.platforms,
    };
    let actual: Vec<(&str, usize)> = counts.iter().map(|c| (c.value.as_str(), c.count)).collect();
    assert_eq!(actual, expected, "{facet} counts for {query}");
}

#[test]
fn facet_counts_are_disjunctive() {
    check_facet("", "region", &[("42", 15), ("54", 1)]);
    // Choosing a region does not zero the others: each count is what adding it would give.
    check_facet("region=42", "region", &[("42", 15), ("54", 1)]);
    check_facet(
        "region=42",
        "sector",
        &[
            ("education", 5),
            ("health", 4),
            ("culture", 5),
            ("government", 1),
        ],
    );
    check_facet("q=больница", "region", &[("42", 2), ("54", 1)]);
    check_facet(
        "q=больница&region=54",
        "sector",
        &[
            ("education", 0),
            ("health", 1),
            ("culture", 0),
            ("government", 0),
        ],
    );
    check_facet(
        "sector=culture",
        "platform",
        &[("vk", 4), ("ok", 1), ("max", 1), ("telegram", 0)],
    );
    check_facet(
        "platform=max",
        "platform",
        &[("vk", 14), ("ok", 1), ("max", 2), ("telegram", 1)],
    );
    // Municipalities are offered once a region is chosen, with zero counts kept.
    check_facet("", "municipality", &[]);
    check_facet(
        "region=42&sector=health",
        "municipality",
        &[
            ("Беловский городской округ", 1),
            ("Кемеровский городской округ", 1),
            ("Киселёвский городской округ", 0),
            ("Ленинск-Кузнецкий городской округ", 0),
            ("Междуреченский городской округ", 0),
            ("Прокопьевский городской округ", 0),
            ("Тисульский муниципальный округ", 1),
            ("Юргинский городской округ", 0),
            ("Яйский муниципальный округ", 1),
        ],
    );
}

#[test]
fn sort_keys_follow_russian_order() {
    // «ё» sorts as «е», so «Ёлочка» (е-л-о) comes before «Ель» (е-л-ь).
    let mut names = vec!["Школа № 10", "школа № 2", "Ель", "Ёлочка", "Жук", "Абв"];
    names.sort_by_key(|name| catalog::sort_key(name));
    assert_eq!(
        names,
        ["Абв", "Ёлочка", "Ель", "Жук", "школа № 2", "Школа № 10"]
    );
    assert_eq!(Sort::parse("name"), Some(Sort::Name));
}

#[test]
fn sort_key_shape() {
    // Numbers padded to a fixed width compare by value; words are separated by one space.
    assert_eq!(catalog::sort_key("МБОУ «СОШ № 5»"), "мбоу сош 000000000005");
    assert_eq!(catalog::sort_key("Школа№12а"), "школа 000000000012 а");
    assert_eq!(catalog::sort_key("  Ёлка  "), "елка");
}

#[test]
fn sort_key_other_scripts() {
    assert_eq!(catalog::sort_key("Ülkü — 2"), "ülkü 000000000002");
    assert_eq!(catalog::sort_key("ЯЁЖ ёж"), "яеж еж");
    assert_eq!(catalog::sort_key("Школа «Є»"), "школа є");
}

/// Text and the tokens search sees in it.
fn check_tokens(text: &str, expected: &[&str]) {
    assert_eq!(catalog::search_tokens(text), expected, "text: {text}");
}

#[test]
fn tokens() {
    check_tokens("МБОУ «СОШ № 12»", &["мбоу", "сош", "12"]);
    check_tokens("Ленинск-Кузнецкий", &["ленинск", "кузнецкий"]);
    check_tokens("д/с № 45", &["дс", "45"]);
    check_tokens("vk.com/school12", &["vk", "com", "school12"]);
    check_tokens("Шахтёр", &["шахтер"]);
    check_tokens("шко\u{ad}ла", &["школа"]);
    check_tokens("школа\u{200b}5", &["школа5"]);
    check_tokens("  ", &[]);
}

#[test]
fn filter_value_labels() {
    use catalog::{Facet, Lang};
    let catalog = catalog();
    let check = |facet, value: &str, lang, expected: &str| {
        assert_eq!(
            catalog.label(facet, value, lang),
            expected,
            "{value} in {lang:?}"
        );
    };
    check(Facet::Region, "42", Lang::Ru, "Кузбасс");
    check(Facet::Region, "42", Lang::En, "Кузбасс");
    check(Facet::Region, "54", Lang::Ru, "Новосибирская область");
    check(Facet::Sector, "health", Lang::Ru, "Здравоохранение");
    // Without an English name in the catalog, the Russian one serves.
    check(Facet::Sector, "health", Lang::En, "Здравоохранение");
    check(Facet::Platform, "max", Lang::Ru, "MAX");
    check(
        Facet::Municipality,
        "Яйский муниципальный округ",
        Lang::Ru,
        "Яйский муниципальный округ",
    );
    check(Facet::Sector, "mining", Lang::Ru, "mining");
}

/// A name, a search text, and the name with the matched words in brackets.
fn check_highlight(name: &str, text: &str, expected: &str) {
    let marked: String = catalog::highlight(name, text)
        .into_iter()
        .map(|s| {
            if s.matched {
                format!("[{}]", s.text)
            } else {
                s.text
            }
        })
        .collect();
    assert_eq!(marked, expected, "name: {name}, query: {text}");
}

#[test]
fn matched_words_are_highlighted() {
    check_highlight("МБОУ «СОШ № 5»", "сош 5", "МБОУ «[СОШ] № [5]»");
    check_highlight("МБОУ «СОШ № 50»", "сош 5", "МБОУ «[СОШ] № 50»");
    check_highlight(
        "Беловская городская больница",
        "бел больницы",
        "[Беловская] городская [больница]",
    );
    check_highlight("Дом культуры «Шахтёр»", "шахтер", "Дом культуры «[Шахтёр]»");
    check_highlight("Детский сад", "ltncrbq", "[Детский] сад");
    check_highlight("Ленинск-Кузнецкий", "кузнецкий", "Ленинск-[Кузнецкий]");
    check_highlight("Лицей", "", "Лицей");
    check_highlight("", "лицей", "");
    check_highlight("<b>школа</b>", "школа", "<b>[школа]</b>");
    // Prepositions the search leaves out mark nothing, unless they are all there is.
    check_highlight(
        "Поликлиника высшей категории",
        "поликлиника в юрге",
        "[Поликлиника] высшей категории",
    );
    check_highlight("Высшая школа", "в", "[Высшая] школа");
    // A word of the tables marks the written form it found.
    check_highlight("Детский сад № 168", "садик 168", "[Детский] [сад] № [168]");
    check_highlight(
        "Средняя общеобразовательная школа № 5",
        "сош 5",
        "[Средняя] [общеобразовательная] [школа] № [5]",
    );
    check_highlight(
        "Управление социальной защиты населения",
        "соцзащита",
        "Управление [социальной] [защиты] населения",
    );
    check_highlight(
        "Детская школа искусств № 2",
        "музыкалка",
        "[Детская] [школа] [искусств] № 2",
    );
    check_highlight("Садовый центр", "детсад", "Садовый центр");
}

/// What a search that finds nothing offers instead: a respelling that finds something
/// with the same filters, and the filters that, dropped alone, would find something.
fn check_rescue(query: &str, suggestion: Option<&str>, relaxations: &[(&str, usize)]) {
    let catalog = catalog();
    let index = Index::new(&catalog);
    let query = Page::from_query_str(query).selection;
    assert_eq!(index.search(&query).complete, 0, "{query:?} finds nothing");
    assert_eq!(index.suggestion(&query).as_deref(), suggestion, "{query:?}");
    let dropped: Vec<(String, usize)> = index
        .relaxations(&query)
        .into_iter()
        .map(|(facet, value, n)| (format!("{}={value}", facet.as_str()), n))
        .collect();
    let expected: Vec<(String, usize)> = relaxations
        .iter()
        .map(|(v, n)| (v.to_string(), *n))
        .collect();
    assert_eq!(dropped, expected, "{query:?}");
}

#[test]
fn a_search_that_finds_nothing_offers_a_way_out() {
    check_rescue("q=поликлиннниика", Some("поликлиника"), &[]);
    check_rescue("q=дон культуры", Some("дом культуры"), &[]);
    check_rescue("q=lr", Some("дк"), &[]);
    check_rescue("q=%D1%84%D1%8B%D0%B2%D0%B0%D0%BF%D1%80", None, &[]);
    check_rescue("q=школа&sector=health", None, &[("sector=health", 3)]);
    check_rescue("q=лицей&region=54&platform=vk", None, &[("region=54", 1)]);
    check_rescue(
        "region=54&sector=culture&platform=vk",
        None,
        &[("region=54", 4)],
    );
}
