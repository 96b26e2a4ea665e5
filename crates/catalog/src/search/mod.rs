//! Search that understands Russian: the index, the query (the URL state) and the text
//! rules both share.

mod abbreviations;
mod build;
mod everyday;
mod highlight;
mod index;
mod places;
mod query;
mod tables;
pub(crate) mod text;

pub use build::{Finishing, IndexBuilder};
pub use everyday::EVERYDAY;
pub use highlight::{highlight, words_match, Segment};
pub use index::{sort_key, FacetCount, Facets, Index, Results};
pub use query::{is_origin, legacy_widget_query, Facet, Query, Sort, Theme, View};
pub use text::tokens as search_tokens;
