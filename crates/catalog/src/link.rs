//! Links: which URLs may become a clickable link, the host a browser opens for a pasted
//! text, and the handle shown for a channel.
//!
//! Every URL is read by the `url` crate, an implementation of the WHATWG URL Standard,
//! the parser browsers use: a hand-written splitter gets `\`, userinfo, percent-encoded
//! dots or IDNA wrong in ways that let a fake link read as an official one.
//!
//! The rule for catalog links is deliberately narrow. A link is accepted only when it is
//! an absolute `http` or `https` URL, plain ASCII, written exactly as its own parse
//! (`https://host/…`, no `\`), whose host is a domain name, with no user name, password
//! or port. Anything cleverer would let a publisher's mistake, or an attacker's record,
//! put a fake channel behind an official-looking button.

use url::{Host, Url};

/// An absolute http(s) URL split into the parts the catalog cares about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl {
    /// Lower-case host name, without a trailing dot.
    pub host: String,
    /// The path, query and fragment exactly as written, starting with `/`, `?`, `#`,
    /// or empty.
    pub rest: String,
    /// Whether the scheme is `https`.
    pub https: bool,
}

/// Why a string is not an acceptable http(s) URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("empty URL")]
    Empty,
    #[error("not an http(s) URL")]
    NotHttp,
    #[error("the URL contains spaces or control characters")]
    Whitespace,
    #[error("the URL contains characters outside ASCII (percent-encode them)")]
    NonAscii,
    #[error("the URL contains a backslash")]
    Backslash,
    #[error("the URL contains a user name or password")]
    UserInfo,
    #[error("the URL names a port")]
    Port,
    #[error("the host name \"{0}\" is not a valid host name")]
    BadHost(String),
}

/// Parses an absolute `http://` or `https://` URL with a plain ASCII domain name.
pub fn parse_http_url(text: &str) -> Result<HttpUrl, UrlError> {
    if text.is_empty() {
        return Err(UrlError::Empty);
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlError::Whitespace);
    }
    // Zero-width and right-to-left marks, and Cyrillic letters that look Latin, are
    // the raw material of fake links; every platform's handles are ASCII.
    if !text.is_ascii() {
        return Err(UrlError::NonAscii);
    }
    // A browser reads `\` as `/` in an http(s) URL, so what a person reads as one
    // address is another: a catalog link has none.
    if text.contains('\\') {
        return Err(UrlError::Backslash);
    }
    let (https, after_scheme) = match strip_prefix_ignore_case(text, "https://") {
        Some(rest) => (true, rest),
        None => (
            false,
            strip_prefix_ignore_case(text, "http://").ok_or(UrlError::NotHttp)?,
        ),
    };
    let authority_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let (authority, rest) = after_scheme.split_at(authority_end);
    if authority.contains('@') {
        return Err(UrlError::UserInfo);
    }
    let bad_host = || UrlError::BadHost(authority.to_string());
    let url = Url::parse(text).map_err(|_| bad_host())?;
    let host = match url.host() {
        Some(Host::Domain(host)) => host.strip_suffix('.').unwrap_or(host),
        _ => return Err(bad_host()),
    };
    if url.port().is_some() || authority.contains(':') {
        return Err(UrlError::Port);
    }
    // The host as written must be the host as parsed: no percent-encoded dots, no
    // punycode tricks, no empty labels the parser would tolerate.
    let written = authority.strip_suffix('.').unwrap_or(authority);
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !written.eq_ignore_ascii_case(host) || host.len() > 253 || !host.split('.').all(label_ok) {
        return Err(bad_host());
    }
    Ok(HttpUrl {
        host: host.to_string(),
        rest: rest.to_string(),
        https,
    })
}

/// Whether a string is an absolute http(s) URL (for websites and feedback links).
pub fn is_http_url(text: &str) -> bool {
    parse_http_url(text).is_ok()
}

/// A feedback address that may be a link: what [`feedback_link`] makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackLink {
    /// The `href`, as the URL Standard serialises the address that was checked.
    pub href: String,
    /// A `mailto:` address, which opens the mail program (a new tab would stay empty),
    /// rather than a web page.
    pub mail: bool,
}

/// What a catalog's feedback address becomes as a link, or `None` when it must stay
/// text: an http(s) URL that [`parse_http_url`] accepts, or a `mailto:` address with a
/// recipient. The link is the address as the URL Standard reads it, so the page links to
/// exactly what was checked; a `javascript:` or `data:` address, or one with spaces or
/// controls a browser would silently drop, is never a link.
pub fn feedback_link(text: &str) -> Option<FeedbackLink> {
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let web = parse_http_url(text).is_ok();
    let url = Url::parse(text).ok()?;
    let recipient = url.path();
    let mail = url.scheme() == "mailto"
        && recipient.split('@').count() == 2
        && recipient.split('@').all(|part| !part.is_empty());
    (web || mail).then(|| FeedbackLink {
        href: url.into(),
        mail,
    })
}

/// The channel's name within its platform, for display: the path without slashes,
/// query or fragment (`school12` of `https://vk.com/school12?w=wall`), or the host
/// when the path is empty.
pub fn handle_of(url: &HttpUrl) -> String {
    let path_end = url.rest.find(['?', '#']).unwrap_or(url.rest.len());
    let path = url.rest[..path_end].trim_matches('/');
    if path.is_empty() {
        url.host.clone()
    } else {
        path.to_string()
    }
}

/// What a pasted text is, read as a browser's address bar reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pasted {
    /// A web address: the parsed URL a browser would open.
    Address(Url),
    /// A handle without a site (`@name`, `name`).
    Handle(String),
}

/// Reads pasted text as a browser's address bar does, after trimming spaces and the
/// quotes and angle brackets text puts around links: an `http(s)` URL as it is, text
/// without a scheme as `https://` + text. `None` for another scheme (`javascript:`,
/// `tg:`), for text with spaces inside, and for what no browser would open.
pub fn read_pasted(text: &str) -> Option<Pasted> {
    let text = trim_pasted(text);
    if text.is_empty() || text.contains(' ') {
        return None;
    }
    if let Some(handle) = text.strip_prefix('@') {
        return Some(Pasted::Handle(handle.to_string()));
    }
    let url = match scheme_of(text) {
        Some(scheme)
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            Url::parse(text).ok()?
        }
        Some(_) => return None,
        None => {
            // A word without a dot before its first separator is a handle, not a site
            // (`//vk.com/x` is a site: the slashes only say "same scheme").
            let site = text.trim_start_matches(['/', '\\']);
            let end = site.find(['/', '\\', '?', '#']).unwrap_or(site.len());
            if !site[..end].contains('.') {
                let whole = end == site.len() && site.len() == text.len();
                return whole.then(|| Pasted::Handle(text.to_string()));
            }
            Url::parse(&format!("https://{text}")).ok()?
        }
    };
    matches!(url.scheme(), "http" | "https").then_some(Pasted::Address(url))
}

/// The host a browser opens for pasted text, serialised as the URL Standard does
/// (lower-case ASCII, punycode, `[…]` for IPv6); `None` when the text is not read as a
/// web address at all.
pub fn browser_host(text: &str) -> Option<String> {
    match read_pasted(text)? {
        Pasted::Address(url) => url.host_str().map(str::to_string),
        Pasted::Handle(_) => None,
    }
}

/// Pasted text without the spaces around it, as an address bar trims them, and without
/// the quotes and brackets (`<…>`, `«…»`, `"…"`) that text puts around a link. The
/// spaces are Unicode's white space, the byte order mark and the C0 controls (the URL
/// Standard strips those too): exactly JavaScript's `\s`, U+0085 and U+0000–U+001F.
pub fn trim_pasted(text: &str) -> &str {
    // Not U+007F: the URL Standard keeps a DEL, so a browser opens another address.
    let space = |c: char| c.is_whitespace() || c == '\u{FEFF}' || c <= '\u{1F}';
    text.trim_matches(space)
        .trim_matches(['<', '>', '"', '\'', '«', '»'])
        .trim_matches(space)
}

/// The scheme of an absolute URL: letters (then letters, digits, `+`, `-`) before the
/// first `:`, when that `:` comes before any `.` or `/`. `vk.com:8080/x` has none: it is
/// a host with a port, as an address bar reads it.
fn scheme_of(text: &str) -> Option<&str> {
    let end = text.find([':', '.', '/', '\\', '?', '#'])?;
    let scheme = &text[..end];
    let shaped = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-');
    (text[end..].starts_with(':') && shaped).then_some(scheme)
}

pub(crate) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
