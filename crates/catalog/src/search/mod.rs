//! Search that understands Russian: the index, the query (the URL state) and the text
//! rules both share.

mod abbreviations;
mod index;
mod query;
pub(crate) mod text;

pub use index::{sort_key, FacetCount, Facets, Index, Results};
pub use query::{Facet, Query, Sort};
pub use text::tokens as search_tokens;
