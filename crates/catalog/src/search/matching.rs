//! Matching a compiled query against the index: per query word, the matchers (prefix,
//! stem, Latin spelling, typos) that mark each organisation's best `Quality`.

use crate::search::compile::{Alternative, Chunk};
use crate::search::index::{
    Index, Quality, FIELD_BITS, FIELD_NAME, FIELD_REGION, MANY_MISSED, MIN_RESPELLED,
    MIN_STEM_WORD, NAME_PREFIX, NAME_WORD, NONE_MISSED, NO_MATCH, OTHER_PREFIX, OTHER_WORD,
    PARTIAL, RESPELLED, TYPO,
};
use crate::search::ready::mark_ready;
use crate::search::text::{
    allowed_typos, edit_distance, is_cyrillic, is_latin, is_number, latin_key, stem,
};

impl Index {
    /// How each organisation matches the text; `None` when the text has no words
    /// (everything matches).
    pub(super) fn text_quality(&self, text: &str) -> Option<TextMatch> {
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
    pub(super) fn mark(
        &self,
        term: u32,
        in_name: Quality,
        elsewhere: Quality,
        quality: &mut [Quality],
    ) {
        for &posting in self.postings_of(term) {
            let org = (posting >> FIELD_BITS) as usize;
            let q = field_quality(posting, in_name, elsewhere);
            if q < quality[org] {
                quality[org] = q;
            }
        }
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
pub(super) struct TextMatch {
    /// Below `PARTIAL`: matches every word, the sum of the words' qualities. From
    /// `PARTIAL`: matches all but one. `NO_MATCH` otherwise.
    pub(super) quality: Vec<Quality>,
    /// For a text of several words, which word each organisation missed (`NONE_MISSED`,
    /// a word's index, or `MANY_MISSED`).
    pub(super) missed: Option<Vec<u8>>,
    /// How many organisations match every word, for a text of several words.
    pub(super) complete: usize,
    /// The words as typed, one per chunk.
    pub(super) words: Vec<String>,
}

/// A posting's quality by its field: the name's, a region's name one worse than
/// elsewhere, since every organisation of the region shares it.
pub(super) fn field_quality(posting: u32, in_name: Quality, elsewhere: Quality) -> Quality {
    match posting & ((1 << FIELD_BITS) - 1) {
        FIELD_NAME => in_name,
        FIELD_REGION => elsewhere.saturating_add(1),
        _ => elsewhere,
    }
}
