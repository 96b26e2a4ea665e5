//! The raw serde shapes of a catalog's records, as the JSON spells them. Every field is
//! optional or read as a raw value, so that what is wrong can be reported field by field
//! instead of refusing the record at the first surprise.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

#[derive(Deserialize)]
pub(super) struct RawTop<'a> {
    #[serde(borrow)]
    pub(super) format: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) version: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) title: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) updated: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) demo: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) source: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) license: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) feedback_url: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) feeds: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) regions: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) sectors: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) platforms: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) organizations: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) shards: Option<&'a RawValue>,
}

#[derive(Deserialize)]
pub(super) struct RawShardRef {
    pub(super) region: Option<String>,
    pub(super) url: Option<String>,
    pub(super) organizations: Option<u64>,
    pub(super) bytes: Option<u64>,
    pub(super) sha256: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawRegion {
    pub(super) code: Option<String>,
    pub(super) name: Option<String>,
    pub(super) short_name: Option<String>,
    pub(super) district: Option<String>,
    pub(super) iso: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawSector {
    pub(super) id: Option<String>,
    pub(super) name: Option<String>,
    pub(super) name_en: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct RawPlatform {
    pub(super) id: Option<String>,
    pub(super) name: Option<String>,
    pub(super) name_en: Option<String>,
    #[serde(default)]
    pub(super) hosts: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct RawOrganization<'a> {
    pub(super) id: Option<String>,
    pub(super) name: Option<String>,
    pub(super) short_name: Option<String>,
    pub(super) region: Option<String>,
    pub(super) municipality: Option<String>,
    pub(super) sector: Option<String>,
    pub(super) level: Option<String>,
    pub(super) ogrn: Option<String>,
    pub(super) website: Option<String>,
    #[serde(borrow, default)]
    pub(super) channels: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
pub(super) struct RawChannel {
    pub(super) platform: Option<String>,
    pub(super) url: Option<String>,
    pub(super) subscribers: Option<Value>,
    pub(super) verified: Option<bool>,
    /// Read as any value, so that a malformed date costs only the field, like the
    /// other optional fields, and not the channel.
    pub(super) added: Option<Value>,
    /// As `added`.
    pub(super) checked: Option<Value>,
    /// Read as any value, so that a wrong one costs only the field.
    pub(super) listed_on_website: Option<Value>,
}
