//! Text as the search engine sees it: normalised tokens, stems, the other keyboard
//! layout, Latin spellings and edit distance. Everything here is a pure function of its
//! input, shared by indexing and querying so that both sides agree.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::translit::transliterate;

/// Splits text into search tokens: lower case, «ё» as «е», letters and digits only.
///
/// Every other character separates tokens, so quotes, «№», punctuation and hyphens vanish
/// («Ленинск-Кузнецкий» gives «ленинск» and «кузнецкий»). A slash between two single
/// letters joins them instead, so the abbreviation «д/с» stays one token, «дс».
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_token(text, |token| out.push(token.to_string()));
    out
}

/// Calls `f` with each token of `text`, as [`tokens`] splits it, without allocating a
/// string per token: indexing a national catalog visits millions of them.
pub fn each_token(text: &str, mut f: impl FnMut(&str)) {
    let mut current = String::new();
    let mut previous_letter = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(folded) = fold(c) {
            current.push(folded);
            previous_letter = !folded.is_ascii_digit();
            continue;
        }
        // The punctuation of Russian names, settled without Unicode tables.
        let common =
            c.is_ascii() || matches!(c, '«' | '»' | '№' | '—' | '–' | '„' | '“' | '”' | '\u{a0}');
        if !common && c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                current.push(lower);
            }
            previous_letter = c.is_alphabetic();
            continue;
        }
        // Soft hyphens, zero-width and combining marks are invisible: they join, not split.
        let invisible = matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
        ) || ('\u{300}'..='\u{36f}').contains(&c);
        let mut next_letter = || {
            chars.peek().is_some_and(|&next| {
                fold(next).is_some_and(|f| !f.is_ascii_digit()) || next.is_alphabetic()
            })
        };
        // «д/с» is one word; «vk.com/school12» is two.
        let single_letter = previous_letter && current.chars().count() == 1;
        if invisible || (c == '/' && single_letter && next_letter()) {
            continue;
        }
        if !current.is_empty() {
            f(&current);
            current.clear();
        }
        previous_letter = false;
    }
    if !current.is_empty() {
        f(&current);
    }
}

/// Calls `f` with the letter and digit runs of a mixed token (`sosh12` → `sosh`, `12`);
/// not at all for a token that is all letters or all digits.
pub fn each_part(token: &str, mut f: impl FnMut(&str)) {
    let digit_at = |i: usize| token.as_bytes()[i].is_ascii_digit();
    let digits = token.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0 || digits == token.len() {
        return;
    }
    let mut start = 0;
    for (i, _) in token.char_indices().skip(1) {
        if digit_at(i) != digit_at(start) {
            f(&token[start..i]);
            start = i;
        }
    }
    f(&token[start..]);
}

/// Lower-cases the characters almost all catalog text is made of without Unicode
/// tables: ASCII letters and digits and the Russian alphabet, with «ё» as «е».
fn fold(c: char) -> Option<char> {
    match c {
        'a'..='z' | '0'..='9' | 'а'..='я' => Some(c),
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        'А'..='Я' => char::from_u32(c as u32 + 32),
        'ё' | 'Ё' => Some('е'),
        _ => None,
    }
}

/// Whether a token is a number, which must match exactly: «5» is not «15» or «50».
pub fn is_number(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit())
}

/// The letter and digit runs of a mixed token: `sosh12` → `sosh`, `12`. Empty for a
/// token that is all letters or all digits.
pub fn alphanumeric_parts(token: &str) -> Vec<String> {
    let mut parts = Vec::new();
    each_part(token, |part| parts.push(part.to_string()));
    parts
}

/// Whether every letter of a token is Cyrillic (digits allowed).
pub fn is_cyrillic(token: &str) -> bool {
    token.chars().any(|c| matches!(c, 'а'..='я' | 'ё'))
        && token
            .chars()
            .all(|c| matches!(c, 'а'..='я' | 'ё') || c.is_ascii_digit())
}

/// Whether every letter of a token is Latin (digits allowed).
pub fn is_latin(token: &str) -> bool {
    token.bytes().any(|b| b.is_ascii_lowercase())
        && token
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// The Russian Snowball stem of a lower-case word.
pub fn stem(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::Russian))
        .stem(word)
        .into_owned()
}

/// The same keys typed in the other layout: `irjkf` → `школа`, `ырщщд` → `shool`.
/// `None` when the text is not all in one of the two layouts.
pub fn other_layout(text: &str) -> Option<String> {
    const LATIN: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
    const CYRILLIC: &str = "йцукенгшщзхъфывапролджэячсмитьбюё";
    let latin: Vec<char> = LATIN.chars().collect();
    let cyrillic: Vec<char> = CYRILLIC.chars().collect();
    let lower = text.to_lowercase();
    let swap = |from: &[char], to: &[char]| -> Option<String> {
        lower
            .chars()
            .map(|c| match from.iter().position(|&f| f == c) {
                Some(i) => Some(to[i]),
                None if c.is_ascii_digit() || c == ' ' || c == '-' => Some(c),
                None => None,
            })
            .collect()
    };
    swap(&latin, &cyrillic).or_else(|| swap(&cyrillic, &latin))
}

/// A key that makes the usual Latin spellings of one Russian word equal: `bolnitsa`,
/// `bolnica` and `bolnitza` all give `bolnica`. Cyrillic input is transliterated first.
pub fn latin_key(text: &str) -> String {
    let latin = transliterate(text);
    let mut key = latin;
    for (from, to) in [
        ("shch", "s"),
        ("sch", "s"),
        ("sh", "s"),
        ("ch", "c"),
        ("zh", "z"),
        ("kh", "h"),
        ("ts", "c"),
        ("tz", "c"),
        ("ja", "ya"),
        ("ia", "ya"),
        ("ju", "yu"),
        ("iu", "yu"),
        ("jo", "e"),
        ("yo", "e"),
        ("iy", "y"),
        ("ij", "y"),
        ("ii", "y"),
        ("yj", "y"),
        ("j", "y"),
        ("x", "ks"),
        ("w", "v"),
        ("q", "k"),
    ] {
        if key.contains(from) {
            key = key.replace(from, to);
        }
    }
    // Doubled letters are spelt either way (Kuzbass, Kuzbas).
    let mut folded = String::with_capacity(key.len());
    for c in key.chars() {
        if !folded.ends_with(c) || c.is_ascii_digit() {
            folded.push(c);
        }
    }
    folded
}

/// How many typos a word of this many letters may carry: one from 5 letters, two from 9.
pub fn allowed_typos(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The optimal-string-alignment distance between two words (insertions, deletions,
/// substitutions and swaps of neighbours), or `None` when it exceeds `limit`. `rows` is
/// scratch space, reused between calls.
pub fn edit_distance(
    a: &[char],
    b: &[char],
    limit: usize,
    rows: &mut [Vec<usize>; 3],
) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let [before, previous, current] = rows;
    before.clear();
    before.resize(width, 0);
    previous.clear();
    previous.extend(0..width);
    current.clear();
    current.resize(width, 0);
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(before, previous);
        std::mem::swap(previous, current);
    }
    let distance = previous[b.len()];
    (distance <= limit).then_some(distance)
}
