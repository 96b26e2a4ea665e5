//! Counts for the statistics view: organisations, channels and subscribers of a
//! selection, by platform, by sector and by region.

use std::collections::HashMap;

use crate::model::Catalog;

/// How many regions the statistics list.
pub const TOP_REGIONS: usize = 10;

/// Totals of one group: a platform, a sector or a region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsRow {
    /// The platform id, sector id or region code.
    pub value: String,
    /// Organisations in the group (for a platform: those with a channel on it).
    pub organizations: usize,
    pub channels: usize,
    /// The sum of the subscriber counts the catalog gives.
    pub subscribers: u64,
}

/// The statistics of a selection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stats {
    pub organizations: usize,
    pub channels: usize,
    pub subscribers: u64,
    /// Every platform of the catalog with at least one channel, most channels first.
    pub by_platform: Vec<StatsRow>,
    /// Every sector with at least one organisation, most organisations first.
    pub by_sector: Vec<StatsRow>,
    /// The [`TOP_REGIONS`] regions with most organisations.
    pub top_regions: Vec<StatsRow>,
    /// How many regions the selection covers in all.
    pub regions: usize,
}

impl Stats {
    /// Counts the organisations at `positions` (search results).
    pub fn of(catalog: &Catalog, positions: &[u32]) -> Stats {
        let mut stats = Stats::default();
        let mut platforms: HashMap<&str, StatsRow> = HashMap::new();
        let mut sectors: HashMap<&str, StatsRow> = HashMap::new();
        let mut regions: HashMap<&str, StatsRow> = HashMap::new();
        let row = |value: &str| StatsRow {
            value: value.to_string(),
            organizations: 0,
            channels: 0,
            subscribers: 0,
        };
        for org in positions
            .iter()
            .filter_map(|&p| catalog.organizations.get(p as usize))
        {
            let subscribers: u64 = org.channels.iter().filter_map(|c| c.subscribers).sum();
            stats.organizations += 1;
            stats.channels += org.channels.len();
            stats.subscribers += subscribers;
            for (map, key) in [(&mut sectors, &org.sector), (&mut regions, &org.region)] {
                let entry = map.entry(key.as_str()).or_insert_with(|| row(key));
                entry.organizations += 1;
                entry.channels += org.channels.len();
                entry.subscribers += subscribers;
            }
            let mut seen: Vec<&str> = Vec::new();
            for channel in &org.channels {
                let entry = platforms
                    .entry(channel.platform.as_str())
                    .or_insert_with(|| row(&channel.platform));
                entry.channels += 1;
                entry.subscribers += channel.subscribers.unwrap_or(0);
                if !seen.contains(&channel.platform.as_str()) {
                    seen.push(&channel.platform);
                    entry.organizations += 1;
                }
            }
        }
        let sorted = |map: HashMap<&str, StatsRow>, key: fn(&StatsRow) -> usize| {
            let mut rows: Vec<StatsRow> = map.into_values().collect();
            rows.sort_by(|a, b| key(b).cmp(&key(a)).then_with(|| a.value.cmp(&b.value)));
            rows
        };
        stats.by_platform = sorted(platforms, |r| r.channels);
        stats.by_sector = sorted(sectors, |r| r.organizations);
        stats.regions = regions.len();
        stats.top_regions = sorted(regions, |r| r.organizations);
        stats.top_regions.truncate(TOP_REGIONS);
        stats
    }
}
