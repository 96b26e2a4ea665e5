//! Any pasted text, checked against a catalog with a channel on every platform: only a
//! plain text can be official, and an official link is one a browser opens on the
//! channel's own platform. This is the property issue #12 broke
//! (`https://evil.ru\@vk.com/x` was official while a browser opens evil.ru).
#![no_main]

use std::sync::OnceLock;

use catalog::{
    browser_host, parse_catalog, read_pasted, trim_pasted, Catalog, Checker, Pasted, PlatformKind,
    Verdict,
};
use libfuzzer_sys::fuzz_target;

const CATALOG: &str = r#"{"format":"gospubliki-catalog","version":1,
"regions":[{"code":"42","name":"Кузбасс"}],
"sectors":[{"id":"education","name":"Образование"}],
"platforms":[
 {"id":"vk","name":"ВКонтакте","hosts":["vk.com","m.vk.com"]},
 {"id":"ok","name":"Одноклассники","hosts":["ok.ru"]},
 {"id":"max","name":"MAX","hosts":["max.ru"]},
 {"id":"telegram","name":"Telegram","hosts":["t.me"]}],
"organizations":[
 {"id":"school","name":"Школа № 5","region":"42","sector":"education","channels":[{"platform":"vk","url":"https://vk.com/sosh5_nvkz"}]},
 {"id":"club","name":"Больница","region":"42","sector":"education","channels":[{"platform":"vk","url":"https://vk.com/club123456"}]},
 {"id":"gov","name":"Правительство Кузбасса","region":"42","sector":"education","channels":[
  {"platform":"telegram","url":"https://t.me/kuzbass_gov"},
  {"platform":"ok","url":"https://ok.ru/group/5123"},
  {"platform":"max","url":"https://max.ru/gubernator"}]}]}"#;

fn fixture() -> &'static (Catalog, Checker) {
    static FIXTURE: OnceLock<(Catalog, Checker)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let catalog = parse_catalog(CATALOG).expect("fixed catalog").catalog;
        let checker = Checker::new(&catalog);
        (catalog, checker)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (catalog, checker) = fixture();
    let Verdict::Official(found) = checker.check(text).verdict else {
        return;
    };
    assert!(
        !found.is_empty(),
        "{text:?}: official, but names no channel"
    );
    // Tab, LF and CR are the only controls a browser drops from inside a URL; any other,
    // and anything beyond ASCII, makes the text another address or a disguised one.
    let trimmed = trim_pasted(text);
    assert!(
        trimmed
            .chars()
            .all(|c| c.is_ascii() && (!c.is_ascii_control() || matches!(c, '\t' | '\n' | '\r'))),
        "{text:?}: official, though it is not plain ASCII"
    );
    match read_pasted(text) {
        // `@name` or a bare name: a handle, which opens nothing and names no host.
        Some(Pasted::Handle(_)) => assert_eq!(browser_host(text), None, "{text:?}"),
        Some(Pasted::Address(_)) => {
            let host = browser_host(text)
                .unwrap_or_else(|| panic!("{text:?}: official, but a browser opens no host"));
            let opened = PlatformKind::of_host(&host);
            for channel in &found {
                let listed = &catalog.organizations[channel.org as usize].channels
                    [channel.channel as usize]
                    .platform;
                assert_eq!(
                    opened.map(PlatformKind::as_str),
                    Some(listed.as_str()),
                    "{text:?}: official on {listed}, but a browser opens {host:?}"
                );
            }
        }
        None => panic!("{text:?}: official, but not read as a link or handle"),
    }
});
