use std::sync::Arc;

use catalog::{Facet, Query};
use leptos::prelude::*;

use crate::components::{
    use_lang, CatalogHeader, Chip, DemoBanner, FilterChips, FilterPanel, OrganizationList,
    ResultSummary, SearchBox, SkippedNotice, SortControl,
};
use crate::i18n::texts;
use crate::load::LoadedCatalog;
use crate::timing::measure;
use crate::url_state::{use_url_state, HistoryMode};

/// The directory: search, filters and results, all derived from the address.
#[component]
pub fn Directory(
    /// The catalog as loaded, indexed, with what had to be skipped.
    loaded: Arc<LoadedCatalog>,
) -> impl IntoView {
    let t = texts(use_lang());
    let url = use_url_state();
    let catalog = loaded.catalog.clone();
    let index = loaded.index.clone();

    // Derived, never synced: the query from the address, the results from the query.
    let query = Memo::new({
        let catalog = catalog.clone();
        move |_| url.query().sanitized(&catalog)
    });
    let results = Memo::new(move |_| {
        query.with(|query| measure("gospubliki:search", || index.search(query)))
    });
    // Memos, not derived signals: each is read in several places, and a derived signal
    // would recompute (and clone) for every read.
    let query_key = Memo::new(move |_| query.with(Query::to_query_string));
    let facets = Memo::new(move |_| results.with(|r| r.facets.clone()));

    let on_input = Callback::new(move |text: String| {
        let next = Query {
            text,
            org: None,
            ..query.get_untracked()
        };
        url.navigate(&next, HistoryMode::Replace);
    });
    let on_toggle = Callback::new(move |(facet, value): (Facet, String)| {
        url.navigate(
            &query.get_untracked().toggled(facet, &value),
            HistoryMode::Push,
        );
    });
    let on_reset = Callback::new(move |()| {
        url.navigate(&query.get_untracked().without_filters(), HistoryMode::Push);
    });
    let on_sort = Callback::new(move |sort| {
        url.navigate(
            &Query {
                sort,
                ..query.get_untracked()
            },
            HistoryMode::Push,
        );
    });

    let chips = Memo::new({
        let catalog = catalog.clone();
        move |_| {
            query.with(|query| {
                Facet::ALL
                    .iter()
                    .flat_map(|&facet| query.values(facet).iter().map(move |value| (facet, value)))
                    .map(|(facet, value)| Chip {
                        facet,
                        value: value.clone(),
                        label: catalog.label(facet, value),
                    })
                    .collect::<Vec<_>>()
            })
        }
    });

    let skipped = loaded.skipped.total();
    let footer = [
        catalog.source.clone().map(|s| (t.source, s)),
        catalog.license.clone().map(|s| (t.license, s)),
    ];
    view! {
        {catalog.demo.then(|| view! { <DemoBanner/> })}
        <div class="page">
            <CatalogHeader
                title=catalog.title.clone()
                updated=catalog.updated
                organizations=catalog.organizations.len()
                channels=catalog.channel_count()
            />
            {(skipped > 0).then(|| view! { <SkippedNotice count=skipped problems=loaded.problems.clone()/> })}
            <SearchBox text=Signal::derive(move || query.with(|q| q.text.clone())) on_input/>
            <div class="layout">
                <aside class="layout__filters" aria-label=t.filters>
                    <FilterPanel
                        facets=Signal::from(facets)
                        chosen=Signal::derive(move || query.with(Query::filter_count))
                        catalog=catalog.clone()
                        on_toggle
                    />
                </aside>
                <main id="main" class="layout__results">
                    <FilterChips chips=Signal::from(chips) on_remove=on_toggle on_reset/>
                    <div class="results__bar">
                        <ResultSummary count=Signal::derive(move || results.with(|r| r.organizations.len()))/>
                        <SortControl sort=Signal::derive(move || query.with(|q| q.sort)) on_change=on_sort/>
                    </div>
                    <OrganizationList
                        results
                        query_key=Signal::from(query_key)
                        catalog=catalog.clone()
                    />
                </main>
            </div>
        </div>
        <footer class="site-footer">
            {footer.into_iter().flatten().map(|(label, text)| view! {
                <p><span class="site-footer__label">{label}": "</span>{text}</p>
            }).collect_view()}
        </footer>
    }
}
