//! The data tool as its users run it: the built binary, in a folder of the test's.

use std::path::Path;
use std::process::Command;

/// Runs `catalog-tool ARGS` in `dir`; returns (exit code, stdout, stderr).
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_catalog-tool"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the tool runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
