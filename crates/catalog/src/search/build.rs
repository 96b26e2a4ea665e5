//! Building the search index a piece at a time.
//!
//! A national catalog takes about a second to index, and a page that does it in one go
//! cannot answer a keystroke meanwhile. The builder instead takes the organisations in
//! slices of any size ([`IndexBuilder::add`]), keeps what it has worked out, and makes an
//! [`Index`] of everything added so far whenever asked ([`IndexBuilder::finish`]), in
//! steps ([`Finishing`]) that the caller may spread over several turns of the event loop.
//! Organisations are only ever appended, so a position in the catalog stays valid from one
//! index to the next.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

use crate::model::Catalog;
use crate::search::index::{
    intern, sort_code, FastMap, Index, ReadyLists, FIELD_BITS, FIELD_NAME, FIELD_OTHER,
    FIELD_REGION, MIN_STEM_WORD, NONE, WORD_CODE,
};
use crate::search::places::{is_town_form, kind_words, places, town_stems};
use crate::search::tables::tables;
use crate::search::text::{each_part, each_token, is_cyrillic, is_number, latin_key};

/// The search index of a catalog that grows: feed it organisations, take an index.
#[derive(Debug)]
pub struct IndexBuilder {
    region_codes: Vec<String>,
    /// Region names and short names, for the place names people type.
    region_names: Vec<String>,
    sector_ids: Vec<String>,
    platform_ids: Vec<String>,
    region_at: HashMap<String, u16>,
    sector_at: HashMap<String, u16>,
    platform_at: HashMap<String, u16>,
    /// Municipalities in the order first seen, with their region; sorted at the finish.
    municipalities: Vec<(String, u16)>,
    municipality_at: FastMap<(String, u16), u32>,
    region: Vec<u16>,
    municipality: Vec<u32>,
    sector: Vec<u16>,
    platforms: Vec<u32>,
    subscribers: Vec<u64>,
    /// Terms in the order first seen; sorted at the finish.
    vocabulary: FastMap<String, u32>,
    /// The terms of each distinct name, with its sort key: names repeat across towns
    /// («МБОУ «СОШ № 1»» is everywhere), so each is tokenised once.
    named: FastMap<Box<str>, (Vec<u32>, Vec<u32>)>,
    /// The terms of short names and place names, which repeat on many organisations.
    repeated: FastMap<Box<str>, Vec<u32>>,
    /// (term, organisation << FIELD_BITS | field), each term once per organisation.
    pairs: Vec<(u32, u32)>,
    name_keys: Vec<u32>,
    name_offsets: Vec<u32>,
}

impl IndexBuilder {
    /// A builder for a catalog's reference lists, with no organisation added yet.
    pub fn new(catalog: &Catalog) -> IndexBuilder {
        let position = |list: &[String]| -> HashMap<String, u16> {
            list.iter()
                .enumerate()
                .map(|(i, v)| (v.clone(), i as u16))
                .collect()
        };
        let region_codes: Vec<String> = catalog.regions.iter().map(|r| r.code.clone()).collect();
        let sector_ids: Vec<String> = catalog.sectors.iter().map(|s| s.id.clone()).collect();
        let platform_ids: Vec<String> = catalog.platforms.iter().map(|p| p.id.clone()).collect();
        let region_names = catalog
            .regions
            .iter()
            .flat_map(|r| std::iter::once(r.name.clone()).chain(r.short_name.clone()))
            .collect();
        IndexBuilder {
            region_names,
            region_at: position(&region_codes),
            sector_at: position(&sector_ids),
            platform_at: position(&platform_ids),
            region_codes,
            sector_ids,
            platform_ids,
            municipalities: Vec::new(),
            municipality_at: FastMap::default(),
            region: Vec::new(),
            municipality: Vec::new(),
            sector: Vec::new(),
            platforms: Vec::new(),
            subscribers: Vec::new(),
            vocabulary: FastMap::default(),
            named: FastMap::default(),
            repeated: FastMap::default(),
            pairs: Vec::new(),
            name_keys: Vec::new(),
            name_offsets: vec![0],
        }
    }

    /// How many of the catalog's organisations have been added.
    pub fn added(&self) -> usize {
        self.region.len()
    }

    /// Adds up to `limit` organisations of `catalog`, the next ones after those already
    /// added; returns how many are left. The catalog must be the one the builder was made
    /// for, or a later state of it with organisations appended.
    pub fn add(&mut self, catalog: &Catalog, limit: usize) -> usize {
        let start = self.added();
        let end = catalog.organizations.len().min(start.saturating_add(limit));
        let mut org_terms: FastMap<u32, u32> = FastMap::default();
        for org_index in start..end {
            let org = &catalog.organizations[org_index];
            let region = self.region_at.get(&org.region).copied().unwrap_or(u16::MAX);
            self.region.push(region);
            let municipality = match &org.municipality {
                Some(name) => {
                    let key = (name.clone(), region);
                    match self.municipality_at.get(&key) {
                        Some(&id) => id,
                        None => {
                            let id = self.municipalities.len() as u32;
                            self.municipalities.push(key.clone());
                            self.municipality_at.insert(key, id);
                            id
                        }
                    }
                }
                None => NONE,
            };
            self.municipality.push(municipality);
            self.sector
                .push(self.sector_at.get(&org.sector).copied().unwrap_or(u16::MAX));
            let platform_at = &self.platform_at;
            self.platforms
                .push(org.channels.iter().fold(0, |mask, channel| {
                    match platform_at.get(&channel.platform) {
                        Some(&bit) if bit < 32 => mask | 1 << bit,
                        _ => mask,
                    }
                }));
            self.subscribers.push(
                org.channels
                    .iter()
                    .filter_map(|c| c.subscribers)
                    .sum::<u64>(),
            );

            // Each term once per organisation, with the better field.
            org_terms.clear();
            let keep = |term: u32, field: u32, org_terms: &mut FastMap<u32, u32>| {
                let best = org_terms.entry(term).or_insert(field);
                *best = (*best).min(field);
            };
            let vocabulary = &mut self.vocabulary;
            if !self.named.contains_key(org.name.as_str()) {
                let mut key = Vec::new();
                let mut ids = terms_of(vocabulary, &org.name, Some(&mut key));
                // «Администрация Беловского муниципального округа» is the district's.
                for word in kind_words(&org.name) {
                    ids.push(intern(vocabulary, word));
                }
                self.named.insert(org.name.as_str().into(), (ids, key));
            }
            let (ids, key) = &self.named[org.name.as_str()];
            for &term in ids {
                keep(term, FIELD_NAME, &mut org_terms);
            }
            self.name_keys.extend_from_slice(key);
            self.name_offsets.push(self.name_keys.len() as u32);
            if let Some(short) = &org.short_name {
                if !self.repeated.contains_key(short.as_str()) {
                    let ids = terms_of(vocabulary, short, None);
                    self.repeated.insert(short.as_str().into(), ids);
                }
                for &term in &self.repeated[short.as_str()] {
                    keep(term, FIELD_NAME, &mut org_terms);
                }
            }
            let region = catalog.region(&org.region);
            let places = org
                .municipality
                .iter()
                .map(|m| (m, FIELD_OTHER))
                .chain(region.map(|r| (&r.name, FIELD_REGION)))
                .chain(
                    region
                        .and_then(|r| r.short_name.as_ref())
                        .map(|short| (short, FIELD_REGION)),
                );
            for (text, field) in places {
                if !self.repeated.contains_key(text.as_str()) {
                    let mut ids = terms_of(vocabulary, text, None);
                    // «район» finds the okrugs that districts became.
                    for word in kind_words(text) {
                        ids.push(intern(vocabulary, word));
                    }
                    self.repeated.insert(text.as_str().into(), ids);
                }
                for &term in &self.repeated[text.as_str()] {
                    keep(term, field, &mut org_terms);
                }
            }
            // The handle is part of the link, so the link's terms cover it.
            for channel in &org.channels {
                let without_scheme = channel
                    .url
                    .split_once("://")
                    .map_or(channel.url.as_str(), |(_, rest)| rest);
                for term in terms_of(vocabulary, without_scheme, None) {
                    keep(term, FIELD_OTHER, &mut org_terms);
                }
            }
            for (&term, &field) in org_terms.iter() {
                self.pairs
                    .push((term, (org_index as u32) << FIELD_BITS | field));
            }
        }
        catalog.organizations.len() - end
    }

    /// Starts making an index of everything added so far. The builder is left as it was,
    /// so more organisations can be added afterwards for a fuller index.
    pub fn finishing(&self) -> Finishing<'_> {
        Finishing {
            builder: self,
            stage: Stage::SortTerms(0),
            terms: Vec::new(),
            renumber: Vec::new(),
            name_keys: Vec::new(),
            order: Vec::new(),
            town_forms: Vec::new(),
            index: None,
        }
    }

    /// An index of everything added so far, made in one go.
    pub fn finish(&self) -> Index {
        let mut finishing = self.finishing();
        loop {
            if let Some(index) = finishing.step() {
                return index;
            }
        }
    }
}

/// An index being made from a builder, one step at a time. Each [`Finishing::step`] does a
/// bounded part of the work: a quarter of a sort, a merge, a quarter of the postings, one
/// spelling table. At 175,000 organisations the longest step takes about 25 ms natively,
/// so a page that yields between steps answers a keystroke well within 50 ms.
#[derive(Debug)]
pub struct Finishing<'a> {
    builder: &'a IndexBuilder,
    stage: Stage,
    /// The vocabulary as (text, first id), sorted a piece at a time.
    terms: Vec<(&'a str, u32)>,
    /// A term's rank in the sorted vocabulary, by the id it was first given.
    renumber: Vec<u32>,
    /// The names' sort keys with word ids turned into ranks.
    name_keys: Vec<u32>,
    /// Organisations being put in order (by name, then by subscribers).
    order: Vec<u32>,
    /// (place, term) for each word of the catalog that is a form of a place's town name,
    /// sorted by place: found once, for the places' ready lists.
    town_forms: Vec<(u32, u32)>,
    index: Option<Index>,
}

/// Long sorts are cut into this many pieces, each sorted in a step of its own, and then
/// merged in one linear step.
const PIECES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    SortTerms(usize),
    Vocabulary,
    Arrays,
    Postings(usize),
    Spellings,
    FirstLetters,
    Tables(usize),
    Places,
    SortNames(usize),
    NameOrder,
    SortSubscribers(usize),
    SubscriberOrder,
}

impl Finishing<'_> {
    /// Does the next step; returns the index after the last.
    pub fn step(&mut self) -> Option<Index> {
        let b = self.builder;
        match self.stage {
            Stage::SortTerms(piece) => {
                if piece == 0 {
                    self.terms = b
                        .vocabulary
                        .iter()
                        .map(|(text, &id)| (text.as_str(), id))
                        .collect();
                }
                let range = piece_range(self.terms.len(), piece);
                self.terms[range].sort_unstable();
                self.stage = next_piece(piece, Stage::SortTerms, Stage::Vocabulary);
            }
            Stage::Vocabulary => {
                self.terms = merge_pieces(&self.terms, |a, b| a.cmp(b));
                self.renumber = vec![0u32; self.terms.len()];
                for (new, (_, old)) in self.terms.iter().enumerate() {
                    self.renumber[*old as usize] = new as u32;
                }
                self.stage = Stage::Arrays;
            }
            Stage::Arrays => {
                let terms = std::mem::take(&mut self.terms);
                self.index = Some(self.unfinished_index(terms));
                self.stage = Stage::Postings(0);
            }
            Stage::Postings(piece) => {
                let index = self.index.as_mut()?;
                if piece == 0 {
                    // Postings grouped by term with a counting sort: linear, where sorting
                    // millions of pairs was the slowest step of the build. `offsets` holds
                    // each term's start; its write cursor while the pieces are placed is
                    // kept in `order`.
                    let mut offsets = vec![0u32; self.renumber.len() + 1];
                    for (term, _) in &b.pairs {
                        offsets[self.renumber[*term as usize] as usize + 1] += 1;
                    }
                    for i in 1..offsets.len() {
                        offsets[i] += offsets[i - 1];
                    }
                    self.order = offsets.clone();
                    index.offsets = offsets;
                    index.postings = vec![0u32; b.pairs.len()];
                }
                for &(term, posting) in &b.pairs[piece_range(b.pairs.len(), piece)] {
                    let slot = &mut self.order[self.renumber[term as usize] as usize];
                    index.postings[*slot as usize] = posting;
                    *slot += 1;
                }
                self.stage = next_piece(piece, Stage::Postings, Stage::Spellings);
            }
            Stage::Spellings => {
                let index = self.index.as_mut()?;
                for (term, text) in index.terms.iter().enumerate() {
                    if is_cyrillic(text) && !is_number(text) {
                        index.latin.push((latin_key(text).into(), term as u32));
                        if text.chars().count() >= MIN_STEM_WORD {
                            index
                                .typo_targets
                                .push((text.chars().collect(), term as u32));
                        }
                    }
                }
                index.latin.sort_unstable();
                index.places = places(
                    b.municipalities
                        .iter()
                        .map(|(name, _)| name.as_str())
                        .chain(b.region_names.iter().map(String::as_str)),
                );
                // The words of the catalog that are a place's town in some case form,
                // found once here so that a query for the adjective needs no stemming.
                let mut town_forms: Vec<(u32, u32)> = Vec::new();
                for (p, place) in index.places.iter().enumerate() {
                    for town in &place.towns {
                        for term in index.prefixed(town) {
                            if is_town_form(place, &index.terms[term as usize]) {
                                town_forms.push((p as u32, term));
                            }
                        }
                    }
                }
                town_forms.sort_unstable();
                town_forms.dedup();
                self.town_forms = town_forms;
                index.town_stems = town_stems(&index.places);
                self.stage = Stage::FirstLetters;
            }
            Stage::FirstLetters => {
                let index = self.index.as_mut()?;
                index.first_letters = index.precomputed_first_letters();
                self.stage = Stage::Tables(0);
            }
            Stage::Tables(piece) => {
                // What each phrase of the tables matches, so that a keystroke that uses
                // one marks a ready list instead of matching its words anew.
                let index = self.index.as_mut()?;
                let targets = &tables().targets;
                for target in &targets[piece_range(targets.len(), piece)] {
                    let list = index.ready_list(&target.words, !target.acronym);
                    index.tables.push(&list);
                }
                self.stage = next_piece(piece, Stage::Tables, Stage::Places);
            }
            Stage::Places => {
                let index = self.index.as_mut()?;
                let mut ready = ReadyLists::default();
                for place in 0..index.places.len() {
                    ready.push(&index.place_list(place as u32, &self.town_forms));
                }
                index.places_matched = ready;
                self.town_forms = Vec::new();
                self.stage = Stage::SortNames(0);
            }
            Stage::SortNames(piece) => {
                if piece == 0 {
                    // Word codes become vocabulary ranks, which order as the words do.
                    self.name_keys = b
                        .name_keys
                        .iter()
                        .map(|&code| {
                            if code & WORD_CODE != 0 {
                                WORD_CODE | self.renumber[(code & !WORD_CODE) as usize]
                            } else {
                                code
                            }
                        })
                        .collect();
                    self.order = (0..b.added() as u32).collect();
                }
                let range = piece_range(self.order.len(), piece);
                self.order[range].sort_unstable_by(by_name(&b.name_offsets, &self.name_keys));
                self.stage = next_piece(piece, Stage::SortNames, Stage::NameOrder);
            }
            Stage::NameOrder => {
                let by_name = merge_pieces(&self.order, by_name(&b.name_offsets, &self.name_keys));
                // From here on `name_keys` holds each organisation's rank by name.
                self.name_keys = vec![0u32; by_name.len()];
                for (rank, &org) in by_name.iter().enumerate() {
                    self.name_keys[org as usize] = rank as u32;
                }
                self.index.as_mut()?.by_name = by_name;
                self.order = (0..b.added() as u32).collect();
                self.stage = Stage::SortSubscribers(0);
            }
            Stage::SortSubscribers(piece) => {
                let range = piece_range(self.order.len(), piece);
                self.order[range].sort_unstable_by(by_subscribers(&b.subscribers, &self.name_keys));
                self.stage = next_piece(piece, Stage::SortSubscribers, Stage::SubscriberOrder);
            }
            Stage::SubscriberOrder => {
                let mut index = self.index.take()?;
                index.by_subscribers =
                    merge_pieces(&self.order, by_subscribers(&b.subscribers, &self.name_keys));
                return Some(index);
            }
        }
        None
    }

    /// The index with its per-organisation arrays, vocabulary and municipalities; the
    /// postings, spelling tables and orders are filled in by the later steps.
    fn unfinished_index(&self, terms: Vec<(&str, u32)>) -> Index {
        let b = self.builder;
        // Municipalities in name order, as the filter lists them. There are a few
        // thousand at most, so this is not worth cutting into pieces.
        let mut order: Vec<u32> = (0..b.municipalities.len() as u32).collect();
        order.sort_by_cached_key(|&m| {
            let (name, region) = &b.municipalities[m as usize];
            (crate::search::sort_key(name), name.clone(), *region)
        });
        let mut municipality_rank = vec![0u32; order.len()];
        for (rank, &m) in order.iter().enumerate() {
            municipality_rank[m as usize] = rank as u32;
        }
        Index {
            count: b.added(),
            region: b.region.clone(),
            municipality: b
                .municipality
                .iter()
                .map(|&m| {
                    if m == NONE {
                        NONE
                    } else {
                        municipality_rank[m as usize]
                    }
                })
                .collect(),
            sector: b.sector.clone(),
            platforms: b.platforms.clone(),
            by_subscribers: Vec::new(),
            by_name: Vec::new(),
            terms: terms.into_iter().map(|(text, _)| text.into()).collect(),
            offsets: Vec::new(),
            postings: Vec::new(),
            latin: Vec::new(),
            typo_targets: Vec::new(),
            first_letters: Vec::new(),
            places: Vec::new(),
            town_stems: Vec::new(),
            tables: ReadyLists::default(),
            places_matched: ReadyLists::default(),
            region_codes: b.region_codes.clone(),
            municipalities: order
                .iter()
                .map(|&m| b.municipalities[m as usize].0.clone())
                .collect(),
            municipality_region: order
                .iter()
                .map(|&m| b.municipalities[m as usize].1)
                .collect(),
            sector_ids: b.sector_ids.clone(),
            platform_ids: b.platform_ids.clone(),
        }
    }
}

/// Name order: word by word (numbers by value), then position. `keys` holds every
/// name's sort key, one after another; `offsets` where each begins.
fn by_name<'k>(offsets: &'k [u32], keys: &'k [u32]) -> impl Fn(&u32, &u32) -> Ordering + 'k {
    move |&a, &b| {
        let key = |org: u32| {
            let org = org as usize;
            &keys[offsets[org] as usize..offsets[org + 1] as usize]
        };
        key(a).cmp(key(b)).then(a.cmp(&b))
    }
}

/// Subscriber order: most subscribers first, then by rank by name.
fn by_subscribers<'k>(
    subscribers: &'k [u64],
    name_rank: &'k [u32],
) -> impl Fn(&u32, &u32) -> Ordering + 'k {
    move |&a, &b| {
        subscribers[b as usize]
            .cmp(&subscribers[a as usize])
            .then(name_rank[a as usize].cmp(&name_rank[b as usize]))
    }
}

/// The items of piece `piece` of `PIECES` nearly equal pieces of `len` items.
fn piece_range(len: usize, piece: usize) -> Range<usize> {
    len * piece / PIECES..len * (piece + 1) / PIECES
}

/// The stage after piece `piece`: the next piece, or `then` after the last.
fn next_piece(piece: usize, again: fn(usize) -> Stage, then: Stage) -> Stage {
    if piece + 1 < PIECES {
        again(piece + 1)
    } else {
        then
    }
}

/// Merges the `PIECES` sorted pieces of `items` into one sorted list.
fn merge_pieces<T: Copy>(items: &[T], order: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut heads: Vec<Range<usize>> = (0..PIECES).map(|p| piece_range(items.len(), p)).collect();
    let mut merged = Vec::with_capacity(items.len());
    loop {
        let mut best: Option<usize> = None;
        for (piece, head) in heads.iter().enumerate() {
            if head.is_empty() {
                continue;
            }
            let better = best.is_none_or(|b| {
                order(&items[head.start], &items[heads[b].start]) == Ordering::Less
            });
            if better {
                best = Some(piece);
            }
        }
        let Some(piece) = best else {
            return merged;
        };
        merged.push(items[heads[piece].start]);
        heads[piece].start += 1;
    }
}

/// The terms of a text, added to the vocabulary; for a name, also its sort key: one code
/// per word, in order (see `sort_code`), so that ordering by name needs no string keys.
fn terms_of(
    vocabulary: &mut FastMap<String, u32>,
    text: &str,
    mut key: Option<&mut Vec<u32>>,
) -> Vec<u32> {
    let mut ids = Vec::new();
    each_token(text, |token| {
        let id = intern(vocabulary, token);
        ids.push(id);
        let mut parts = 0;
        each_part(token, |part| {
            let part_id = intern(vocabulary, part);
            ids.push(part_id);
            if let Some(key) = key.as_deref_mut() {
                key.push(sort_code(part, part_id));
            }
            parts += 1;
        });
        if parts == 0 {
            if let Some(key) = key.as_deref_mut() {
                key.push(sort_code(token, id));
            }
        }
    });
    ids
}
