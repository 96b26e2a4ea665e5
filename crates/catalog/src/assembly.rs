//! A sharded catalog put together as its shards arrive.
//!
//! The top file names the regions' shards; [`Assembly`] takes each shard's text as it
//! comes, checks it against the top file (its SHA-256, its region, every record) and
//! appends its organisations. Organisations are only appended, never reordered, so
//! positions handed out earlier (search results, an index) stay valid.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::model::{Catalog, ShardRef};
use crate::parse::{parse_shard_in, shorten, LoadError, Loaded, Problem, Severity, Skipped};

/// A catalog being assembled from its top file and its shards.
#[derive(Debug, Clone)]
pub struct Assembly {
    catalog: Catalog,
    problems: Vec<Problem>,
    skipped: Skipped,
    ids: HashSet<String>,
    /// The regions whose shards have been added.
    added: HashSet<String>,
    /// Each listed shard's region: its position in the shard list and in the region
    /// list. Looking them up instead of scanning the lists keeps adding every shard of a
    /// catalog with tens of thousands of them linear.
    listed: HashMap<String, (usize, usize)>,
}

impl Assembly {
    /// Starts from the top file: its reference lists, shard list and any organisations
    /// it holds itself.
    pub fn new(top: Loaded) -> Assembly {
        let ids = top
            .catalog
            .organizations
            .iter()
            .map(|org| org.id.clone())
            .collect();
        let region_positions: HashMap<&str, usize> = top
            .catalog
            .regions
            .iter()
            .enumerate()
            .map(|(position, region)| (region.code.as_str(), position))
            .collect();
        // The parser lists only shards of known regions, each region once.
        let listed = top
            .catalog
            .shards
            .iter()
            .enumerate()
            .filter_map(|(position, shard)| {
                let region = *region_positions.get(shard.region.as_str())?;
                Some((shard.region.clone(), (position, region)))
            })
            .collect();
        Assembly {
            catalog: top.catalog,
            problems: top.problems,
            skipped: top.skipped,
            ids,
            added: HashSet::new(),
            listed,
        }
    }

    /// The catalog as far as it is assembled.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Everything that was skipped or dropped, in the top file and the shards added.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// How many records were skipped, in the top file and the shards added.
    pub fn skipped(&self) -> Skipped {
        self.skipped
    }

    /// Whether this region's shard has been added.
    pub fn has(&self, region: &str) -> bool {
        self.added.contains(region)
    }

    /// How many shards have been added.
    pub fn added(&self) -> usize {
        self.added.len()
    }

    /// The shards not added yet, those of `first` (the regions the reader is looking at)
    /// before the others, each group in the top file's order.
    pub fn to_load(&self, first: &[String]) -> Vec<ShardRef> {
        let missing = self
            .catalog
            .shards
            .iter()
            .filter(|shard| !self.has(&shard.region))
            .cloned();
        regions_first(missing, first).into()
    }

    /// Adds one region's shard: `text` is the file as received and `sha256` its digest in
    /// lower-case hex (worked out by the caller, which may have a faster one than
    /// [`crate::sha256_hex`]). A shard whose digest or region is not the one the top file
    /// lists is refused whole; within it, a bad record or one whose id is already in the
    /// catalog is skipped and reported. Returns how many organisations were added.
    pub fn add(&mut self, region: &str, text: &str, sha256: &str) -> Result<usize, LoadError> {
        let Some(&(shard_position, region_position)) = self.listed.get(region) else {
            return Err(LoadError::ShardRegion {
                expected: "one the catalog lists".to_string(),
                found: shorten(region),
            });
        };
        let listed = &self.catalog.shards[shard_position];
        if !listed.sha256.eq_ignore_ascii_case(sha256) {
            return Err(LoadError::Digest {
                expected: listed.sha256.clone(),
                found: shorten(sha256),
            });
        }
        if self.has(region) {
            return Ok(0);
        }
        let own = std::slice::from_ref(&self.catalog.regions[region_position]);
        let shard = parse_shard_in(text, region, own, &self.catalog)?;
        self.problems.extend(shard.problems);
        self.skipped.organizations += shard.skipped.organizations;
        self.skipped.channels += shard.skipped.channels;
        self.skipped.reference += shard.skipped.reference;
        let before = self.catalog.organizations.len();
        for org in shard.organizations {
            if self.ids.insert(org.id.clone()) {
                self.catalog.organizations.push(org);
            } else {
                self.problems.push(Problem {
                    severity: Severity::Error,
                    record: org.id.clone(),
                    field: "id".to_string(),
                    message: format!(
                        "duplicate id; already in another file of the catalog (region {})",
                        shorten(region)
                    ),
                });
                self.skipped.organizations += 1;
            }
        }
        self.added.insert(region.to_string());
        Ok(self.catalog.organizations.len() - before)
    }
}

/// `shards` with those of `regions` first, each group in the order it came in: the one
/// place that decides the order shards load in, for [`Assembly::to_load`] and for the
/// loader, which applies it again whenever the reader picks other regions.
pub(crate) fn regions_first(
    shards: impl IntoIterator<Item = ShardRef>,
    regions: &[String],
) -> VecDeque<ShardRef> {
    let (mut first, rest): (VecDeque<ShardRef>, VecDeque<ShardRef>) = shards
        .into_iter()
        .partition(|shard| regions.contains(&shard.region));
    first.extend(rest);
    first
}
