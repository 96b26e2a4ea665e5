//! "Is this channel official?": reads a link or handle pasted in any common form and
//! says whether the catalog lists it, or whether it only looks like a channel it lists.
//!
//! A pasted link is read as a browser reads it (see [`crate::link::read_pasted`]): the
//! host a browser would open is the only host that counts. It is official only when it
//! is plain ASCII, names no user, and its platform and channel key (see
//! [`PlatformKind::channel_key`]) are exactly a catalog channel's. Signs of imitation are
//! looked for in the text as pasted, before anything is folded or normalised, because
//! folding is what turns a Kelvin sign or a fullwidth letter into the real one. Nothing
//! fuzzy can make a channel official: similarity only ever produces a warning.

use std::collections::HashMap;

use url::Host;

use crate::link::{read_pasted, trim_pasted, Pasted};
use crate::model::Catalog;
use crate::platform::PlatformKind;
use crate::translit::transliterate;

/// An organisation's channel: positions in `catalog.organizations` and its `channels`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelRef {
    pub org: u32,
    pub channel: u32,
}

/// What the pasted text was read as.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reading {
    /// The host a browser would open, in its readable (Unicode) form, lower case,
    /// without `www.` or `m.`, with the port when one is named; `None` for a bare handle.
    pub host: Option<String>,
    /// The platform the host belongs to, if it is one the directory knows.
    pub platform: Option<String>,
    /// The channel's name on the platform, lower case (`school12`, `group/123`).
    pub handle: String,
    /// Whether the link puts a user name before its host (`name@host`).
    pub user_info: bool,
}

/// Why a channel is not confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotFound {
    /// The text is empty or not a link or handle at all (`javascript:…`, spaces).
    NotALink,
    /// The address is on a site that is not one of the catalog's platforms, even if its
    /// name starts like one (`vk.com.example.ru`).
    OtherSite(String),
    /// The platform is right but no catalog channel has this handle.
    UnknownHandle,
}

/// A sign that a link imitates a catalog channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sign {
    /// Letters of another alphabet, most of them drawn like Latin ones (Cyrillic «а» in
    /// `vk.com/shkolа`), or letters with added marks.
    ConfusableLetters,
    /// Characters that print as nothing (zero-width spaces, variation selectors, soft
    /// hyphens) or as an ordinary space.
    InvisibleCharacters,
    /// Controls that change the direction text is drawn in, so that it displays as
    /// another address (U+202E).
    DirectionControls,
    /// Compatibility forms that a browser folds to plain letters: fullwidth `ｖｋ`, the
    /// Kelvin sign `K`, ligatures `ﬁ`, mathematical letters.
    CompatibilityCharacters,
    /// Other characters no channel address has: symbols, emoji, slashes and dots of
    /// other alphabets (`∕`, `．`).
    UnusualCharacters,
    /// A user name before the host (`vk.com@evil.ru`, `evil.ru@vk.com`): what a
    /// reader takes for the site is not what the link says.
    UserName,
    /// Characters swapped for lookalikes within Latin (`0` for `o`, `rn` for `m`).
    SwappedCharacters,
    /// One character added, dropped or changed.
    OneCharacterOff,
    /// The site's name imitates a platform's (`vк.com`, `vk.co`).
    ImitatedSite,
}

impl Sign {
    /// A stable name, for tests and `data-` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Sign::ConfusableLetters => "confusable-letters",
            Sign::InvisibleCharacters => "invisible-characters",
            Sign::DirectionControls => "direction-controls",
            Sign::CompatibilityCharacters => "compatibility-characters",
            Sign::UnusualCharacters => "unusual-characters",
            Sign::UserName => "user-name",
            Sign::SwappedCharacters => "swapped-characters",
            Sign::OneCharacterOff => "one-character-off",
            Sign::ImitatedSite => "imitated-site",
        }
    }
}

/// The answer to "is this channel official?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The catalog lists it: every matching channel (one handle may be on several
    /// platforms when only `@handle` was given).
    Official(Vec<ChannelRef>),
    /// The catalog does not list it, and nothing about it is suspicious.
    NotFound(NotFound),
    /// The catalog does not list it, and it imitates these channels.
    Lookalike {
        of: Vec<ChannelRef>,
        signs: Vec<Sign>,
    },
    /// The catalog does not list it and no catalog channel resembles it, but it is
    /// written the way fake links are (another alphabet, invisible characters…).
    Suspicious { reason: NotFound, signs: Vec<Sign> },
}

impl Verdict {
    /// The value of the verdict element's `data-verdict` attribute.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Official(_) => "official",
            Verdict::NotFound(_) => "not-found",
            Verdict::Lookalike { .. } => "lookalike",
            Verdict::Suspicious { .. } => "suspicious",
        }
    }
}

/// The result of checking one pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// How the text was read; `None` when it is not a link or handle.
    pub reading: Option<Reading>,
    pub verdict: Verdict,
}

/// Every catalog channel by platform and handle, built once per catalog.
#[derive(Debug)]
pub struct Checker {
    /// (platform id, handle) → channels.
    exact: HashMap<(String, String), Vec<ChannelRef>>,
    /// Handle → channels on any platform, for `@handle`.
    by_handle: HashMap<String, Vec<ChannelRef>>,
    /// Lookalike skeleton of the handle → (platform id, channel).
    by_skeleton: HashMap<String, Vec<(String, ChannelRef)>>,
    /// (platform id, handle, channel) for the one-character-off comparison, by the
    /// handle's length in bytes: a handle one edit away is at most one byte longer or
    /// shorter per edited character, so only neighbouring lengths are compared.
    handles: HashMap<usize, Vec<(String, String, ChannelRef)>>,
}

impl Checker {
    /// Indexes every channel of a validated catalog.
    pub fn new(catalog: &Catalog) -> Checker {
        let mut checker = Checker {
            exact: HashMap::new(),
            by_handle: HashMap::new(),
            by_skeleton: HashMap::new(),
            handles: HashMap::new(),
        };
        for (o, org) in catalog.organizations.iter().enumerate() {
            for (c, channel) in org.channels.iter().enumerate() {
                let Some(reading) = read(&channel.url) else {
                    continue;
                };
                let found = ChannelRef {
                    org: o as u32,
                    channel: c as u32,
                };
                let platform = channel.platform.clone();
                let handle = reading.handle;
                checker
                    .exact
                    .entry((platform.clone(), handle.clone()))
                    .or_default()
                    .push(found);
                checker
                    .by_handle
                    .entry(handle.clone())
                    .or_default()
                    .push(found);
                checker
                    .by_skeleton
                    .entry(skeleton(&handle))
                    .or_default()
                    .push((platform.clone(), found));
                checker
                    .handles
                    .entry(handle.len())
                    .or_default()
                    .push((platform, handle, found));
            }
        }
        checker
    }

    /// Checks a pasted link or handle.
    pub fn check(&self, text: &str) -> Check {
        let pasted = trim_pasted(text);
        // Signs first, in the text as pasted: after parsing, a Kelvin sign in the host
        // is already an ASCII `k`.
        let mut signs = signs_in(pasted);
        let Some(mut reading) = read(pasted) else {
            // Words with spaces are prose (a school's name typed in), not a link made to
            // deceive: another alphabet in them is no sign of anything.
            if pasted.contains(' ') {
                signs.clear();
            }
            return Check {
                reading: None,
                verdict: suspicious_or(NotFound::NotALink, signs),
            };
        };
        // And in the decoded parts, so a letter cannot hide behind `%D0%B0` or punycode.
        if let Some(host) = &reading.host {
            signs.extend(signs_in(host));
        }
        signs.extend(signs_in(&reading.handle));
        if reading.user_info {
            signs.push(Sign::UserName);
        }
        signs.sort();
        signs.dedup();
        if let (Some(host), None) = (&reading.host, &reading.platform) {
            let verdict = match imitated_platform(host) {
                Some(platform) => {
                    signs.push(Sign::ImitatedSite);
                    self.lookalike(Some(platform.as_str()), &reading.handle, signs.clone())
                        .unwrap_or_else(|| suspicious_or(NotFound::OtherSite(host.clone()), signs))
                }
                None => suspicious_or(NotFound::OtherSite(host.clone()), signs),
            };
            return Check {
                reading: Some(reading),
                verdict,
            };
        }
        // Only plain ASCII can be official: every platform's handles are ASCII, so a
        // handle with a Cyrillic «а» or a hidden character is a different channel.
        let clean = signs.is_empty() && pasted.is_ascii();
        let listed = match &reading.platform {
            Some(platform) => self.exact.get(&(platform.clone(), reading.handle.clone())),
            None => self.by_handle.get(&reading.handle),
        };
        let verdict = match listed {
            Some(found) if clean => Verdict::Official(found.clone()),
            // The very channel, reached through folding or a user name: it imitates
            // itself, and the reader must know the link is not what it seems.
            Some(found) => Verdict::Lookalike {
                of: found.clone(),
                signs: signs.clone(),
            },
            None => self
                .lookalike(reading.platform.as_deref(), &reading.handle, signs.clone())
                .unwrap_or_else(|| suspicious_or(NotFound::UnknownHandle, signs)),
        };
        // A handle read back to front (U+202E) is only a sign here, never a channel.
        reading.handle = reading.handle.replace(is_direction_control, "");
        Check {
            reading: Some(reading),
            verdict,
        }
    }

    /// The catalog channels `handle` imitates on `platform` (any platform if `None`):
    /// as written, and as displayed when direction controls reverse part of it.
    fn lookalike(&self, platform: Option<&str>, handle: &str, signs: Vec<Sign>) -> Option<Verdict> {
        let displayed = as_displayed(handle);
        self.lookalike_of(platform, handle, signs.clone())
            .or_else(|| {
                (displayed != handle)
                    .then(|| self.lookalike_of(platform, &displayed, signs))
                    .flatten()
            })
    }

    fn lookalike_of(
        &self,
        platform: Option<&str>,
        handle: &str,
        mut signs: Vec<Sign>,
    ) -> Option<Verdict> {
        let on_platform = |p: &str| platform.is_none_or(|wanted| wanted == p);
        let mut of: Vec<ChannelRef> = self
            .by_skeleton
            .get(&skeleton(handle))
            .into_iter()
            .flatten()
            .filter(|(p, _)| on_platform(p))
            .map(|(_, found)| *found)
            .collect();
        // Beyond other alphabets and hidden characters, were Latin characters swapped too?
        let plain = plain(handle);
        let same_letters = of.iter().any(|found| {
            self.by_handle
                .get(&plain)
                .is_some_and(|refs| refs.contains(found))
        });
        if !of.is_empty() && !same_letters {
            signs.push(Sign::SwappedCharacters);
        }
        // One character off is a sign only for names long enough to be chosen, and not
        // for numeric ids (`club123456`), where neighbours are other organisations.
        let digits = handle.chars().filter(char::is_ascii_digit).count();
        if of.is_empty() && handle.chars().count() >= 6 && digits < 4 {
            // A character is 1 to 4 bytes, so one edit changes the length by at most 4.
            let lengths = handle.len().saturating_sub(4)..=handle.len() + 4;
            of = lengths
                .filter_map(|length| self.handles.get(&length))
                .flatten()
                .filter(|(p, h, _)| on_platform(p) && one_edit_apart(h, handle))
                .map(|(_, _, found)| *found)
                .collect();
            if !of.is_empty() {
                signs.push(Sign::OneCharacterOff);
            }
        }
        if of.is_empty() {
            return None;
        }
        of.sort();
        of.dedup();
        signs.sort();
        signs.dedup();
        Some(Verdict::Lookalike { of, signs })
    }
}

/// `NotFound` when nothing is suspicious about the text, `Suspicious` otherwise.
fn suspicious_or(reason: NotFound, mut signs: Vec<Sign>) -> Verdict {
    if signs.is_empty() {
        Verdict::NotFound(reason)
    } else {
        signs.sort();
        signs.dedup();
        Verdict::Suspicious { reason, signs }
    }
}

/// The platform a foreign host imitates: its name written with lookalike letters,
/// transliterated (`вк.com`), or one letter off. A host that merely starts with a
/// platform's (`vk.com.example.ru`) is plainly another site, and the verdict names it.
fn imitated_platform(host: &str) -> Option<String> {
    let skeleton_host = skeleton_keep_dots(host);
    let latin_host = transliterate(host);
    let looks_like =
        |known: &str| skeleton_keep_dots(known) == skeleton_host || known == latin_host;
    // Drawn alike first: `оk.ru` is OK's name in Cyrillic, though one letter from `vk.ru`.
    let imitated = |same: &dyn Fn(&str) -> bool| {
        PlatformKind::ALL
            .into_iter()
            .find(|kind| kind.hosts().iter().any(|known| same(known)))
    };
    imitated(&looks_like)
        .or_else(|| imitated(&|known: &str| one_edit_apart(known, host)))
        .map(|kind| kind.as_str().to_string())
}

/// Reads a link or handle into host and handle, as a browser would open it; `None` when
/// it is neither.
pub fn read(text: &str) -> Option<Reading> {
    let url = match read_pasted(text)? {
        Pasted::Handle(handle) => return handle_only(&handle),
        Pasted::Address(url) => url,
    };
    let host = url.host_str()?;
    let user_info = !url.username().is_empty() || url.password().is_some();
    // Only a domain on the default port is a platform: `vk.com:8080` is another server.
    let domain = matches!(url.host(), Some(Host::Domain(_)));
    let platform = match (domain, url.port()) {
        (true, None) => PlatformKind::of_host(host),
        _ => None,
    };
    let mut shown = bare_host(&unicode_host(host));
    if let Some(port) = url.port() {
        shown = format!("{shown}:{port}");
    }
    let path = percent_encoding::percent_decode_str(url.path()).decode_utf8_lossy();
    let handle = platform
        .and_then(|kind| kind.channel_key(&path).ok())
        .unwrap_or_else(|| loose_handle(&path, platform));
    Some(Reading {
        host: Some(shown),
        platform: platform.map(|kind| kind.as_str().to_string()),
        handle,
        user_info,
    })
}

fn handle_only(handle: &str) -> Option<Reading> {
    let handle = loose_handle(handle, None);
    (!handle.is_empty() && !handle.contains('/')).then_some(Reading {
        handle,
        ..Reading::default()
    })
}

/// A handle that is not (or not yet known to be) a channel key, for lookalike matching
/// and for saying what was read: decoded, lower case, without the slashes around it;
/// Telegram's `s/name` read as `name` and VK's `publicN` as `clubN`.
fn loose_handle(path: &str, platform: Option<PlatformKind>) -> String {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let mut handle = decoded.trim_matches('/').to_lowercase();
    if platform == Some(PlatformKind::Telegram) {
        if let Some(name) = handle.strip_prefix("s/") {
            handle = name.to_string();
        }
    }
    if platform.is_none_or(|kind| kind == PlatformKind::Vk) {
        if let Ok(key) = PlatformKind::Vk.channel_key(&handle) {
            return key;
        }
    }
    handle
}

/// The readable form of a host: punycode labels (`xn--v-ttb.com`) decoded, so that
/// what they imitate (`vк.com`) is seen and warned about.
fn unicode_host(host: &str) -> String {
    let (unicode, _) = idna::domain_to_unicode(host);
    unicode
}

/// A host without a trailing dot and without the `www.` and `m.` that platforms use for
/// the same site, for saying which site was read.
fn bare_host(host: &str) -> String {
    let mut host = host.trim_end_matches('.');
    for prefix in ["www.", "m.", "mobile."] {
        if let Some(rest) = host.strip_prefix(prefix) {
            host = rest;
        }
    }
    host.to_string()
}

/// Every sign of imitation in a text, one per kind, from its characters alone. Any
/// character outside ASCII is a sign: channel addresses are ASCII on every platform.
fn signs_in(text: &str) -> Vec<Sign> {
    let mut signs: Vec<Sign> = text.chars().filter_map(sign_of).collect();
    signs.sort();
    signs.dedup();
    signs
}

/// What one character of a pasted link says about it, if anything.
fn sign_of(c: char) -> Option<Sign> {
    if c.is_ascii() {
        // Browsers drop tabs and line breaks from a link (a link wrapped in an e-mail);
        // other control characters have no place in one.
        return (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r'))
            .then_some(Sign::InvisibleCharacters);
    }
    let sign = if is_direction_control(c) {
        Sign::DirectionControls
    } else if is_invisible(c) || c.is_whitespace() {
        Sign::InvisibleCharacters
    } else if is_compatibility(c) {
        Sign::CompatibilityCharacters
    } else if c.is_alphabetic() || is_combining_mark(c) {
        Sign::ConfusableLetters
    } else {
        Sign::UnusualCharacters
    };
    Some(sign)
}

/// Controls that reorder how text is displayed.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Compatibility characters a link may be written with: forms that NFKC (and so the
/// browser's IDNA mapping of a host) folds to plain letters, digits and punctuation.
/// The gate against them is that official links are ASCII; this list only chooses the
/// words of the warning.
fn is_compatibility(c: char) -> bool {
    matches!(c,
        '\u{00AA}' | '\u{00B2}' | '\u{00B3}' | '\u{00B5}' | '\u{00B9}' | '\u{00BA}'
        | '\u{02B0}'..='\u{02B8}' | '\u{1D2C}'..='\u{1D6A}' | '\u{2070}'..='\u{209F}'
        | '\u{2100}'..='\u{214F}' | '\u{2150}'..='\u{218F}' | '\u{2460}'..='\u{24FF}'
        | '\u{3250}'..='\u{33FF}' | '\u{FB00}'..='\u{FB4F}' | '\u{FE50}'..='\u{FE6F}'
        | '\u{FF01}'..='\u{FFEE}' | '\u{1D400}'..='\u{1D7FF}' | '\u{1F100}'..='\u{1F1FF}')
}

/// Combining marks: drawn over the letter before them (`o` + U+0308 is `ö`).
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// A handle as it is displayed: the part after a right-to-left override (U+202E) up to
/// its end (U+202C) is drawn back to front, so U+202E + `zkvn_5hsos` reads «sosh5_nvkz».
fn as_displayed(handle: &str) -> String {
    let Some(start) = handle.find('\u{202E}') else {
        return handle.to_string();
    };
    let (before, after) = handle.split_at(start);
    let after = &after['\u{202E}'.len_utf8()..];
    let (reversed, rest) = after.split_once('\u{202C}').unwrap_or((after, ""));
    let mut shown = before.to_string();
    shown.extend(reversed.chars().rev());
    shown.push_str(&as_displayed(rest));
    shown
}

/// What a handle looks like: lookalike letters and digits folded to one Latin letter,
/// invisible characters and separators dropped. Two handles with one skeleton are
/// indistinguishable at a glance.
fn skeleton(handle: &str) -> String {
    skeleton_with(handle, false)
}

fn skeleton_keep_dots(host: &str) -> String {
    skeleton_with(host, true)
}

fn skeleton_with(text: &str, keep_dots: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_hidden(c) || (!keep_dots && matches!(c, '_' | '-' | '.' | '@')) {
            continue;
        }
        let c = confusable(c).unwrap_or(c);
        let c = match c {
            '0' => 'o',
            '1' | 'i' | '|' => 'l',
            '5' => 's',
            other => other,
        };
        out.push(c);
    }
    out.replace("rn", "m").replace("vv", "w")
}

/// The handle with hidden characters dropped and other alphabets' lookalikes read as
/// the Latin letters they imitate, but nothing else folded.
fn plain(handle: &str) -> String {
    handle
        .trim_start_matches(|c: char| is_hidden(c) || c == '@')
        .chars()
        .filter(|c| !is_hidden(*c))
        .map(|c| confusable(c).unwrap_or(c))
        .collect()
}

/// The Latin letter a non-Latin character is drawn like, if any.
fn confusable(c: char) -> Option<char> {
    let latin = match c {
        // Cyrillic.
        'а' | 'А' => 'a',
        'в' | 'В' => 'b',
        'е' | 'Е' | 'ё' | 'Ё' => 'e',
        'к' | 'К' => 'k',
        'м' | 'М' => 'm',
        'н' | 'Н' => 'h',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'с' | 'С' => 'c',
        'т' | 'Т' => 't',
        'у' | 'У' => 'y',
        'х' | 'Х' => 'x',
        'і' | 'І' => 'i',
        'ј' | 'Ј' => 'j',
        'ѕ' | 'Ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ѵ' | 'Ѵ' => 'v',
        'һ' | 'Һ' => 'h',
        'ӏ' | 'Ӏ' => 'l',
        'ԍ' | 'Ԍ' => 'g',
        'ь' => 'b',
        // Armenian.
        'օ' | 'Օ' => 'o',
        'ս' | 'Ս' => 'u',
        'ո' => 'n',
        'ց' => 'g',
        'հ' => 'h',
        'զ' => 'q',
        'ւ' => 'l',
        // Latin beyond ASCII that reads as ASCII.
        'ı' => 'i',
        'ȷ' => 'j',
        'ʟ' => 'l',
        // Greek.
        'α' | 'Α' => 'a',
        'ε' | 'Ε' => 'e',
        'ι' | 'Ι' => 'i',
        'κ' | 'Κ' => 'k',
        'ν' | 'Ν' => 'v',
        'ο' | 'Ο' => 'o',
        'ρ' | 'Ρ' => 'p',
        'τ' | 'Τ' => 't',
        'υ' => 'u',
        'χ' | 'Χ' => 'x',
        // Fullwidth Latin letters and digits.
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0)?.to_ascii_lowercase()
        }
        _ => return None,
    };
    Some(latin)
}

/// What a reader does not see: invisible characters, spaces, controls, and the marks
/// drawn over the letter before them.
fn is_hidden(c: char) -> bool {
    is_invisible(c) || c.is_whitespace() || c.is_control() || is_combining_mark(c)
}

/// Characters that print as nothing or only change direction: format characters,
/// fillers, variation selectors and tags.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{2800}' | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{E0000}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// Whether two strings differ by exactly one inserted, deleted or replaced character.
fn one_edit_apart(a: &str, b: &str) -> bool {
    // Most pairs differ in length by more than one: settled without looking further.
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_apart_in(&a, &b)
}

fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            short
                .iter()
                .zip(long.iter())
                .filter(|(x, y)| x != y)
                .count()
                == 1
        }
        1 => {
            let prefix = short
                .iter()
                .zip(long.iter())
                .take_while(|(x, y)| x == y)
                .count();
            short[prefix..] == long[prefix + 1..]
        }
        _ => false,
    }
}
