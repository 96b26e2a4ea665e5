//! Any pasted text, as a channel link: the URL rules and the checker never panic, and
//! nothing but plain ASCII is ever official.
#![no_main]

use std::sync::OnceLock;

use catalog::{parse_catalog, parse_http_url, read_channel, Checker, Verdict};
use libfuzzer_sys::fuzz_target;

const CATALOG: &str = r#"{"format":"gospubliki-catalog","version":1,
"regions":[{"code":"42","name":"Кузбасс"}],
"sectors":[{"id":"education","name":"Образование"}],
"platforms":[{"id":"vk","name":"ВКонтакте","hosts":["vk.com","m.vk.com"]},{"id":"telegram","name":"Telegram","hosts":["t.me"]}],
"organizations":[
 {"id":"a","name":"Школа","region":"42","sector":"education","channels":[{"platform":"vk","url":"https://vk.com/school12"},{"platform":"telegram","url":"https://t.me/school12_news"}]},
 {"id":"b","name":"Больница","region":"42","sector":"education","channels":[{"platform":"vk","url":"https://vk.com/club123456"}]}]}"#;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(&parse_catalog(CATALOG).expect("fixed catalog").catalog))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(url) = parse_http_url(text) {
        assert!(url.host.is_ascii() && !url.host.is_empty());
    }
    let _ = read_channel(text);
    if let Verdict::Official(found) = checker().check(text).verdict {
        assert!(!found.is_empty());
        let handle = read_channel(text)
            .expect("an official link was read")
            .handle;
        assert!(handle.is_ascii(), "{text:?} passed with a non-ASCII handle");
    }
});
