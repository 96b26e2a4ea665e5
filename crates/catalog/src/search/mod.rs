//! Search that understands Russian: the index, the selection it is asked (text, filters,
//! order) and the text rules both share.

mod abbreviations;
mod build;
mod compile;
mod everyday;
mod hashing;
mod highlight;
mod index;
mod matching;
mod places;
mod ready;
mod rescue;
mod selection;
mod tables;
pub(crate) mod text;

pub use build::{Finishing, IndexBuilder};
pub use everyday::EVERYDAY;
pub use highlight::{highlight, words_match, Segment};
pub use index::{sort_key, FacetCount, Facets, Index, Results};
pub use selection::{Facet, Selection, Sort};
pub use text::tokens as search_tokens;
