//! Plural forms, digit grouping and dates as the UI shows them.

use catalog::{date_in_words, group_digits, plural, IsoDate, Lang};

/// A count and the sentence the result line would show for it.
fn check_plural(lang: Lang, n: u64, expected: &str) {
    let (found, word) = match lang {
        Lang::Ru => (
            plural(lang, n, "Найдена", "Найдено", "Найдено"),
            plural(lang, n, "организация", "организации", "организаций"),
        ),
        Lang::En => (
            "Found",
            plural(lang, n, "organisation", "organisations", "organisations"),
        ),
    };
    assert_eq!(format!("{found} {n} {word}"), expected);
}

#[test]
fn plural_forms() {
    check_plural(Lang::Ru, 1, "Найдена 1 организация");
    check_plural(Lang::Ru, 2, "Найдено 2 организации");
    check_plural(Lang::Ru, 4, "Найдено 4 организации");
    check_plural(Lang::Ru, 5, "Найдено 5 организаций");
    check_plural(Lang::Ru, 11, "Найдено 11 организаций");
    check_plural(Lang::Ru, 12, "Найдено 12 организаций");
    check_plural(Lang::Ru, 14, "Найдено 14 организаций");
    check_plural(Lang::Ru, 21, "Найдена 21 организация");
    check_plural(Lang::Ru, 22, "Найдено 22 организации");
    check_plural(Lang::Ru, 111, "Найдено 111 организаций");
    check_plural(Lang::Ru, 0, "Найдено 0 организаций");
    check_plural(Lang::Ru, 2852, "Найдено 2852 организации");
    check_plural(Lang::En, 1, "Found 1 organisation");
    check_plural(Lang::En, 0, "Found 0 organisations");
    check_plural(Lang::En, 21, "Found 21 organisations");
}

fn check_digits(lang: Lang, n: u64, expected: &str) {
    assert_eq!(group_digits(lang, n), expected, "{n}");
}

#[test]
fn digit_grouping() {
    check_digits(Lang::Ru, 0, "0");
    check_digits(Lang::Ru, 999, "999");
    check_digits(Lang::Ru, 2852, "2\u{a0}852");
    check_digits(Lang::Ru, 175_000, "175\u{a0}000");
    check_digits(Lang::Ru, 57_000_000, "57\u{a0}000\u{a0}000");
    check_digits(Lang::En, 1_234_567, "1,234,567");
}

/// A date in words in `lang`: the day, the month's name (Russian in the genitive, as
/// «1 декабря» is said), the year.
fn check_date(lang: Lang, date: &str, expected: &str) {
    let parsed = IsoDate::parse(date).expect("a date");
    assert_eq!(date_in_words(lang, parsed), expected, "{date} in {lang:?}");
}

#[test]
fn dates_in_words() {
    for (date, ru, en) in [
        ("2026-01-01", "1 января 2026", "1 January 2026"),
        ("2026-02-28", "28 февраля 2026", "28 February 2026"),
        ("2024-02-29", "29 февраля 2024", "29 February 2024"),
        ("2026-03-08", "8 марта 2026", "8 March 2026"),
        ("2026-04-12", "12 апреля 2026", "12 April 2026"),
        ("2026-05-09", "9 мая 2026", "9 May 2026"),
        ("2026-06-12", "12 июня 2026", "12 June 2026"),
        ("2026-07-31", "31 июля 2026", "31 July 2026"),
        ("2026-08-22", "22 августа 2026", "22 August 2026"),
        ("2026-09-01", "1 сентября 2026", "1 September 2026"),
        ("2026-10-04", "4 октября 2026", "4 October 2026"),
        ("2026-11-20", "20 ноября 2026", "20 November 2026"),
        ("2026-12-01", "1 декабря 2026", "1 December 2026"),
        ("0999-12-31", "31 декабря 999", "31 December 999"),
    ] {
        check_date(Lang::Ru, date, ru);
        check_date(Lang::En, date, en);
    }
}

fn check_compact(lang: Lang, n: u64, expected: &str) {
    assert_eq!(
        catalog::compact_count(lang, n),
        expected.replace(' ', "\u{a0}"),
        "{n}"
    );
}

#[test]
fn compact_counts() {
    check_compact(Lang::Ru, 0, "0");
    check_compact(Lang::Ru, 999, "999");
    check_compact(Lang::Ru, 1_000, "1 тыс.");
    check_compact(Lang::Ru, 12_345, "12,3 тыс.");
    check_compact(Lang::Ru, 12_399, "12,3 тыс.");
    check_compact(Lang::Ru, 312_400, "312,4 тыс.");
    check_compact(Lang::Ru, 999_999, "999,9 тыс.");
    check_compact(Lang::Ru, 1_250_000, "1,2 млн");
    check_compact(Lang::Ru, 57_000_000, "57 млн");
    check_compact(Lang::En, 12_345, "12.3K");
    check_compact(Lang::En, 2_000_000, "2M");
}

/// A stored appearance string and what it reads back as, written canonically.
fn check_appearance(stored: &str, canonical: &str) {
    assert_eq!(
        catalog::Appearance::from_storage(stored).to_storage(),
        canonical,
        "stored: {stored}"
    );
}

#[test]
fn low_vision_settings_survive_storage() {
    check_appearance("", "text=normal;scheme=system;images=on");
    check_appearance(
        "text=largest;scheme=white-on-black;images=off",
        "text=largest;scheme=white-on-black;images=off",
    );
    check_appearance(
        "images=off;text=large",
        "text=large;scheme=system;images=off",
    );
    check_appearance(
        "text=huge;scheme=pink;images=maybe",
        "text=normal;scheme=system;images=on",
    );
    check_appearance("garbage", "text=normal;scheme=system;images=on");
}

#[test]
fn region_list_search_matches_word_starts_in_any_order() {
    let check = |label: &str, filter: &str, expected: bool| {
        assert_eq!(
            catalog::words_match(label, filter),
            expected,
            "{label} / {filter}"
        );
    };
    check("Новосибирская область", "ново", true);
    check("Новосибирская область", "обл нов", true);
    check("Ненецкий автономный округ", "округ нен", true);
    check("Кемеровская область — Кузбасс", "кузбасс", true);
    check("Кемеровская область — Кузбасс", "басс", false);
    check("Республика Саха (Якутия)", "якут", true);
    check("Москва", "", true);
    check("Москва", "питер", false);
}
