//! Place names as people say them. Names of bodies and municipalities use the adjective
//! («Юргинская городская поликлиника», «Мысковский городской округ»); people type the
//! town («поликлиника 2 юрга», «мыски»). For every adjective in the catalog's municipality
//! and region names this derives the stems its town may have, by the few suffixes Russian
//! makes such adjectives with, and links them both ways: a town's name in any case form
//! finds the adjective in any gender and case, and the adjective finds the town's name
//! where a name uses it («Администрация Заводского района города Кемерово»).
//!
//! Nothing here is listed by hand: the groups come from the catalog, so a catalog of
//! another region brings its own towns.

use crate::search::text::{each_token, is_cyrillic, stem};

/// Endings of the adjectives places are named with, masculine, feminine and neuter.
const ADJECTIVE_ENDINGS: [&str; 7] = ["ский", "ская", "ское", "ской", "цкий", "цкая", "цкое"];

/// Adjectives that name the kind of a municipality, not a place.
const KIND_WORDS: [&str; 4] = ["городской", "сельский", "городское", "сельское"];

/// Derived stems shorter than this would take in ordinary words («бел» of «белый»).
const MIN_TOWN_STEM: usize = 3;

/// One place: the stem every form of its adjective starts with, and the stems its town's
/// name may have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Place {
    /// «юргинск» of «Юргинский», «Юргинская», «юргинского».
    pub(super) adjective: Box<str>,
    /// «юргинск», «юргин», «юргинк», «юрг»: one of these is the stem of the town's name.
    pub(super) towns: Vec<Box<str>>,
}

/// Every place of a catalog's municipality and region names, each once, in name order.
pub(super) fn places<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<Place> {
    let mut found: Vec<Place> = Vec::new();
    for name in names {
        each_token(name, |token| {
            if let Some(place) = place_of(token) {
                if !found.iter().any(|p| p.adjective == place.adjective) {
                    found.push(place);
                }
            }
        });
    }
    found.sort_by(|a, b| a.adjective.cmp(&b.adjective));
    found
}

/// The place an adjective names, with the stems its town may have; `None` for a word
/// that is not a place adjective.
fn place_of(token: &str) -> Option<Place> {
    if !is_cyrillic(token) || KIND_WORDS.contains(&token) {
        return None;
    }
    let ending = ADJECTIVE_ENDINGS.iter().find(|e| token.ends_with(*e))?;
    // «юргинский» → «юргинск»: every form of the adjective starts with it.
    let adjective = &token[..token.len() - "ий".len()];
    let mut towns: Vec<String> = vec![adjective.to_string()];
    if ending.starts_with('с') {
        // «юргинск» → «юргин»; the town is «Юрга», «Юргинка» or «Юргино».
        let base = &adjective[..adjective.len() - "ск".len()];
        towns.push(base.to_string());
        // «Сосновский» is named after «Сосновка».
        towns.push(format!("{base}к"));
        // «Таштагольский» after «Таштагол», «Тисульский» after «Тисуль».
        if let Some(hard) = base.strip_suffix('ь') {
            towns.push(hard.to_string());
        }
        // «Юргинский» after «Юрга», «Тайгинский» after «Тайга», «Топкинский» after «Топки».
        if let Some(short) = base.strip_suffix("ин") {
            towns.push(short.to_string());
        }
        // «Мысковский» after «Мыски», «Осинниковский» after «Осинники».
        if let Some(short) = base.strip_suffix("ов").or_else(|| base.strip_suffix("ев")) {
            if short.chars().count() > MIN_TOWN_STEM {
                towns.push(short.to_string());
            }
        }
    }
    towns.retain(|t| t.chars().count() >= MIN_TOWN_STEM);
    towns.sort();
    towns.dedup();
    Some(Place {
        adjective: adjective.into(),
        towns: towns.into_iter().map(Into::into).collect(),
    })
}

/// The places a query word (with its stem) names: as the town (its stem, or the word,
/// is one of a place's town stems) or as the adjective in any form (its stem starts with
/// the adjective's stem). `places` is sorted by adjective, `towns` is every (town stem,
/// place) sorted by stem, so this is a few binary searches, not a pass over the places.
pub(super) fn places_named(
    places: &[Place],
    towns: &[(Box<str>, u32)],
    word: &str,
    stemmed: &str,
) -> Vec<u32> {
    if !is_cyrillic(word) || word.chars().count() < MIN_TOWN_STEM {
        return Vec::new();
    }
    let mut found = Vec::new();
    // An adjective's stem that starts the word's: one of the stem's own prefixes.
    for (end, _) in stemmed.char_indices().skip(1).chain([(stemmed.len(), ' ')]) {
        let prefix = &stemmed[..end];
        if let Ok(i) = places.binary_search_by(|p| (*p.adjective).cmp(prefix)) {
            found.push(i as u32);
        }
    }
    for key in [stemmed, word] {
        let start = towns.partition_point(|(town, _)| **town < *key);
        found.extend(
            towns[start..]
                .iter()
                .take_while(|(town, _)| **town == *key)
                .map(|&(_, place)| place),
        );
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Every (town stem, place) of a list of places, sorted by stem, for [`places_named`].
pub(super) fn town_stems(places: &[Place]) -> Vec<(Box<str>, u32)> {
    let mut towns: Vec<(Box<str>, u32)> = places
        .iter()
        .enumerate()
        .flat_map(|(i, place)| place.towns.iter().map(move |town| (town.clone(), i as u32)))
        .collect();
    towns.sort_unstable();
    towns
}

/// Whether a catalog word is a form of one of a place's town names: its stem is one of
/// them («юрги» for «Юрга»). Adjective forms are matched by prefix, not by this.
pub(super) fn is_town_form(place: &Place, word: &str) -> bool {
    if word.starts_with(&*place.adjective) || !is_cyrillic(word) {
        return false;
    }
    let stemmed = stem(word);
    place.towns.iter().any(|town| **town == *stemmed)
}

/// Synthetic words a municipality's name, or a name that mentions one in any case form,
/// stands for, as people name its kind: a municipal okrug or district is still «район»
/// to most residents (Kuzbass's districts became okrugs between 2019 and 2025), and a
/// municipal district is an «округ» to those who know the new word.
pub(super) fn kind_words(text: &str) -> &'static [&'static str] {
    let mut previous_municipal = false;
    let mut found: &'static [&'static str] = &[];
    each_token(text, |token| {
        if previous_municipal && token.starts_with("округ") {
            found = &["район"];
        } else if previous_municipal && token.starts_with("район") {
            found = &["округ"];
        }
        previous_municipal = token.starts_with("муниципальн");
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(adjective: &str, expected: &[&str]) {
        let place = place_of(adjective).expect("a place adjective");
        let towns: Vec<&str> = place.towns.iter().map(|t| &**t).collect();
        assert_eq!(towns, expected, "adjective: {adjective}");
    }

    #[test]
    fn town_stems_of_adjectives() {
        check("юргинский", &["юрг", "юргин", "юргинк", "юргинск"]);
        check("мысковский", &["мыск", "мысков", "мысковк", "мысковск"]);
        check("беловский", &["белов", "беловк", "беловск"]);
        check(
            "таштагольский",
            &["таштагол", "таштаголь", "таштагольк", "таштагольск"],
        );
        check("новосибирская", &["новосибир", "новосибирк", "новосибирск"]);
        check("новокузнецкий", &["новокузнецк"]);
        assert_eq!(place_of("городской"), None);
        assert_eq!(
            kind_words("Администрация Кемеровского муниципального округа"),
            ["район"]
        );
        assert_eq!(kind_words("Беловский муниципальный район"), ["округ"]);
        assert!(kind_words("Администрация Беловского городского округа").is_empty());
        assert_eq!(place_of("школа"), None);
    }
}
