//! The rules a value must meet to be kept: the form of ids, OGRNs, shard paths and the
//! feeds' folder, and the format and version a file must declare.

use serde_json::value::RawValue;

use super::report::{shorten, LoadError};
use crate::model::VERSION;

/// Whether a shard's address is a plain relative path to a JSON file at or below the top
/// file's folder: no scheme, host, `..`, query or leading `/`. The app fetches only such
/// paths, so a catalog cannot make it load data from anywhere else.
pub fn is_shard_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && path.ends_with(".json")
        && !path.starts_with('/')
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'))
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The feeds' folder as a catalog's `feeds` field names it, with the trailing `/` it
/// may lack (`feeds` and `feeds/` are one folder), or `None` when it is not a plain
/// relative path: no scheme, host, `..`, `.`, query, empty part or leading `/`, only
/// `A–Z a–z 0–9 - _ .` in its parts. The app makes links of it relative to its own page,
/// so such a path cannot point the reader anywhere but the app's own site.
pub fn feeds_folder(path: &str) -> Option<String> {
    let trimmed = path.strip_suffix('/').unwrap_or(path);
    let plain = !trimmed.is_empty()
        && trimmed.len() <= 200
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'))
        && trimmed
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    plain.then(|| format!("{trimmed}/"))
}

/// Whether an organisation id has the allowed form: 1 to 64 of `A–Z a–z 0–9 _ -`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Whether a string is a valid OGRN (13 digits) or OGRNIP (15 digits): the last digit
/// is the remainder of the rest divided by 11 (or 13), modulo 10.
pub fn is_valid_ogrn(ogrn: &str) -> bool {
    let divisor = match ogrn.len() {
        13 => 11,
        15 => 13,
        _ => return false,
    };
    if !ogrn.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let (body, check) = ogrn.split_at(ogrn.len() - 1);
    match (body.parse::<u64>(), check.parse::<u64>()) {
        (Ok(body), Ok(check)) => body % divisor % 10 == check,
        _ => false,
    }
}

/// Checks a file's `format` and `version` fields: `format` must be the string `expected`
/// (the top file's or a shard's) and `version` one this build reads. Anything else refuses
/// the whole file, quoting what was found.
pub(super) fn check_header(
    format: Option<&RawValue>,
    version: Option<&RawValue>,
    expected: &str,
) -> Result<(), LoadError> {
    let found = format.and_then(|raw| serde_json::from_str::<String>(raw.get()).ok());
    if found.as_deref() != Some(expected) {
        return Err(LoadError::Format {
            found: format.map_or_else(|| "missing".to_string(), |raw| shorten(raw.get())),
        });
    }
    let found = version.and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok());
    if found != Some(VERSION) {
        return Err(LoadError::Version {
            found: version.map_or_else(|| "missing".to_string(), |raw| shorten(raw.get())),
        });
    }
    Ok(())
}
