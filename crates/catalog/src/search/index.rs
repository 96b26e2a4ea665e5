//! The search index over a catalog and the search itself: matching, filters, disjunctive
//! facet counts and ordering, in one pass over the organisations.
//!
//! The index is a sorted vocabulary of tokens with a posting list per token (compressed
//! row storage: one flat array and offsets). A query token becomes a set of matchers
//! (prefix, stem, Latin spelling, other layout, typos) that each mark, per organisation,
//! the best match quality found; the qualities rank the results.

use crate::model::Catalog;
use crate::search::build::IndexBuilder;
use crate::search::places::Place;
// Re-exported for `build.rs`, which imports them from here with the rest.
pub(super) use crate::search::hashing::{intern, FastMap};
pub(super) use crate::search::ready::ReadyLists;
// `selection::Selection` by its path: this module has a private `Selection` of its own
// (which values of one filter pass).
use crate::search::selection::{self, Sort};
use crate::search::text::{each_part, each_token, is_number};

/// How well one query word matched one organisation; lower is better.
pub(super) type Quality = u8;
pub(super) const NAME_WORD: Quality = 0;
pub(super) const NAME_PREFIX: Quality = 1;
pub(super) const OTHER_WORD: Quality = 2;
pub(super) const OTHER_PREFIX: Quality = 3;
/// Wrong keyboard layout or a Latin spelling of a Russian word.
pub(super) const RESPELLED: Quality = 4;
pub(super) const TYPO: Quality = 5;
/// Qualities from here on are of organisations that match all the query's words but one;
/// they rank after every organisation that matches all of them.
pub(super) const PARTIAL: Quality = 128;
pub(super) const NO_MATCH: Quality = Quality::MAX;
/// Organisations that match all words but one are listed when fewer than this many match
/// every word: a page is never empty while most of the query points somewhere.
const FEW_COMPLETE: usize = 5;
/// In the per-organisation record of which word was missed: every word matched, or more
/// than one did not.
pub(super) const NONE_MISSED: u8 = u8::MAX;
pub(super) const MANY_MISSED: u8 = u8::MAX - 1;

/// Where a token came from: the names, anything else (municipality, handles, links), or
/// the region's name, which every organisation of the region shares and so ranks last:
/// «кемерово» means the city before the oblast named after it.
pub(super) const FIELD_NAME: u32 = 0;
pub(super) const FIELD_OTHER: u32 = 1;
pub(super) const FIELD_REGION: u32 = 2;
/// A posting is an organisation shifted by this many bits, with its field below.
pub(super) const FIELD_BITS: u32 = 2;

/// Words this short are not worth a stem of their own, and a stem shorter than this
/// would match too much («лиц» of «лицей»).
pub(super) const MIN_STEM_WORD: usize = 4;
/// Respellings (other layout, Latin) of fewer letters than this match mostly noise.
pub(super) const MIN_RESPELLED: usize = 3;
/// A municipality index meaning "none".
pub(super) const NONE: u32 = u32::MAX;

/// A search index over one catalog. Built once, then queried on every keystroke.
#[derive(Debug)]
pub struct Index {
    pub(super) count: usize,
    pub(super) region: Vec<u16>,
    pub(super) municipality: Vec<u32>,
    pub(super) sector: Vec<u16>,
    pub(super) platforms: Vec<u32>,
    pub(super) by_subscribers: Vec<u32>,
    pub(super) by_name: Vec<u32>,
    pub(super) terms: Vec<Box<str>>,
    pub(super) offsets: Vec<u32>,
    pub(super) postings: Vec<u32>,
    /// (Latin spelling key, term) for every Cyrillic term, sorted by key.
    pub(super) latin: Vec<(Box<str>, u32)>,
    /// Cyrillic words that a typo may aim at, as characters, with their term.
    pub(super) typo_targets: Vec<(Box<[char]>, u32)>,
    /// For a one-letter query whose words have many postings, each organisation's
    /// quality, worked out once: every search starts with such a keystroke, and marking
    /// millions of postings for it was the slowest keystroke there is.
    pub(super) first_letters: Vec<(char, Box<[Quality]>)>,
    /// The places named in municipality and region names, for towns typed by name.
    pub(super) places: Vec<Place>,
    /// (town stem, place) for every town stem of every place, sorted by stem.
    pub(super) town_stems: Vec<(Box<str>, u32)>,
    /// For each of `Tables::targets`, the organisations it matches.
    pub(super) tables: ReadyLists,
    /// For each of `places`, the organisations a query for it finds.
    pub(super) places_matched: ReadyLists,
    pub(super) region_codes: Vec<String>,
    pub(super) municipalities: Vec<String>,
    pub(super) municipality_region: Vec<u16>,
    pub(super) sector_ids: Vec<String>,
    pub(super) platform_ids: Vec<String>,
}

/// What a search found: the organisations in order, and the facet counts.
///
/// When few or no organisations match every word of a text of two words or more, those
/// that match all of them but one follow, after the complete matches: `complete` says
/// where they start and `missing` which word each one lacks. The facet counts then count
/// both sets, as the list does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// Positions in `catalog.organizations`, in the order asked for.
    pub organizations: Vec<u32>,
    /// How many of `organizations`, from the first, match every word of the text; all of
    /// them when the text has no words or only complete matches are listed.
    pub complete: usize,
    /// The words of the text as the search read them, as typed: one per word, or one per
    /// phrase read as a whole («детский сад», «средняя общеобразовательная школа»).
    pub words: Vec<String>,
    /// For each organisation after the first `complete`, in order, the index in `words`
    /// of the one word it does not match.
    pub missing: Vec<u8>,
    pub facets: Facets,
}

impl Results {
    /// The word of the text that the result at `position` of `organizations` does not
    /// match; `None` for a result that matches them all.
    pub fn missing_word(&self, position: usize) -> Option<&str> {
        let i = position.checked_sub(self.complete)?;
        let word = *self.missing.get(i)?;
        self.words.get(word as usize).map(String::as_str)
    }

    /// The one word that every result matching all words but one lacks, when they all
    /// lack the same (the «не найдено: „района“» of the list); `None` when there are no
    /// such results or they lack different words.
    pub fn missing_everywhere(&self) -> Option<&str> {
        let (first, rest) = self.missing.split_first()?;
        if rest.iter().any(|w| w != first) {
            return None;
        }
        self.words.get(*first as usize).map(String::as_str)
    }
}

/// For each filter, every value with the number of results it would give.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Facets {
    pub regions: Vec<FacetCount>,
    /// Only the municipalities of the chosen regions; empty until a region is chosen.
    pub municipalities: Vec<FacetCount>,
    pub sectors: Vec<FacetCount>,
    pub platforms: Vec<FacetCount>,
}

/// One value of a filter: how many results there would be with it added to the other
/// filters and the text (a disjunctive count), and whether it is chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

impl Index {
    /// Indexes every organisation of a validated catalog at once. A page that must keep
    /// answering while a large catalog is indexed uses [`IndexBuilder`] instead.
    pub fn new(catalog: &Catalog) -> Index {
        let mut builder = IndexBuilder::new(catalog);
        builder.add(catalog, usize::MAX);
        builder.finish()
    }

    /// Runs a query: the text, the filters, the order, and every facet's counts.
    pub fn search(&self, query: &selection::Selection) -> Results {
        let text = self.text_quality(&query.text);
        let region = self.selection(&query.regions, &self.region_codes);
        let sector = self.selection(&query.sectors, &self.sector_ids);
        let municipality = self.selection(&query.municipalities, &self.municipalities);
        let platform_mask: u32 = query
            .platforms
            .iter()
            .filter_map(|p| self.platform_ids.iter().position(|id| id == p))
            .filter(|&bit| bit < 32)
            .fold(0, |mask, bit| mask | 1 << bit);

        let mut region_counts = vec![0usize; self.region_codes.len()];
        let mut municipality_counts = vec![0usize; self.municipalities.len()];
        let mut sector_counts = vec![0usize; self.sector_ids.len()];
        let mut platform_counts = vec![0usize; self.platform_ids.len().min(32)];
        let mut matched = vec![false; self.count];

        let filtered = !matches!(region, Selection::Any)
            || !matches!(municipality, Selection::Any)
            || !matches!(sector, Selection::Any)
            || platform_mask != 0;
        let passes_all = |org: usize| {
            region.accepts(self.region[org] as u32)
                && municipality.accepts(self.municipality[org])
                && sector.accepts(self.sector[org] as u32)
                && (platform_mask == 0 || self.platforms[org] & platform_mask != 0)
        };
        // Organisations that miss one word are listed only when few match them all
        // among those the filters let through.
        let partial = text.as_ref().is_some_and(|t| {
            t.missed.is_some()
                && if filtered {
                    t.quality
                        .iter()
                        .enumerate()
                        .filter(|&(org, &q)| q < PARTIAL && passes_all(org))
                        .take(FEW_COMPLETE)
                        .count()
                        < FEW_COMPLETE
                } else {
                    t.complete < FEW_COMPLETE
                }
        });
        let cutoff = if partial { NO_MATCH } else { PARTIAL };
        let quality = text.as_ref().map(|t| t.quality.as_slice());
        // With no text every organisation matches; a cutoff none reaches says so without a
        // test per organisation of which case this is (the release build is optimised for
        // size and would call a closure here for each of them).
        let (qualities, cutoff): (&[Quality], Quality) = match quality {
            Some(q) => (q, cutoff),
            None => (&[], NO_MATCH),
        };
        // Indexed, since the organisation indexes six arrays and the matches; slices, not
        // `Vec`s, since the size-optimised release build makes a `Vec` index a call.
        let (regions, municipalities_of, sectors, platforms) = (
            self.region.as_slice(),
            self.municipality.as_slice(),
            self.sector.as_slice(),
            self.platforms.as_slice(),
        );
        let matched_of = matched.as_mut_slice();
        #[allow(clippy::needless_range_loop)]
        for org in 0..self.count {
            if qualities.get(org).copied().unwrap_or(0) >= cutoff {
                continue;
            }
            if !filtered {
                // Nothing to exclude: every match counts for every facet. This is the
                // common case, and the loop that runs over the whole catalog.
                if let Some(count) = region_counts.get_mut(regions[org] as usize) {
                    *count += 1;
                }
                if let Some(count) = municipality_counts.get_mut(municipalities_of[org] as usize) {
                    *count += 1;
                }
                if let Some(count) = sector_counts.get_mut(sectors[org] as usize) {
                    *count += 1;
                }
                count_platforms(platforms[org], &mut platform_counts);
                matched_of[org] = true;
                continue;
            }
            let passes = [
                region.accepts(regions[org] as u32),
                municipality.accepts(municipalities_of[org]),
                sector.accepts(sectors[org] as u32),
                platform_mask == 0 || platforms[org] & platform_mask != 0,
            ];
            let failed = passes.iter().filter(|pass| !**pass).count();
            if failed > 1 {
                continue;
            }
            // An organisation that fails exactly one filter still counts for that filter's
            // values: choosing one of them would bring it in.
            if failed == 0 || !passes[0] {
                if let Some(count) = region_counts.get_mut(regions[org] as usize) {
                    *count += 1;
                }
            }
            if failed == 0 || !passes[1] {
                if let Some(count) = municipality_counts.get_mut(municipalities_of[org] as usize) {
                    *count += 1;
                }
            }
            if failed == 0 || !passes[2] {
                if let Some(count) = sector_counts.get_mut(sectors[org] as usize) {
                    *count += 1;
                }
            }
            if failed == 0 || !passes[3] {
                count_platforms(platforms[org], &mut platform_counts);
            }
            matched_of[org] = failed == 0;
        }

        let organizations = self.ordered(&matched, quality, query.sort, partial);
        let complete = match quality {
            Some(q) if partial => organizations
                .iter()
                .take_while(|&&org| q[org as usize] < PARTIAL)
                .count(),
            _ => organizations.len(),
        };
        let (words, missing) = match text {
            Some(t) => {
                let missing = match &t.missed {
                    Some(missed) if partial => organizations[complete..]
                        .iter()
                        .map(|&org| missed[org as usize])
                        .collect(),
                    _ => Vec::new(),
                };
                (t.words, missing)
            }
            None => (Vec::new(), Vec::new()),
        };
        let facet = |values: &[String], counts: Vec<usize>, chosen: &[String]| -> Vec<FacetCount> {
            values
                .iter()
                .zip(counts)
                .map(|(value, count)| FacetCount {
                    value: value.clone(),
                    count,
                    selected: chosen.contains(value),
                })
                .collect()
        };
        let chosen_regions: Vec<u16> = region.chosen().map(|r| r as u16).collect();
        let municipalities = facet(
            &self.municipalities,
            municipality_counts,
            &query.municipalities,
        )
        .into_iter()
        .zip(&self.municipality_region)
        .filter(|(_, region)| chosen_regions.contains(region))
        .map(|(count, _)| count)
        .collect();
        Results {
            organizations,
            complete,
            words,
            missing,
            facets: Facets {
                regions: facet(&self.region_codes, region_counts, &query.regions),
                municipalities,
                sectors: facet(&self.sector_ids, sector_counts, &query.sectors),
                platforms: facet(&self.platform_ids, platform_counts, &query.platforms),
            },
        }
    }

    /// The organisations a query matches, in order; with `partial`, those that match every
    /// word first in any order.
    fn ordered(
        &self,
        matched: &[bool],
        quality: Option<&[Quality]>,
        sort: Sort,
        partial: bool,
    ) -> Vec<u32> {
        let base = match sort {
            Sort::Name => &self.by_name,
            Sort::Subscribers | Sort::Relevance => &self.by_subscribers,
        };
        // Plain loops: the release build is optimised for size, and an iterator adapter's
        // closure there is a call per organisation.
        let mut found: Vec<u32> = Vec::new();
        for &org in base {
            if matched[org as usize] {
                found.push(org);
            }
        }
        match (sort, quality) {
            (Sort::Name | Sort::Subscribers, Some(quality)) if partial => {
                let mut ordered = Vec::with_capacity(found.len());
                for &org in &found {
                    if quality[org as usize] < PARTIAL {
                        ordered.push(org);
                    }
                }
                for &org in &found {
                    if quality[org as usize] >= PARTIAL {
                        ordered.push(org);
                    }
                }
                ordered
            }
            (Sort::Relevance, Some(quality)) => {
                // A stable counting sort by quality over the subscriber order: ties are
                // broken by total subscribers, then by name, as that order already is.
                let mut starts = [0usize; 257];
                for &org in &found {
                    starts[quality[org as usize] as usize + 1] += 1;
                }
                for i in 1..starts.len() {
                    starts[i] += starts[i - 1];
                }
                let mut ordered = vec![0u32; found.len()];
                let slots = ordered.as_mut_slice();
                for org in found {
                    let slot = &mut starts[quality[org as usize] as usize];
                    slots[*slot] = org;
                    *slot += 1;
                }
                ordered
            }
            _ => found,
        }
    }

    fn selection(&self, chosen: &[String], values: &[String]) -> Selection {
        if chosen.is_empty() {
            return Selection::Any;
        }
        Selection::Only(values.iter().map(|value| chosen.contains(value)).collect())
    }
}

/// Marks a name's sort code as a word (a vocabulary id, later its rank); codes without
/// it are numbers, by value, and so sort before every word, as digits sort before letters.
pub(super) const WORD_CODE: u32 = 1 << 31;

/// One word of a name as a sort code: a number by its value, a word by its id.
pub(super) fn sort_code(token: &str, id: u32) -> u32 {
    if is_number(token) {
        token.parse::<u64>().map_or(WORD_CODE - 1, |value| {
            value.min(u64::from(WORD_CODE - 1)) as u32
        })
    } else {
        WORD_CODE | id
    }
}

/// Adds one to the count of each platform whose bit is set.
fn count_platforms(mut bits: u32, counts: &mut [usize]) {
    while bits != 0 {
        let bit = bits.trailing_zeros() as usize;
        if let Some(count) = counts.get_mut(bit) {
            *count += 1;
        }
        bits &= bits - 1;
    }
}

/// One filter's choice as a table from value index to "accepted".
enum Selection {
    Any,
    Only(Vec<bool>),
}

impl Selection {
    fn accepts(&self, value: u32) -> bool {
        match self {
            Selection::Any => true,
            Selection::Only(table) => table.get(value as usize).copied().unwrap_or(false),
        }
    }

    fn chosen(&self) -> impl Iterator<Item = usize> + '_ {
        let table = match self {
            Selection::Any => &[][..],
            Selection::Only(table) => table.as_slice(),
        };
        table
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .map(|(i, _)| i)
    }
}

/// A key that sorts names in Russian alphabetical order: the name's search tokens (lower
/// case, «ё» as «е», punctuation dropped), letters split from digits, and numbers padded so
/// that they compare by value («№ 2» before «№ 10»). The index orders organisations by
/// their words' vocabulary ranks instead, which is the same order without the strings;
/// this key orders the municipality list.
pub fn sort_key(name: &str) -> String {
    /// Digits are padded to this width, more than any number in a name.
    const WIDTH: usize = 12;
    let mut words: Vec<String> = Vec::new();
    let mut push = |word: &str| {
        words.push(if is_number(word) {
            format!("{word:0>width$}", width = WIDTH)
        } else {
            word.to_string()
        });
    };
    each_token(name, |token| {
        let mut parts = 0;
        each_part(token, |part| {
            push(part);
            parts += 1;
        });
        if parts == 0 {
            push(token);
        }
    });
    words.join(" ")
}
