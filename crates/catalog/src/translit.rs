//! Cyrillic to Latin transliteration, for slugs now and for matching queries typed in
//! Latin letters later.
//!
//! The table follows the spelling Russians use in e-mail addresses and handles
//! («shkola», «bolnitsa»), not a scholarly standard: it must agree with what people type.

/// Transliterates Russian letters to lower-case Latin; other characters pass unchanged
/// (lower-cased).
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match latin_for(c) {
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
    out
}

fn latin_for(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}
