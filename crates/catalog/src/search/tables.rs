//! The abbreviation and everyday tables as a query reads them: both directions, each side
//! tokenised and stemmed once, the phrases a side stands for numbered so that the index
//! can match each of them when it is built, and looked up by their first word so that a
//! keystroke compares only the few that could apply.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::search::abbreviations::ABBREVIATIONS;
use crate::search::everyday::EVERYDAY;
use crate::search::index::{Quality, NAME_WORD, OTHER_WORD};
use crate::search::text::{stem, tokens};

/// One side of a pair of the abbreviation or everyday tables: its tokens and their stems.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Phrase {
    pub(super) words: Vec<String>,
    pub(super) stems: Vec<String>,
    /// Written in capitals in the table: matched as written, never by stem.
    pub(super) acronym: bool,
}

impl Phrase {
    fn new(text: &str) -> Phrase {
        let words = tokens(text);
        let stems = words.iter().map(|w| stem(w)).collect();
        let letters = text.chars().filter(|c| c.is_alphabetic());
        let acronym = letters.clone().count() > 1 && letters.clone().all(char::is_uppercase);
        Phrase {
            words,
            stems,
            acronym,
        }
    }

    /// Whether typed tokens (with their stems) spell this phrase: each as written, or
    /// with the same stem when `by_stem`.
    pub(super) fn spells(&self, typed: &[String], stems: &[String], by_stem: bool) -> bool {
        self.words.len() == typed.len()
            && self
                .words
                .iter()
                .zip(&self.stems)
                .zip(typed.iter().zip(stems))
                .all(|((word, stemmed), (token, typed_stem))| {
                    token == word || (by_stem && typed_stem == stemmed)
                })
    }
}

/// A way a word or phrase of the query may be written in a name instead.
#[derive(Debug)]
pub(super) struct Synonym {
    pub(super) from: Phrase,
    /// What it may be written as: an index in [`Tables::targets`].
    pub(super) to: u16,
    /// Whether a query word matches `from` by its stem («садика» is «садик»), or only as
    /// typed (an abbreviation: «ДО» is not «до»).
    pub(super) by_stem: bool,
    /// The best quality a match through it gives: an abbreviation is the name itself, an
    /// everyday word only a way of putting it, so a name with the word typed ranks first.
    pub(super) floor: Quality,
}

/// Both tables in both directions.
#[derive(Debug)]
pub(super) struct Tables {
    /// Longest `from` first, so that «единая дежурная служба» is read whole before
    /// «дежурная служба».
    pub(super) synonyms: Vec<Synonym>,
    /// Every phrase a synonym stands for, once.
    pub(super) targets: Vec<Phrase>,
    /// Synonyms by the first word of `from` as written, and (those read by stem) by its
    /// stem; each list in table order.
    by_word: HashMap<String, Vec<u16>>,
    by_stem: HashMap<String, Vec<u16>>,
}

impl Tables {
    /// The synonyms whose `from` may begin with a typed word of this stem, in table
    /// order: the only ones a query word can spell.
    pub(super) fn starting_with(&self, word: &str, stemmed: &str) -> Vec<u16> {
        let mut ids: Vec<u16> = self.by_word.get(word).cloned().unwrap_or_default();
        if let Some(more) = self.by_stem.get(stemmed) {
            ids.extend_from_slice(more);
            ids.sort_unstable();
            ids.dedup();
        }
        ids
    }
}

/// The tables, read once.
pub(super) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // (from, to, read by stem, floor): an abbreviation is the name's own word, an
        // everyday word only a way of putting it.
        let mut pairs: Vec<(&str, &str, Option<bool>, Quality)> = Vec::new();
        for (abbreviation, expansion) in ABBREVIATIONS {
            pairs.push((abbreviation, expansion, Some(false), NAME_WORD));
            // An expansion of one word («администрация») finds the abbreviation by prefix
            // anyway; only a phrase needs reading whole.
            if tokens(expansion).len() > 1 {
                pairs.push((expansion, abbreviation, Some(true), NAME_WORD));
            }
        }
        for (said, written) in EVERYDAY {
            // An everyday word is read by stem unless it is an acronym.
            pairs.push((said, written, None, OTHER_WORD));
            pairs.push((written, said, None, OTHER_WORD));
        }
        let mut targets: Vec<Phrase> = Vec::new();
        let mut synonyms: Vec<Synonym> = pairs
            .into_iter()
            .map(|(from, to, by_stem, floor)| {
                let from = Phrase::new(from);
                let to = Phrase::new(to);
                let to = match targets.iter().position(|t| *t == to) {
                    Some(i) => i,
                    None => {
                        targets.push(to);
                        targets.len() - 1
                    }
                };
                Synonym {
                    by_stem: by_stem.unwrap_or(!from.acronym),
                    from,
                    to: to as u16,
                    floor,
                }
            })
            .collect();
        synonyms.sort_by_key(|s| std::cmp::Reverse(s.from.words.len()));
        let mut by_word: HashMap<String, Vec<u16>> = HashMap::new();
        let mut by_stem: HashMap<String, Vec<u16>> = HashMap::new();
        for (id, synonym) in synonyms.iter().enumerate() {
            let (Some(word), Some(stemmed)) =
                (synonym.from.words.first(), synonym.from.stems.first())
            else {
                continue;
            };
            by_word.entry(word.clone()).or_default().push(id as u16);
            if synonym.by_stem {
                by_stem.entry(stemmed.clone()).or_default().push(id as u16);
            }
        }
        Tables {
            synonyms,
            targets,
            by_word,
            by_stem,
        }
    })
}
