//! Every sentence built from a count, in both languages, for the numbers that pick each
//! Russian form (0, 1, 2, 5, 11, 21, 22, 25, 101, 111), and the sentences built from
//! other values.
//!
//! A case's expected text is a pattern: `{n}` is the number, `{one|few|many}` the Russian
//! word in the form the number takes (`FORMS` says which, as a grammar book would) and,
//! in English, `{one|other}`.

use catalog::{FetchError, IsoDate, Lang, LoadError, Progress, Stats};

use super::*;

/// The numbers each counted sentence is checked with.
const NUMBERS: [usize; 10] = [0, 1, 2, 5, 11, 21, 22, 25, 101, 111];
/// The Russian form each of `NUMBERS` takes: 0 «одна организация», 1 «две организации»,
/// 2 «пять организаций».
const FORMS: [usize; 10] = [2, 0, 1, 2, 2, 0, 1, 2, 0, 2];

/// `pattern` for the number `n` (`{n/2}` is half of it), with each `{a|b|c}` taken at `form`.
fn expand(pattern: &str, n: usize, form: usize) -> String {
    let with_number = pattern
        .replace("{n}", &n.to_string())
        .replace("{n/2}", &(n / 2).to_string());
    let mut text = String::new();
    let mut rest = with_number.as_str();
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').expect("a closed {…}") + open;
        text += &rest[..open];
        let forms: Vec<&str> = rest[open + 1..close].split('|').collect();
        text += forms[form.min(forms.len() - 1)];
        rest = &rest[close + 1..];
    }
    text + rest
}

/// Checks `sentence` for every one of `NUMBERS` against the Russian and English patterns.
fn check_counted(sentence: impl Fn(Lang, usize) -> String, ru: &str, en: &str) {
    for (&n, &form) in NUMBERS.iter().zip(&FORMS) {
        assert_eq!(sentence(Lang::Ru, n), expand(ru, n, form), "{ru} with {n}");
        let english = usize::from(n != 1);
        assert_eq!(
            sentence(Lang::En, n),
            expand(en, n, english),
            "{en} with {n}"
        );
    }
}

#[test]
fn counted_sentences_agree_with_their_number() {
    check_counted(
        found,
        "Найден{а|о|о} {n} организаци{я|и|й}",
        "Found {n} organisation{|s}",
    );
    check_counted(
        |lang, n| found_with_partial(lang, n, 0),
        "Найден{а|о|о} {n} организаци{я|и|й}",
        "Found {n} organisation{|s}",
    );
    check_counted(
        skipped,
        "Пропущен{а|о|о} {n} запис{ь|и|ей} с ошибками",
        "{n} record{|s} with errors skipped",
    );
    check_counted(
        |lang, n| catalog_size(lang, n, n, true),
        "В каталоге {n} организаци{я|и|й} и {n} канал{|а|ов}",
        "The catalog lists {n} organisation{|s} and {n} channel{|s}",
    );
    check_counted(
        |lang, n| catalog_size(lang, n, n, false),
        "Загружено {n} организаци{я|и|й} и {n} канал{|а|ов}",
        "Loaded so far: {n} organisation{|s} and {n} channel{|s}",
    );
    check_counted(
        |lang, n| subscribers(lang, n as u64),
        "{n} подписчик{|а|ов}",
        "{n} subscriber{|s}",
    );
    check_counted(
        |lang, n| drop_filter(lang, "Школы", n),
        "Убрать «Школы» — {найдётся|найдутся|найдутся} {n} организаци{я|и|й}",
        "Remove \"Школы\": {n} organisation{|s} found",
    );
    // After «из» the noun is genitive: «из 1 региона», «из 2 регионов».
    check_counted(
        |lang, n| shard_progress(lang, &progress(n / 2, n, false)),
        "Загружено {n/2} из {n} регион{а|ов|ов}",
        "Loaded {n/2} of {n} region{|s}",
    );
    check_counted(
        |lang, n| stats_totals(lang, &stats(n)),
        "{n} организаци{я|и|й}, {n} канал{|а|ов}, {n} подписчик{|а|ов} в {n} регион{е|ах|ах}",
        "{n} organisation{|s}, {n} channel{|s} and {n} subscriber{|s} in {n} region{|s}",
    );
}

#[test]
fn numbers_are_grouped_as_each_language_writes_them() {
    for (lang, n, text) in [
        (Lang::Ru, 2_906, "Найдено 2\u{a0}906 организаций"),
        (
            Lang::Ru,
            1_000_001,
            "Найдена 1\u{a0}000\u{a0}001 организация",
        ),
        (Lang::En, 2_906, "Found 2,906 organisations"),
        (Lang::En, 1_000_001, "Found 1,000,001 organisations"),
    ] {
        assert_eq!(found(lang, n), text);
    }
}

#[test]
fn sentences_from_other_values() {
    let offline = FetchError::Network {
        url: "https://example.org/data/r.json".to_string(),
        message: "offline".to_string(),
    };
    let date = IsoDate::parse("2026-11-20").expect("a date");
    for (lang, got, expected) in [
        (Lang::Ru, shown_range(Lang::Ru, 21, 70, 2_852), "Показаны 21–70 из 2\u{a0}852"),
        (Lang::En, shown_range(Lang::En, 21, 70, 2_852), "Showing 21–70 of 2,852"),
        (Lang::Ru, found_with_partial(Lang::Ru, 3, 5), "Найдено 3 организации, ещё 5 без одного слова"),
        (Lang::En, found_with_partial(Lang::En, 1, 5), "Found 1 organisation, 5 more missing one word"),
        (Lang::Ru, show_more(Lang::Ru, 20), "Показать ещё 20"),
        (Lang::En, show_more(Lang::En, 20), "Show 20 more"),
        (Lang::Ru, show_previous(Lang::Ru, 20), "Показать предыдущие 20"),
        (Lang::En, show_previous(Lang::En, 20), "Show the previous 20"),
        (Lang::Ru, and_more(Lang::Ru, 40), "…и ещё 40"),
        (Lang::En, and_more(Lang::En, 40), "…and 40 more"),
        (Lang::Ru, missing_one_word(Lang::Ru, Some("телефон")), "Нет совпадений со словом «телефон»"),
        (Lang::En, missing_one_word(Lang::En, Some("phone")), "No matches for the word “phone”"),
        (Lang::Ru, missing_one_word(Lang::Ru, None), "Без одного слова"),
        (Lang::En, missing_one_word(Lang::En, None), "Missing one word"),
        (Lang::Ru, not_found_word(Lang::Ru, "телефон"), "не найдено: „телефон“"),
        (Lang::En, not_found_word(Lang::En, "phone"), "not found: “phone”"),
        (Lang::Ru, offline_notice(Lang::Ru, None), "Нет подключения — показаны сохранённые данные"),
        (Lang::En, offline_notice(Lang::En, None), "No connection: showing the saved data"),
        (Lang::Ru, shard_progress(Lang::Ru, &progress(89, 89, true)), "Загружено 89 из 89 регионов, индексируем…"),
        (Lang::En, shard_progress(Lang::En, &progress(89, 89, true)), "Loaded 89 of 89 regions, indexing…"),
        (Lang::Ru, shard_progress(Lang::Ru, &progress(34, 89, true)), "Загружено 34 из 89 регионов"),
        (
            Lang::Ru,
            shard_failed(Lang::Ru, "Тверская область", &offline, Some(15)),
            "Регион «Тверская область» пока не загружен. Сервер не ответил или нет подключения к сети. Адрес: https://example.org/data/r.json. Повторим через 15 с; остальные регионы загружаются.",
        ),
        (
            Lang::Ru,
            shard_failed(Lang::Ru, "Тверская область", &offline, None),
            "Регион «Тверская область» не загружен. Сервер не ответил или нет подключения к сети. Адрес: https://example.org/data/r.json. Обновите страницу, чтобы попробовать ещё раз.",
        ),
        (
            Lang::En,
            shard_failed(Lang::En, "Tver", &offline, Some(45)),
            "The region «Tver» is not loaded yet. The server did not answer, or the network is down. Address: https://example.org/data/r.json. Trying again in 45 s; the other regions go on loading.",
        ),
        (
            Lang::En,
            shard_failed(Lang::En, "Tver", &offline, None),
            "The region «Tver» could not be loaded. The server did not answer, or the network is down. Address: https://example.org/data/r.json. Reload the page to try again.",
        ),
    ] {
        assert_eq!(got, expected, "{lang:?}");
    }
    // Dates are the core's `date_in_words`; the sentence around them is checked here.
    assert!(offline_notice(Lang::Ru, Some(date)).starts_with("Нет подключения — данные от 20 "));
    assert!(offline_notice(Lang::En, Some(date)).starts_with("No connection: data as of "));
}

#[test]
fn every_fetch_error_is_a_sentence_in_both_languages() {
    let url = "https://example.org/data/catalog.json".to_string();
    let errors = [
        FetchError::Network {
            url: url.clone(),
            message: "refused".to_string(),
        },
        FetchError::Timeout {
            url: url.clone(),
            seconds: 60,
        },
        FetchError::Http {
            url: url.clone(),
            status: 503,
            status_text: "Service Unavailable".to_string(),
        },
        FetchError::Body {
            url: url.clone(),
            message: "cut".to_string(),
        },
    ];
    let expected = [
        (
            "Сервер не ответил или нет подключения к сети. Адрес: {url}",
            "The server did not answer, or the network is down. Address: {url}",
        ),
        (
            "Сервер не прислал ответ за 60 с. Адрес: {url}",
            "The server sent no complete answer within 60 s. Address: {url}",
        ),
        (
            "Сервер ответил ошибкой HTTP 503 Service Unavailable на запрос {url}",
            "The server answered HTTP 503 Service Unavailable for {url}",
        ),
        (
            "Не удалось прочитать ответ сервера: {url}",
            "The server's answer could not be read: {url}",
        ),
    ];
    for (error, (ru, en)) in errors.iter().zip(expected) {
        assert_eq!(fetch_error(Lang::Ru, error), ru.replace("{url}", &url));
        assert_eq!(fetch_error(Lang::En, error), en.replace("{url}", &url));
    }
    // A file that is not a catalog is worded by what is wrong with it, and differently in
    // each language.
    let refused = FetchError::Catalog {
        url: url.clone(),
        error: LoadError::Digest {
            expected: "a".repeat(64),
            found: "b".repeat(64),
        },
    };
    let (ru, en) = (
        fetch_error(Lang::Ru, &refused),
        fetch_error(Lang::En, &refused),
    );
    assert!(
        ru.contains(&url) && en.contains(&url) && ru != en,
        "{ru} / {en}"
    );
}

fn progress(loaded: usize, total: usize, indexing: bool) -> Progress {
    Progress {
        total,
        loaded,
        failed: Vec::new(),
        indexing,
    }
}

fn stats(n: usize) -> Stats {
    Stats {
        organizations: n,
        channels: n,
        subscribers: n as u64,
        regions: n,
        ..Stats::default()
    }
}
