use std::sync::Arc;

use catalog::{Catalog, Facet, FacetCount, Facets, Lang};
use leptos::prelude::*;

use crate::components::{use_lang, FacetGroup, FacetOption, FeedLinks, RegionFacet};
use crate::i18n::texts;

/// Every filter with its values and counts. On narrow screens it folds into a
/// «Фильтры (N)» disclosure.
#[component]
pub fn FilterPanel(
    /// The facet counts of the current search.
    facets: Signal<Facets>,
    /// How many filter values are chosen.
    chosen: Signal<usize>,
    /// The catalog, to name each value.
    catalog: Arc<Catalog>,
    /// Called with the filter and value whose checkbox changed.
    on_toggle: Callback<(Facet, String)>,
    /// Filters the embedding site fixed, which are not offered.
    locked: Signal<Vec<Facet>>,
    /// Whether the panel starts unfolded: beside the results it does, but above them (a
    /// phone, or large text) it would push the results a screen down.
    starts_open: bool,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    // The feeds of the region (and sector) the reader chose, one each.
    let only = move |facet: Facet| {
        Signal::derive(move || {
            facets.with(|facets| {
                let counts = match facet {
                    Facet::Region => &facets.regions,
                    _ => &facets.sectors,
                };
                let mut chosen = counts.iter().filter(|count| count.selected);
                match (chosen.next(), chosen.next()) {
                    (Some(one), None) => Some(one.value.clone()),
                    _ => None,
                }
            })
        })
    };
    let feeds = view! {
        <FeedLinks catalog=catalog.clone() region=only(Facet::Region) sector=only(Facet::Sector)/>
    };
    let group = move |facet: Facet| {
        let catalog = catalog.clone();
        let catalog_for_regions = catalog.clone();
        let options = Memo::new(move |_| {
            facets.with(|facets| {
                let counts = match facet {
                    Facet::Region => &facets.regions,
                    Facet::Municipality => &facets.municipalities,
                    Facet::Sector => &facets.sectors,
                    Facet::Platform => &facets.platforms,
                };
                counts
                    .iter()
                    .map(|count| option(&catalog, facet, count, lang))
                    .collect::<Vec<_>>()
            })
        });
        let shown = move || {
            !locked.with(|locked| locked.contains(&facet))
                && options.with(|options| !options.is_empty())
        };
        let group = move || {
            if facet == Facet::Region {
                view! { <RegionFacet options catalog=catalog_for_regions.clone() on_toggle/> }
                    .into_any()
            } else {
                view! { <FacetGroup facet options on_toggle/> }.into_any()
            }
        };
        view! { <Show when=shown>{group()}</Show> }
    };
    view! {
        <details class="filters" open=starts_open>
            <summary class="filters__summary">
                {t.filters}
                {move || (chosen.get() > 0).then(|| format!(" ({})", chosen.get()))}
            </summary>
            <div class="filters__body">
                {group(Facet::Sector)}
                {group(Facet::Platform)}
                {group(Facet::Region)}
                {group(Facet::Municipality)}
                {feeds}
            </div>
        </details>
    }
}

/// One value as the panel shows it, named as people call it.
fn option(catalog: &Catalog, facet: Facet, count: &FacetCount, lang: Lang) -> FacetOption {
    FacetOption {
        value: count.value.clone(),
        label: catalog.label(facet, &count.value, lang),
        count: count.count,
        selected: count.selected,
    }
}
