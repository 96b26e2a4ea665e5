//! `feeds`: Atom feeds of the channels new in a catalog, so that a school's parents or a
//! regional site can subscribe to what is added in their region and sector.
//!
//! A channel is news when it carries `added` (the stamp `import --previous` and
//! `diff --out` give channels new since the previous publication). The feeds are one for
//! the whole catalog (`all.atom`), one per region (`42.atom`) and one per region and
//! sector (`42-education.atom`), entries newest first. Links are relative to the feed
//! (the app's page is `../` from the feeds' folder unless told otherwise) and carry the
//! app's own address for the organisation's card (`?org=ID`) and for the region's list
//! (`?region=42`), made by the core's [`Page`], so that they are the addresses the app
//! itself shares. The XML is written by `atom_syndication`.

use std::collections::BTreeMap;
use std::path::Path;

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text, WriteConfig};
use catalog::{
    feed_file, sha256_hex, Catalog, Facet, IsoDate, Lang, Organization, Page, Selection,
};
use chrono::NaiveDate;

use crate::import::channel_identity;

/// The most entries a feed holds unless told otherwise: readers poll feeds often, and
/// the newest hundred channels of a region cover months of a publisher's work.
pub const DEFAULT_LIMIT: usize = 100;

/// How the feeds are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOptions {
    /// The app's page relative to the feeds' folder (or an absolute URL): `../` when the
    /// feeds are in `feeds/` beside the app's `index.html`.
    pub app: String,
    /// The most entries per feed.
    pub limit: usize,
    /// The feed's `updated` when no channel in it has a date and the catalog has none.
    pub today: IsoDate,
}

impl Default for FeedOptions {
    fn default() -> FeedOptions {
        FeedOptions {
            app: "../".to_string(),
            limit: DEFAULT_LIMIT,
            today: IsoDate {
                year: 1970,
                month: 1,
                day: 1,
            },
        }
    }
}

/// One feed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedFile {
    /// `all.atom`, `42.atom`, `42-education.atom`.
    pub name: String,
    pub text: String,
    pub entries: usize,
}

/// What `feeds` made and what it left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Feeds {
    pub files: Vec<FeedFile>,
    /// Region codes and sector ids that cannot be a file name (not 1–64 of
    /// `A–Z a–z 0–9 _ -`): no feed is written for them.
    pub unnamed: Vec<String>,
}

/// The feeds of `catalog`: the whole catalog's, each region's (every region of the
/// region list, so that a link to any region's feed finds one, empty or not), and each
/// region and sector that has organisations.
pub fn feeds(catalog: &Catalog, options: &FeedOptions) -> Feeds {
    let mut out = Feeds::default();
    let news = news(catalog);
    let country = catalog
        .title
        .clone()
        .unwrap_or_else(|| "все регионы каталога".to_string());
    out.files.push(feed(
        catalog,
        options,
        Scope {
            file: feed_file(None, None).unwrap_or_default(),
            title: format!("Госпаблики: новые официальные каналы — {country}"),
            page: Page::default(),
        },
        &news,
    ));
    let mut pairs: BTreeMap<(&str, &str), ()> = BTreeMap::new();
    for org in &catalog.organizations {
        pairs.insert((org.region.as_str(), org.sector.as_str()), ());
    }
    for region in &catalog.regions {
        let Some(file) = feed_file(Some(&region.code), None) else {
            out.unnamed.push(format!("регион «{}»", region.code));
            continue;
        };
        let name = catalog.label(Facet::Region, &region.code, Lang::Ru);
        let in_region: Vec<News> = news
            .iter()
            .copied()
            .filter(|n| n.org.region == region.code)
            .collect();
        out.files.push(feed(
            catalog,
            options,
            Scope {
                file,
                title: format!("Госпаблики: новые официальные каналы — {name}"),
                page: Page {
                    selection: Selection {
                        regions: vec![region.code.clone()],
                        ..Selection::default()
                    },
                    ..Page::default()
                },
            },
            &in_region,
        ));
        for sector in &catalog.sectors {
            if !pairs.contains_key(&(region.code.as_str(), sector.id.as_str())) {
                continue;
            }
            let Some(file) = feed_file(Some(&region.code), Some(&sector.id)) else {
                out.unnamed.push(format!("сфера «{}»", sector.id));
                continue;
            };
            let in_sector: Vec<News> = in_region
                .iter()
                .copied()
                .filter(|n| n.org.sector == sector.id)
                .collect();
            out.files.push(feed(
                catalog,
                options,
                Scope {
                    file,
                    title: format!(
                        "Госпаблики: новые официальные каналы — {name}, {}",
                        sector.name
                    ),
                    page: Page {
                        selection: Selection {
                            regions: vec![region.code.clone()],
                            sectors: vec![sector.id.clone()],
                            ..Selection::default()
                        },
                        ..Page::default()
                    },
                },
                &in_sector,
            ));
        }
    }
    out.unnamed.dedup();
    out
}

/// Writes the feeds into `dir` (created if need be).
pub fn write_feeds(catalog: &Catalog, dir: &Path, options: &FeedOptions) -> std::io::Result<Feeds> {
    let feeds = feeds(catalog, options);
    std::fs::create_dir_all(dir)?;
    for file in &feeds.files {
        std::fs::write(dir.join(&file.name), &file.text)?;
    }
    Ok(feeds)
}

/// A dated channel and its organisation.
#[derive(Debug, Clone, Copy)]
struct News<'a> {
    org: &'a Organization,
    channel: &'a catalog::Channel,
    added: IsoDate,
}

/// What one feed covers.
struct Scope {
    /// The file name, as the core's [`feed_file`] gives it (the app links to that name).
    file: String,
    title: String,
    /// The app's view of the same selection, for the feed's `alternate` link.
    page: Page,
}

/// Every dated channel, newest first; one day's in organisation id and then catalog
/// order, so that the same catalog gives the same feeds.
fn news(catalog: &Catalog) -> Vec<News<'_>> {
    let mut news: Vec<News> = catalog
        .organizations
        .iter()
        .flat_map(|org| {
            org.channels.iter().filter_map(move |channel| {
                Some(News {
                    org,
                    channel,
                    added: channel.added?,
                })
            })
        })
        .collect();
    // A stable sort keeps a day's channels of one organisation in catalog order.
    news.sort_by(|a, b| b.added.cmp(&a.added).then_with(|| a.org.id.cmp(&b.org.id)));
    news
}

fn feed(catalog: &Catalog, options: &FeedOptions, scope: Scope, news: &[News]) -> FeedFile {
    let shown = &news[..news.len().min(options.limit)];
    // The feed changed when its newest channel came; an empty feed is as new as the data.
    let updated = shown
        .first()
        .map(|n| n.added)
        .or(catalog.updated)
        .unwrap_or(options.today);
    // The catalog's publisher, as its title names it; Atom requires an author.
    let author = catalog
        .title
        .clone()
        .unwrap_or_else(|| "Госпаблики".to_string());
    let feed = Feed {
        title: Text::plain(xml_text(&scope.title)),
        // Stable across runs and publications: made of the feed's name and where its
        // links point, never of its content or the date.
        id: urn(&format!(
            "feed\n{}\n{}",
            options.app,
            scope.file.strip_suffix(".atom").unwrap_or(&scope.file)
        )),
        updated: at_midnight(updated),
        authors: vec![Person {
            name: xml_text(&author),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: scope.file.clone(),
                rel: "self".to_string(),
                mime_type: Some("application/atom+xml".to_string()),
                ..Link::default()
            },
            Link {
                href: app_link(options, &scope.page),
                rel: "alternate".to_string(),
                mime_type: Some("text/html".to_string()),
                ..Link::default()
            },
        ],
        entries: shown.iter().map(|n| entry(catalog, options, n)).collect(),
        lang: Some("ru".to_string()),
        ..Feed::default()
    };
    let mut bytes = Vec::new();
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    // Writing into memory fails only on a writer's error, which a Vec never has.
    let text = match feed.write_with_config(&mut bytes, config) {
        Ok(_) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    };
    FeedFile {
        name: scope.file,
        text: text + "\n",
        entries: shown.len(),
    }
}

fn entry(catalog: &Catalog, options: &FeedOptions, news: &News) -> Entry {
    let org = news.org;
    let platform = catalog.label(Facet::Platform, &news.channel.platform, Lang::Ru);
    let region = catalog.label(Facet::Region, &org.region, Lang::Ru);
    let sector = catalog.label(Facet::Sector, &org.sector, Lang::Ru);
    let place = match &org.municipality {
        Some(municipality) => format!("{region}, {municipality}"),
        None => region.clone(),
    };
    let mark = if news.channel.verified {
        ", с отметкой платформы"
    } else {
        ""
    };
    let added = at_midnight(news.added);
    Entry {
        title: Text::plain(xml_text(&format!("{} — {platform}", org.name))),
        // The organisation and the channel, as the core tells channels apart: the same
        // entry every run, and in every feed that lists it.
        id: urn(&format!(
            "channel\n{}\n{}",
            org.id,
            channel_identity(news.channel)
        )),
        updated: added,
        published: Some(added),
        links: vec![
            Link {
                href: app_link(
                    options,
                    &Page {
                        org: Some(org.id.clone()),
                        ..Page::default()
                    },
                ),
                rel: "alternate".to_string(),
                mime_type: Some("text/html".to_string()),
                ..Link::default()
            },
            Link {
                href: news.channel.url.clone(),
                rel: "related".to_string(),
                title: Some(xml_text(&format!("{platform}: {}", news.channel.handle))),
                ..Link::default()
            },
        ],
        categories: vec![
            Category {
                term: xml_text(&org.region),
                scheme: Some("region".to_string()),
                label: Some(xml_text(&region)),
            },
            Category {
                term: xml_text(&org.sector),
                scheme: Some("sector".to_string()),
                label: Some(xml_text(&sector)),
            },
        ],
        summary: Some(Text::plain(xml_text(&format!(
            "Новый официальный канал в каталоге: {platform} {}{mark}. {place}.",
            news.channel.url
        )))),
        ..Entry::default()
    }
}

/// Text without the characters XML 1.0 cannot hold at all, even escaped (controls other
/// than tab and line breaks, U+FFFE, U+FFFF). The catalog's parser lets them through in
/// names, and one would make the whole feed unreadable to every reader; the writer
/// escapes markup but does not drop them.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{fffd}' | '\u{10000}'..))
        .collect()
}

/// The app's page with this view's query string.
fn app_link(options: &FeedOptions, page: &Page) -> String {
    page.href_on(&options.app)
}

/// A `urn:uuid:` made of the SHA-256 of `key` (the layout of a name-based UUID, version
/// 8 as RFC 9562 allows for one made by another hash): an entry id that stays the same
/// as long as what it names does.
fn urn(key: &str) -> String {
    let hex = sha256_hex(format!("gospubliki\n{key}").as_bytes());
    let variant = match u8::from_str_radix(&hex[16..17], 16) {
        Ok(nibble) => (nibble & 0x3) | 0x8,
        Err(_) => 0x8,
    };
    format!(
        "urn:uuid:{}-{}-8{}-{variant:x}{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// A catalog date as an Atom date: the day's start, UTC.
fn at_midnight(date: IsoDate) -> FixedDateTime {
    // An IsoDate is always a real day, so the fallback is never taken.
    NaiveDate::from_ymd_opt(i32::from(date.year), date.month.into(), date.day.into())
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map(|moment| moment.and_utc().fixed_offset())
        .unwrap_or_default()
}
