//! Organisations and their channels, each checked against the reference lists; a bad
//! record costs only itself, a bad channel only itself.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::value::RawValue;
use serde_json::Value;

use super::raw::{RawChannel, RawOrganization};
use super::report::{clean, failing_field, serde_message, shorten, Reader};
use super::rules::{is_valid_id, is_valid_ogrn};
use super::{MAX_SUBSCRIBERS, MAX_TEXT, MAX_URL};
use crate::link::{handle_of, is_http_url, parse_http_url};
use crate::model::{Channel, IsoDate, Level, Organization, Platform, Region, Sector};
use crate::platform::PlatformKind;

impl Reader {
    pub(super) fn organizations(
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
