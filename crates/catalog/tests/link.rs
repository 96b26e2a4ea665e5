//! Channel links: what becomes a link and what handle is shown for it.

use catalog::{feedback_link, handle_of, parse_http_url, IsoDate};

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

/// A catalog's feedback address, and the link it becomes: its `href` and whether it is a
/// mail address, or `None` when it stays text.
fn check_feedback(input: &str, expected: Option<(&str, bool)>) {
    let actual = feedback_link(input).map(|link| (link.href, link.mail));
    let expected = expected.map(|(href, mail)| (href.to_string(), mail));
    assert_eq!(actual, expected, "input: {input:?}");
}

#[rustfmt::skip]
#[test]
fn feedback_links() {
    check_feedback(
        "https://kuzbass.ru/feedback",
        Some(("https://kuzbass.ru/feedback", false)),
    );
    check_feedback(
        "HTTPS://Kuzbass.RU/form?x=1",
        Some(("https://kuzbass.ru/form?x=1", false)),
    );
    check_feedback(
        "mailto:info@kuzbass.ru",
        Some(("mailto:info@kuzbass.ru", true)),
    );
    check_feedback(
        "MailTo:info@kuzbass.ru",
        Some(("mailto:info@kuzbass.ru", true)),
    );
    check_feedback(
        "mailto:info@kuzbass.ru?subject=Канал",
        Some((
            "mailto:info@kuzbass.ru?subject=%D0%9A%D0%B0%D0%BD%D0%B0%D0%BB",
            true,
        )),
    );
    check_feedback("mailto:", None);
    check_feedback("mailto:info", None);
    check_feedback("mailto:@kuzbass.ru", None);
    check_feedback("mailto:info@", None);
    check_feedback("mailto:a@b.ru,c@d.ru", None);
    check_feedback("mailto:info@kuzbass.ru\n", None);
    check_feedback("mailto:in fo@kuzbass.ru", None);
    check_feedback("javascript:alert(1)//@kuzbass.ru", None);
    check_feedback("data:text/html,<b>@</b>", None);
    check_feedback("ftp://kuzbass.ru/", None);
    check_feedback("https://evil.ru\\@kuzbass.ru/", None);
    check_feedback("https://user@kuzbass.ru/", None);
    check_feedback("//kuzbass.ru/feedback", None);
    check_feedback("feedback.html", None);
}
