//! The reference files the demo catalog is built from, compiled into the tool so that
//! `demo` needs no files at run time and always produces the same output.

use catalog::Region;

const REGIONS_CSV: &str = include_str!("../reference/regions.csv");
const MUNICIPALITIES_CSV: &str = include_str!("../reference/kuzbass_municipalities.csv");

/// A municipal formation of Kuzbass.
#[derive(Debug, Clone)]
pub struct Municipality {
    /// The name as the reference file spells it, used as the organisation's municipality.
    pub name: String,
    /// City okrug (`городской округ`) or municipal okrug (`муниципальный округ`).
    pub is_city: bool,
}

impl Municipality {
    /// The leading adjective: «Беловский» of «Беловский муниципальный округ».
    pub fn adjective(&self) -> &str {
        self.name.split(' ').next().unwrap_or(&self.name)
    }

    /// The name without a parenthesised note: «Кемеровский городской округ».
    pub fn plain_name(&self) -> &str {
        self.name.split(" (").next().unwrap_or(&self.name)
    }
}

/// The 89 regions, in the reference file's order.
pub fn regions() -> Vec<Region> {
    rows(REGIONS_CSV)
        .into_iter()
        .map(|row| {
            let field = |name: &str| row.get(name).cloned().unwrap_or_default();
            let name = field("name_ru").replace(" - ", " — ");
            let iso = field("iso_3166_2");
            let district = field("federal_district");
            Region {
                code: field("subject_code"),
                short_name: short_region_name(&name),
                name,
                district: (!district.is_empty()).then_some(district),
                // The file gives UA- codes for the subjects of 2022; the catalog's `iso`
                // is meant for RU- codes only, so those regions are left without one.
                iso: iso.starts_with("RU-").then_some(iso),
            }
        })
        .collect()
}

/// The 34 municipal formations of Kuzbass, in the reference file's order.
pub fn kuzbass_municipalities() -> Vec<Municipality> {
    rows(MUNICIPALITIES_CSV)
        .into_iter()
        .map(|row| Municipality {
            name: row.get("name_ru").cloned().unwrap_or_default(),
            is_city: row.get("type").is_some_and(|t| t == "городской округ"),
        })
        .collect()
}

/// The name people use in speech where it differs from the official one:
/// «Кузбасс», «Югра», «Татарстан», «Москва».
fn short_region_name(name: &str) -> Option<String> {
    if let Some((_, tail)) = name.split_once(" — ") {
        return Some(tail.to_string());
    }
    if let Some(rest) = name.strip_prefix("Республика ") {
        return Some(rest.split(" (").next().unwrap_or(rest).to_string());
    }
    name.strip_prefix("г. ").map(str::to_string)
}

fn rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    reader
        .records()
        .filter_map(Result::ok)
        .map(|record| {
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                .collect()
        })
        .collect()
}
