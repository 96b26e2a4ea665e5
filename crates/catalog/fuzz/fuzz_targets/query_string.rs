//! Any query string: reading never fails, and reading what was written gives the same
//! state (the address is canonical).
#![no_main]

use catalog::Page;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let query = Page::from_query_str(text);
    let written = query.to_query_string();
    assert_eq!(Page::from_query_str(&written), query, "{written}");
    assert_eq!(Page::from_query_str(&written).to_query_string(), written);
});
