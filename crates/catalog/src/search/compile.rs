//! Compiling query text into chunks: one per word typed (or per phrase of the tables),
//! each with the ways it may match.

use crate::search::everyday::FILLERS;
use crate::search::index::{Index, Quality, MIN_RESPELLED, NAME_PREFIX, NAME_WORD, RESPELLED};
use crate::search::places::places_named;
use crate::search::tables::{tables, Phrase};
use crate::search::text::{alphanumeric_parts, other_layout, stem, tokens};

/// One word of the query as typed (or a phrase read as one), with the ways it may match;
/// the best one counts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Chunk {
    /// The first is always the words as typed.
    pub(super) alternatives: Vec<Alternative>,
    /// The tokens as typed and their stems, for reading phrases across chunks.
    words: Vec<String>,
    stems: Vec<String>,
    /// The word or phrase as typed, for saying which one was not found.
    pub(super) text: String,
}

/// One way a chunk may match, and the best quality it can give.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Alternative {
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

impl Index {
    /// Turns query text into chunks: one per word typed, with its other-layout reading,
    /// the split of letters from digits, the abbreviations and everyday words it may
    /// stand for, and the places it may name.
    pub(super) fn compile(&self, text: &str) -> Vec<Chunk> {
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
