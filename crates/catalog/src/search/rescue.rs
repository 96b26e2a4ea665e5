//! Rescue for a search that finds nothing: the filters worth dropping, and a respelling of
//! the text that finds something.

use crate::search::index::Index;
use crate::search::selection::{self, Facet};
use crate::search::text::{allowed_typos, edit_distance, is_number, other_layout, tokens};

impl Index {
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
}
