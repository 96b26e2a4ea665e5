//! "Is this channel official?": every common way of writing a catalog channel is found,
//! and nothing that only looks like one passes.

use catalog::{parse_catalog, Catalog, Checker, NotFound, Sign, Verdict};
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
        "regions": [{"code": "42", "name": "Кемеровская область — Кузбасс"}],
        "sectors": [{"id": "education", "name": "Образование"}],
        "platforms": [
            {"id": "vk", "name": "ВКонтакте", "hosts": ["vk.com", "m.vk.com"]},
            {"id": "telegram", "name": "Telegram", "hosts": ["t.me"]},
            {"id": "ok", "name": "Одноклассники", "hosts": ["ok.ru"]},
            {"id": "max", "name": "MAX", "hosts": ["max.ru"]},
        ],
        "organizations": [
            org("school", &[("vk", "https://vk.com/school12_kemerovo"), ("telegram", "https://t.me/School12Kem")]),
            org("gov", &[("vk", "https://vk.com/gubernator"), ("max", "https://max.ru/gubernator"), ("ok", "https://ok.ru/group/70000001")]),
            org("club", &[("vk", "https://vk.com/club123456")]),
            org("moscow", &[("vk", "https://vk.com/mos_school")]),
        ],
    })
    .to_string();
    parse_catalog(&text)
        .expect("the test catalog loads")
        .catalog
}

/// What one pasted text must give: the verdict's name, and for official or lookalike
/// verdicts the ids of the organisations it names.
fn check(checker: &Checker, catalog: &Catalog, input: &str, verdict: &str, orgs: &[&str]) {
    let result = checker.check(input);
    assert_eq!(
        result.verdict.as_str(),
        verdict,
        "input: {input:?} → {result:?}"
    );
    let named: Vec<&str> = match &result.verdict {
        Verdict::Official(found) | Verdict::Lookalike { of: found, .. } => found
            .iter()
            .map(|r| catalog.organizations[r.org as usize].id.as_str())
            .collect(),
        Verdict::NotFound(_) | Verdict::Suspicious { .. } => Vec::new(),
    };
    let mut named = named;
    named.dedup();
    assert_eq!(named, orgs, "input: {input:?}");
}

#[test]
fn every_common_form_of_an_official_link_is_found() {
    let catalog = catalog();
    let checker = Checker::new(&catalog);
    let official = |input: &str, org: &str| check(&checker, &catalog, input, "official", &[org]);
    official("https://vk.com/school12_kemerovo", "school");
    official("http://vk.com/school12_kemerovo", "school");
    official("HTTPS://VK.COM/School12_Kemerovo", "school");
    official("vk.com/school12_kemerovo", "school");
    official("www.vk.com/school12_kemerovo", "school");
    official("https://m.vk.com/school12_kemerovo", "school");
    official("https://vk.com/school12_kemerovo/", "school");
    official("https://vk.com/school12_kemerovo?w=wall-1_2", "school");
    official("https://vk.com/school12_kemerovo#posts", "school");
    official("https://vk.ru/school12_kemerovo", "school");
    official("  <https://vk.com/school12_kemerovo>  ", "school");
    official("«vk.com/school12_kemerovo»", "school");
    official("https://t.me/school12kem", "school");
    official("https://t.me/s/School12Kem", "school");
    official("telegram.me/School12Kem", "school");
    official("@School12Kem", "school");
    official("school12_kemerovo", "school");
    official("ok.ru/group/70000001", "gov");
    official("https://max.ru/gubernator", "gov");
    official("https://vk.com/club123456", "club");
}

#[test]
fn a_bare_handle_finds_it_on_every_platform() {
    let catalog = catalog();
    let checker = Checker::new(&catalog);
    let Verdict::Official(found) = checker.check("@gubernator").verdict else {
        panic!("@gubernator is official");
    };
    let platforms: Vec<&str> = found
        .iter()
        .map(|r| {
            catalog.organizations[r.org as usize].channels[r.channel as usize]
                .platform
                .as_str()
        })
        .collect();
    assert_eq!(platforms, ["vk", "max"]);
}

#[test]
fn links_that_only_look_official_do_not_pass() {
    let catalog = catalog();
    let checker = Checker::new(&catalog);
    let not_found = |input: &str| check(&checker, &catalog, input, "not-found", &[]);
    let lookalike = |input: &str, org: &str| check(&checker, &catalog, input, "lookalike", &[org]);
    // Another site, whatever its name starts or ends with.
    not_found("https://vk.com.example.ru/school12_kemerovo");
    not_found("https://vk.com:8080/school12_kemerovo");
    not_found("https://evil.ru/vk.com/school12_kemerovo");
    not_found("https://t.me.evil.ru/school12kem");
    // A different handle, or the right handle on the wrong platform.
    not_found("https://vk.com/school13_novokuznetsk");
    not_found("https://vk.com/club123457");
    not_found("https://max.ru/school12_kemerovo");
    not_found("https://vk.com/");
    // Not a link at all.
    not_found("");
    not_found("javascript:alert(1)");
    not_found("data:text/html,<b>vk.com/school12_kemerovo</b>");
    not_found("vk.com/school12 kemerovo");
    // Lookalike characters, or one character off: a warning names what they imitate.
    lookalike("https://vk.com/schoоl12_kemerovo", "school"); // Cyrillic «о»
    lookalike("https://vk.com/s%D1%81hool12_kemerovo", "school"); // escaped Cyrillic «с»
    lookalike("https://vk.com/schoo\u{200B}l12_kemerovo", "school");
    lookalike("https://vk.com/sch00l12_kemerovo", "school");
    lookalike("https://vk.com/school12-kemerovo", "school");
    lookalike("https://vk.com/school12_kemerovo1", "school");
    lookalike("https://vk.com/schol12_kemerovo", "school");
    lookalike("@gubernatоr", "gov");
    lookalike("https://vк.com/school12_kemerovo", "school"); // Cyrillic «к» in the host
    lookalike("https://vk.co/school12_kemerovo", "school");
}

#[test]
fn the_verdict_says_why() {
    let catalog = catalog();
    let checker = Checker::new(&catalog);
    let signs = |input: &str| match checker.check(input).verdict {
        Verdict::Lookalike { signs, .. } => signs,
        other => panic!("{input}: {other:?}"),
    };
    assert_eq!(signs("vk.com/schoоl12_kemerovo"), [Sign::ConfusableLetters]);
    assert_eq!(
        signs("vk.com/school12\u{200E}_kemerovo"),
        [Sign::DirectionControls]
    );
    assert_eq!(signs("vk.com/schoo1l2_kemerovo"), [Sign::SwappedCharacters]);
    assert_eq!(signs("vk.com/school12_kemerov"), [Sign::OneCharacterOff]);
    assert_eq!(
        signs("vк.com/school12_kemerovo"),
        [Sign::ConfusableLetters, Sign::ImitatedSite]
    );
    assert_eq!(
        checker.check("https://vk.com.example.ru/x").verdict,
        Verdict::NotFound(NotFound::OtherSite("vk.com.example.ru".into()))
    );
    assert_eq!(
        checker.check("https://vk.com/nobody_here").verdict,
        Verdict::NotFound(NotFound::UnknownHandle)
    );
    assert_eq!(
        checker.check("javascript:alert(1)").verdict,
        Verdict::NotFound(NotFound::NotALink)
    );
}
