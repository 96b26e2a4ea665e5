//! Locale rules the UI needs and that are worth testing natively: Russian and English
//! plural forms, digit grouping, dates in words.

use crate::model::IsoDate;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// Every language of the interface, in the order a choice lists them.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The BCP 47 tag, for `lang` attributes and the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Reads a tag written by [`Lang::as_str`].
    pub fn parse(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.as_str() == tag)
    }
}

/// Which plural form a count takes: Russian has three (1 организация, 2 организации,
/// 5 организаций; 21 организация, 11 организаций), English two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralForm {
    One,
    Few,
    Many,
}

/// The plural form of `n` in `lang`, by the CLDR rules for integers.
pub fn plural_form(lang: Lang, n: u64) -> PluralForm {
    match lang {
        Lang::En if n == 1 => PluralForm::One,
        Lang::En => PluralForm::Many,
        Lang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => PluralForm::One,
            (2..=4, r) if !(12..=14).contains(&r) => PluralForm::Few,
            _ => PluralForm::Many,
        },
    }
}

/// Picks one of three words by the plural form of `n`.
pub fn plural<'a>(lang: Lang, n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match plural_form(lang, n) {
        PluralForm::One => one,
        PluralForm::Few => few,
        PluralForm::Many => many,
    }
}

/// Groups digits by thousands: `2 852` in Russian (a no-break space), `2,852` in English.
pub fn group_digits(lang: Lang, n: u64) -> String {
    let separator = match lang {
        Lang::Ru => '\u{a0}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A date in words: «20 ноября 2026», "20 November 2026".
pub fn date_in_words(lang: Lang, date: IsoDate) -> String {
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = match lang {
        Lang::Ru => RU,
        Lang::En => EN,
    };
    let month = months[usize::from(date.month.clamp(1, 12)) - 1];
    format!("{} {month} {}", date.day, date.year)
}

/// A count in a short form for subscriber badges: `950`, `12,3 тыс.`, `1,2 млн`
/// (English: `12.3K`, `1.2M`). One decimal, dropped when it is zero; rounded down, so a
/// badge never claims more subscribers than there are.
pub fn compact_count(lang: Lang, n: u64) -> String {
    let (unit, suffix_ru, suffix_en) = match n {
        0..=999 => return n.to_string(),
        1_000..=999_999 => (1_000, "тыс.", "K"),
        _ => (1_000_000, "млн", "M"),
    };
    let tenths = n * 10 / unit;
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let (mark, suffix, space) = match lang {
        Lang::Ru => (',', suffix_ru, "\u{a0}"),
        Lang::En => ('.', suffix_en, ""),
    };
    let whole = group_digits(lang, whole);
    if tenth == 0 {
        format!("{whole}{space}{suffix}")
    } else {
        format!("{whole}{mark}{tenth}{space}{suffix}")
    }
}
