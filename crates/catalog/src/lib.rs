//! The pure core of Госпаблики: the catalog model, parsing and validation, search,
//! facets and the URL state.
//!
//! This crate takes text and returns values. It has no I/O, no clock, no randomness
//! and no UI types, so the browser app and the native data tool run the very same
//! rules, and `cargo test` checks them natively.

mod appearance;
mod assembly;
mod check;
mod export;
mod format;
mod link;
mod loader;
mod model;
mod page;
mod parse;
mod platform;
mod qr;
mod search;
mod shard;
mod stats;
mod translit;

pub use appearance::{Appearance, Scheme, TextSize};
pub use assembly::Assembly;
pub use check::{
    read as read_channel, ChannelRef, Check, Checker, NotFound, Reading, Sign, Verdict,
};
pub use format::{
    compact_count, date_in_words, group_digits, plural, plural_form, Lang, PluralForm,
};
pub use link::{
    browser_host, feedback_link, handle_of, is_http_url, parse_http_url, read_pasted, trim_pasted,
    FeedbackLink, HttpUrl, Pasted, UrlError,
};
pub use loader::{
    paced, publish_due, FetchError, FetchedShard, LoadedCatalog, Loader, Moment, Progress,
    ShardFailure, Step,
};
pub use model::{
    feed_file, Catalog, Channel, FeedLink, FeedScope, IsoDate, Level, Organization, Platform,
    Region, Sector, ShardRef, FORMAT, SHARD_FORMAT, VERSION,
};
pub use page::{is_origin, legacy_widget_query, Page, Theme, View, MAX_QUERY_TEXT, MAX_VALUES};
pub use parse::{
    feeds_folder, is_shard_path, is_valid_id, is_valid_ogrn, parse_catalog, parse_shard, LoadError,
    Loaded, LoadedShard, Problem, Severity, Skipped, MAX_SUBSCRIBERS, MAX_TEXT, MAX_URL,
};
pub use platform::{ChannelError, PlatformKind};
pub use qr::{qr_path, QrPath, QUIET_ZONE};
pub use search::{
    highlight, search_tokens, sort_key, words_match, Facet, FacetCount, Facets, Finishing, Index,
    IndexBuilder, Results, Segment, Selection, Sort, EVERYDAY,
};
pub use shard::{sha256_hex, ShardFile};
pub use stats::{Stats, StatsRow, TOP_REGIONS};
pub use translit::transliterate;
