//! The search index over a catalog and the search itself: matching, filters, disjunctive
//! facet counts and ordering, in one pass over the organisations.
//!
//! The index is a sorted vocabulary of tokens with a posting list per token (compressed
//! row storage: one flat array and offsets). A query token becomes a set of matchers
//! (prefix, stem, Latin spelling, other layout, typos) that each mark, per organisation,
//! the best match quality found; the qualities rank the results.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::model::Catalog;
use crate::search::build::IndexBuilder;
use crate::search::everyday::FILLERS;
use crate::search::places::{places_named, Place};
// `selection::Selection` by its path: this module has a private `Selection` of its own
// (which values of one filter pass).
use crate::search::selection::{self, Facet, Sort};
use crate::search::tables::{tables, Phrase};
use crate::search::text::{
    allowed_typos, alphanumeric_parts, each_part, each_token, edit_distance, is_cyrillic, is_latin,
    is_number, latin_key, other_layout, stem, tokens,
};

/// How well one query word matched one organisation; lower is better.
pub(super) type Quality = u8;
pub(super) const NAME_WORD: Quality = 0;
const NAME_PREFIX: Quality = 1;
pub(super) const OTHER_WORD: Quality = 2;
const OTHER_PREFIX: Quality = 3;
/// Wrong keyboard layout or a Latin spelling of a Russian word.
const RESPELLED: Quality = 4;
const TYPO: Quality = 5;
/// Qualities from here on are of organisations that match all the query's words but one;
/// they rank after every organisation that matches all of them.
const PARTIAL: Quality = 128;
const NO_MATCH: Quality = Quality::MAX;
/// Organisations that match all words but one are listed when fewer than this many match
/// every word: a page is never empty while most of the query points somewhere.
const FEW_COMPLETE: usize = 5;
/// In the per-organisation record of which word was missed: every word matched, or more
/// than one did not.
const NONE_MISSED: u8 = u8::MAX;
const MANY_MISSED: u8 = u8::MAX - 1;

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
const MIN_RESPELLED: usize = 3;
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

    /// For a search that finds nothing: each chosen filter value that, dropped alone,
    /// would find something, with how many organisations it would find that match every
    /// word.
    pub fn relaxations(&self, query: &selection::Selection) -> Vec<(Facet, String, usize)> {
        Facet::ALL
            .iter()
            .flat_map(|&facet| query.values(facet).iter().map(move |value| (facet, value)))
            .filter_map(|(facet, value)| {
                let found = self.search(&query.toggled(facet, value)).complete;
                (found > 0).then(|| (facet, value.clone(), found))
            })
            .collect()
    }

    /// A respelling of the search text that finds something with the same filters when
    /// the text as typed finds nothing: the other keyboard layout, or each unknown word
    /// replaced by the nearest word the catalog has.
    pub fn suggestion(&self, query: &selection::Selection) -> Option<String> {
        let text = query.text.trim();
        if text.is_empty() {
            return None;
        }
        let respelled: Vec<String> = text
            .split_whitespace()
            .map(|word| self.nearest_word(word).unwrap_or_else(|| word.to_string()))
            .collect();
        [other_layout(text), Some(respelled.join(" "))]
            .into_iter()
            .flatten()
            .filter(|candidate| candidate != text)
            .find(|candidate| {
                let respelled = selection::Selection {
                    text: candidate.clone(),
                    ..query.clone()
                };
                let found = self.search(&respelled);
                found.complete > 0
            })
    }

    /// The known word closest to an unknown one: fewest edits (one more than search
    /// forgives by itself), then most organisations. `None` when the word is known.
    fn nearest_word(&self, word: &str) -> Option<String> {
        let token = match tokens(word).as_slice() {
            [token] => token.clone(),
            _ => return None,
        };
        if is_number(&token) || self.prefixed(&token).next().is_some() {
            return None;
        }
        let typed: Vec<char> = token.chars().collect();
        let limit = allowed_typos(typed.len()) + 1;
        let mut rows: [Vec<usize>; 3] = Default::default();
        let mut best: Option<(usize, std::cmp::Reverse<u32>, u32)> = None;
        for (term, text) in self.terms.iter().enumerate() {
            if is_number(text) || text.chars().count().abs_diff(typed.len()) > limit {
                continue;
            }
            let chars: Vec<char> = text.chars().collect();
            if let Some(distance) = edit_distance(&typed, &chars, limit, &mut rows) {
                let postings = self.offsets[term + 1] - self.offsets[term];
                let candidate = (distance, std::cmp::Reverse(postings), term as u32);
                if best.is_none_or(|best| candidate < best) {
                    best = Some(candidate);
                }
            }
        }
        best.map(|(_, _, term)| self.terms[term as usize].to_string())
    }

    /// How each organisation matches the text; `None` when the text has no words
    /// (everything matches).
    fn text_quality(&self, text: &str) -> Option<TextMatch> {
        let chunks = self.compile(text);
        if chunks.is_empty() {
            return None;
        }
        let words = chunks.iter().map(|c| c.text.clone()).collect();
        let mut scratch = Scratch::default();
        if let [only] = chunks.as_slice() {
            // One word is all or nothing, so nothing needs the count of complete matches.
            let mut quality = vec![NO_MATCH; self.count];
            self.chunk_quality(only, &mut quality, &mut scratch);
            return Some(TextMatch {
                quality,
                missed: None,
                complete: 0,
                words,
            });
        }
        let mut total = vec![0 as Quality; self.count];
        let mut missed = vec![NONE_MISSED; self.count];
        let mut quality = vec![NO_MATCH; self.count];
        for (i, chunk) in chunks.iter().enumerate() {
            quality.fill(NO_MATCH);
            self.chunk_quality(chunk, &mut quality, &mut scratch);
            for ((sum, miss), &q) in total.iter_mut().zip(missed.iter_mut()).zip(&quality) {
                if q == NO_MATCH {
                    *miss = if *miss == NONE_MISSED {
                        i as u8
                    } else {
                        MANY_MISSED
                    };
                } else {
                    *sum = sum.saturating_add(q);
                }
            }
        }
        let mut complete = 0;
        for (sum, &miss) in total.iter_mut().zip(&missed) {
            *sum = match miss {
                NONE_MISSED => {
                    complete += 1;
                    (*sum).min(PARTIAL - 1)
                }
                MANY_MISSED => NO_MATCH,
                _ => PARTIAL + (*sum).min(NO_MATCH - PARTIAL - 2),
            };
        }
        Some(TextMatch {
            quality: total,
            missed: Some(missed),
            complete,
            words,
        })
    }

    /// Lowers `best` to the best of a chunk's alternatives, each the worst of its terms.
    fn chunk_quality(&self, chunk: &Chunk, best: &mut [Quality], scratch: &mut Scratch) {
        for alternative in &chunk.alternatives {
            match alternative {
                // Words of the tables and places were matched when the index was built:
                // a keystroke only lowers the qualities of a ready list.
                Alternative::Table { target, floor } => {
                    mark_ready(self.tables.get(*target as usize), *floor, best);
                }
                Alternative::Place { place, floor } => {
                    mark_ready(self.places_matched.get(*place as usize), *floor, best);
                }
                Alternative::Typed { terms, floor } => {
                    let how = Matching {
                        typos: true,
                        stems: true,
                    };
                    if let [term] = terms.as_slice() {
                        // One term: its matches go straight into the chunk's best, no
                        // array of its own, which is most of what a keystroke does.
                        self.mark_term(term, *floor, best, &mut scratch.typos, how);
                        continue;
                    }
                    // Slices and `zip`, not indices: in the size-optimised release build
                    // a `Vec` index is a call per organisation (a profile showed a third
                    // of this function's time in them).
                    let all = &mut scratch.all;
                    all.clear();
                    all.resize(self.count, *floor);
                    for term in terms {
                        let quality = &mut scratch.term;
                        quality.clear();
                        quality.resize(self.count, NO_MATCH);
                        self.mark_term(term, NAME_WORD, quality, &mut scratch.typos, how);
                        for (a, &q) in all.iter_mut().zip(quality.iter()) {
                            *a = (*a).max(q);
                        }
                    }
                    for (b, &a) in best.iter_mut().zip(all.iter()) {
                        *b = (*b).min(a);
                    }
                }
            }
        }
    }

    /// The one-letter prefixes worth precomputing: those whose words have more postings
    /// than there are organisations (a pass over the array is then cheaper).
    pub(super) fn precomputed_first_letters(&self) -> Vec<(char, Box<[Quality]>)> {
        let mut letters: Vec<char> = self.terms.iter().filter_map(|t| t.chars().next()).collect();
        letters.dedup();
        letters
            .into_iter()
            .filter_map(|letter| {
                let prefix = letter.to_string();
                let postings: usize = self
                    .prefixed(&prefix)
                    .map(|term| {
                        (self.offsets[term as usize + 1] - self.offsets[term as usize]) as usize
                    })
                    .sum();
                if postings <= self.count {
                    return None;
                }
                let mut quality = vec![NO_MATCH; self.count];
                self.each_prefixed(&prefix, NAME_WORD, |term, in_name, elsewhere| {
                    self.mark(term, in_name, elsewhere, &mut quality);
                });
                Some((letter, quality.into_boxed_slice()))
            })
            .collect()
    }

    /// Calls `f` with every term that starts with `token` and the qualities of a match
    /// through it: an equal term as a whole word, a longer one as a prefix.
    fn each_prefixed(&self, token: &str, floor: Quality, mut f: impl FnMut(u32, Quality, Quality)) {
        for term in self.prefixed(token) {
            let whole = *self.terms[term as usize] == *token;
            let (name, other) = if whole {
                (NAME_WORD, OTHER_WORD)
            } else {
                (NAME_PREFIX, OTHER_PREFIX)
            };
            f(term, floor.max(name), floor.max(other));
        }
    }

    /// Calls `f` with every term one query token matches without typos, and the qualities
    /// of a match through it, never below `floor`: the same number, a term it starts, a
    /// term its stem starts (unless `how` leaves out stems), a Latin spelling.
    pub(super) fn each_match(
        &self,
        token: &str,
        floor: Quality,
        how: Matching,
        mut f: impl FnMut(u32, Quality, Quality),
    ) {
        if is_number(token) {
            if let Ok(term) = self.terms.binary_search_by(|t| (**t).cmp(token)) {
                f(term as u32, floor, floor.max(OTHER_WORD));
            }
            return;
        }
        self.each_prefixed(token, floor, &mut f);
        let letters = token.chars().count();
        if how.stems && is_cyrillic(token) && letters >= MIN_STEM_WORD {
            let stem = stem(token);
            if stem.len() < token.len() && stem.chars().count() >= MIN_STEM_WORD {
                for term in self.prefixed(&stem) {
                    f(term, floor.max(NAME_PREFIX), floor.max(OTHER_PREFIX));
                }
            }
        }
        if is_latin(token) && letters >= MIN_RESPELLED {
            let key = latin_key(token);
            let start = self.latin.partition_point(|(k, _)| **k < *key);
            for (_, term) in self.latin[start..]
                .iter()
                .take_while(|(k, _)| k.starts_with(key.as_str()))
            {
                f(*term, floor.max(RESPELLED), floor.max(RESPELLED));
            }
        }
    }

    /// Lowers `quality` for every organisation that matches one query token to how well
    /// it matches, but never below `floor`. `how` leaves out typos for words from the
    /// tables, and stems for acronyms.
    fn mark_term(
        &self,
        token: &str,
        floor: Quality,
        quality: &mut [Quality],
        scratch: &mut TypoScratch,
        how: Matching,
    ) {
        let mut letters = token.chars();
        if let (Some(letter), None, false) = (letters.next(), letters.next(), is_number(token)) {
            if let Some((_, known)) = self.first_letters.iter().find(|(l, _)| *l == letter) {
                for org in 0..quality.len().min(known.len()) {
                    quality[org] = quality[org].min(known[org].max(floor));
                }
                return;
            }
        }
        self.each_match(token, floor, how, |term, in_name, elsewhere| {
            self.mark(term, in_name, elsewhere, quality);
        });
        if is_number(token) {
            return;
        }
        let letters = token.chars().count();
        let allowed = if how.typos { allowed_typos(letters) } else { 0 };
        if allowed > 0 && is_cyrillic(token) {
            let word: Vec<char> = token.chars().collect();
            let counts = letter_counts(&word);
            for (target, term) in &self.typo_targets {
                // A typo in what has been typed so far counts too: the target is cut to
                // the length of the word when it is longer.
                let cut = &target[..target.len().min(word.len())];
                if !could_be_close(&counts, cut, allowed)
                    && !could_be_close(&counts, target, allowed)
                {
                    continue;
                }
                let close = scratch.distance(&word, target, allowed).is_some()
                    || (cut.len() < target.len()
                        && scratch.distance(&word, cut, allowed).is_some());
                if close {
                    self.mark(*term, floor.max(TYPO), floor.max(TYPO), quality);
                }
            }
        }
    }

    /// Every term that starts with `prefix`.
    pub(super) fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self.terms.partition_point(|t| **t < *prefix);
        (start..self.terms.len())
            .take_while(move |&i| self.terms[i].starts_with(prefix))
            .map(|i| i as u32)
    }

    /// The postings of one term: organisations shifted by `FIELD_BITS`, with the field.
    pub(super) fn postings_of(&self, term: u32) -> &[u32] {
        let range = self.offsets[term as usize] as usize..self.offsets[term as usize + 1] as usize;
        &self.postings[range]
    }

    /// Lowers each posting organisation's quality to that of this match.
    fn mark(&self, term: u32, in_name: Quality, elsewhere: Quality, quality: &mut [Quality]) {
        for &posting in self.postings_of(term) {
            let org = (posting >> FIELD_BITS) as usize;
            let q = field_quality(posting, in_name, elsewhere);
            if q < quality[org] {
                quality[org] = q;
            }
        }
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

/// The id of a token in the vocabulary, adding it if it is new: the only allocation per
/// distinct token.
pub(super) fn intern(vocabulary: &mut FastMap<String, u32>, token: &str) -> u32 {
    if let Some(&id) = vocabulary.get(token) {
        return id;
    }
    let id = vocabulary.len() as u32;
    vocabulary.insert(token.to_string(), id);
    id
}

/// A hash map with a fast, non-cryptographic hash: the index is built from a catalog
/// the app already trusts to be data, and SipHash's flood resistance buys nothing here.
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// The multiply-rotate hash of rustc's FxHasher, a word at a time.
#[derive(Default)]
pub(super) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
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

/// Reusable rows for the typo distance, so a keystroke does not allocate per word.
#[derive(Default)]
struct TypoScratch {
    rows: [Vec<usize>; 3],
}

impl TypoScratch {
    fn distance(&mut self, a: &[char], b: &[char], limit: usize) -> Option<usize> {
        edit_distance(a, b, limit, &mut self.rows)
    }
}

/// How often each Russian letter occurs in a word (other characters are ignored).
fn letter_counts(word: &[char]) -> [u8; 33] {
    let mut counts = [0u8; 33];
    for &c in word {
        if let Some(i) = russian_letter_index(c) {
            counts[i] = counts[i].saturating_add(1);
        }
    }
    counts
}

fn russian_letter_index(c: char) -> Option<usize> {
    match c {
        'а'..='я' => Some(c as usize - 'а' as usize),
        'ё' => Some(32),
        _ => None,
    }
}

/// A cheap necessary condition for an edit distance of at most `typos`: each edit
/// removes at most one letter of the word, so the letters the target lacks cannot be
/// more than that (counted per letter). It rules out almost every target at once.
fn could_be_close(word: &[u8; 33], target: &[char], typos: usize) -> bool {
    let target = letter_counts(target);
    let missing: usize = word
        .iter()
        .zip(target)
        .map(|(&w, t)| usize::from(w.saturating_sub(t)))
        .sum();
    missing <= typos
}

/// Which of the looser ways of matching a query word may use.
#[derive(Debug, Clone, Copy)]
pub(super) struct Matching {
    pub(super) typos: bool,
    pub(super) stems: bool,
}

/// Arrays a keystroke reuses from one chunk and term to the next instead of allocating
/// one per term.
#[derive(Default)]
struct Scratch {
    typos: TypoScratch,
    /// The worst quality so far over the terms of an alternative of several.
    all: Vec<Quality>,
    /// One term's qualities.
    term: Vec<Quality>,
}

/// How the text matched each organisation.
struct TextMatch {
    /// Below `PARTIAL`: matches every word, the sum of the words' qualities. From
    /// `PARTIAL`: matches all but one. `NO_MATCH` otherwise.
    quality: Vec<Quality>,
    /// For a text of several words, which word each organisation missed (`NONE_MISSED`,
    /// a word's index, or `MANY_MISSED`).
    missed: Option<Vec<u8>>,
    /// How many organisations match every word, for a text of several words.
    complete: usize,
    /// The words as typed, one per chunk.
    words: Vec<String>,
}

/// One word of the query as typed (or a phrase read as one), with the ways it may match;
/// the best one counts.
#[derive(Debug, Clone, PartialEq)]
struct Chunk {
    /// The first is always the words as typed.
    alternatives: Vec<Alternative>,
    /// The tokens as typed and their stems, for reading phrases across chunks.
    words: Vec<String>,
    stems: Vec<String>,
    /// The word or phrase as typed, for saying which one was not found.
    text: String,
}

/// One way a chunk may match, and the best quality it can give.
#[derive(Debug, Clone, PartialEq)]
enum Alternative {
    /// Tokens as typed (or respelled) that must all match, by prefix, stem, Latin spelling
    /// or with typos.
    Typed { terms: Vec<String>, floor: Quality },
    /// A phrase of the abbreviation or everyday tables, by its index in
    /// `Tables::targets`: matched when the index was built, by prefix and stem only (the
    /// tables are spelt right), an acronym as written.
    Table { target: u16, floor: Quality },
    /// A place named by its town or adjective, matched in every form when the index was
    /// built.
    Place { place: u32, floor: Quality },
}

/// Lowers `quality` to each listed organisation's ready quality, but never below `floor`.
fn mark_ready(list: Option<&[u32]>, floor: Quality, quality: &mut [Quality]) {
    for &entry in list.unwrap_or_default() {
        let org = (entry >> READY_BITS) as usize;
        let q = ((entry & READY_MASK) as Quality).max(floor);
        if q < quality[org] {
            quality[org] = q;
        }
    }
}

/// A posting's quality by its field: the name's, a region's name one worse than
/// elsewhere, since every organisation of the region shares it.
fn field_quality(posting: u32, in_name: Quality, elsewhere: Quality) -> Quality {
    match posting & ((1 << FIELD_BITS) - 1) {
        FIELD_NAME => in_name,
        FIELD_REGION => elsewhere.saturating_add(1),
        _ => elsewhere,
    }
}

/// In a ready list, an organisation is shifted by this many bits, with its quality below.
const READY_BITS: u32 = 3;
const READY_MASK: u32 = (1 << READY_BITS) - 1;

/// Lists of organisations with a quality each, one list per table phrase or per place,
/// worked out when the index is built (compressed row storage, as the postings).
#[derive(Debug, Default)]
pub(super) struct ReadyLists {
    offsets: Vec<u32>,
    entries: Vec<u32>,
}

impl ReadyLists {
    /// Appends the next list: (organisation, quality) pairs sorted by organisation.
    pub(super) fn push(&mut self, list: &[(u32, Quality)]) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.entries.extend(
            list.iter()
                .map(|&(org, q)| org << READY_BITS | u32::from(q).min(READY_MASK)),
        );
        self.offsets.push(self.entries.len() as u32);
    }

    fn get(&self, i: usize) -> Option<&[u32]> {
        let start = *self.offsets.get(i)? as usize;
        let end = *self.offsets.get(i + 1)? as usize;
        self.entries.get(start..end)
    }
}

impl Index {
    /// The organisations all of `terms` match (as table words do: no typos, stems unless
    /// `stems` is false), each with the worst of its terms' best qualities, sorted by
    /// organisation.
    pub(super) fn ready_list(&self, terms: &[String], stems: bool) -> Vec<(u32, Quality)> {
        let how = Matching {
            typos: false,
            stems,
        };
        // Dense arrays, as a keystroke would mark them: sorting the postings of a common
        // word («школа», the «и» of «парк культуры и отдыха») took a second in all.
        let mut all = vec![NAME_WORD; self.count];
        let mut quality = vec![NO_MATCH; self.count];
        for term in terms {
            quality.fill(NO_MATCH);
            self.each_match(term, NAME_WORD, how, |term, in_name, elsewhere| {
                self.mark(term, in_name, elsewhere, &mut quality);
            });
            for (a, &q) in all.iter_mut().zip(&quality) {
                *a = (*a).max(q);
            }
        }
        if terms.is_empty() {
            return Vec::new();
        }
        all.iter()
            .enumerate()
            .filter(|&(_, &q)| q != NO_MATCH)
            .map(|(org, &q)| (org as u32, q))
            .collect()
    }

    /// The organisations in a place, as a query for its town or adjective finds them:
    /// every form of the adjective as a prefix match, the town's own name, where a name
    /// uses it, as a word elsewhere (it is the city's, as in «района города Кемерово»,
    /// more often than the okrug's), so after the adjective.
    pub(super) fn place_list(&self, place: u32, town_forms: &[(u32, u32)]) -> Vec<(u32, Quality)> {
        let Some(named) = self.places.get(place as usize) else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        let mut add = |term: u32, in_name: Quality, elsewhere: Quality| {
            for &posting in self.postings_of(term) {
                hits.push((
                    posting >> FIELD_BITS,
                    field_quality(posting, in_name, elsewhere),
                ));
            }
        };
        for term in self.prefixed(&named.adjective) {
            add(term, NAME_PREFIX, OTHER_PREFIX);
        }
        let start = town_forms.partition_point(|&(p, _)| p < place);
        for &(_, term) in town_forms[start..].iter().take_while(|&&(p, _)| p == place) {
            add(term, OTHER_WORD, OTHER_PREFIX);
        }
        best_by_organisation(hits)
    }
}

/// Each organisation once, with its best (lowest) quality, sorted by organisation.
fn best_by_organisation(mut hits: Vec<(u32, Quality)>) -> Vec<(u32, Quality)> {
    hits.sort_unstable();
    hits.dedup_by_key(|&mut (org, _)| org);
    hits
}

impl Index {
    /// Turns query text into chunks: one per word typed, with its other-layout reading,
    /// the split of letters from digits, the abbreviations and everyday words it may
    /// stand for, and the places it may name.
    fn compile(&self, text: &str) -> Vec<Chunk> {
        let tables = tables();
        let mut chunks: Vec<Chunk> = Vec::new();
        for raw in text.split_whitespace().take(16) {
            let typed = raw;
            // A pasted link is searched for by what follows the scheme.
            let raw = ["https://", "http://"]
                .iter()
                .find_map(|scheme| {
                    raw.get(..scheme.len())
                        .filter(|head| head.eq_ignore_ascii_case(scheme))
                        .map(|_| &raw[scheme.len()..])
                })
                .unwrap_or(raw);
            let raw = raw.strip_prefix("www.").unwrap_or(raw);
            let words = tokens(raw);
            if words.is_empty() {
                continue;
            }
            let mut alternatives = vec![Alternative::Typed {
                terms: words.clone(),
                floor: NAME_WORD,
            }];
            // The word, or the words of one hyphenated word («школа-интернат»), as a
            // side of the tables.
            let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
            for id in tables.starting_with(&words[0], &stems[0]) {
                let synonym = &tables.synonyms[id as usize];
                if synonym.from.spells(&words, &stems, synonym.by_stem) {
                    alternatives.push(Alternative::Table {
                        target: synonym.to,
                        floor: synonym.floor,
                    });
                }
            }
            if let [single] = words.as_slice() {
                let parts = alphanumeric_parts(single);
                if !parts.is_empty() {
                    alternatives.push(Alternative::Typed {
                        terms: parts,
                        floor: NAME_WORD,
                    });
                }
                for place in places_named(&self.places, &self.town_stems, single, &stems[0]) {
                    alternatives.push(Alternative::Place {
                        place,
                        floor: NAME_PREFIX,
                    });
                }
            }
            if let Some(other) =
                other_layout(raw).filter(|other| other.chars().count() >= MIN_RESPELLED)
            {
                let other = tokens(&other);
                if !other.is_empty() && other != words {
                    alternatives.push(Alternative::Typed {
                        terms: other,
                        floor: RESPELLED,
                    });
                }
            }
            chunks.push(Chunk {
                alternatives,
                words,
                stems,
                text: typed.to_string(),
            });
        }
        // Phrases first: «парк культуры и отдыха» keeps its «и».
        let mut chunks = fold_phrases(chunks);
        // Prepositions between the words («садик в юрге») are not in the names; a text of
        // nothing else keeps them.
        let is_filler = |chunk: &Chunk| match chunk.words.as_slice() {
            [word] => FILLERS.contains(&word.as_str()),
            _ => false,
        };
        if chunks.iter().any(|c| !is_filler(c)) {
            chunks.retain(|c| !is_filler(c));
        }
        chunks
    }
}

/// Where consecutive query words spell out a phrase of the tables (in any case form), they
/// become one chunk that each of the phrase's other forms also satisfies: «средняя
/// общеобразовательная школа» is also «СОШ», «дом пионеров» also «дом детского творчества».
fn fold_phrases(chunks: Vec<Chunk>) -> Vec<Chunk> {
    let tables = tables();
    // The chunk after a phrase spelled by the words of chunks from `i` on, when it takes
    // more than one chunk (one chunk that is a phrase has its forms already).
    let spelled_at = |i: usize, phrase: &Phrase, by_stem: bool| -> Option<usize> {
        let mut k = 0;
        let mut end = i;
        while k < phrase.words.len() && end < chunks.len() {
            for (word, stemmed) in chunks[end].words.iter().zip(&chunks[end].stems) {
                let same = phrase.words.get(k).is_some_and(|w| w == word)
                    || (by_stem && phrase.stems.get(k).is_some_and(|s| s == stemmed));
                if !same {
                    return None;
                }
                k += 1;
            }
            end += 1;
        }
        (end - i > 1 && k == phrase.words.len()).then_some(end)
    };
    let mut out = Vec::with_capacity(chunks.len());
    let mut i = 0;
    while i < chunks.len() {
        // Only phrases that start with the chunk's first word can be spelled from it;
        // they come in table order, longest first.
        let candidates = tables.starting_with(&chunks[i].words[0], &chunks[i].stems[0]);
        let found = candidates.iter().find_map(|&id| {
            let s = &tables.synonyms[id as usize];
            (s.from.words.len() > 1)
                .then(|| spelled_at(i, &s.from, s.by_stem))
                .flatten()
                .map(|end| (s, end))
        });
        let Some((found, end)) = found else {
            out.push(chunks[i].clone());
            i += 1;
            continue;
        };
        let words: Vec<String> = chunks[i..end]
            .iter()
            .flat_map(|c| c.words.iter().cloned())
            .collect();
        let stems: Vec<String> = chunks[i..end]
            .iter()
            .flat_map(|c| c.stems.iter().cloned())
            .collect();
        let mut alternatives = vec![Alternative::Typed {
            terms: words.clone(),
            floor: NAME_WORD,
        }];
        for &id in &candidates {
            let synonym = &tables.synonyms[id as usize];
            if synonym.from.words == found.from.words {
                alternatives.push(Alternative::Table {
                    target: synonym.to,
                    floor: synonym.floor,
                });
            }
        }
        let text = chunks[i..end]
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Chunk {
            alternatives,
            words,
            stems,
            text,
        });
        i = end;
    }
    out
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
