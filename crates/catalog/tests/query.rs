//! The URL is the state: reading any query string never fails, writing is canonical,
//! and writing then reading gives the same state back.

use catalog::{legacy_widget_query, Facet, Lang, Page, Selection, Sort, Theme, View};
use proptest::prelude::*;

/// A query string as it may arrive, and the canonical string it is written back as.
fn check(input: &str, canonical: &str) {
    assert_eq!(
        Page::from_query_str(input).to_query_string(),
        canonical,
        "input: {input}"
    );
}

#[test]
fn reading_and_writing() {
    check("", "");
    check("?", "");
    check("q=школа", "q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0");
    check(
        "?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0+5",
        "q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0%205",
    );
    check("region=54,42&platform=max", "region=42,54&platform=max");
    check("platform=max&region=42", "region=42&platform=max");
    check("region=42,42,,", "region=42");
    check("region=42&region=54", "region=42,54");
    check("sort=relevance", "");
    check("sort=name&q=a", "q=a&sort=name");
    check("sort=popularity", "");
    check("org=42-00001", "org=42-00001");
    check("org=<script>", "");
    check("utm_source=x&q=a", "q=a");
    check("q=%ZZ", "");
    check("q=%FF", "");
    check("q=%", "");
    check("region=%2C", "region=%2C");
    check("municipality=%D0%91%D0%B5%D0%BB%D0%BE%D0%B2%D1%81%D0%BA%D0%B8%D0%B9%20%D0%B3%D0%BE%D1%80%D0%BE%D0%B4%D1%81%D0%BA%D0%BE%D0%B9%20%D0%BE%D0%BA%D1%80%D1%83%D0%B3", "municipality=%D0%91%D0%B5%D0%BB%D0%BE%D0%B2%D1%81%D0%BA%D0%B8%D0%B9%20%D0%B3%D0%BE%D1%80%D0%BE%D0%B4%D1%81%D0%BA%D0%BE%D0%B9%20%D0%BE%D0%BA%D1%80%D1%83%D0%B3");
    check("q=a&b&&=&c=d", "q=a");
    check(
        &format!("q={}", "я".repeat(500)),
        &format!("q={}", "%D1%8F".repeat(200)),
    );
}

#[test]
fn toggling_filters() {
    let query = Page::from_query_str("q=школа&region=42");
    assert_eq!(
        query.toggled(Facet::Sector, "education").to_query_string(),
        "q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0&region=42&sector=education"
    );
    assert_eq!(
        query.toggled(Facet::Region, "54").selection.regions,
        ["42", "54"]
    );
    let with_town = Page::from_query_str("region=42&municipality=X&org=42-1");
    assert_eq!(
        with_town.toggled(Facet::Region, "42").to_query_string(),
        "",
        "a municipality goes with its region; a card closes"
    );
    assert_eq!(
        Page::from_query_str("q=a&region=42&sort=name")
            .without_filters()
            .to_query_string(),
        "q=a&sort=name"
    );
    assert_eq!(
        Page::from_query_str("region=42,54&platform=max").filter_count(),
        3
    );
    assert_eq!(
        Sort::ALL.map(Sort::as_str),
        ["relevance", "subscribers", "name"]
    );
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9]{2}", "[a-z_-]{1,12}", "[А-Яа-яЁё ,&=+%()-]{1,30}",]
        .prop_filter("not blank", |v| !v.trim().is_empty())
}

fn query() -> impl Strategy<Value = Page> {
    let embedding = (
        prop::sample::subsequence(Facet::ALL.to_vec(), 0..=4),
        prop::sample::select(Theme::ALL.to_vec()),
        prop::option::of("https?://[a-z0-9.-]{1,20}(:[0-9]{1,5})?"),
    );
    (base_query(), embedding).prop_map(|(query, (locked, theme, parent))| Page {
        locked,
        theme,
        parent,
        ..query
    })
}

fn base_query() -> impl Strategy<Value = Page> {
    (
        "[^\u{0}]{0,40}",
        prop::collection::vec(value(), 0..4),
        prop::collection::vec(value(), 0..3),
        prop::collection::vec(value(), 0..3),
        prop::collection::vec(value(), 0..3),
        prop::sample::select(Sort::ALL.to_vec()),
        prop::option::of("[A-Za-z0-9_-]{1,20}"),
        prop::sample::select(View::ALL.to_vec()),
        prop::option::of("[a-z@./_?=&%+ ]{0,10}[a-z]"),
        prop::option::of(Just(Lang::En)),
    )
        .prop_map(
            |(text, regions, municipalities, sectors, platforms, sort, org, view, check, lang)| {
                Page {
                    selection: Selection {
                        text,
                        regions,
                        municipalities,
                        sectors,
                        platforms,
                        sort,
                    },
                    org,
                    view: if check.is_some() { View::Check } else { view },
                    check: check.map(|c| c.trim().to_string()),
                    lang,
                    ..Page::default()
                }
            },
        )
}

proptest! {
    #[test]
    fn any_string_is_read_without_panic_and_reads_back_the_same(input in ".{0,200}") {
        let once = Page::from_query_str(&input);
        let twice = Page::from_query_str(&once.to_query_string());
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn writing_then_reading_is_the_identity_on_canonical_states(query in query()) {
        let canonical = Page::from_query_str(&query.to_query_string());
        prop_assert_eq!(&canonical.selection.text, &query.selection.text);
        prop_assert_eq!(canonical.selection.sort, query.selection.sort);
        prop_assert_eq!(&canonical.org, &query.org);
        prop_assert_eq!(&canonical.check, &query.check);
        prop_assert_eq!(canonical.view, query.view);
        prop_assert_eq!(canonical.lang, query.lang);
        prop_assert_eq!(&canonical.locked, &query.locked);
        prop_assert_eq!(canonical.theme, query.theme);
        prop_assert_eq!(&canonical.parent, &query.parent);
        for facet in Facet::ALL {
            let mut expected: Vec<String> = query.selection.values(facet).to_vec();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(canonical.selection.values(facet), expected.as_slice());
        }
        prop_assert_eq!(Page::from_query_str(&canonical.to_query_string()), canonical);
    }
}

#[test]
fn views_checks_and_languages() {
    check("view=stats", "view=stats");
    check("view=check", "view=check");
    check("view=embed&region=42", "region=42&view=embed");
    check("view=search", "");
    check("view=map", "");
    check("check=vk.com/school12", "check=vk.com%2Fschool12");
    check("check=+%40school12+", "check=%40school12");
    check("check=", "");
    // Found by fuzzing: a cut at 200 characters that lands before a space.
    check(&format!("check=a{}", "%20".repeat(199) + "b"), "check=a");
    check(
        &format!("check=a{}bc", "x".repeat(198)),
        &format!("check=a{}b", "x".repeat(198)),
    );
    check("view=stats&check=x", "check=x");
    check("lang=en", "lang=en");
    check("lang=ru", "");
    check("lang=de", "");
    check(
        "q=a&lang=en&view=stats&region=42",
        "q=a&region=42&view=stats&lang=en",
    );
    let stats = Page::from_query_str("q=a&region=42&org=42-1&lang=en");
    assert_eq!(
        stats.with_view(View::Stats).to_query_string(),
        "q=a&region=42&view=stats&lang=en"
    );
    assert_eq!(
        Page::from_query_str("check=x&region=42&lang=en")
            .without_filters()
            .to_query_string(),
        "check=x&lang=en"
    );
}

/// The address of organisation `id`'s card, opened from the page at `from`.
fn check_opening(from: &str, id: &str, expected: &str) {
    let opened = Page::from_query_str(from).opening(id).to_query_string();
    assert_eq!(opened, expected, "opening {id} from {from:?}");
}

#[test]
fn a_card_keeps_the_search_filters_and_language() {
    check_opening("", "42-1", "org=42-1");
    check_opening(
        "q=школа&region=42",
        "42-1",
        "q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0&region=42&org=42-1",
    );
    check_opening(
        "q=a&lang=en&sort=name",
        "42-1",
        "q=a&sort=name&org=42-1&lang=en",
    );
    check_opening("org=42-2&q=a", "42-1", "q=a&org=42-1");
    // From the checker: the card is in the search view, the checked link left behind.
    check_opening("check=vk.com%2Fx&lang=en", "42-1", "org=42-1&lang=en");
    check_opening("view=stats&region=42", "42-1", "region=42&org=42-1");
    check_opening(
        "region=42&lock=region",
        "42-1",
        "region=42&org=42-1&lock=region",
    );
    check_opening("q=a", "a&b=c#d", "q=a&org=a%26b%3Dc%23d");
}

/// The link to the page an address describes, from the document `document` shows, and
/// that following it gives the same page back.
fn check_href(input: &str, document: &str, expected: &str) {
    let page = Page::from_query_str(input);
    let href = page.href(document);
    assert_eq!(href, expected, "the link to {input:?} on {document}");
    // Following it: the query string after `?`, none for the document itself.
    let followed = Page::from_query_str(href.strip_prefix('?').unwrap_or(""));
    assert_eq!(followed.href(document), href, "{href} read back");
    assert_eq!(
        followed.selection, page.selection,
        "{href} searches the same"
    );
}

#[test]
fn a_page_has_one_link_and_it_reads_back() {
    // The default page is the document itself: an empty link would keep the query.
    check_href("", "./", "./");
    check_href("", "widget.html", "widget.html");
    check_href("sort=relevance&view=search&lang=ru", "./", "./");
    check_href("q=a", "./", "?q=a");
    check_href(
        "region=54,42&q=a&lang=en",
        "widget.html",
        "?q=a&region=42,54&lang=en",
    );
    check_href("org=42-1&region=42", "./", "?region=42&org=42-1");
    check_href(
        "check=vk.com/x&region=42",
        "./",
        "?region=42&check=vk.com%2Fx",
    );
    check_href(
        "region=42&lock=region&theme=dark&parent=https%3A%2F%2Fa.ru",
        "widget.html",
        "?region=42&lock=region&theme=dark&parent=https%3A%2F%2Fa.ru",
    );
    check_href(
        "q=a+b%26c&municipality=X%2CY",
        "./",
        "?q=a%20b%26c&municipality=X%2CY",
    );
    check_href("utm_source=x", "./", "./");
}

/// The address of a page on another document: the document, with the query after `?`.
fn check_href_on(input: &str, document: &str, expected: &str) {
    let href = Page::from_query_str(input).href_on(document);
    assert_eq!(href, expected, "{input:?} on {document}");
}

#[test]
fn a_page_on_another_document() {
    check_href_on("", "./", "./");
    check_href_on(
        "region=42&sector=education",
        "./",
        "./?region=42&sector=education",
    );
    check_href_on(
        "lang=en",
        "https://a.ru/widget.html",
        "https://a.ru/widget.html?lang=en",
    );
}

/// A link made from the page at `from` by `link`, as the address it writes.
fn check_link(from: &str, link: impl Fn(&Page) -> Page, expected: &str) {
    let made = link(&Page::from_query_str(from)).href("./");
    assert_eq!(made, expected, "from {from:?}");
}

#[test]
fn links_keep_the_search_the_filters_and_the_language() {
    let from = "q=a&region=42&platform=vk&sort=name&lang=en";
    let kept = "q=a&region=42&platform=vk&sort=name";
    check_link(
        from,
        |p| p.opening("42-1"),
        &format!("?{kept}&org=42-1&lang=en"),
    );
    check_link(
        from,
        |p| p.with_view(View::Stats),
        &format!("?{kept}&view=stats&lang=en"),
    );
    check_link(
        from,
        |p| p.with_view(View::Check),
        &format!("?{kept}&view=check&lang=en"),
    );
    check_link(
        from,
        |p| p.with_view(View::Embed),
        &format!("?{kept}&view=embed&lang=en"),
    );
    check_link(
        from,
        |p| p.with_view(View::Search),
        &format!("?{kept}&lang=en"),
    );
    check_link(from, |p| p.in_language(Lang::Ru), &format!("?{kept}"));
    check_link(
        "q=a&region=42",
        |p| p.in_language(Lang::En),
        "?q=a&region=42&lang=en",
    );
    check_link(
        "q=a&region=42&org=42-1&lang=en",
        |p| p.in_language(Lang::Ru),
        "?q=a&region=42&org=42-1",
    );
    check_link(
        from,
        |p| p.with_sort(Sort::Subscribers),
        "?q=a&region=42&platform=vk&sort=subscribers&lang=en",
    );
    check_link(
        from,
        |p| p.toggled(Facet::Sector, "education"),
        "?q=a&region=42&sector=education&platform=vk&sort=name&lang=en",
    );
    // Typing closes the card and keeps the rest; so do a card's close and a new check.
    check_link(
        "q=a&region=42&org=42-1&lang=en",
        |p| p.with_text("b".into()),
        "?q=b&region=42&lang=en",
    );
    check_link(
        "q=a&region=42&org=42-1&lang=en",
        Page::closed,
        "?q=a&region=42&lang=en",
    );
    // Dropping what it means to drop, and nothing else.
    check_link(from, Page::without_filters, "?q=a&sort=name&lang=en");
    check_link(
        "check=x&q=a&region=42&lang=en",
        |p| p.opening("42-1"),
        "?q=a&region=42&org=42-1&lang=en",
    );
    check_link(
        "org=42-2&view=stats&q=a&lang=en",
        |p| p.with_view(View::Embed),
        "?q=a&view=embed&lang=en",
    );
    // The widget's own settings go along with every link inside it.
    check_link(
        "region=42&lock=region&theme=dark&parent=https%3A%2F%2Fa.ru",
        |p| p.opening("42-1"),
        "?region=42&org=42-1&lock=region&theme=dark&parent=https%3A%2F%2Fa.ru",
    );
}

/// The selection a page searches, as the equality key of its results: pages that differ
/// only around the search share it.
fn check_same_search(a: &str, b: &str, same: bool) {
    let (a_page, b_page) = (Page::from_query_str(a), Page::from_query_str(b));
    assert_eq!(
        a_page.selection == b_page.selection,
        same,
        "{a:?} against {b:?}"
    );
}

#[test]
fn the_search_is_the_selection_alone() {
    check_same_search("q=a&region=42", "q=a&region=42&org=42-1&lang=en", true);
    check_same_search("q=a", "q=a&view=stats&theme=dark", true);
    check_same_search("q=a", "q=a&check=x", true);
    check_same_search("q=a", "q=a&sort=name", false);
    check_same_search("q=a", "q=b", false);
    check_same_search("region=42", "region=54", false);
    check_same_search("region=42,54", "region=54&region=42", true);
}

#[test]
fn embedding_parameters() {
    // What a page is comes from its entry (index.html or widget.html), never from the
    // address: `embed` is no longer a parameter of the state.
    check("embed=1", "");
    check("EMBED=1&embed=0", "");
    check(
        "lock=sector,region&region=42&sector=education&embed=1",
        "region=42&sector=education&lock=region,sector",
    );
    check("lock=region,nothing,region", "lock=region");
    check("theme=dark", "theme=dark");
    check("theme=auto", "");
    check("theme=pink", "");
    check(
        "parent=https%3A%2F%2Fschool12.example.ru",
        "parent=https%3A%2F%2Fschool12.example.ru",
    );
    check(
        "parent=http%3A%2F%2F127.0.0.1%3A8082",
        "parent=http%3A%2F%2F127.0.0.1%3A8082",
    );
    check("parent=https%3A%2F%2Fevil.ru%2Fpath", "");
    check("parent=javascript%3Aalert(1)", "");
    check("parent=*", "");

    let locked = Page::from_query_str("region=42&sector=education&lock=region");
    assert_eq!(
        locked.toggled(Facet::Region, "42").selection.regions,
        ["42"],
        "a locked filter stays"
    );
    assert_eq!(
        locked.toggled(Facet::Sector, "education").to_query_string(),
        "region=42&lock=region"
    );
    assert_eq!(
        locked.without_filters().to_query_string(),
        "region=42&lock=region"
    );
    assert_eq!(
        locked.filter_count(),
        1,
        "only the reader's own choices count"
    );
}

/// The widget's address for an old `?embed=1` link, or `None`.
fn legacy(input: &str) -> Option<String> {
    legacy_widget_query(input)
}

#[test]
fn old_widget_links_are_sent_to_the_widget_entry() {
    // Every spelling the old server (first `embed`, any case) or the old app (last
    // `embed`, exact) took as the widget, with the other parameters kept in their order.
    assert_eq!(legacy("embed=1").as_deref(), Some(""));
    assert_eq!(
        legacy("?embed=1&region=42&lock=region").as_deref(),
        Some("region=42&lock=region")
    );
    assert_eq!(
        legacy("region=42&embed=1&lock=region&parent=http%3A%2F%2Fa.ru").as_deref(),
        Some("region=42&lock=region&parent=http%3A%2F%2Fa.ru")
    );
    assert_eq!(
        legacy("EMBED=1&check=vk.com%2Fx").as_deref(),
        Some("check=vk.com%2Fx")
    );
    assert_eq!(legacy("Embed=1&q=a").as_deref(), Some("q=a"));
    assert_eq!(legacy("embed=1&embed=0&q=a").as_deref(), Some("q=a"));
    assert_eq!(legacy("embed=0&embed=1&q=a").as_deref(), Some("q=a"));
    assert_eq!(legacy("embed=0&EMBED=1").as_deref(), Some(""));
    assert_eq!(
        legacy("%65mbed=%31&q=a").as_deref(),
        Some("q=a"),
        "escapes are read"
    );
    assert_eq!(
        legacy("q=a&&embed=1&").as_deref(),
        Some("q=a"),
        "empty pairs are dropped"
    );
    // Not the widget: the directory stays the directory.
    assert_eq!(legacy("").as_deref(), None);
    assert_eq!(legacy("q=a&region=42").as_deref(), None);
    assert_eq!(legacy("embed=0").as_deref(), None);
    assert_eq!(legacy("EMBED=0&embed=yes&embed").as_deref(), None);
    assert_eq!(legacy("embedded=1&xembed=1").as_deref(), None);
    assert_eq!(
        legacy("q=embed%3D1").as_deref(),
        None,
        "a value that spells it out is a value"
    );
    assert_eq!(
        legacy("view=embed").as_deref(),
        None,
        "the widget builder is a view of the directory"
    );
}
