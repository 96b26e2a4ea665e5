//! Small presentational components: each renders its props and forwards events.

mod catalog_header;
mod channel_link;
mod demo_banner;
mod load_failure;
mod loading_indicator;
mod organization_item;
mod organization_list;
mod skipped_notice;

pub use catalog_header::CatalogHeader;
pub use channel_link::ChannelLink;
pub use demo_banner::DemoBanner;
pub use load_failure::LoadFailure;
pub use loading_indicator::LoadingIndicator;
pub use organization_item::OrganizationItem;
pub use organization_list::OrganizationList;
pub use skipped_notice::SkippedNotice;

use catalog::Lang;
use leptos::prelude::*;

/// The UI language, provided by the root. Russian until the language switch exists.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
