//! `import-csv`: the spreadsheets operators keep — one row per channel — into a catalog.
//!
//! Accepted as Russian offices export them: UTF-8 with or without a byte-order mark, or
//! Windows-1251; `;` or `,` between fields (whichever the header row uses more); headers in
//! Russian or English, as the directory's own CSV download writes them, or the catalog's
//! field names. Rows are grouped into organisations by `id`, or by OGRN when the id is
//! empty. Every rejected row is reported with its line number and reason; the others are
//! imported.

use std::collections::HashMap;
use std::sync::Arc;

use catalog::{
    is_valid_id, is_valid_ogrn, parse_http_url, Catalog, Channel, IsoDate, Level, Organization,
    Platform, Region, Sector,
};

use crate::demo::{platforms, sectors};
use crate::reference::regions;

/// A row the importer could not take, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    /// The row's line in the file (the header is line 1).
    pub line: u64,
    pub reason: String,
}

/// What an import produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub catalog: Catalog,
    pub rows: usize,
    pub rejected: Vec<Rejected>,
    /// Rows taken with a note (a field dropped, a disagreement with an earlier row).
    pub notes: Vec<Rejected>,
}

/// Options a publisher gives on the command line.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub title: Option<String>,
    pub updated: Option<IsoDate>,
    pub source: Option<String>,
    pub license: Option<String>,
}

/// The fields a column can hold, and the header names that mean it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Id,
    Name,
    ShortName,
    RegionCode,
    RegionName,
    Municipality,
    SectorCode,
    SectorName,
    Level,
    Ogrn,
    Website,
    Platform,
    Url,
    Subscribers,
    Verified,
}

const HEADERS: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "идентификатор"]),
    (
        Field::Name,
        &["name", "название", "полное название", "наименование"],
    ),
    (
        Field::ShortName,
        &[
            "short_name",
            "краткое название",
            "short name",
            "сокращённое наименование",
        ],
    ),
    (
        Field::RegionCode,
        &["region", "region_code", "код региона", "region code"],
    ),
    (Field::RegionName, &["регион", "region name", "субъект"]),
    (
        Field::Municipality,
        &["municipality", "муниципальное образование"],
    ),
    (
        Field::SectorCode,
        &["sector", "sector_code", "код сферы", "sector code"],
    ),
    (Field::SectorName, &["сфера", "sector name", "отрасль"]),
    (Field::Level, &["level", "уровень"]),
    (Field::Ogrn, &["ogrn", "огрн"]),
    (Field::Website, &["website", "сайт"]),
    (Field::Platform, &["platform", "платформа", "площадка"]),
    (
        Field::Url,
        &[
            "url",
            "адрес канала",
            "channel url",
            "ссылка",
            "ссылка на канал",
        ],
    ),
    (
        Field::Subscribers,
        &["subscribers", "подписчики", "число подписчиков"],
    ),
    (
        Field::Verified,
        &["verified", "подтверждён", "подтвержден", "верифицирован"],
    ),
];

/// Reads a CSV file's bytes into a catalog with the built-in reference lists.
pub fn import_csv(bytes: &[u8], options: &ImportOptions) -> Result<Imported, String> {
    let text = decode(bytes);
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = if header_line.matches(',').count() > header_line.matches(';').count() {
        b','
    } else {
        b';'
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|err| format!("the header row cannot be read: {err}"))?
        .clone();
    let mut columns: HashMap<Field, usize> = HashMap::new();
    for (index, header) in headers.iter().enumerate() {
        let header = header.trim().to_lowercase();
        if let Some((field, _)) = HEADERS
            .iter()
            .find(|(_, names)| names.contains(&header.as_str()))
        {
            columns.entry(*field).or_insert(index);
        }
    }
    if !columns.contains_key(&Field::Name) || !columns.contains_key(&Field::Url) {
        return Err(format!(
            "the header row must name at least the columns «Название» (name) and «Адрес канала» (url); found: {}",
            headers.iter().collect::<Vec<_>>().join(" | ")
        ));
    }

    let regions = regions();
    let sectors = sectors();
    let platforms = platforms();
    let mut organizations: Vec<Organization> = Vec::new();
    let mut by_key: HashMap<String, (usize, u64)> = HashMap::new();
    let mut rejected = Vec::new();
    let mut notes = Vec::new();
    let mut rows = 0;
    for record in reader.records() {
        rows += 1;
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line());
                rejected.push(Rejected {
                    line,
                    reason: format!("unreadable row: {err}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |field: Field| -> String {
            columns
                .get(&field)
                .and_then(|&i| record.get(i))
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        match read_row(&get, &regions, &sectors, &platforms) {
            Err(reason) => rejected.push(Rejected { line, reason }),
            Ok((org, channel, row_notes)) => {
                notes.extend(
                    row_notes
                        .into_iter()
                        .map(|reason| Rejected { line, reason }),
                );
                let key = org.id.clone();
                match by_key.get(&key) {
                    Some(&(index, first_line)) => {
                        let existing = &mut organizations[index];
                        if existing.name != org.name
                            || existing.region != org.region
                            || existing.sector != org.sector
                        {
                            notes.push(Rejected {
                                line,
                                reason: format!(
                                    "name, region or sector differs from line {first_line} of the same organisation; line {first_line} kept"
                                ),
                            });
                        }
                        if existing.channels.iter().any(|c| c.url == channel.url) {
                            rejected.push(Rejected {
                                line,
                                reason: format!(
                                    "the channel {} is already on an earlier line",
                                    channel.url
                                ),
                            });
                        } else {
                            existing.channels.push(channel);
                        }
                    }
                    None => {
                        by_key.insert(key, (organizations.len(), line));
                        let mut org = org;
                        org.channels.push(channel);
                        organizations.push(org);
                    }
                }
            }
        }
    }
    let catalog = Catalog {
        title: options.title.clone(),
        updated: options.updated,
        demo: false,
        source: options.source.clone(),
        license: options.license.clone(),
        feedback_url: None,
        regions,
        sectors,
        platforms,
        organizations: organizations.into_iter().map(Arc::new).collect(),
        shards: Vec::new(),
    };
    Ok(Imported {
        catalog,
        rows,
        rejected,
        notes,
    })
}

/// One row as an organisation (without channels) and its channel, or why not.
fn read_row(
    get: &dyn Fn(Field) -> String,
    regions: &[Region],
    sectors: &[Sector],
    platforms: &[Platform],
) -> Result<(Organization, Channel, Vec<String>), String> {
    let mut notes = Vec::new();
    let name = get(Field::Name);
    if name.is_empty() {
        return Err("no name («Название»)".into());
    }
    let ogrn = Some(get(Field::Ogrn).replace(' ', "")).filter(|o| !o.is_empty());
    if let Some(ogrn) = &ogrn {
        if !is_valid_ogrn(ogrn) {
            return Err(format!(
                "OGRN {ogrn} is not valid (13 or 15 digits with a check digit)"
            ));
        }
    }
    let id = match (get(Field::Id), &ogrn) {
        (id, _) if !id.is_empty() => {
            if !is_valid_id(&id) {
                return Err(format!("id «{id}» is not 1–64 of A–Z a–z 0–9 _ -"));
            }
            id
        }
        (_, Some(ogrn)) => format!("ogrn-{ogrn}"),
        (_, None) => return Err("neither an id nor an OGRN to tell the organisation by".into()),
    };
    // Region codes are two digits; a spreadsheet may have eaten the leading zero.
    let region_code = match get(Field::RegionCode) {
        code if code.len() == 1 => format!("0{code}"),
        code => code,
    };
    let region_name = get(Field::RegionName);
    let region = regions
        .iter()
        .find(|r| {
            (!region_code.is_empty() && r.code == region_code)
                || (!region_name.is_empty()
                    && (r.name.eq_ignore_ascii_case(&region_name)
                        || r.short_name.as_deref() == Some(region_name.as_str())))
        })
        .ok_or_else(|| {
            format!(
                "unknown region «{}»",
                if region_code.is_empty() {
                    &region_name
                } else {
                    &region_code
                }
            )
        })?;
    let sector_code = get(Field::SectorCode);
    let sector_name = get(Field::SectorName).to_lowercase();
    let sector = sectors
        .iter()
        .find(|s| {
            s.id == sector_code
                || (!sector_name.is_empty()
                    && (s.name.to_lowercase() == sector_name
                        || s.name_en
                            .as_deref()
                            .is_some_and(|n| n.to_lowercase() == sector_name)))
        })
        .ok_or_else(|| {
            format!(
                "unknown sector «{}»; one of: {}",
                if sector_code.is_empty() {
                    get(Field::SectorName)
                } else {
                    sector_code.clone()
                },
                sectors
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })?;
    let level = match get(Field::Level).to_lowercase().as_str() {
        "" => None,
        "federal" | "федеральный" => Some(Level::Federal),
        "regional" | "региональный" => Some(Level::Regional),
        "municipal" | "муниципальный" => Some(Level::Municipal),
        other => {
            notes.push(format!(
                "level «{other}» is not federal, regional or municipal; left out"
            ));
            None
        }
    };
    let website = Some(get(Field::Website))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let ok = parse_http_url(w).is_ok();
            if !ok {
                notes.push(format!("website «{w}» is not an http(s) address; left out"));
            }
            ok
        });

    let url = get(Field::Url);
    let parsed = parse_http_url(&url).map_err(|err| format!("channel address «{url}»: {err}"))?;
    let wanted = get(Field::Platform).to_lowercase();
    let platform = if wanted.is_empty() {
        platforms.iter().find(|p| p.hosts.contains(&parsed.host))
    } else {
        platforms.iter().find(|p| {
            p.id == wanted
                || p.name.to_lowercase() == wanted
                || p.name_en
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase() == wanted)
        })
    }
    .ok_or_else(|| format!("unknown platform «{}» for {url}", get(Field::Platform)))?;
    if !platform.hosts.contains(&parsed.host) {
        return Err(format!(
            "channel address «{url}» is not on {} (hosts: {})",
            platform.name,
            platform.hosts.join(", ")
        ));
    }
    let subscribers_text: String = get(Field::Subscribers)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let subscribers = if subscribers_text.is_empty() {
        None
    } else {
        match subscribers_text.parse::<u64>() {
            Ok(n) if n <= catalog::MAX_SUBSCRIBERS => Some(n),
            _ => {
                notes.push(format!(
                    "subscribers «{}» is not a plausible count; left out",
                    get(Field::Subscribers)
                ));
                None
            }
        }
    };
    let verified = matches!(
        get(Field::Verified).to_lowercase().as_str(),
        "да" | "yes" | "true" | "1" | "+" | "подтверждён" | "подтвержден"
    );
    let channel = Channel {
        platform: platform.id.clone(),
        handle: catalog::handle_of(&parsed),
        url,
        subscribers,
        verified,
    };
    let org = Organization {
        id,
        name,
        short_name: Some(get(Field::ShortName)).filter(|s| !s.is_empty()),
        region: region.code.clone(),
        municipality: Some(get(Field::Municipality)).filter(|s| !s.is_empty()),
        sector: sector.id.clone(),
        level,
        ogrn,
        website,
        channels: Vec::new(),
    };
    Ok((org, channel, notes))
}

/// The file as text: UTF-8 (a byte-order mark dropped), or else Windows-1251, which is
/// what Excel in a Russian locale writes as "CSV".
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1251(b)).collect(),
    }
}

/// One Windows-1251 byte as a character.
fn cp1251(byte: u8) -> char {
    const HIGH: [char; 64] = [
        'Ђ', 'Ѓ', '‚', 'ѓ', '„', '…', '†', '‡', '€', '‰', 'Љ', '‹', 'Њ', 'Ќ', 'Ћ', 'Џ', //
        'ђ', '‘', '’', '“', '”', '•', '–', '—', '\u{fffd}', '™', 'љ', '›', 'њ', 'ќ', 'ћ',
        'џ', //
        '\u{a0}', 'Ў', 'ў', 'Ј', '¤', 'Ґ', '¦', '§', 'Ё', '©', 'Є', '«', '¬', '\u{ad}', '®',
        'Ї', //
        '°', '±', 'І', 'і', 'ґ', 'µ', '¶', '·', 'ё', '№', 'є', '»', 'ј', 'Ѕ', 'ѕ', 'ї',
    ];
    match byte {
        0..=0x7F => byte as char,
        0x80..=0xBF => HIGH[usize::from(byte - 0x80)],
        // А (U+0410) to я (U+044F) in alphabetical order.
        _ => char::from_u32(0x0410 + u32::from(byte - 0xC0)).unwrap_or('\u{fffd}'),
    }
}
