//! Ready lists: the organisations each table phrase and each place match, worked out when
//! the index is built so that a keystroke only lowers qualities from a list.

use crate::search::index::{
    Index, Quality, FIELD_BITS, NAME_PREFIX, NAME_WORD, NO_MATCH, OTHER_PREFIX, OTHER_WORD,
};
use crate::search::matching::{field_quality, Matching};

/// Lowers `quality` to each listed organisation's ready quality, but never below `floor`.
pub(super) fn mark_ready(list: Option<&[u32]>, floor: Quality, quality: &mut [Quality]) {
    for &entry in list.unwrap_or_default() {
        let org = (entry >> READY_BITS) as usize;
        let q = ((entry & READY_MASK) as Quality).max(floor);
        if q < quality[org] {
            quality[org] = q;
        }
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

    pub(super) fn get(&self, i: usize) -> Option<&[u32]> {
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
