//! Sharded catalogs: the top file lists one file per region, so a regional site loads its
//! own region only and the national directory can show the first regions while the rest
//! arrive. This module writes them; `parse/` reads them.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::{Catalog, Organization, ShardRef, SHARD_FORMAT, VERSION};

/// SHA-256 of `bytes` as lower-case hex, the form shard references carry.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A shard file's path and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardFile {
    pub region: String,
    /// Relative to the top file, named by region and content: `regions/42-1a2b3c4d5e6f.json`.
    pub path: String,
    pub text: String,
}

/// How many hex digits of a shard's SHA-256 go into its file name: 48 bits, so two
/// publications of one region's shard never share a name in practice.
const SHORT_HASH: usize = 12;

impl Catalog {
    /// Splits the catalog into one shard per region that has organisations, in region
    /// order, and the top file that lists them with counts, sizes and hashes. The
    /// organisations keep their order within each region.
    pub fn to_shards(&self) -> (String, Vec<ShardFile>) {
        let mut files = Vec::new();
        let mut refs = Vec::new();
        for region in &self.regions {
            let organizations: Vec<&Organization> = self
                .organizations
                .iter()
                .filter(|org| org.region == region.code)
                .map(|org| &**org)
                .collect();
            if organizations.is_empty() {
                continue;
            }
            let text = shard_json(&region.code, &organizations);
            let sha256 = sha256_hex(text.as_bytes());
            // Named by content: a new publication's shards never overwrite the old ones,
            // so a reader whose top file is the old one (cached, or loaded just before the
            // switch) still gets the shards it lists, and servers may cache them forever.
            let path = format!("regions/{}-{}.json", region.code, &sha256[..SHORT_HASH]);
            refs.push(ShardRef {
                region: region.code.clone(),
                url: path.clone(),
                organizations: organizations.len() as u64,
                bytes: text.len() as u64,
                sha256,
            });
            files.push(ShardFile {
                region: region.code.clone(),
                path,
                text,
            });
        }
        let top = Catalog {
            organizations: Vec::new(),
            shards: refs,
            ..self.clone()
        };
        (top.to_json(), files)
    }
}

/// A shard file: one organisation per line, like the single-file catalog.
fn shard_json(region: &str, organizations: &[&Organization]) -> String {
    #[derive(Serialize)]
    struct Header<'a> {
        format: &'static str,
        version: u64,
        region: &'a str,
    }
    let header = Header {
        format: SHARD_FORMAT,
        version: VERSION,
        region,
    };
    // Serialising plain structs with string keys cannot fail.
    let header = serde_json::to_string_pretty(&header).unwrap_or_default();
    let mut out = String::with_capacity(organizations.len() * 400);
    out.push_str(header.trim_end_matches(['}', '\n']));
    out.push_str(",\n  \"organizations\": [");
    for (i, org) in organizations.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&serde_json::to_string(org).unwrap_or_default());
    }
    out.push_str(if organizations.is_empty() {
        "]\n}\n"
    } else {
        "\n  ]\n}\n"
    });
    out
}
