//! The host the core says a browser opens for each pasted text, for the differential test
//! against a browser's own URL parser (`tests/differential/hosts.mjs`).
//!
//! Reads one JSON string per line on standard input and writes, for each, one JSON line:
//! the host `catalog::browser_host` gives, or `null`. JSON on both sides keeps tabs,
//! newlines and every other character of the input intact through the pipe.

use std::io::{self, BufRead, BufWriter, Write};

fn main() -> io::Result<()> {
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    for (number, line) in stdin.lines().enumerate() {
        let line = line?;
        let text: String = serde_json::from_str(&line).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("line {}: not a JSON string: {error}", number + 1),
            )
        })?;
        let host = catalog::browser_host(&text);
        serde_json::to_writer(&mut out, &host)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
