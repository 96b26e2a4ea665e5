//! Open data: a selection of the catalog as a spreadsheet (CSV that Russian Excel opens
//! as is) or as a catalog file of its own.

use crate::format::Lang;
use crate::model::Catalog;

/// The columns of the CSV export, one row per channel.
const COLUMNS: [(&str, &str); 17] = [
    ("id", "id"),
    ("Название", "Name"),
    ("Краткое название", "Short name"),
    ("Код региона", "Region code"),
    ("Регион", "Region"),
    ("Муниципальное образование", "Municipality"),
    ("Код сферы", "Sector code"),
    ("Сфера", "Sector"),
    ("Уровень", "Level"),
    ("ОГРН", "OGRN"),
    ("Сайт", "Website"),
    ("Платформа", "Platform"),
    ("Адрес канала", "Channel URL"),
    ("Подписчики", "Subscribers"),
    ("Подтверждён", "Verified"),
    // The publisher's evidence, last, so that the columns before keep their places.
    ("Дата проверки", "Checked"),
    ("Указан на сайте", "Listed on website"),
];

impl Catalog {
    /// The same catalog with only the organisations at `positions`, in that order; the
    /// reference lists and the header stay whole, so the file is a valid catalog.
    pub fn subset(&self, positions: &[u32]) -> Catalog {
        Catalog {
            organizations: positions
                .iter()
                .filter_map(|&p| self.organizations.get(p as usize).cloned())
                .collect(),
            title: self.title.clone(),
            updated: self.updated,
            demo: self.demo,
            source: self.source.clone(),
            license: self.license.clone(),
            feedback_url: self.feedback_url.clone(),
            // The feeds are the whole publication's, beside the app; a downloaded selection
            // has none.
            feeds: None,
            regions: self.regions.clone(),
            sectors: self.sectors.clone(),
            platforms: self.platforms.clone(),
            shards: Vec::new(),
        }
    }

    /// The organisations at `positions` as CSV: UTF-8 with a byte-order mark, `;` between
    /// fields and CRLF between rows, which is what Excel in a Russian locale opens
    /// without an import dialog. One row per channel; an organisation without channels
    /// gets one row with the channel columns empty.
    pub fn to_csv(&self, positions: &[u32], lang: Lang) -> String {
        let mut out = String::from("\u{feff}");
        let header: Vec<&str> = COLUMNS
            .iter()
            .map(|(ru, en)| if lang == Lang::Ru { *ru } else { *en })
            .collect();
        push_row(&mut out, header.iter().copied());
        let yes_no = |verified: bool| match (lang, verified) {
            (Lang::Ru, true) => "да",
            (Lang::Ru, false) => "нет",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        };
        for org in positions
            .iter()
            .filter_map(|&p| self.organizations.get(p as usize))
        {
            let region = self.region(&org.region).map_or("", |r| r.name.as_str());
            let sector = self
                .sector(&org.sector)
                .map_or("", |s| match (lang, &s.name_en) {
                    (Lang::En, Some(name)) => name.as_str(),
                    _ => s.name.as_str(),
                });
            let fixed = [
                org.id.as_str(),
                org.name.as_str(),
                org.short_name.as_deref().unwrap_or(""),
                org.region.as_str(),
                region,
                org.municipality.as_deref().unwrap_or(""),
                org.sector.as_str(),
                sector,
                org.level.map_or("", |l| l.as_str()),
                org.ogrn.as_deref().unwrap_or(""),
                org.website.as_deref().unwrap_or(""),
            ];
            if org.channels.is_empty() {
                push_row(&mut out, fixed.iter().copied().chain([""; 6]));
            }
            for channel in &org.channels {
                let platform = self
                    .platform(&channel.platform)
                    .map_or(channel.platform.as_str(), |p| p.name_in(lang));
                let subscribers = channel
                    .subscribers
                    .map(|n| n.to_string())
                    .unwrap_or_default();
                let checked = channel.checked.map(|d| d.to_string()).unwrap_or_default();
                let row = [
                    platform,
                    channel.url.as_str(),
                    subscribers.as_str(),
                    yes_no(channel.verified),
                    checked.as_str(),
                    yes_no(channel.listed_on_website),
                ];
                push_row(&mut out, fixed.iter().copied().chain(row));
            }
        }
        out
    }
}

fn push_row<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(';');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// One field, quoted when it holds a separator, quote or line break. A field that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`:
/// catalog text comes from many publishers and must not become a formula on a reader's
/// machine.
fn push_field(out: &mut String, field: &str) {
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = formula || field.contains([';', '"', '\n', '\r', ',']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}
