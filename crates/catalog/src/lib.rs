//! The pure core of Госпаблики: the catalog model, parsing and validation, search,
//! facets and the URL state.
//!
//! This crate takes text and returns values. It has no I/O, no clock, no randomness
//! and no UI types, so the browser app and the native data tool run the very same
//! rules, and `cargo test` checks them natively.

mod format;
mod link;
mod model;
mod parse;
mod search;
mod translit;

pub use format::{
    compact_count, date_in_words, group_digits, plural, plural_form, Lang, PluralForm,
};
pub use link::{handle_of, is_http_url, parse_http_url, HttpUrl, UrlError};
pub use model::{
    Catalog, Channel, IsoDate, Level, Organization, Platform, Region, Sector, FORMAT, VERSION,
};
pub use parse::{
    is_valid_id, is_valid_ogrn, parse_catalog, LoadError, Loaded, Problem, Severity, Skipped,
    MAX_SUBSCRIBERS,
};
pub use search::{search_tokens, sort_key, Facet, FacetCount, Facets, Index, Query, Results, Sort};
pub use translit::transliterate;
