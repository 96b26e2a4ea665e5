//! The invariants ARCHITECTURE.md states, checked against the source tree, so that the
//! document and the code cannot drift apart unnoticed. Each test reads files of the
//! repository (the app's `src/`, this crate's manifest, ARCHITECTURE.md) and names the
//! file and line that break a rule.

use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn the_core_depends_only_on_the_crates_architecture_names() {
    let manifest = read("crates/catalog/Cargo.toml");
    let section = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("crates/catalog/Cargo.toml has a [dependencies] section");
    let mut used: Vec<&str> = section
        .lines()
        .filter_map(|line| line.split(['=', '.']).next())
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    used.sort_unstable();

    let architecture = read("ARCHITECTURE.md").replace('\n', " ");
    let stated = architecture
        .split("it depends on ")
        .nth(1)
        .and_then(|rest| rest.split(" only").next())
        .expect("ARCHITECTURE.md says what the core depends on («it depends on … only»)");
    let mut named: Vec<&str> = stated
        .split([',', ' '])
        .map(str::trim)
        .filter(|word| !word.is_empty() && *word != "and")
        .collect();
    named.sort_unstable();
    assert_eq!(
        used, named,
        "the core's dependencies against ARCHITECTURE.md's list"
    );
}

#[test]
fn only_load_rs_touches_the_network() {
    check_only(
        &[
            "gloo_net",
            "fetch_with_",
            "XmlHttpRequest",
            "send_beacon",
            "WebSocket",
        ],
        &["src/load.rs"],
    );
}

#[test]
fn only_url_state_rs_reads_or_writes_the_query_string() {
    check_only(
        &[
            ".search()",
            "_state_with_url",
            "set_search",
            "location.replace(",
            "location.assign(",
        ],
        &["src/url_state.rs"],
    );
}

#[test]
fn no_text_is_inserted_as_html() {
    check_only(
        &[
            "inner_html",
            "outer_html",
            "insert_adjacent_html",
            "document.write",
        ],
        &[],
    );
}

#[test]
fn in_page_addresses_are_made_only_by_url_state_rs() {
    // A hand-written `?org=…` drops the search, the filters and the language, and misses
    // the escaping `Page::to_query_string` does; `url_state::href` makes every link, and
    // a query string written or read anywhere else would be a second rule for the empty
    // address or a second parse of the address.
    check_only(
        &[
            "to_query_string(",
            "from_query_str(",
            "\"?org=",
            "\"?check=",
            "\"?view=",
            "\"?lang=",
            "\"?q=",
            "format!(\"?",
        ],
        &["src/url_state.rs"],
    );
}

#[test]
fn every_ui_string_of_the_app_is_in_the_string_table() {
    let mut found = Vec::new();
    for file in rust_files("src") {
        // The string table, and its tests, which spell the sentences they expect.
        if file.ends_with("src/i18n.rs") || file.ends_with("src/i18n/tests.rs") {
            continue;
        }
        for (number, line) in read_path(&file).lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for literal in string_literals(line) {
                if literal
                    .chars()
                    .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
                {
                    found.push(format!("{}:{}: {literal:?}", relative(&file), number + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "Russian text outside src/i18n.rs:\n{}",
        found.join("\n")
    );
}

/// Fails unless each of `patterns` occurs in the app's `src/` only in `allowed` files
/// (paths from the repository's root), outside comments.
fn check_only(patterns: &[&str], allowed: &[&str]) {
    let mut found = Vec::new();
    for file in rust_files("src") {
        let name = relative(&file);
        if allowed.contains(&name.as_str()) {
            continue;
        }
        for (number, line) in read_path(&file).lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for pattern in patterns {
                if code.contains(pattern) {
                    found.push(format!("{name}:{}: {pattern}", number + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "only {allowed:?} may use these:\n{}",
        found.join("\n")
    );
}

/// The contents of the string literals on one line of Rust (escapes left as written).
fn string_literals(line: &str) -> Vec<&str> {
    let mut literals = Vec::new();
    let mut start = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match (start, c) {
            (Some(_), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(from), '"') if !escaped => {
                literals.push(&line[from..i]);
                start = None;
            }
            (None, '"') if !line[..i].ends_with('\'') => start = Some(i + 1),
            _ => {}
        }
        escaped = false;
    }
    literals
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    read_path(&root().join(path))
}

fn read_path(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn relative(path: &Path) -> String {
    let root = root().canonicalize().expect("the repository's root");
    let path = path.canonicalize().expect("a file of the tree");
    path.strip_prefix(&root)
        .expect("under the root")
        .to_string_lossy()
        .replace('\\', "/")
}

fn rust_files(dir: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![root().join(dir)];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no Rust files under {dir}");
    files
}

#[test]
fn the_literal_reader_finds_strings() {
    let check =
        |line: &str, expected: &[&str]| assert_eq!(string_literals(line), expected, "{line}");
    check(r#"let a = "x";"#, &["x"]);
    check(r#"f("a", "b")"#, &["a", "b"]);
    check(r#""a \" b""#, &[r#"a \" b"#]);
    check(r#"'"' == c"#, &[]);
    check(r#"no strings"#, &[]);
    check(r#""школа""#, &["школа"]);
}
