//! Small presentational components: each renders its props and forwards events.

mod catalog_header;
mod channel_link;
mod demo_banner;
mod facet_group;
mod filter_chips;
mod filter_panel;
mod load_failure;
mod loading_indicator;
mod organization_item;
mod organization_list;
mod result_summary;
mod search_box;
mod skipped_notice;
mod sort_control;

pub use catalog_header::CatalogHeader;
pub use channel_link::ChannelLink;
pub use demo_banner::DemoBanner;
pub use facet_group::{FacetGroup, FacetOption};
pub use filter_chips::{Chip, FilterChips};
pub use filter_panel::FilterPanel;
pub use load_failure::LoadFailure;
pub use loading_indicator::LoadingIndicator;
pub use organization_item::OrganizationItem;
pub use organization_list::OrganizationList;
pub use result_summary::ResultSummary;
pub use search_box::SearchBox;
pub use skipped_notice::SkippedNotice;
pub use sort_control::SortControl;

use catalog::Lang;
use leptos::prelude::*;

/// The UI language, provided by the root. Russian until the language switch exists.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
