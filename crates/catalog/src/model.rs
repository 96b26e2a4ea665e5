//! The catalog model: plain data, no signals, no I/O.
//!
//! These types hold only records that passed validation; everything that reaches the
//! UI or the data tool has already been checked by [`crate::parse_catalog`].

use std::sync::Arc;

use serde::Serialize;

use crate::format::Lang;

/// The value of the top-level `"format"` field of a catalog file.
pub const FORMAT: &str = "gospubliki-catalog";

/// The catalog format version this build understands.
pub const VERSION: u64 = 1;

/// A validated catalog: reference lists and the organisations that passed validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Catalog {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<IsoDate>,
    pub demo: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_url: Option<String>,
    /// The folder of the Atom feeds `catalog-tool feeds` wrote, relative to the app's page
    /// (`feeds/`), always ending in `/`; the app links to feeds only when it is set, so it
    /// never links to a file that is not there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feeds: Option<String>,
    pub regions: Vec<Region>,
    pub sectors: Vec<Sector>,
    pub platforms: Vec<Platform>,
    /// Shared, so that a catalog that grows as its shards arrive can be handed to the page
    /// again without copying the organisations already there.
    pub organizations: Vec<Arc<Organization>>,
    /// Per-region files to load instead of (or besides) the organisations inline; empty
    /// for a single-file catalog.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shards: Vec<ShardRef>,
}

/// The value of a shard file's `"format"` field.
pub const SHARD_FORMAT: &str = "gospubliki-catalog-shard";

/// One region's organisations in a file of its own, as the top file lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShardRef {
    /// The region code; every organisation in the shard is in this region.
    pub region: String,
    /// The shard's address relative to the top file: `regions/42-1a2b3c4d5e6f.json` as
    /// the data tool names it (any plain relative path is accepted).
    pub url: String,
    /// How many organisations it holds (for progress, before it arrives).
    pub organizations: u64,
    /// Its size in bytes, uncompressed.
    pub bytes: u64,
    /// SHA-256 of its bytes, lower-case hex; a shard that does not match is refused.
    pub sha256: String,
}

/// A federal subject of Russia, keyed by its two-digit code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    pub code: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// The federal district; absent where no source names one (the 2022 subjects).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
}

/// A sector of public life: education, health, culture…
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sector {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

/// A social platform or messenger and the hosts its channel links may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Platform {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Lower-case host names; a channel link is accepted only on one of these.
    pub hosts: Vec<String>,
}

/// A state body or public organisation and its official channels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// A code from [`Catalog::regions`].
    pub region: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// An id from [`Catalog::sectors`].
    pub sector: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ogrn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    pub channels: Vec<Channel>,
}

/// One official channel of an organisation on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Channel {
    /// An id from [`Catalog::platforms`].
    pub platform: String,
    /// An http(s) URL on one of the platform's hosts, as published.
    pub url: String,
    /// The part of the URL that names the channel, for display: `school12` of
    /// `https://vk.com/school12`. Derived, so it is not written back out.
    #[serde(skip)]
    pub handle: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscribers: Option<u64>,
    pub verified: bool,
    /// The day the channel first appeared in a publication of the catalog, as the data
    /// tool stamps it from the previous publication; the news feeds are made of these.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added: Option<IsoDate>,
    /// The day the catalog's publisher last checked the channel (that it is the
    /// organisation's, and its mark), as the publisher states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<IsoDate>,
    /// Whether the organisation's own website links to this channel, as the publisher
    /// found it. Written only when true, so that catalogs without the evidence stay as
    /// they were.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub listed_on_website: bool,
}

/// What one Atom feed of `catalog-tool feeds` covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeedScope {
    /// The whole catalog: `all.atom`.
    All,
    /// One region: `42.atom`.
    Region,
    /// One region and one sector: `42-education.atom`.
    RegionSector,
}

impl FeedScope {
    /// A lower-case name, for `data-feed` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedScope::All => "all",
            FeedScope::Region => "region",
            FeedScope::RegionSector => "region-sector",
        }
    }
}

/// A feed the app may link to: its scope and its address relative to the app's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLink {
    pub scope: FeedScope,
    pub href: String,
}

/// The file name of a feed as `catalog-tool feeds` writes it: `all.atom` with no region,
/// `42.atom` for a region, `42-education.atom` for a region and a sector. `None` when a
/// code cannot be part of a file name (not 1–64 of `A–Z a–z 0–9 _ -`), for which no
/// feed is written. One function, so that the tool's files and the app's links cannot
/// disagree.
pub fn feed_file(region: Option<&str>, sector: Option<&str>) -> Option<String> {
    use crate::parse::is_valid_id;
    match (region, sector) {
        (None, None) => Some("all.atom".to_string()),
        (Some(region), None) if is_valid_id(region) => Some(format!("{region}.atom")),
        (Some(region), Some(sector)) if is_valid_id(region) && is_valid_id(sector) => {
            Some(format!("{region}-{sector}.atom"))
        }
        _ => None,
    }
}

/// The level of government an organisation belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Federal,
    Regional,
    Municipal,
}

impl Level {
    /// The value used in catalog files.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Federal => "federal",
            Level::Regional => "regional",
            Level::Municipal => "municipal",
        }
    }

    /// Reads a catalog value; `None` for anything else.
    pub fn from_str_opt(s: &str) -> Option<Level> {
        [Level::Federal, Level::Regional, Level::Municipal]
            .into_iter()
            .find(|level| level.as_str() == s)
    }
}

/// A calendar date as catalogs write it, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the length of the month.
    pub day: u8,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD` strictly: four-digit year, real month and day.
    pub fn parse(s: &str) -> Option<IsoDate> {
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(range)?;
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month)
            .contains(&day)
            .then_some(IsoDate { year, month, day })
    }
}

impl std::fmt::Display for IsoDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Sector {
    /// The name in `lang`: the English one where the catalog gives it.
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(name)) => name,
            _ => &self.name,
        }
    }
}

impl Platform {
    /// The name in `lang`: the English one where the catalog gives it.
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(name)) => name,
            _ => &self.name,
        }
    }
}

impl Catalog {
    /// The region with this code.
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|region| region.code == code)
    }

    /// The sector with this id.
    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|sector| sector.id == id)
    }

    /// The platform with this id.
    pub fn platform(&self, id: &str) -> Option<&Platform> {
        self.platforms.iter().find(|platform| platform.id == id)
    }

    /// What people call a filter value in `lang`: a region's short name (or its name), a
    /// sector's or platform's name, a municipality as it is; the value itself when
    /// unknown. Regions and municipalities have Russian names only.
    pub fn label(&self, facet: crate::Facet, value: &str, lang: Lang) -> String {
        use crate::Facet;
        match facet {
            Facet::Region => self
                .region(value)
                .map(|r| r.short_name.clone().unwrap_or_else(|| r.name.clone())),
            Facet::Sector => self.sector(value).map(|s| s.name_in(lang).to_string()),
            Facet::Platform => self.platform(value).map(|p| p.name_in(lang).to_string()),
            Facet::Municipality => None,
        }
        .unwrap_or_else(|| value.to_string())
    }

    /// The feeds worth linking to for a view of `region` (when one region is chosen) and
    /// `sector` (when one sector is): the whole catalog's, the region's, and the region
    /// and sector's when the catalog has organisations there (the tool writes a feed for
    /// every region, but for a region and sector only where there are organisations).
    /// Empty when the catalog declares no `feeds` folder: the app links to no file the
    /// publisher has not said is there.
    pub fn feed_links(&self, region: Option<&str>, sector: Option<&str>) -> Vec<FeedLink> {
        let Some(folder) = &self.feeds else {
            return Vec::new();
        };
        let link = |scope, file: Option<String>| {
            file.map(|file| FeedLink {
                scope,
                href: format!("{folder}{file}"),
            })
        };
        let region = region.filter(|code| self.region(code).is_some());
        let sector = sector.filter(|id| self.sector(id).is_some());
        let pair = region.zip(sector).filter(|(region, sector)| {
            self.organizations
                .iter()
                .any(|org| org.region == *region && org.sector == *sector)
        });
        [
            link(FeedScope::All, feed_file(None, None)),
            region.and_then(|region| link(FeedScope::Region, feed_file(Some(region), None))),
            pair.and_then(|(region, sector)| {
                link(
                    FeedScope::RegionSector,
                    feed_file(Some(region), Some(sector)),
                )
            }),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The total number of channels over all organisations.
    pub fn channel_count(&self) -> usize {
        self.organizations
            .iter()
            .map(|org| org.channels.len())
            .sum()
    }

    /// The catalog as a version-1 catalog file: header fields one per line and each
    /// record of a list on a line of its own, so that a change to one organisation is a
    /// one-line diff. Ends in a newline.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Header<'a> {
            format: &'static str,
            version: u64,
            #[serde(skip_serializing_if = "Option::is_none")]
            title: &'a Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            updated: &'a Option<IsoDate>,
            demo: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            source: &'a Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            license: &'a Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            feedback_url: &'a Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            feeds: &'a Option<String>,
        }
        fn list<T: Serialize>(out: &mut String, name: &str, items: &[T], last: bool) {
            out.push_str(&format!("  \"{name}\": ["));
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n    " } else { ",\n    " });
                out.push_str(&serde_json::to_string(item).unwrap_or_default());
            }
            out.push_str(if items.is_empty() { "]" } else { "\n  ]" });
            out.push_str(if last { "\n" } else { ",\n" });
        }
        let header = Header {
            format: FORMAT,
            version: VERSION,
            title: &self.title,
            updated: &self.updated,
            demo: self.demo,
            source: &self.source,
            license: &self.license,
            feedback_url: &self.feedback_url,
            feeds: &self.feeds,
        };
        // Serialising plain structs with string keys cannot fail.
        let header = serde_json::to_string_pretty(&header).unwrap_or_default();
        let mut out = String::with_capacity(1 << 20);
        out.push_str(header.trim_end_matches(['}', '\n']));
        out.push_str(",\n");
        list(&mut out, "regions", &self.regions, false);
        list(&mut out, "sectors", &self.sectors, false);
        list(&mut out, "platforms", &self.platforms, false);
        if self.shards.is_empty() {
            list(&mut out, "organizations", &self.organizations, true);
        } else {
            list(&mut out, "organizations", &self.organizations, false);
            list(&mut out, "shards", &self.shards, true);
        }
        out.push_str("}\n");
        out
    }
}
