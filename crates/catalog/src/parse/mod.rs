//! Reading a catalog file: refuse a file that is not a catalog, skip and report bad
//! records, keep everything else.
//!
//! The whole file is refused only when it is not JSON, not this format, a version we
//! do not know, or lacks one of the four lists. Anything wrong inside a list costs only
//! that record (or that channel), and every such decision is written down as a
//! [`Problem`], so that a publisher can fix the data and a citizen is told what is
//! missing instead of being shown a blank page.

mod raw;
mod records;
mod reference;
mod report;
mod rules;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::link::feedback_link;
use crate::model::{Catalog, IsoDate, Region, FORMAT, SHARD_FORMAT};
use raw::RawTop;
use report::{serde_message, Reader};
use rules::check_header;

pub(crate) use report::shorten;
pub use report::{LoadError, Loaded, LoadedShard, Problem, Severity, Skipped};
pub use rules::{feeds_folder, is_shard_path, is_valid_id, is_valid_ogrn};

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
    check_header(top.format, top.version, FORMAT)?;
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
    check_header(shard.format, shard.version, SHARD_FORMAT)?;
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
