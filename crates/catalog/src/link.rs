//! Channel links: which URLs may become a clickable link, and the handle shown for them.
//!
//! The rule is deliberately narrow. A channel link is accepted only when it is an
//! absolute `http` or `https` URL whose host is exactly one of its platform's hosts,
//! with no user name, password or port. Anything cleverer (`vk.com.example.ru`,
//! `vk.com@evil.ru`, `javascript:`) would let a publisher's mistake, or an attacker's
//! record, put a fake channel behind an official-looking button.

/// An absolute http(s) URL split into the parts the catalog cares about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl {
    /// Lower-case host name, without a trailing dot.
    pub host: String,
    /// The path, query and fragment exactly as written, starting with `/`, `?`, `#`,
    /// or empty.
    pub rest: String,
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
    #[error("the URL contains a user name or password")]
    UserInfo,
    #[error("the URL names a port")]
    Port,
    #[error("the host name \"{0}\" is not a valid host name")]
    BadHost(String),
}

/// Parses an absolute `http://` or `https://` URL with a plain ASCII host name.
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
    let after_scheme = strip_prefix_ignore_case(text, "https://")
        .or_else(|| strip_prefix_ignore_case(text, "http://"))
        .ok_or(UrlError::NotHttp)?;
    let authority_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let (authority, rest) = after_scheme.split_at(authority_end);
    if authority.contains('@') {
        return Err(UrlError::UserInfo);
    }
    if authority.contains(':') {
        return Err(UrlError::Port);
    }
    let host = authority.strip_suffix('.').unwrap_or(authority);
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if host.is_empty() || host.len() > 253 || !host.split('.').all(label_ok) {
        return Err(UrlError::BadHost(authority.to_string()));
    }
    Ok(HttpUrl {
        host: host.to_ascii_lowercase(),
        rest: rest.to_string(),
    })
}

/// Whether a string is an absolute http(s) URL (for websites and feedback links).
pub fn is_http_url(text: &str) -> bool {
    parse_http_url(text).is_ok()
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

pub(crate) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
