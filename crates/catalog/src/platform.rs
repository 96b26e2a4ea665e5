//! The platforms the directory knows, the hosts each one is served from, and the form
//! of a channel's address on each.
//!
//! These facts are the core's, not a catalog's: a catalog names the platforms it uses
//! and how to call them, but it cannot make another site count as VK, and it cannot
//! list as a channel an address that is not one (VK's redirector `away.php`, a post, a
//! search, an empty path). Both would let one record turn every pasted link of a kind
//! into an «official» one.

/// A platform whose channels the directory lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlatformKind {
    Vk,
    Ok,
    Max,
    Telegram,
}

/// Why a URL on a platform's host is not one of its channels.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChannelError {
    #[error("the address names no channel (the path is empty)")]
    Empty,
    #[error(
        "«{0}» is one of the platform's own pages (a redirect, a post, a search…), not a channel"
    )]
    Reserved(String),
    #[error("«{0}» is not a channel's name on this platform")]
    NotAName(String),
}

impl PlatformKind {
    /// Every known platform, in the order the catalogs list them.
    pub const ALL: [PlatformKind; 4] = [
        PlatformKind::Vk,
        PlatformKind::Ok,
        PlatformKind::Max,
        PlatformKind::Telegram,
    ];

    /// The platform's id in catalog files.
    pub fn as_str(self) -> &'static str {
        match self {
            PlatformKind::Vk => "vk",
            PlatformKind::Ok => "ok",
            PlatformKind::Max => "max",
            PlatformKind::Telegram => "telegram",
        }
    }

    /// The platform with this catalog id.
    pub fn from_id(id: &str) -> Option<PlatformKind> {
        PlatformKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == id)
    }

    /// Every host name the platform serves its channels from, lower case.
    pub fn hosts(self) -> &'static [&'static str] {
        match self {
            PlatformKind::Vk => &[
                "vk.com",
                "www.vk.com",
                "m.vk.com",
                "vk.ru",
                "www.vk.ru",
                "m.vk.ru",
            ],
            PlatformKind::Ok => &["ok.ru", "www.ok.ru", "m.ok.ru"],
            PlatformKind::Max => &["max.ru", "www.max.ru"],
            PlatformKind::Telegram => &[
                "t.me",
                "www.t.me",
                "telegram.me",
                "www.telegram.me",
                "telegram.dog",
            ],
        }
    }

    /// The platform whose channels a host serves: an exact, lower-case host name as a
    /// URL parser gives it (a trailing dot, the root of DNS, is the same host).
    pub fn of_host(host: &str) -> Option<PlatformKind> {
        let host = host.strip_suffix('.').unwrap_or(host);
        PlatformKind::ALL
            .into_iter()
            .find(|kind| kind.hosts().contains(&host))
    }

    /// The channel a URL path names on this platform, as one comparable key: lower
    /// case, without slashes, `publicN` read as the same community as `clubN`, and
    /// Telegram's web preview `s/name` as the channel `name`.
    ///
    /// `path` is the decoded path of a parsed URL, without query and fragment.
    pub fn channel_key(self, path: &str) -> Result<String, ChannelError> {
        let lower = path.to_ascii_lowercase();
        let segments: Vec<&str> = lower.split('/').filter(|s| !s.is_empty()).collect();
        let named = || ChannelError::NotAName(path.trim_matches('/').to_string());
        match (self, segments.as_slice()) {
            (_, []) => Err(ChannelError::Empty),
            (PlatformKind::Vk, [name]) => {
                if let Some(id) = community_id(name) {
                    return Ok(format!("club{id}"));
                }
                checked_name(name, VK_RESERVED, VK_RESERVED_PREFIXES)
            }
            (PlatformKind::Ok, ["group", id]) if is_number(id) => Ok(format!("group/{id}")),
            (PlatformKind::Ok, [name]) => checked_name(name, OK_RESERVED, &[]),
            (PlatformKind::Max, [name]) => checked_name(name, MAX_RESERVED, &[]),
            (PlatformKind::Telegram, ["s", name] | [name]) => {
                let key = checked_name(name, TELEGRAM_RESERVED, &[])?;
                let letters_first = key.starts_with(|c: char| c.is_ascii_lowercase());
                let plain = !key.contains('.');
                if letters_first && plain && (4..=32).contains(&key.len()) {
                    Ok(key)
                } else {
                    Err(named())
                }
            }
            (_, [first, ..]) if is_reserved(first, self) => {
                Err(ChannelError::Reserved(first.to_string()))
            }
            _ => Err(named()),
        }
    }
}

/// VK's own pages, which are never a community's short name.
const VK_RESERVED: &[&str] = &[
    "about",
    "ads",
    "albums",
    "app",
    "apps",
    "audio",
    "audios",
    "away",
    "bookmarks",
    "blog",
    "bugs",
    "calls",
    "clips",
    "dev",
    "docs",
    "fave",
    "feed",
    "friends",
    "games",
    "gifts",
    "groups",
    "im",
    "join",
    "jobs",
    "legal",
    "login",
    "mail",
    "market",
    "messages",
    "music",
    "notifications",
    "photos",
    "privacy",
    "reg",
    "restore",
    "search",
    "services",
    "settings",
    "share",
    "stickers",
    "support",
    "terms",
    "video",
    "videos",
    "wall",
];

/// Prefixes of VK's pages that name an object by number (`app123`, `write456`,
/// `wall123_4`): such a page is an application, a message form or a post; a community
/// number written otherwise than [`community_id`] reads it (`club0123`) is none.
const VK_RESERVED_PREFIXES: &[&str] = &[
    "album", "app", "audio", "board", "club", "clip", "doc", "event", "market", "note", "photo",
    "poll", "public", "story", "topic", "video", "wall", "write",
];

const OK_RESERVED: &[&str] = &[
    "about",
    "app",
    "apps",
    "bookmarks",
    "cdk",
    "discussions",
    "dk",
    "events",
    "feed",
    "friends",
    "game",
    "games",
    "gifts",
    "group",
    "groups",
    "guests",
    "help",
    "live",
    "marks",
    "messages",
    "music",
    "notes",
    "payment",
    "photos",
    "profile",
    "search",
    "settings",
    "shortlink",
    "video",
];

const MAX_RESERVED: &[&str] = &[
    "about", "app", "apps", "business", "download", "faq", "help", "join", "legal", "login",
    "privacy", "share", "terms", "u", "web",
];

const TELEGRAM_RESERVED: &[&str] = &[
    "addemoji",
    "addlist",
    "addstickers",
    "addtheme",
    "bg",
    "boost",
    "c",
    "confirmphone",
    "contact",
    "invoice",
    "iv",
    "joinchat",
    "login",
    "proxy",
    "setlanguage",
    "share",
    "socks",
];

/// A VK community's number in `clubN`, `publicN` or `eventN`: all three address the
/// same community, by one number.
fn community_id(name: &str) -> Option<&str> {
    let id = ["club", "public", "event"]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))?;
    is_number(id).then_some(id)
}

/// A decimal number without leading zeros, as platforms write ids.
fn is_number(text: &str) -> bool {
    !text.is_empty() && !text.starts_with('0') && text.bytes().all(|b| b.is_ascii_digit())
}

fn is_reserved(segment: &str, kind: PlatformKind) -> bool {
    let reserved = match kind {
        PlatformKind::Vk => VK_RESERVED,
        PlatformKind::Ok => OK_RESERVED,
        PlatformKind::Max => MAX_RESERVED,
        PlatformKind::Telegram => TELEGRAM_RESERVED,
    };
    reserved.contains(&segment) || segment.ends_with(".php")
}

/// A channel's short name: Latin letters, digits, `_` and `.`, not only digits, not a
/// file (`away.php`), not one of the platform's own pages.
fn checked_name(
    name: &str,
    reserved: &[&str],
    reserved_prefixes: &[&str],
) -> Result<String, ChannelError> {
    if reserved.contains(&name) || name.ends_with(".php") {
        return Err(ChannelError::Reserved(name.to_string()));
    }
    let numbered = reserved_prefixes.iter().any(|prefix| {
        name.strip_prefix(prefix).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'_' || b == b'-')
        })
    });
    if numbered {
        return Err(ChannelError::Reserved(name.to_string()));
    }
    let allowed = name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.');
    let shaped = !name.starts_with('.') && !name.ends_with('.') && !name.contains("..");
    let digits_only = name.bytes().all(|b| b.is_ascii_digit());
    if !allowed || !shaped || digits_only || name.len() > 64 {
        return Err(ChannelError::NotAName(name.to_string()));
    }
    Ok(name.to_string())
}
