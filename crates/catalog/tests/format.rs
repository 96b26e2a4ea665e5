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

#[test]
fn dates_in_words() {
    let date = |s| IsoDate::parse(s).expect("date");
    assert_eq!(
        date_in_words(Lang::Ru, date("2026-11-20")),
        "20 ноября 2026"
    );
    assert_eq!(date_in_words(Lang::Ru, date("2026-01-01")), "1 января 2026");
    assert_eq!(
        date_in_words(Lang::En, date("2026-11-20")),
        "20 November 2026"
    );
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
