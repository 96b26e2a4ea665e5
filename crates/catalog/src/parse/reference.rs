//! The reference lists every record points into: regions, sectors, platforms, and the
//! shards of a sharded catalog.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::raw::{RawPlatform, RawRegion, RawSector, RawShardRef};
use super::report::{clean, shorten, Reader};
use super::rules::is_shard_path;
use crate::model::{Platform, Region, Sector, ShardRef};
use crate::platform::PlatformKind;

impl Reader {
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

    pub(super) fn regions(&mut self, raws: &[&RawValue]) -> Vec<Region> {
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

    pub(super) fn sectors(&mut self, raws: &[&RawValue]) -> Vec<Sector> {
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

    pub(super) fn platforms(&mut self, raws: &[&RawValue]) -> Vec<Platform> {
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

    pub(super) fn shards(&mut self, raws: &[&RawValue], regions: &[Region]) -> Vec<ShardRef> {
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
}
