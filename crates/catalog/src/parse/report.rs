//! What reading a catalog reports: the refusal of a whole file, the problems of single
//! records and the counts of what was skipped, with the [`Reader`] that writes them down
//! and bounds the length of every message.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::de::value::MapDeserializer;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::{is_valid_id, MAX_QUOTE, MAX_TEXT};
use crate::model::{Catalog, Organization};

/// Why a whole catalog file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The text is not JSON; `line` and `column` are 1-based.
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The text is JSON, but its top level is a list, string or number.
    #[error("the file is JSON but its top level is not an object")]
    NotAnObject,
    /// The top-level object is malformed, for example a field given twice.
    #[error("the catalog is malformed at line {line}, column {column}: {message}")]
    Structure {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is not an object with `"format": "gospubliki-catalog"`.
    #[error("not a Gospubliki catalog: format is {found}")]
    Format { found: String },
    /// The format is right, the version is not one this build reads.
    #[error("unsupported catalog version {found}")]
    Version { found: String },
    /// One of `regions`, `sectors`, `platforms`, `organizations` is missing or not a list.
    #[error("the catalog has no \"{0}\" list")]
    MissingList(&'static str),
    /// A shard holds another region than the top file says.
    #[error("the shard is for region {found}, the catalog expects region {expected}")]
    ShardRegion { expected: String, found: String },
    /// A shard's bytes are not the ones the top file lists: changed, damaged, or from
    /// another publication.
    #[error("the file's SHA-256 is {found}, the catalog lists {expected}")]
    Digest { expected: String, found: String },
}

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The record was skipped.
    Error,
    /// The record was kept; one of its fields was dropped or looks wrong.
    Warning,
}

impl Severity {
    /// A lower-case name for reports and CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing wrong in a catalog, located by record and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The record's id when it has a usable one, else its position
    /// (`organizations[17]`), or `catalog` for top-level fields.
    pub record: String,
    /// The field, with a channel's position where it is inside one (`channels[1].url`).
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    /// `record / field: message`, the validator's line format.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}: {}", self.record, self.field, self.message)
    }
}

/// How many records of each kind were skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    pub organizations: usize,
    pub channels: usize,
    /// Regions, sectors and platforms.
    pub reference: usize,
}

impl Skipped {
    /// All skipped records together.
    pub fn total(&self) -> usize {
        self.organizations + self.channels + self.reference
    }
}

/// A catalog that was read, with what had to be skipped or dropped on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
    pub skipped: Skipped,
}

impl Loaded {
    /// The problems of one severity, in file order.
    pub fn problems_of(&self, severity: Severity) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(move |p| p.severity == severity)
    }
}

/// A shard that was read: its organisations, with what had to be skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedShard {
    pub organizations: Vec<Arc<Organization>>,
    pub problems: Vec<Problem>,
    pub skipped: Skipped,
}

#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
    pub(super) skipped: Skipped,
}

impl Reader {
    /// Every problem passes here, so this is where its length is bounded: the callers
    /// shorten what they quote, and the cut here catches any quote they missed.
    fn push(&mut self, severity: Severity, record: &str, field: &str, message: String) {
        self.problems.push(Problem {
            severity,
            record: shorten(record),
            field: shorten(field),
            message: clip(message),
        });
    }

    pub(super) fn error(&mut self, record: &str, field: &str, message: String) {
        self.push(Severity::Error, record, field, message);
    }

    pub(super) fn warn(&mut self, record: &str, field: &str, message: String) {
        self.push(Severity::Warning, record, field, message);
    }

    /// A top-level text field; a wrong type is a warning and the field is dropped.
    pub(super) fn top_text(
        &mut self,
        raw: Option<&RawValue>,
        field: &str,
        expected: bool,
    ) -> Option<String> {
        let Some(raw) = raw else {
            if expected {
                self.warn("catalog", field, "missing".into());
            }
            return None;
        };
        match serde_json::from_str::<String>(raw.get()) {
            Ok(text) => self.limited("catalog", field, clean(Some(text))),
            Err(_) => {
                self.warn("catalog", field, "not a string; ignored".into());
                None
            }
        }
    }

    /// Deserialises one record of a list, or reports it and returns `None`.
    pub(super) fn record<'a, T: Deserialize<'a>>(
        &mut self,
        raw: &'a RawValue,
        list: &str,
        index: usize,
    ) -> Option<T> {
        match serde_json::from_str::<T>(raw.get()) {
            Ok(record) => Some(record),
            Err(err) => {
                // The record is read again as a map of fields, to name it by its id and
                // to find the field at fault.
                let fields = serde_json::from_str::<BTreeMap<String, &RawValue>>(raw.get())
                    .unwrap_or_default();
                let id = fields
                    .get("id")
                    .and_then(|id| serde_json::from_str::<String>(id.get()).ok())
                    .filter(|id| is_valid_id(id));
                let record = id.unwrap_or_else(|| format!("{list}[{index}]"));
                let (field, err) = failing_field::<T>(fields).unwrap_or((String::new(), err));
                self.error(
                    &record,
                    &field,
                    format!("not a valid record: {}", serde_message(&err)),
                );
                None
            }
        }
    }

    /// Reports a missing required text field of a reference record.
    /// A text field the record cannot do without: missing, or longer than [`MAX_TEXT`],
    /// it is an error that skips the record.
    pub(super) fn required(
        &mut self,
        value: Option<String>,
        record: &str,
        field: &str,
    ) -> Option<String> {
        let Some(value) = clean(value) else {
            self.error(record, field, "missing".into());
            return None;
        };
        let length = value.chars().count();
        if length > MAX_TEXT {
            self.error(
                record,
                field,
                format!("{length} characters; at most {MAX_TEXT}"),
            );
            return None;
        }
        Some(value)
    }

    /// An optional text field, dropped with a warning when it is longer than [`MAX_TEXT`].
    pub(super) fn limited(
        &mut self,
        record: &str,
        field: &str,
        value: Option<String>,
    ) -> Option<String> {
        let value = value?;
        let length = value.chars().count();
        if length > MAX_TEXT {
            self.warn(
                record,
                field,
                format!("{length} characters; at most {MAX_TEXT}; dropped"),
            );
            return None;
        }
        Some(value)
    }
}

/// Trims a text field; blank counts as absent.
pub(super) fn clean(value: Option<String>) -> Option<String> {
    let value = value?;
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_string())
    }
}

/// A value quoted inside a sentence of a message (an id, a code, a host): its first 60
/// characters, and `…` where it was cut, so that a 10 MB string cannot flood a report.
pub(crate) fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// A whole message cut to at most [`MAX_QUOTE`] characters, on character boundaries,
/// with `…` in place of what was cut. The cut is in the middle: serde_json's messages
/// quote the input in the middle (`invalid type: string "…", expected u64`), and both the
/// beginning and the end say what was wrong.
fn clip(message: String) -> String {
    const TAIL: usize = 60;
    let Some((head_end, _)) = message.char_indices().nth(MAX_QUOTE) else {
        return message;
    };
    let head_end = message
        .char_indices()
        .nth(MAX_QUOTE - TAIL)
        .map_or(head_end, |(cut, _)| cut);
    let tail_start = message
        .char_indices()
        .rev()
        .nth(TAIL - 1)
        .map_or(head_end, |(cut, _)| cut.max(head_end));
    format!("{}…{}", &message[..head_end], &message[tail_start..])
}

/// A serde_json error as a message: cut to [`MAX_QUOTE`] characters, and without the
/// " at line L column C" serde_json appends (inside a record those positions are
/// relative to the record, which would mislead a reader of the report; a [`LoadError`]
/// carries them in fields of its own).
pub(super) fn serde_message(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => &message[..cut],
        None => &message,
    };
    clip(message.to_string())
}

/// Which field of a record (given as its map of fields) is the one that does not read as
/// `T` expects, with its own error: the first, in name order, whose value alone fails.
/// `None` when there is no such field: the record is not an object (the map is empty), or
/// the fault is in the whole, such as a field given twice. Each field is tried on its own
/// because serde_json's error says what was wrong but not where, and "not a valid record"
/// alone leaves a publisher searching a long record for the culprit.
pub(super) fn failing_field<'a, T: Deserialize<'a>>(
    fields: BTreeMap<String, &'a RawValue>,
) -> Option<(String, serde_json::Error)> {
    fields.into_iter().find_map(|(name, value)| {
        let alone =
            MapDeserializer::<_, serde_json::Error>::new(std::iter::once((name.as_str(), value)));
        T::deserialize(alone).err().map(|err| (name, err))
    })
}
