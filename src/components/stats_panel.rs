use std::sync::Arc;

use catalog::{group_digits, Catalog, Facet, Stats, StatsRow};
use leptos::prelude::*;

use crate::components::{use_lang, Bar, BarChart};
use crate::i18n::{stats_totals, texts};

/// The statistics of the current selection: totals, then channels by platform,
/// organisations by sector and the regions with most organisations, each as a chart with
/// its table.
#[component]
pub fn StatsPanel(
    /// The counts of the selection.
    stats: Signal<Stats>,
    /// The catalog, to name platforms, sectors and regions.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    move || {
        stats.with(|stats| {
            let bars = |rows: &[StatsRow], facet: Facet, value: fn(&StatsRow) -> u64| {
                rows.iter()
                    .map(|row| Bar {
                        label: catalog.label(facet, &row.value, lang),
                        value: value(row),
                        shown: group_digits(lang, value(row)),
                    })
                    .collect::<Vec<_>>()
            };
            let platform_channels = bars(&stats.by_platform, Facet::Platform, |r| r.channels as u64);
            let platform_subscribers = bars(&stats.by_platform, Facet::Platform, |r| r.subscribers);
            let sectors = bars(&stats.by_sector, Facet::Sector, |r| r.organizations as u64);
            let regions = bars(&stats.top_regions, Facet::Region, |r| r.organizations as u64);
            view! {
                <section class="stats" aria-labelledby="stats-title">
                    <h2 id="stats-title">{t.stats_title}</h2>
                    <p class="stats__totals">{stats_totals(lang, stats)}</p>
                    <div class="stats__charts">
                        <BarChart title=t.chart_platform_channels.to_string() label_header=t.column_platform value_header=t.column_channels bars=platform_channels/>
                        <BarChart title=t.chart_platform_subscribers.to_string() label_header=t.column_platform value_header=t.column_subscribers bars=platform_subscribers/>
                        <BarChart title=t.chart_sectors.to_string() label_header=t.column_sector value_header=t.column_organizations bars=sectors/>
                        <BarChart title=t.chart_regions.to_string() label_header=t.column_region value_header=t.column_organizations bars=regions/>
                    </div>
                </section>
            }
        })
    }
}
