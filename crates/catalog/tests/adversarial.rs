//! The checker against links made to deceive: every trick a forger has, each with the
//! verdict a citizen must see. A link is official only if a browser would open exactly
//! that catalog channel and nothing in it was written to look like something else.
//!
//! One case a line: the pasted text, the `data-verdict`, the organisations named (`-`
//! for none) and the `data-sign`s (`-` for none).

use catalog::{parse_catalog, Catalog, Checker, Verdict};
use serde_json::json;

fn catalog() -> Catalog {
    let org = |id: &str, channels: &[(&str, &str)]| {
        json!({
            "id": id, "name": format!("Организация {id}"), "region": "42", "sector": "education",
            "channels": channels.iter().map(|(platform, url)| json!({"platform": platform, "url": url})).collect::<Vec<_>>(),
        })
    };
    let text = json!({
        "format": "gospubliki-catalog", "version": 1,
        "title": "Проверочный каталог", "updated": "2026-12-01",
        "regions": [{"code": "42", "name": "Кемеровская область — Кузбасс"}],
        "sectors": [{"id": "education", "name": "Образование"}],
        "platforms": [
            {"id": "vk", "name": "ВКонтакте"},
            {"id": "telegram", "name": "Telegram"},
            {"id": "ok", "name": "Одноклассники"},
            {"id": "max", "name": "MAX"},
        ],
        "organizations": [
            org("school", &[("vk", "https://vk.com/sosh5_nvkz")]),
            org("gov", &[("telegram", "https://t.me/kuzbass_gov"), ("vk", "https://vk.com/kuzbass_gov")]),
            org("clinic", &[("ok", "https://ok.ru/group/5123")]),
            org("governor", &[("max", "https://max.ru/gubernator")]),
            org("club", &[("vk", "https://vk.com/club123456")]),
        ],
    })
    .to_string();
    let loaded = parse_catalog(&text).expect("the test catalog loads");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalog
}

struct Cases {
    catalog: Catalog,
    checker: Checker,
    count: usize,
    failures: Vec<String>,
}

impl Cases {
    fn new() -> Cases {
        let catalog = catalog();
        let checker = Checker::new(&catalog);
        Cases {
            catalog,
            checker,
            count: 0,
            failures: Vec::new(),
        }
    }

    /// One pasted text and what the checker must say of it.
    fn check(&mut self, input: &str, verdict: &str, orgs: &str, signs: &str) {
        self.count += 1;
        let result = self.checker.check(input);
        let mut named: Vec<&str> = match &result.verdict {
            Verdict::Official(found) | Verdict::Lookalike { of: found, .. } => found
                .iter()
                .map(|r| self.catalog.organizations[r.org as usize].id.as_str())
                .collect(),
            Verdict::NotFound(_) | Verdict::Suspicious { .. } => Vec::new(),
        };
        named.dedup();
        let found_signs: Vec<&str> = match &result.verdict {
            Verdict::Lookalike { signs, .. } | Verdict::Suspicious { signs, .. } => {
                signs.iter().map(|s| s.as_str()).collect()
            }
            _ => Vec::new(),
        };
        let actual = (
            result.verdict.as_str(),
            list(&named.join(",")),
            list(&found_signs.join(",")),
        );
        let expected = (verdict, list(orgs), list(signs));
        if actual != expected {
            self.failures.push(format!(
                "{input:?}: expected {expected:?}, got {actual:?} ({result:?})"
            ));
        }
    }

    fn official(&mut self, input: &str, org: &str) {
        self.check(input, "official", org, "-");
    }

    fn not_found(&mut self, input: &str) {
        self.check(input, "not-found", "-", "-");
    }

    fn lookalike(&mut self, input: &str, org: &str, signs: &str) {
        self.check(input, "lookalike", org, signs);
    }

    fn suspicious(&mut self, input: &str, signs: &str) {
        self.check(input, "suspicious", "-", signs);
    }

    fn finish(self, at_least: usize) {
        assert!(
            self.failures.is_empty(),
            "{} of {} cases failed:\n{}",
            self.failures.len(),
            self.count,
            self.failures.join("\n")
        );
        assert!(self.count >= at_least, "only {} cases", self.count);
    }
}

fn list(text: &str) -> Vec<String> {
    if text == "-" || text.is_empty() {
        return Vec::new();
    }
    text.split(',').map(str::to_string).collect()
}

#[test]
#[rustfmt::skip]
fn honest_links_in_every_common_form_are_official() {
    let mut c = Cases::new();
    c.official("https://vk.com/sosh5_nvkz", "school");
    c.official("http://vk.com/sosh5_nvkz", "school");
    c.official("HTTPS://VK.COM/SOSH5_NVKZ", "school");
    c.official("hTtPs://vK.cOm/Sosh5_Nvkz", "school");
    c.official("vk.com/sosh5_nvkz", "school");
    c.official("www.vk.com/sosh5_nvkz", "school");
    c.official("m.vk.com/sosh5_nvkz", "school");
    c.official("https://vk.ru/sosh5_nvkz", "school");
    c.official("https://vk.com/sosh5_nvkz/", "school");
    c.official("https://vk.com/sosh5_nvkz?w=wall-1_2", "school");
    c.official("https://vk.com/sosh5_nvkz#posts", "school");
    c.official("https://vk.com:443/sosh5_nvkz", "school");
    c.official("http://vk.com:80/sosh5_nvkz", "school");
    c.official("https://vk.com./sosh5_nvkz", "school");
    c.official("https:vk.com/sosh5_nvkz", "school");
    c.official("https:/vk.com/sosh5_nvkz", "school");
    c.official("https:///vk.com/sosh5_nvkz", "school");
    c.official("//vk.com/sosh5_nvkz", "school");
    c.official("https://vk.com/x/../sosh5_nvkz", "school");
    c.official("https://vk.com/x/%2e%2e/sosh5_nvkz", "school");
    c.official("https://vk.com/./sosh5_nvkz", "school");
    c.official("https://vk.com//sosh5_nvkz", "school");
    c.official("https://vk.com/sosh%35_nvkz", "school");
    c.official("https://vk%2ecom/sosh5_nvkz", "school");
    c.official("https://vk.com/sosh5_\tnvkz", "school");
    c.official("https://vk.com/sosh5_\nnvkz", "school");
    c.official("  https://vk.com/sosh5_nvkz  ", "school");
    c.official("\u{a0}https://vk.com/sosh5_nvkz\u{a0}", "school");
    c.official("<https://vk.com/sosh5_nvkz>", "school");
    c.official("«vk.com/sosh5_nvkz»", "school");
    c.official("\"https://vk.com/sosh5_nvkz\"", "school");
    c.official("sosh5_nvkz", "school");
    c.official("@sosh5_nvkz", "school");
    c.official("https://vk.com/public123456", "club");
    c.official("https://vk.com/club123456", "club");
    c.official("https://vk.com/event123456", "club");
    c.official("@public123456", "club");
    c.official("https://t.me/kuzbass_gov", "gov");
    c.official("https://t.me/s/kuzbass_gov", "gov");
    c.official("https://telegram.me/kuzbass_gov", "gov");
    c.official("https://telegram.dog/kuzbass_gov", "gov");
    c.official("t.me/Kuzbass_Gov", "gov");
    c.official("@Kuzbass_gov", "gov");
    c.official("ok.ru/group/5123", "clinic");
    c.official("https://m.ok.ru/group/5123", "clinic");
    c.official("https://ok.ru/group/5123/", "clinic");
    c.official("https://max.ru/gubernator", "governor");
    c.official("https://MAX.RU/Gubernator", "governor");
    c.finish(45);
}

#[test]
#[rustfmt::skip]
fn another_site_is_named_and_never_official() {
    let mut c = Cases::new();
    // The host a browser opens is the only host that counts.
    c.not_found("https://evil.ru\\@vk.com/sosh5_nvkz_probe");
    c.not_found("https://evil.ru\\@vk.com/sosh5_nvkz");
    c.not_found("evil.ru\\vk.com/sosh5_nvkz");
    c.not_found("https://evil.ru\\\\vk.com/sosh5_nvkz");
    c.not_found("https://evil.ru/vk.com/sosh5_nvkz");
    c.not_found("https://evil.ru?vk.com/sosh5_nvkz");
    c.not_found("https://evil.ru#vk.com/sosh5_nvkz");
    c.not_found("https://vk.com.example.ru/sosh5_nvkz");
    c.not_found("https://vk.com.evil.ru/sosh5_nvkz");
    c.not_found("https://t.me.evil.ru/kuzbass_gov");
    c.not_found("https://max.ru.com/gubernator");
    c.not_found("https://vkcom.ru/sosh5_nvkz");
    c.not_found("https://notvk.com/sosh5_nvkz");
    c.not_found("https://evil-vk.com/sosh5_nvkz");
    c.not_found("https://vk.com:8080/sosh5_nvkz");
    c.not_found("https://vk.com:444/sosh5_nvkz");
    c.not_found("http://vk.com:443/sosh5_nvkz");
    c.not_found("https://87.240.132.72/sosh5_nvkz");
    c.not_found("https://1464763464/sosh5_nvkz");
    c.not_found("https://0x57.0xf0.0x84.0x48/sosh5_nvkz");
    c.not_found("https://[::1]/sosh5_nvkz");
    c.not_found("https://[2a00:bdc0::1]/sosh5_nvkz");
    c.not_found("https://localhost/sosh5_nvkz");
    c.not_found("https://vk/sosh5_nvkz");
    c.not_found("https://com/sosh5_nvkz");
    c.finish(25);
}

#[test]
#[rustfmt::skip]
fn a_user_name_before_the_host_is_a_sign() {
    let mut c = Cases::new();
    // The part before `@` is a user name: a browser opens the host after it.
    c.suspicious("https://vk.com@evil.ru/sosh5_nvkz", "user-name");
    c.suspicious("https://vk.com:443@evil.ru/sosh5_nvkz", "user-name");
    c.suspicious("vk.com@evil.ru/sosh5_nvkz", "user-name");
    // An `@` after the host is only part of the path, and an empty user name none.
    c.not_found("https://vk.com/sosh5_nvkz@evil.ru");
    c.not_found("https://@evil.ru/sosh5_nvkz");
    c.suspicious("https://vk.com@@evil.ru/sosh5_nvkz", "user-name");
    c.suspicious("https://a:b@evil.ru/sosh5_nvkz", "user-name");
    // The right channel behind a user name still warns: the link was made to mislead.
    c.lookalike("https://evil.ru@vk.com/sosh5_nvkz", "school", "user-name");
    c.lookalike("https://gosuslugi.ru:secure@vk.com/sosh5_nvkz", "school", "user-name");
    c.lookalike("https://evil.ru@t.me/kuzbass_gov", "gov", "user-name");
    c.finish(10);
}

#[test]
#[rustfmt::skip]
fn folding_never_makes_a_fake_official() {
    let mut c = Cases::new();
    // The Kelvin sign, fullwidth letters and ligatures fold to ASCII in a browser: they
    // reach the very channel, but were written to look like something else.
    c.lookalike("https://v\u{212A}.com/sosh5_nvkz", "school", "compatibility-characters");
    c.lookalike("vk.com/sosh5_nv\u{212A}z", "school", "compatibility-characters");
    c.lookalike("@\u{212A}uzbass_gov", "gov", "compatibility-characters");
    c.lookalike("https://ｖｋ.com/sosh5_nvkz", "school", "compatibility-characters");
    c.lookalike("https://vk．com/sosh5_nvkz", "school", "compatibility-characters");
    c.lookalike("https://vk.com/ｓｏｓｈ5_nvkz", "school", "compatibility-characters");
    c.lookalike("https://vk.com/sosh５_nvkz", "school", "compatibility-characters");
    c.lookalike("https://ＶＫ.ＣＯＭ/sosh5_nvkz", "school", "compatibility-characters");
    c.lookalike("https://t.me/kuzbass_gov\u{FB01}", "gov", "compatibility-characters,one-character-off");
    c.lookalike("https://vk.com/\u{1D42C}osh5_nvkz", "school", "compatibility-characters,one-character-off");
    c.lookalike("https://vk。com/sosh5_nvkz", "school", "unusual-characters");
    c.lookalike("https://vk.com/sosh5_nvkz\u{2024}", "school", "unusual-characters,one-character-off");
    c.finish(12);
}

#[test]
#[rustfmt::skip]
fn other_alphabets_warn_whether_or_not_a_channel_resembles() {
    let mut c = Cases::new();
    // Lookalike letters in the handle.
    c.lookalike("https://vk.com/soѕh5_nvkz", "school", "confusable-letters");
    c.lookalike("https://vk.com/sоsh5_nvkz", "school", "confusable-letters");
    c.lookalike("https://vk.com/sosh5_nvкz", "school", "confusable-letters");
    c.lookalike("https://vk.com/s%D0%BEsh5_nvkz", "school", "confusable-letters");
    c.lookalike("https://vk.com/sosh5_nvkz%D0%B0", "school", "confusable-letters,one-character-off");
    c.lookalike("t.me/kuzbаss_gօv", "gov", "confusable-letters");
    c.lookalike("@kuzbаss_gov", "gov", "confusable-letters");
    c.lookalike("https://t.me/kuzbass_gοv", "gov", "confusable-letters");
    c.lookalike("https://max.ru/gubеrnator", "governor", "confusable-letters");
    c.lookalike("https://max.ru/gubernatоr", "governor", "confusable-letters");
    // A numeric id one digit off is another organisation: no channel is named.
    c.suspicious("https://vk.com/club12345б", "confusable-letters");
    c.lookalike("https://vk.com/sosh5_nvkz\u{0301}", "school", "confusable-letters");
    c.lookalike("https://vk.com/sosh5_nvkzı", "school", "confusable-letters,one-character-off");
    // Lookalike letters in the host: another site imitating the platform.
    c.lookalike("https://вк.com/sosh5_nvkz", "school", "confusable-letters,imitated-site");
    c.lookalike("https://ѵк.com/sosh5_nvkz", "school", "confusable-letters,imitated-site");
    c.lookalike("https://vк.com/sosh5_nvkz", "school", "confusable-letters,imitated-site");
    c.lookalike("https://xn--v-ttb.com/sosh5_nvkz", "school", "confusable-letters,imitated-site");
    c.lookalike("https://XN--V-TTB.COM/sosh5_nvkz", "school", "confusable-letters,imitated-site");
    c.lookalike("https://t.mе/kuzbass_gov", "gov", "confusable-letters,imitated-site");
    c.lookalike("https://оk.ru/group/5123", "clinic", "confusable-letters,imitated-site");
    c.lookalike("https://mах.ru/gubernator", "governor", "confusable-letters,imitated-site");
    // Another alphabet with nothing similar in the catalog: still a warning.
    c.suspicious("https://vk.com/школа_12", "confusable-letters");
    c.suspicious("https://vk.com/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0", "confusable-letters");
    c.suspicious("https://t.me/новости", "confusable-letters");
    c.suspicious("https://vk.com/ѕomething_else", "confusable-letters");
    c.suspicious("https://пример.рф/sosh5_nvkz", "confusable-letters");
    c.suspicious("https://xn--e1afmkfd.xn--p1ai/x", "confusable-letters");
    c.suspicious("@новости_кузбасса", "confusable-letters");
    c.finish(28);
}

#[test]
#[rustfmt::skip]
fn invisible_and_direction_characters_warn() {
    let mut c = Cases::new();
    c.lookalike("https://vk.com/sosh5\u{200B}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5_nvkz\u{200B}", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{200C}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{200D}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{2060}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{00AD}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5%E2%80%8B_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5_nvkz%C2%AD", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{3164}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{E0041}_nvkz", "school", "invisible-characters");
    c.lookalike("ok.ru/group/5123\u{FE0F}", "clinic", "invisible-characters");
    c.lookalike("ok.ru/group/5123\u{FE0E}", "clinic", "invisible-characters");
    c.lookalike("ok.ru/group/5123\u{E0100}", "clinic", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{00A0}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{3000}_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/sosh5\u{0007}_nvkz", "school", "invisible-characters");
    // DEL is not trimmed as the C0 controls are: a browser opens `/sosh5_nvkz%7F`.
    c.lookalike("https://vk.com/sosh5_nvkz\u{007F}", "school", "invisible-characters");
    c.suspicious("\u{007F}vk.com/sosh5_nvkz", "invisible-characters");
    c.lookalike("\u{200B}@kuzbass_gov", "gov", "invisible-characters");
    c.lookalike("https://v\u{200B}k.com/sosh5_nvkz", "school", "invisible-characters");
    c.lookalike("https://vk.com/\u{202E}zkvn_5hsos", "school", "direction-controls");
    c.lookalike("https://vk.com/\u{202E}zkvn_5hsos\u{202C}", "school", "direction-controls");
    c.lookalike("https://vk.com/sosh5\u{200E}_nvkz", "school", "direction-controls");
    c.lookalike("https://vk.com/sosh5\u{200F}_nvkz", "school", "direction-controls");
    c.lookalike("https://vk.com/sosh5\u{2066}_nvkz\u{2069}", "school", "direction-controls");
    c.lookalike("https://t.me/\u{202E}vog_ssabzuk", "gov", "direction-controls");
    c.lookalike("https://vk.com/sosh5_nvkz\u{061C}", "school", "direction-controls");
    c.suspicious("https://vk.com/\u{202E}moc.live", "direction-controls");
    c.suspicious("https://vk.com/nobody\u{200B}here", "invisible-characters");
    c.finish(29);
}

#[test]
#[rustfmt::skip]
fn swapped_and_one_off_handles_warn() {
    let mut c = Cases::new();
    c.lookalike("https://vk.com/s0sh5_nvkz", "school", "swapped-characters");
    c.lookalike("https://vk.com/sosh5_nvkz1", "school", "one-character-off");
    c.lookalike("https://vk.com/sosh5-nvkz", "school", "swapped-characters");
    c.lookalike("https://vk.com/sosh5nvkz", "school", "swapped-characters");
    c.lookalike("https://vk.com/sosh5_nvk", "school", "one-character-off");
    c.lookalike("https://vk.com/sosh6_nvkz", "school", "one-character-off");
    c.lookalike("https://t.me/kuzbass_g0v", "gov", "swapped-characters");
    c.lookalike("https://t.me/kuzbas_gov", "gov", "one-character-off");
    c.lookalike("https://max.ru/gubernat0r", "governor", "swapped-characters");
    c.not_found("https://max.ru/gubernator_official");
    c.lookalike("https://vk.co/sosh5_nvkz", "school", "imitated-site");
    c.lookalike("https://vk.cm/sosh5_nvkz", "school", "imitated-site");
    c.lookalike("https://vvk.com/sosh5_nvkz", "school", "imitated-site");
    c.lookalike("https://t.mee/kuzbass_gov", "gov", "imitated-site");
    c.lookalike("https://0k.ru/group/5123", "clinic", "imitated-site");
    c.finish(15);
}

#[test]
#[rustfmt::skip]
fn what_is_no_channel_is_not_found() {
    let mut c = Cases::new();
    c.not_found("https://vk.com/");
    c.not_found("https://vk.com");
    c.not_found("vk.com");
    c.not_found("https://vk.com/away.php?to=https://evil.ru");
    c.not_found("https://vk.com/away.php?to=https%3A%2F%2Fvk.com%2Fsosh5_nvkz");
    c.not_found("https://vk.com/wall-1_2");
    c.not_found("https://vk.com/feed");
    c.not_found("https://vk.com/search?q=sosh5_nvkz");
    c.not_found("https://vk.com/share.php?url=https://vk.com/sosh5_nvkz");
    c.not_found("https://vk.com/sosh5_nvkz/wall");
    c.not_found("https://vk.com/club1234567");
    c.not_found("https://vk.com/club0123456");
    c.not_found("https://max.ru/sosh5_nvkz");
    c.not_found("https://t.me/sosh5_nvkz_other");
    c.not_found("https://t.me/joinchat/kuzbass_gov");
    // An invite link written as the channel's name is one character off it.
    c.lookalike("https://t.me/+kuzbass_gov", "gov", "one-character-off");
    c.not_found("https://t.me/kuzbass_gov/123");
    c.not_found("https://ok.ru/group/51234");
    c.not_found("https://ok.ru/profile/5123");
    c.not_found("https://max.ru/join/gubernator");
    c.not_found("");
    c.not_found("   ");
    c.not_found("javascript:alert(1)");
    c.not_found("JAVASCRIPT:alert('vk.com/sosh5_nvkz')");
    c.not_found("data:text/html,<b>vk.com/sosh5_nvkz</b>");
    c.not_found("tg://resolve?domain=kuzbass_gov");
    c.not_found("ftp://vk.com/sosh5_nvkz");
    c.not_found("file:///vk.com/sosh5_nvkz");
    c.not_found("vk.com/sosh5 nvkz");
    c.not_found("школа 5 новокузнецк");
    c.not_found("https://");
    c.not_found("https://%");
    c.not_found("@");
    c.not_found("@a/b");
    c.finish(34);
}

#[test]
fn nothing_with_a_character_outside_ascii_is_official() {
    // Every character above the ASCII range, put into an official link at each place a
    // forger would put it (inside the text: spaces around a link are trimmed as an
    // address bar trims them): never official.
    let catalog = catalog();
    let checker = Checker::new(&catalog);
    let places = [
        ("https://", "vk.com/sosh5_nvkz"),
        ("https://v", "k.com/sosh5_nvkz"),
        ("https://vk.com/", "sosh5_nvkz"),
        ("https://vk.com/sosh5_nvkz", "/"),
        ("https://vk.com/sosh5_nvkz", "?w=wall"),
        ("@kuzbass", "_gov"),
        ("ok.ru/group/5123", "/"),
    ];
    let mut checked = 0;
    for code in (0x80..0x3400)
        .chain(0xFB00..0x10000)
        .chain(0x1D400..0x1D800)
    {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        for (before, after) in places {
            let input = format!("{before}{c}{after}");
            let verdict = checker.check(&input).verdict;
            assert!(
                !matches!(verdict, Verdict::Official(_)),
                "U+{code:04X} in {input:?} passed as official"
            );
            checked += 1;
        }
    }
    assert!(checked > 100_000, "{checked}");
}
