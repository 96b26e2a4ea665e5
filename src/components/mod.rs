//! Small presentational components: each renders its props and forwards events.

mod appearance_panel;
mod bar_chart;
mod catalog_header;
mod channel_link;
mod check_form;
mod check_verdict;
mod connection_notice;
mod copy_button;
mod demo_banner;
mod download_buttons;
mod facet_group;
mod feed_links;
mod filter_chips;
mod filter_panel;
mod highlighted_text;
mod language_switch;
mod load_failure;
mod loading_indicator;
mod no_results;
mod organization_card;
mod organization_item;
mod organization_list;
mod platform_icon;
mod qr_code;
mod radio_group;
mod region_facet;
mod result_summary;
mod search_box;
mod shard_progress;
mod skipped_notice;
mod snippet_box;
mod sort_control;
mod stats_panel;
mod view_nav;

pub use appearance_panel::AppearancePanel;
pub use bar_chart::{Bar, BarChart};
pub use catalog_header::CatalogHeader;
pub use channel_link::ChannelLink;
pub use check_form::CheckForm;
pub use check_verdict::CheckVerdict;
pub use connection_notice::ConnectionNotice;
pub use copy_button::CopyButton;
pub use demo_banner::DemoBanner;
pub use download_buttons::{DownloadButtons, DownloadFormat};
pub use facet_group::{FacetGroup, FacetOption, FacetOptions};
pub use feed_links::FeedLinks;
pub use filter_chips::{Chip, FilterChips};
pub use filter_panel::FilterPanel;
pub use highlighted_text::HighlightedText;
pub use language_switch::LanguageSwitch;
pub use load_failure::LoadFailure;
pub use loading_indicator::LoadingIndicator;
pub use no_results::{NoResults, Relaxation};
pub use organization_card::OrganizationCard;
pub use organization_item::OrganizationItem;
pub use organization_list::OrganizationList;
pub use platform_icon::PlatformIcon;
pub use qr_code::QrCode;
pub use radio_group::RadioGroup;
pub use region_facet::RegionFacet;
pub use result_summary::ResultSummary;
pub use search_box::SearchBox;
pub use shard_progress::ShardProgress;
pub use skipped_notice::SkippedNotice;
pub use snippet_box::SnippetBox;
pub use sort_control::SortControl;
pub use stats_panel::StatsPanel;
pub use view_nav::ViewNav;

use catalog::Lang;
use leptos::prelude::*;

/// The UI language, provided by the root.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
