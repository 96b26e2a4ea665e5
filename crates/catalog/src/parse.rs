//! Reading a catalog file: refuse a file that is not a catalog, skip and report bad
//! records, keep everything else.
//!
//! The whole file is refused only when it is not JSON, not this format, a version we
//! do not know, or lacks one of the four lists. Anything wrong inside a list costs only
//! that record (or that channel), and every such decision is written down as a
//! [`Problem`], so that a publisher can fix the data and a citizen is told what is
//! missing instead of being shown a blank page.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use serde::de::value::MapDeserializer;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::link::{feedback_link, handle_of, is_http_url, parse_http_url};
use crate::model::{
    Catalog, Channel, IsoDate, Level, Organization, Platform, Region, Sector, ShardRef, FORMAT,
    SHARD_FORMAT, VERSION,
};
use crate::platform::PlatformKind;

/// Subscriber counts above this are treated as data errors: no Russian channel has
/// more subscribers than the country has people, with a wide margin.
pub const MAX_SUBSCRIBERS: u64 = 200_000_000;

/// The longest name, short name or municipality kept, in characters. The longest real
/// organisation names are about 300; a megabyte "name" is an attack on the page.
pub const MAX_TEXT: usize = 1_000;

/// The longest channel URL kept, in bytes.
pub const MAX_URL: usize = 2_000;

/// The most characters of a problem message or a [`LoadError`]'s message that may come
/// from the input. serde_json quotes a wrong-typed string whole, so without a cut a
/// 100 MB string would be copied into the page and the validator's report.
pub const MAX_QUOTE: usize = 300;

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

/// Reads a catalog file. A leading byte-order mark is allowed.
pub fn parse_catalog(text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let top: RawTop = serde_json::from_str(text).map_err(|err| match err.classify() {
        serde_json::error::Category::Data if !text.trim_start().starts_with('{') => {
            LoadError::NotAnObject
        }
        serde_json::error::Category::Data => LoadError::Structure {
            line: err.line(),
            column: err.column(),
            message: serde_message(&err),
        },
        _ => LoadError::Json {
            line: err.line(),
            column: err.column(),
            message: serde_message(&err),
        },
    })?;
    check_header(&top)?;
    // A sharded catalog lists its shards, and may leave the organisations out.
    let empty = RawValue::from_string("[]".to_string()).ok();
    let organizations = match (top.organizations, top.shards, &empty) {
        (None, Some(_), Some(empty)) => Some(&**empty),
        (organizations, _, _) => organizations,
    };
    let lists = [
        ("regions", top.regions),
        ("sectors", top.sectors),
        ("platforms", top.platforms),
        ("organizations", organizations),
    ];
    let mut found = Vec::with_capacity(4);
    for (name, list) in lists {
        let list = list
            .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok())
            .ok_or(LoadError::MissingList(name))?;
        found.push(list);
    }
    let [regions, sectors, platforms, organizations]: [Vec<&RawValue>; 4] = found
        .try_into()
        .map_err(|_| LoadError::MissingList("regions"))?;

    let mut reader = Reader::default();
    let title = reader.top_text(top.title, "title", true);
    let updated = reader.top_text(top.updated, "updated", true).and_then(|s| {
        let date = IsoDate::parse(&s);
        if date.is_none() {
            reader.warn(
                "catalog",
                "updated",
                format!("\"{}\" is not a YYYY-MM-DD date", shorten(&s)),
            );
        }
        date
    });
    let demo = match top.demo.map(|raw| serde_json::from_str::<bool>(raw.get())) {
        None => false,
        Some(Ok(demo)) => demo,
        Some(Err(_)) => {
            // Erring towards showing the demonstration banner is the safe side.
            reader.warn(
                "catalog",
                "demo",
                "not true or false; treated as true".into(),
            );
            true
        }
    };
    let source = reader.top_text(top.source, "source", false);
    let license = reader.top_text(top.license, "license", false);
    let feedback_url = reader
        .top_text(top.feedback_url, "feedback_url", false)
        .filter(|url| {
            let ok = feedback_link(url).is_some();
            if !ok {
                reader.warn(
                    "catalog",
                    "feedback_url",
                    "not an http(s) or mailto: link; dropped".into(),
                );
            }
            ok
        });
    let feeds = reader.top_text(top.feeds, "feeds", false).and_then(|path| {
        let folder = feeds_folder(&path);
        if folder.is_none() {
            reader.warn(
                "catalog",
                "feeds",
                format!(
                    "\"{}\" is not a relative path to a folder beside the app (no scheme, no leading /, no ..); no feeds are linked",
                    shorten(&path)
                ),
            );
        }
        folder
    });

    let regions = reader.regions(&regions);
    let sectors = reader.sectors(&sectors);
    let platforms = reader.platforms(&platforms);
    let organizations = reader.organizations(&organizations, &regions, &sectors, &platforms);
    let shards = match top.shards {
        None => Vec::new(),
        Some(raw) => match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
            Ok(list) => reader.shards(&list, &regions),
            Err(_) => return Err(LoadError::MissingList("shards")),
        },
    };

    Ok(Loaded {
        catalog: Catalog {
            title,
            updated,
            demo,
            source,
            license,
            feedback_url,
            feeds,
            regions,
            sectors,
            platforms,
            organizations,
            shards,
        },
        problems: reader.problems,
        skipped: reader.skipped,
    })
}

/// A shard that was read: its organisations, with what had to be skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedShard {
    pub organizations: Vec<Arc<Organization>>,
    pub problems: Vec<Problem>,
    pub skipped: Skipped,
}

/// Reads one shard of a sharded catalog, checking its records against the top file's
/// reference lists. `region` is the region the top file says the shard holds; a shard
/// for another region is refused, and an organisation of another region is skipped.
pub fn parse_shard(text: &str, region: &str, catalog: &Catalog) -> Result<LoadedShard, LoadError> {
    let own: Vec<Region> = catalog
        .regions
        .iter()
        .filter(|r| r.code == region)
        .cloned()
        .collect();
    parse_shard_in(text, region, &own, catalog)
}

/// [`parse_shard`] with the region's record already looked up (`own` is it, or empty
/// when the catalog has no such region), so that [`crate::Assembly`] adding thousands of
/// shards does not scan the region list for each.
pub(crate) fn parse_shard_in(
    text: &str,
    region: &str,
    own: &[Region],
    catalog: &Catalog,
) -> Result<LoadedShard, LoadError> {
    #[derive(Deserialize)]
    struct RawShard<'a> {
        #[serde(borrow)]
        format: Option<&'a RawValue>,
        #[serde(borrow)]
        version: Option<&'a RawValue>,
        region: Option<String>,
        #[serde(borrow)]
        organizations: Option<&'a RawValue>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let shard: RawShard = serde_json::from_str(text).map_err(|err| LoadError::Json {
        line: err.line(),
        column: err.column(),
        message: serde_message(&err),
    })?;
    let format = shard
        .format
        .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok());
    if format.as_deref() != Some(SHARD_FORMAT) {
        return Err(LoadError::Format {
            found: shard
                .format
                .map_or_else(|| "missing".to_string(), |raw| shorten(raw.get())),
        });
    }
    let version = shard
        .version
        .and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok());
    if version != Some(VERSION) {
        return Err(LoadError::Version {
            found: shard
                .version
                .map_or_else(|| "missing".to_string(), |raw| shorten(raw.get())),
        });
    }
    if shard.region.as_deref() != Some(region) {
        return Err(LoadError::ShardRegion {
            expected: shorten(region),
            found: shard
                .region
                .map_or_else(|| "missing".to_string(), |found| shorten(&found)),
        });
    }
    let raws = shard
        .organizations
        .and_then(|raw| serde_json::from_str::<Vec<&RawValue>>(raw.get()).ok())
        .ok_or(LoadError::MissingList("organizations"))?;
    let mut reader = Reader::default();
    // Only this region's code is known inside the shard: another region's record is
    // skipped as an unknown region, with its reason.
    let organizations = reader.organizations(&raws, own, &catalog.sectors, &catalog.platforms);
    Ok(LoadedShard {
        organizations,
        problems: reader.problems,
        skipped: reader.skipped,
    })
}

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

#[derive(Deserialize)]
struct RawTop<'a> {
    #[serde(borrow)]
    format: Option<&'a RawValue>,
    #[serde(borrow)]
    version: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
    #[serde(borrow)]
    updated: Option<&'a RawValue>,
    #[serde(borrow)]
    demo: Option<&'a RawValue>,
    #[serde(borrow)]
    source: Option<&'a RawValue>,
    #[serde(borrow)]
    license: Option<&'a RawValue>,
    #[serde(borrow)]
    feedback_url: Option<&'a RawValue>,
    #[serde(borrow)]
    feeds: Option<&'a RawValue>,
    #[serde(borrow)]
    regions: Option<&'a RawValue>,
    #[serde(borrow)]
    sectors: Option<&'a RawValue>,
    #[serde(borrow)]
    platforms: Option<&'a RawValue>,
    #[serde(borrow)]
    organizations: Option<&'a RawValue>,
    #[serde(borrow)]
    shards: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawShardRef {
    region: Option<String>,
    url: Option<String>,
    organizations: Option<u64>,
    bytes: Option<u64>,
    sha256: Option<String>,
}

#[derive(Deserialize)]
struct RawRegion {
    code: Option<String>,
    name: Option<String>,
    short_name: Option<String>,
    district: Option<String>,
    iso: Option<String>,
}

#[derive(Deserialize)]
struct RawSector {
    id: Option<String>,
    name: Option<String>,
    name_en: Option<String>,
}

#[derive(Deserialize)]
struct RawPlatform {
    id: Option<String>,
    name: Option<String>,
    name_en: Option<String>,
    #[serde(default)]
    hosts: Vec<String>,
}

#[derive(Deserialize)]
struct RawOrganization<'a> {
    id: Option<String>,
    name: Option<String>,
    short_name: Option<String>,
    region: Option<String>,
    municipality: Option<String>,
    sector: Option<String>,
    level: Option<String>,
    ogrn: Option<String>,
    website: Option<String>,
    #[serde(borrow, default)]
    channels: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawChannel {
    platform: Option<String>,
    url: Option<String>,
    subscribers: Option<Value>,
    verified: Option<bool>,
    /// Read as any value, so that a malformed date costs only the field, like the
    /// other optional fields, and not the channel.
    added: Option<Value>,
    /// As `added`.
    checked: Option<Value>,
    /// Read as any value, so that a wrong one costs only the field.
    listed_on_website: Option<Value>,
}

fn check_header(top: &RawTop) -> Result<(), LoadError> {
    let format = top
        .format
        .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok());
    if format.as_deref() != Some(FORMAT) {
        return Err(LoadError::Format {
            found: top
                .format
                .map_or_else(|| "missing".to_string(), |raw| shorten(raw.get())),
        });
    }
    let version = top
        .version
        .and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok());
    if version != Some(VERSION) {
        return Err(LoadError::Version {
            found: top
                .version
                .map_or_else(|| "missing".to_string(), |raw| shorten(raw.get())),
        });
    }
    Ok(())
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    skipped: Skipped,
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

    fn error(&mut self, record: &str, field: &str, message: String) {
        self.push(Severity::Error, record, field, message);
    }

    fn warn(&mut self, record: &str, field: &str, message: String) {
        self.push(Severity::Warning, record, field, message);
    }

    /// A top-level text field; a wrong type is a warning and the field is dropped.
    fn top_text(&mut self, raw: Option<&RawValue>, field: &str, expected: bool) -> Option<String> {
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
    fn record<'a, T: Deserialize<'a>>(
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
    fn required(&mut self, value: Option<String>, record: &str, field: &str) -> Option<String> {
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

    /// Reads a reference list: each record is built by `build`, which reports what it
    /// lacks; a record that fails, or whose key was seen before, is skipped and counted.
    fn reference_list<'a, R: Deserialize<'a>, T>(
        &mut self,
        raws: &[&'a RawValue],
        list: &str,
        key: (&str, &str),
        mut build: impl FnMut(&mut Reader, &str, R) -> Option<(String, T)>,
    ) -> Vec<T> {
        let (key_field, key_name) = key;
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(raws.len());
        for (index, raw) in raws.iter().enumerate() {
            let label = format!("{list}[{index}]");
            let built = match self.record::<R>(raw, list, index) {
                Some(record) => build(self, &label, record),
                None => None,
            };
            match built {
                Some((key, item)) if seen.insert(key.clone()) => out.push(item),
                Some((key, _)) => {
                    let key = shorten(&key);
                    self.error(&label, key_field, format!("duplicate {key_name} \"{key}\""));
                    self.skipped.reference += 1;
                }
                None => self.skipped.reference += 1,
            }
        }
        out
    }

    fn regions(&mut self, raws: &[&RawValue]) -> Vec<Region> {
        self.reference_list(
            raws,
            "regions",
            ("code", "region code"),
            |reader, label, r: RawRegion| {
                let code = reader.required(r.code, label, "code");
                let name = reader.required(r.name, label, "name");
                let (code, name) = (code?, name?);
                let region = Region {
                    code: code.clone(),
                    name,
                    short_name: reader.limited(label, "short_name", clean(r.short_name)),
                    district: reader.limited(label, "district", clean(r.district)),
                    iso: reader.limited(label, "iso", clean(r.iso)),
                };
                Some((code, region))
            },
        )
    }

    fn sectors(&mut self, raws: &[&RawValue]) -> Vec<Sector> {
        self.reference_list(
            raws,
            "sectors",
            ("id", "sector id"),
            |reader, label, s: RawSector| {
                let id = reader.required(s.id, label, "id");
                let name = reader.required(s.name, label, "name");
                let (id, name) = (id?, name?);
                let sector = Sector {
                    id: id.clone(),
                    name,
                    name_en: reader.limited(label, "name_en", clean(s.name_en)),
                };
                Some((id, sector))
            },
        )
    }

    fn platforms(&mut self, raws: &[&RawValue]) -> Vec<Platform> {
        self.reference_list(
            raws,
            "platforms",
            ("id", "platform id"),
            |reader, label, p: RawPlatform| {
                let id = reader.required(p.id, label, "id");
                let name = reader.required(p.name, label, "name");
                let (id, name) = (id?, name?);
                // The hosts are the core's: a catalog that lists others (`evil.ru` as a
                // VK host) is told so, and they are ignored.
                let Some(kind) = PlatformKind::from_id(&id) else {
                    let known: Vec<&str> = PlatformKind::ALL.iter().map(|k| k.as_str()).collect();
                    reader.error(
                        label,
                        "id",
                        format!(
                            "unknown platform \"{}\"; the directory knows {}",
                            shorten(&id),
                            known.join(", ")
                        ),
                    );
                    return None;
                };
                let hosts: Vec<String> = kind.hosts().iter().map(|h| h.to_string()).collect();
                for host in p.hosts {
                    let listed = host.trim().trim_end_matches('.').to_ascii_lowercase();
                    if !hosts.contains(&listed) {
                        reader.warn(
                            label,
                            "hosts",
                            format!(
                                "\"{}\" is not one of {name}'s hosts ({}); ignored",
                                shorten(&host),
                                hosts.join(", ")
                            ),
                        );
                    }
                }
                let platform = Platform {
                    id: id.clone(),
                    name,
                    name_en: reader.limited(label, "name_en", clean(p.name_en)),
                    hosts,
                };
                Some((id, platform))
            },
        )
    }

    /// An optional text field, dropped with a warning when it is longer than [`MAX_TEXT`].
    fn limited(&mut self, record: &str, field: &str, value: Option<String>) -> Option<String> {
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

    fn shards(&mut self, raws: &[&RawValue], regions: &[Region]) -> Vec<ShardRef> {
        // Sets, not scans of the lists: a national catalog may list tens of thousands of
        // shards (one per municipality), and a scan per shard made this quadratic.
        let region_codes: HashSet<&str> = regions.iter().map(|r| r.code.as_str()).collect();
        let mut listed: HashSet<String> = HashSet::with_capacity(raws.len());
        let mut out: Vec<ShardRef> = Vec::with_capacity(raws.len());
        for (index, raw) in raws.iter().enumerate() {
            let label = format!("shards[{index}]");
            let Some(shard) = self.record::<RawShardRef>(raw, "shards", index) else {
                self.skipped.reference += 1;
                continue;
            };
            let errors_before = self.problems.len();
            let region = clean(shard.region);
            match &region {
                Some(code) if region_codes.contains(code.as_str()) => {
                    if listed.contains(code) {
                        self.error(
                            &label,
                            "region",
                            format!("a second shard for region {}", shorten(code)),
                        );
                    }
                }
                Some(code) => self.error(
                    &label,
                    "region",
                    format!("unknown region \"{}\"", shorten(code)),
                ),
                None => self.error(&label, "region", "missing".into()),
            }
            let url = clean(shard.url);
            match &url {
                Some(url) if is_shard_path(url) => {}
                Some(url) => self.error(
                    &label,
                    "url",
                    format!(
                        "\"{}\" is not a relative path to a .json file beside the catalog",
                        shorten(url)
                    ),
                ),
                None => self.error(&label, "url", "missing".into()),
            }
            let sha256 = clean(shard.sha256);
            let hex = |s: &String| {
                s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            };
            if !sha256.as_ref().is_some_and(hex) {
                self.error(&label, "sha256", "not 64 lower-case hex digits".into());
            }
            if self.problems.len() > errors_before {
                self.skipped.reference += 1;
                continue;
            }
            let (Some(region), Some(url), Some(sha256)) = (region, url, sha256) else {
                continue;
            };
            listed.insert(region.clone());
            out.push(ShardRef {
                region,
                url,
                organizations: shard.organizations.unwrap_or(0),
                bytes: shard.bytes.unwrap_or(0),
                sha256,
            });
        }
        out
    }

    fn organizations(
        &mut self,
        raws: &[&RawValue],
        regions: &[Region],
        sectors: &[Sector],
        platforms: &[Platform],
    ) -> Vec<Arc<Organization>> {
        let region_codes: HashSet<&str> = regions.iter().map(|r| r.code.as_str()).collect();
        let sector_ids: HashSet<&str> = sectors.iter().map(|s| s.id.as_str()).collect();
        let platforms_by_id: HashMap<&str, &Platform> =
            platforms.iter().map(|p| (p.id.as_str(), p)).collect();
        let mut first_index: HashMap<String, usize> = HashMap::with_capacity(raws.len());
        let mut out = Vec::with_capacity(raws.len());
        for (index, raw) in raws.iter().enumerate() {
            let Some(o) = self.record::<RawOrganization>(raw, "organizations", index) else {
                self.skipped.organizations += 1;
                continue;
            };
            let position = format!("organizations[{index}]");
            let id = clean(o.id);
            let label = id.clone().filter(|id| is_valid_id(id)).unwrap_or(position);
            let errors_before = self.problems.len();
            match &id {
                None => self.error(&label, "id", "missing".into()),
                Some(id) if !is_valid_id(id) => self.error(
                    &label,
                    "id",
                    format!("\"{}\" is not 1–64 of A–Z a–z 0–9 _ -", shorten(id)),
                ),
                Some(id) => {
                    if let Some(first) = first_index.get(id) {
                        self.error(
                            &label,
                            "id",
                            format!("duplicate id; first used at organizations[{first}]"),
                        );
                    }
                }
            }
            let name = clean(o.name);
            match &name {
                None => self.error(&label, "name", "missing".into()),
                Some(name) if name.chars().count() > MAX_TEXT => self.error(
                    &label,
                    "name",
                    format!("{} characters; at most {MAX_TEXT}", name.chars().count()),
                ),
                Some(_) => {}
            }
            let region = clean(o.region);
            match &region {
                None => self.error(&label, "region", "missing".into()),
                Some(code) if !region_codes.contains(code.as_str()) => self.error(
                    &label,
                    "region",
                    format!("unknown region \"{}\"", shorten(code)),
                ),
                Some(_) => {}
            }
            let sector = clean(o.sector);
            match &sector {
                None => self.error(&label, "sector", "missing".into()),
                Some(s) if !sector_ids.contains(s.as_str()) => self.error(
                    &label,
                    "sector",
                    format!("unknown sector \"{}\"", shorten(s)),
                ),
                Some(_) => {}
            }
            let has_errors = self.problems.len() > errors_before;
            let (Some(id), Some(name), Some(region), Some(sector), false) =
                (id, name, region, sector, has_errors)
            else {
                self.skipped.organizations += 1;
                continue;
            };
            first_index.insert(id.clone(), index);

            let level = clean(o.level).and_then(|text| {
                let level = Level::from_str_opt(&text);
                if level.is_none() {
                    self.warn(
                        &id,
                        "level",
                        format!(
                            "\"{}\" is not federal, regional or municipal; ignored",
                            shorten(&text)
                        ),
                    );
                }
                level
            });
            let ogrn = clean(o.ogrn).filter(|ogrn| {
                let ok = is_valid_ogrn(ogrn);
                if !ok {
                    self.warn(&id, "ogrn", format!("\"{}\" is not a valid OGRN (13 or 15 digits with a check digit); ignored", shorten(ogrn)));
                }
                ok
            });
            let website = clean(o.website).filter(|url| {
                let ok = is_http_url(url);
                if !ok {
                    self.warn(&id, "website", "not an http(s) URL; ignored".into());
                }
                ok
            });
            let channels = self.channels(&id, &o.channels, &platforms_by_id);
            if channels.is_empty() {
                self.warn(&id, "channels", "no valid channels".into());
            }
            let short_name = self.limited(&id, "short_name", clean(o.short_name));
            let municipality = self.limited(&id, "municipality", clean(o.municipality));
            out.push(Arc::new(Organization {
                id,
                name,
                short_name,
                region,
                municipality,
                sector,
                level,
                ogrn,
                website,
                channels,
            }));
        }
        out
    }

    fn channels(
        &mut self,
        org: &str,
        raws: &[&RawValue],
        platforms: &HashMap<&str, &Platform>,
    ) -> Vec<Channel> {
        let mut out = Vec::with_capacity(raws.len());
        for (index, raw) in raws.iter().enumerate() {
            let field = |name: &str| format!("channels[{index}].{name}");
            let channel = match serde_json::from_str::<RawChannel>(raw.get()) {
                Ok(channel) => channel,
                Err(err) => {
                    let fields = serde_json::from_str(raw.get()).unwrap_or_default();
                    let (name, err) = match failing_field::<RawChannel>(fields) {
                        Some((name, err)) => (format!("channels[{index}].{name}"), err),
                        None => (format!("channels[{index}]"), err),
                    };
                    let message = format!("not a valid channel: {}", serde_message(&err));
                    self.error(org, &name, message);
                    self.skipped.channels += 1;
                    continue;
                }
            };
            match self.channel(org, channel, platforms, &field) {
                Some(channel) => out.push(channel),
                None => self.skipped.channels += 1,
            }
        }
        out
    }

    fn channel(
        &mut self,
        org: &str,
        raw: RawChannel,
        platforms: &HashMap<&str, &Platform>,
        field: &dyn Fn(&str) -> String,
    ) -> Option<Channel> {
        let Some(platform_id) = clean(raw.platform) else {
            self.error(org, &field("platform"), "missing".into());
            return None;
        };
        let Some(platform) = platforms.get(platform_id.as_str()) else {
            self.error(
                org,
                &field("platform"),
                format!("unknown platform \"{}\"", shorten(&platform_id)),
            );
            return None;
        };
        let Some(url_text) = clean(raw.url) else {
            self.error(org, &field("url"), "missing".into());
            return None;
        };
        if url_text.len() > MAX_URL {
            self.error(
                org,
                &field("url"),
                format!("{} bytes; at most {MAX_URL}", url_text.len()),
            );
            return None;
        }
        let url = match parse_http_url(&url_text) {
            Ok(url) => url,
            Err(err) => {
                self.error(
                    org,
                    &field("url"),
                    format!("\"{}\": {err}", shorten(&url_text)),
                );
                return None;
            }
        };
        if !platform.hosts.contains(&url.host) {
            self.error(
                org,
                &field("url"),
                format!(
                    "host \"{}\" is not one of {}'s hosts ({})",
                    shorten(&url.host),
                    shorten(&platform.name),
                    shorten(&platform.hosts.join(", "))
                ),
            );
            return None;
        }
        if !url.https {
            self.error(
                org,
                &field("url"),
                format!(
                    "\"{}\": a channel address must be https (every platform serves https)",
                    shorten(&url_text)
                ),
            );
            return None;
        }
        // The path must name a channel in the platform's own form: an empty path or a
        // redirector would make every pasted link of that kind official.
        let kind = PlatformKind::from_id(&platform.id);
        let path_end = url.rest.find(['?', '#']).unwrap_or(url.rest.len());
        if let Some(Err(err)) = kind.map(|kind| kind.channel_key(&url.rest[..path_end])) {
            self.error(
                org,
                &field("url"),
                format!("\"{}\": {err}", shorten(&url_text)),
            );
            return None;
        }
        let subscribers = match raw.subscribers {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) => match n.as_u64() {
                Some(count) if count <= MAX_SUBSCRIBERS => Some(count),
                Some(count) => {
                    self.error(
                        org,
                        &field("subscribers"),
                        format!("{count} is not a plausible subscriber count"),
                    );
                    return None;
                }
                None if n.as_i64().is_some_and(|v| v < 0)
                    || n.as_f64().is_some_and(|v| v < 0.0) =>
                {
                    self.error(
                        org,
                        &field("subscribers"),
                        format!("negative subscriber count {n}"),
                    );
                    return None;
                }
                None => {
                    self.error(
                        org,
                        &field("subscribers"),
                        format!("{n} is not a whole number"),
                    );
                    return None;
                }
            },
            Some(_) => {
                self.error(org, &field("subscribers"), "not a number".into());
                return None;
            }
        };
        let added = self.date(org, &field("added"), raw.added);
        let checked = self.date(org, &field("checked"), raw.checked);
        let listed_on_website = match raw.listed_on_website {
            None | Some(Value::Null) => false,
            Some(Value::Bool(listed)) => listed,
            Some(_) => {
                self.warn(
                    org,
                    &field("listed_on_website"),
                    "not true or false; ignored".into(),
                );
                false
            }
        };
        Some(Channel {
            platform: platform_id,
            handle: handle_of(&url),
            url: url_text,
            subscribers,
            verified: raw.verified.unwrap_or(false),
            added,
            checked,
            listed_on_website,
        })
    }

    /// An optional date of a channel (`added`, `checked`): absent, blank or null is no
    /// date; anything but a real `YYYY-MM-DD` day is dropped with a warning, and the
    /// channel stays.
    fn date(&mut self, org: &str, field: &str, raw: Option<Value>) -> Option<IsoDate> {
        match raw {
            None | Some(Value::Null) => None,
            // Blank is absent, as for every text field.
            Some(Value::String(text)) if text.trim().is_empty() => None,
            Some(Value::String(text)) => {
                let date = IsoDate::parse(text.trim());
                if date.is_none() {
                    self.warn(
                        org,
                        field,
                        format!("\"{}\" is not a YYYY-MM-DD date; ignored", shorten(&text)),
                    );
                }
                date
            }
            Some(_) => {
                self.warn(org, field, "not a YYYY-MM-DD date string; ignored".into());
                None
            }
        }
    }
}

/// Trims a text field; blank counts as absent.
fn clean(value: Option<String>) -> Option<String> {
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
fn serde_message(err: &serde_json::Error) -> String {
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
fn failing_field<'a, T: Deserialize<'a>>(
    fields: BTreeMap<String, &'a RawValue>,
) -> Option<(String, serde_json::Error)> {
    fields.into_iter().find_map(|(name, value)| {
        let alone =
            MapDeserializer::<_, serde_json::Error>::new(std::iter::once((name.as_str(), value)));
        T::deserialize(alone).err().map(|err| (name, err))
    })
}
