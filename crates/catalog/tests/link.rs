//! Channel links: what becomes a link and what handle is shown for it.

use catalog::{handle_of, parse_http_url, IsoDate};

/// A URL, and either the (host, handle) it yields or the error it is refused with.
fn check(input: &str, expected: Result<(&str, &str), &str>) {
    let actual = parse_http_url(input)
        .map(|url| (url.host.clone(), handle_of(&url)))
        .map_err(|err| err.to_string());
    let expected = expected
        .map(|(host, handle)| (host.to_string(), handle.to_string()))
        .map_err(str::to_string);
    assert_eq!(actual, expected, "input: {input}");
}

#[test]
fn accepted_links() {
    check("https://vk.com/school12", Ok(("vk.com", "school12")));
    check("HTTPS://VK.COM/School12", Ok(("vk.com", "School12")));
    check("http://vk.ru/school12/", Ok(("vk.ru", "school12")));
    check(
        "https://vk.com/school12?w=wall-1_2#top",
        Ok(("vk.com", "school12")),
    );
    check(
        "https://t.me/s/kuzbass_news",
        Ok(("t.me", "s/kuzbass_news")),
    );
    check("https://ok.ru/group/5400", Ok(("ok.ru", "group/5400")));
    check("https://max.ru/", Ok(("max.ru", "max.ru")));
    check("https://max.ru", Ok(("max.ru", "max.ru")));
    check("https://vk.com./x", Ok(("vk.com", "x")));
}

#[test]
fn refused_links() {
    check("", Err("empty URL"));
    check("vk.com/school12", Err("not an http(s) URL"));
    check("javascript:alert(1)", Err("not an http(s) URL"));
    check("data:text/html,<script>", Err("not an http(s) URL"));
    check("//vk.com/school12", Err("not an http(s) URL"));
    check("ftp://vk.com/x", Err("not an http(s) URL"));
    check(
        "https://vk.com/a\u{200b}b",
        Err("the URL contains characters outside ASCII (percent-encode them)"),
    );
    check(
        "https://vk.com/\u{202e}loohcs",
        Err("the URL contains characters outside ASCII (percent-encode them)"),
    );
    check(
        "https://vk.com/schооl12",
        Err("the URL contains characters outside ASCII (percent-encode them)"),
    );
    check(
        " https://vk.com/x",
        Err("the URL contains spaces or control characters"),
    );
    check(
        "https://user:pw@vk.com/x",
        Err("the URL contains a user name or password"),
    );
    check("https://vk.com:443/x", Err("the URL names a port"));
    check(
        "https:///x",
        Err("the host name \"\" is not a valid host name"),
    );
    check(
        "https://vk..com/x",
        Err("the host name \"vk..com\" is not a valid host name"),
    );
    check(
        "https://-vk.com/x",
        Err("the host name \"-vk.com\" is not a valid host name"),
    );
    check(
        "https://vk_com/x",
        Err("the host name \"vk_com\" is not a valid host name"),
    );
    check(
        "https://вк.com/x",
        Err("the URL contains characters outside ASCII (percent-encode them)"),
    );
}

/// A date string and the date it is read as, or `None`.
fn check_date(input: &str, expected: Option<(u16, u8, u8)>) {
    let actual = IsoDate::parse(input).map(|d| (d.year, d.month, d.day));
    assert_eq!(actual, expected, "input: {input}");
}

#[test]
fn dates() {
    check_date("2026-11-20", Some((2026, 11, 20)));
    check_date("2024-02-29", Some((2024, 2, 29)));
    check_date("2000-02-29", Some((2000, 2, 29)));
    check_date("1900-02-29", None);
    check_date("2026-02-29", None);
    check_date("2026-04-31", None);
    check_date("2026-13-01", None);
    check_date("2026-00-10", None);
    check_date("2026-1-01", None);
    check_date("20.11.2026", None);
    check_date("2026-11-2a", None);
    check_date("+026-11-20", None);
    check_date("２０２６-11-20", None);
}

/// Cyrillic text and its Latin spelling as people type it in handles.
fn check_translit(input: &str, expected: &str) {
    assert_eq!(catalog::transliterate(input), expected, "input: {input}");
}

#[test]
fn transliteration() {
    check_translit("школа", "shkola");
    check_translit("Больница", "bolnitsa");
    check_translit("Кузбасс", "kuzbass");
    check_translit("Ленинск-Кузнецкий", "leninsk-kuznetskiy");
    check_translit("Щёлково", "shchelkovo");
    check_translit("Подъезд", "podezd");
    check_translit("Юрга", "yurga");
    check_translit("СОШ № 12", "sosh № 12");
    check_translit("school12", "school12");
}
