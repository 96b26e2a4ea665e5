//! The `catalog-tool` binary as a publisher runs it: exit status and every line printed.

mod tool;

use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/catalogs");

/// Runs the tool in the fixtures' folder; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    tool::run(Path::new(FIXTURES), args)
}

/// `validate FILE`: the exit code, the lines on stdout, and a fragment of stderr.
fn check_validate(file: &str, code: i32, stdout: &[&str], stderr: &str) {
    let (actual_code, out, err) = run(&["validate", file]);
    assert_eq!(actual_code, code, "exit code for {file}; stderr: {err}");
    assert_eq!(out.lines().collect::<Vec<_>>(), stdout, "stdout for {file}");
    assert!(
        err.contains(stderr),
        "stderr for {file}: {err:?} lacks {stderr:?}"
    );
}

#[test]
fn validate() {
    check_validate(
        "bad-records.json",
        1,
        &[
            "ERRORS (5): records skipped",
            "42-2 / channels[0].url: \"javascript:alert(1)\": not an http(s) URL",
            "99-1 / region: unknown region \"99\"",
            "42-3 / name: missing",
            "42-1 / id: duplicate id; first used at organizations[0]",
            "54-1 / channels[0].url: host \"vk.com.example.ru\" is not one of ВКонтакте's hosts (vk.com, www.vk.com, m.vk.com, vk.ru, www.vk.ru, m.vk.ru)",
            "bad-records.json: 3 organizations, 3 channels, 2 regions, 2 sectors, 2 platforms; skipped 3 organizations and 2 channels; 5 errors, 0 warnings",
        ],
        "",
    );
    check_validate("broken.json", 1, &[], "the whole file is refused: not valid JSON at line 5, column 48: EOF while parsing a string");
    check_validate("version-2.json", 1, &[], "unsupported catalog version 2");
    check_validate(
        "html-instead.json",
        1,
        &[],
        "not valid JSON at line 1, column 1",
    );
    check_validate("no-such-file.json", 1, &[], "cannot read the file");
}

#[test]
fn validate_the_committed_demo() {
    let (code, out, err) = run(&["validate", "../../../public/data/catalog.json"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "only the summary: {out}");
    assert!(
        lines[0].ends_with("skipped 0 organizations and 0 channels; 0 errors, 0 warnings"),
        "{out}"
    );
}

#[test]
fn usage() {
    let (code, out, _) = run(&["help"]);
    assert_eq!(code, 0);
    assert!(out.contains("catalog-tool validate FILE"));
    let (code, _, err) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown command: frobnicate"));
    let (code, _, _) = run(&["validate"]);
    assert_eq!(code, 2, "a missing argument is a usage error");
}
