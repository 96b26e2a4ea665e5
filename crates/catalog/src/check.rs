//! "Is this channel official?": reads a link or handle pasted in any common form and
//! says whether the catalog lists it, or whether it only looks like a channel it lists.
//!
//! Matching is exact after a small, fixed normalisation (scheme, `www.` and `m.`,
//! trailing slash, query and fragment, `@`, `t.me/s/`, the platform's alias hosts, case).
//! Nothing fuzzy can make a channel official: similarity only ever produces a warning.

use std::collections::HashMap;

use crate::link::strip_prefix_ignore_case;
use crate::model::Catalog;

/// Host names that mean the same site as a catalog host, whatever the catalog lists.
const HOST_ALIASES: &[(&str, &str)] = &[
    ("vk.ru", "vk.com"),
    ("vk.com", "vk.ru"),
    ("telegram.me", "t.me"),
    ("t.me", "telegram.me"),
    ("telegram.dog", "t.me"),
];

/// An organisation's channel: positions in `catalog.organizations` and its `channels`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelRef {
    pub org: u32,
    pub channel: u32,
}

/// What the pasted text was read as.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reading {
    /// The host named, lower case, without `www.` or `m.`; `None` for a bare handle.
    pub host: Option<String>,
    /// The platform the host belongs to, if it is one of the catalog's.
    pub platform: Option<String>,
    /// The channel's name on the platform, lower case (`school12`, `group/123`).
    pub handle: String,
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
    /// Letters of another alphabet that look Latin (Cyrillic «а» in `vk.com/shkolа`).
    ConfusableLetters,
    /// Characters that print as nothing (zero-width spaces, direction marks).
    InvisibleCharacters,
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
    /// The catalog does not list it.
    NotFound(NotFound),
    /// The catalog does not list it, and it imitates these channels.
    Lookalike {
        of: Vec<ChannelRef>,
        signs: Vec<Sign>,
    },
}

impl Verdict {
    /// The value of the verdict element's `data-verdict` attribute.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Official(_) => "official",
            Verdict::NotFound(_) => "not-found",
            Verdict::Lookalike { .. } => "lookalike",
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
    /// Host (without `www.`/`m.`) → platform id.
    hosts: HashMap<String, String>,
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
        let mut hosts = HashMap::new();
        for platform in &catalog.platforms {
            for host in &platform.hosts {
                let host = bare_host(&host.to_ascii_lowercase());
                hosts.insert(host.clone(), platform.id.clone());
                for (alias, canonical) in HOST_ALIASES {
                    if *canonical == host {
                        hosts
                            .entry(alias.to_string())
                            .or_insert_with(|| platform.id.clone());
                    }
                }
            }
        }
        let mut checker = Checker {
            hosts,
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
        let Some(mut reading) = read(text) else {
            return Check {
                reading: None,
                verdict: Verdict::NotFound(NotFound::NotALink),
            };
        };
        // Read from the decoded parts, so a letter cannot hide behind `%D0%B0`.
        let read_text = || {
            reading
                .host
                .iter()
                .flat_map(|h| h.chars())
                .chain(reading.handle.chars())
        };
        let mut signs = Vec::new();
        if read_text().any(is_invisible) {
            signs.push(Sign::InvisibleCharacters);
        }
        if read_text().any(|c| confusable(c).is_some()) {
            signs.push(Sign::ConfusableLetters);
        }
        if let Some(host) = &reading.host {
            reading.platform = self.hosts.get(host).cloned();
            if reading.platform.is_none() {
                let imitated = self.imitated_platform(host);
                let verdict = match imitated {
                    Some(platform) => {
                        signs.push(Sign::ImitatedSite);
                        self.lookalike(Some(&platform), &reading.handle, signs)
                            .unwrap_or(Verdict::NotFound(NotFound::OtherSite(host.clone())))
                    }
                    None => Verdict::NotFound(NotFound::OtherSite(host.clone())),
                };
                return Check {
                    reading: Some(reading),
                    verdict,
                };
            }
        }
        // Only plain ASCII can be official: every platform's handles are ASCII, so a
        // handle with a Cyrillic «а» or a hidden character is a different channel.
        let clean = signs.is_empty();
        let official = match &reading.platform {
            Some(platform) => self.exact.get(&(platform.clone(), reading.handle.clone())),
            None => self.by_handle.get(&reading.handle),
        };
        let verdict = match official.filter(|_| clean) {
            Some(found) => Verdict::Official(found.clone()),
            None => self
                .lookalike(reading.platform.as_deref(), &reading.handle, signs)
                .unwrap_or(Verdict::NotFound(NotFound::UnknownHandle)),
        };
        Check {
            reading: Some(reading),
            verdict,
        }
    }

    /// The catalog channels `handle` imitates on `platform` (any platform if `None`).
    fn lookalike(
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

    /// The platform a foreign host imitates: its name written with lookalike letters, or
    /// one letter off. A host that merely starts with a platform's (`vk.com.example.ru`)
    /// is plainly another site, and the verdict names it.
    fn imitated_platform(&self, host: &str) -> Option<String> {
        let skeleton_host = skeleton_keep_dots(host);
        self.hosts.iter().find_map(|(known, platform)| {
            let imitates =
                skeleton_keep_dots(known) == skeleton_host || one_edit_apart(known, host);
            imitates.then(|| platform.clone())
        })
    }
}

/// Reads a link or handle into host and handle; `None` when it is neither.
pub fn read(text: &str) -> Option<Reading> {
    let text = text.trim().trim_matches(['<', '>', '"', '\'', '«', '»']);
    if text.is_empty() || text.chars().any(char::is_whitespace) {
        return None;
    }
    if let Some(handle) = text.strip_prefix('@') {
        return handle_only(handle);
    }
    let rest = match ["https://", "http://"]
        .iter()
        .find(|scheme| strip_prefix_ignore_case(text, scheme).is_some())
    {
        Some(scheme) => &text[scheme.len()..],
        // Another scheme (`javascript:`, `data:`, `tg:`) is not a channel address.
        None if text
            .find([':', '.', '/'])
            .is_some_and(|i| text[i..].starts_with(':')) =>
        {
            return None;
        }
        None => text,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if !authority.contains('.') && rest.len() == text.len() {
        return if path.is_empty() {
            handle_only(authority)
        } else {
            None
        };
    }
    // `vk.com@evil.ru` is a user name on evil.ru; a port stays part of the host, so
    // `vk.com:8080` is not VK.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = bare_host(&host.to_lowercase());
    let mut handle = normalise_path(path);
    // Telegram's web preview of a channel: t.me/s/name is the channel t.me/name.
    if matches!(host.as_str(), "t.me" | "telegram.me" | "telegram.dog") {
        if let Some(name) = handle.strip_prefix("s/") {
            handle = name.to_string();
        }
    }
    Some(Reading {
        host: Some(host),
        platform: None,
        handle,
    })
}

fn handle_only(handle: &str) -> Option<Reading> {
    let handle = normalise_path(handle);
    (!handle.is_empty() && !handle.contains('/')).then_some(Reading {
        handle,
        ..Reading::default()
    })
}

/// A host without a trailing dot and without the `www.` and `m.` that platforms use for
/// the same site.
fn bare_host(host: &str) -> String {
    let mut host = host.trim_end_matches('.');
    for prefix in ["www.", "m.", "mobile."] {
        if let Some(rest) = host.strip_prefix(prefix) {
            host = rest;
        }
    }
    host.to_string()
}

/// The path without query, fragment and the slashes around it, in lower case: handles
/// are case-insensitive on every catalog platform.
fn normalise_path(path: &str) -> String {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    percent_decoded(&path[..end])
        .trim_matches('/')
        .to_lowercase()
}

/// Decodes `%D0%B0`-style escapes, so a lookalike letter cannot hide behind them.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| text.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
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
        if is_invisible(c) || (!keep_dots && matches!(c, '_' | '-' | '.')) {
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
        .chars()
        .filter(|c| !is_invisible(*c))
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

/// Characters that print as nothing or only change direction.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
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
