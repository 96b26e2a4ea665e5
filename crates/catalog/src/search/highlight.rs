//! Which words of a name the search text matched, so the UI can mark them.

use super::abbreviations::ABBREVIATIONS;
use super::everyday::{EVERYDAY, FILLERS};
use super::text::{alphanumeric_parts, is_number, other_layout, stem, tokens};

/// A run of a name's text, matched by the search or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub matched: bool,
}

/// Splits `name` into runs, marking the words that a word of `query` matches the way the
/// search does: the same number, a word the query word starts, or a word with the same
/// stem; also when the query was typed in the other keyboard layout. The runs joined
/// give `name` back unchanged.
pub fn highlight(name: &str, query: &str) -> Vec<Segment> {
    let terms = query_terms(query);
    let mut segments: Vec<Segment> = Vec::new();
    let mut push = |text: &str, matched: bool| match segments.last_mut() {
        Some(last) if last.matched == matched => last.text.push_str(text),
        _ => segments.push(Segment {
            text: text.to_string(),
            matched,
        }),
    };
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in name.char_indices() {
        let word_char = c.is_alphanumeric();
        if word_char != in_word && i > start {
            push_run(&name[start..i], in_word, &terms, &mut push);
            start = i;
        }
        in_word = word_char;
    }
    push_run(&name[start..], in_word, &terms, &mut push);
    segments
}

fn push_run(run: &str, word: bool, terms: &[Term], push: &mut impl FnMut(&str, bool)) {
    if run.is_empty() {
        return;
    }
    let matched = word && {
        let word = tokens(run).concat();
        terms.iter().any(|term| term.matches(&word))
    };
    push(run, matched);
}

/// Whether every word of `filter` starts a word of `label`, in any order: how the region
/// list's own search box narrows 89 names («ново» finds «Новосибирская область», «округ
/// нен» finds «Ненецкий автономный округ»).
pub fn words_match(label: &str, filter: &str) -> bool {
    let words = tokens(label);
    tokens(filter)
        .iter()
        .all(|typed| words.iter().any(|word| word.starts_with(typed.as_str())))
}

/// One word of the query as highlighting compares it.
struct Term {
    text: String,
    stem: Option<String>,
    /// A word of a table's written form, not typed: it marks only the same word or one
    /// of its forms, never a longer word it starts («сад» of «детский сад» is not
    /// «Садовый»).
    whole: bool,
}

impl Term {
    fn new(text: String, whole: bool) -> Term {
        let stem = (!is_number(&text) && text.chars().count() >= 4)
            .then(|| stem(&text))
            .filter(|stem| stem.chars().count() >= 3);
        Term { text, stem, whole }
    }

    fn matches(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        if is_number(&self.text) || is_number(word) {
            return word == self.text;
        }
        if self.whole {
            return word == self.text
                || self.stem.as_ref().is_some_and(|stem| {
                    word.starts_with(stem.as_str()) && super::text::stem(word) == *stem
                });
        }
        word.starts_with(&self.text)
            || self
                .stem
                .as_ref()
                .is_some_and(|stem| word.starts_with(stem.as_str()))
    }
}

/// The words of every written form the tables give for one typed word, said as one word.
fn written_forms(word: &str) -> Vec<String> {
    EVERYDAY
        .iter()
        .chain(ABBREVIATIONS)
        // The length first: it spares reading each of the tables' few hundred entries on
        // every word of every name marked at each keystroke (case does not change the
        // length of a Cyrillic or Latin letter).
        .filter(|(said, _)| said.len() == word.len())
        .filter(|(said, _)| matches!(tokens(said).as_slice(), [one] if one == word))
        .flat_map(|(_, written)| tokens(written))
        .collect()
}

fn query_terms(query: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    // The search leaves out prepositions between the words («садик в юрге»); marking
    // every word that starts with «в» would mark what it did not match. A text of
    // nothing else keeps them, as the search does.
    let filler =
        |raw: &str| matches!(tokens(raw).as_slice(), [word] if FILLERS.contains(&word.as_str()));
    let only_fillers = query.split_whitespace().all(filler);
    for raw in query.split_whitespace() {
        if filler(raw) && !only_fillers {
            continue;
        }
        let mut words = tokens(raw);
        if let Some(other) = other_layout(raw) {
            words.extend(tokens(&other));
        }
        let parts: Vec<String> = words.iter().flat_map(|w| alphanumeric_parts(w)).collect();
        words.extend(parts);
        // A word of the tables found the written form («садик» → «детский сад», «СОШ» →
        // «средняя общеобразовательная школа»): its words are what the name shows.
        let written: Vec<String> = words.iter().flat_map(|w| written_forms(w)).collect();
        terms.extend(words.into_iter().map(|word| Term::new(word, false)));
        terms.extend(written.into_iter().map(|word| Term::new(word, true)));
    }
    terms
}
