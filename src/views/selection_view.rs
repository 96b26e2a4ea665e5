use std::sync::Arc;

use catalog::{Facet, LoadedCatalog, Query, Stats, View};
use leptos::prelude::*;

use crate::browser;
use crate::catalog_loader::Progress;
use crate::components::{
    use_lang, Chip, DownloadButtons, DownloadFormat, FilterChips, FilterPanel, LoadingIndicator,
    NoResults, OrganizationCard, OrganizationList, Relaxation, ResultSummary, SearchBox,
    SortControl, StatsPanel,
};
use crate::i18n::texts;
use crate::preferences::use_preferences;
use crate::timing::measure;
use crate::url_state::{use_url_state, HistoryMode};

/// A selection of the catalog, made with the search box and the filters, shown as a list
/// (with an organisation's card when one is open) or as statistics.
#[component]
pub fn SelectionView(
    /// The catalog as far as it is loaded, and its index.
    current: Signal<Arc<LoadedCatalog>>,
    /// How far the shards have loaded: an empty result while they do is not "nothing".
    progress: Signal<Progress>,
    /// The state from the address, already checked against the catalog.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let url = use_url_state();
    let preferences = use_preferences();
    // For names of regions, sectors and platforms, which every later catalog shares.
    let catalog = current.get_untracked().catalog.clone();
    let organizations = Signal::derive(move || current.with(|c| c.catalog.clone()));

    let results = Memo::new(move |_| {
        current.with(|c| query.with(|query| measure("gospubliki:search", || c.index.search(query))))
    });
    // Memos, not derived signals: each is read in several places, and a derived signal
    // would recompute (and clone) for every read.
    let search_key = Memo::new(move |_| {
        query.with(|q| {
            Query {
                org: None,
                view: View::Search,
                check: None,
                lang: None,
                ..q.clone()
            }
            .to_query_string()
        })
    });
    let text = Memo::new(move |_| query.with(|q| q.text.clone()));
    let facets = Memo::new(move |_| results.with(|r| r.facets.clone()));
    // Every result, those that lack one word too: none at all is "nothing found".
    let count = Memo::new(move |_| results.with(|r| r.organizations.len()));
    let complete = Memo::new(move |_| results.with(|r| r.complete));
    let view = Memo::new(move |_| query.with(|q| q.view));
    let open_org = Memo::new(move |_| query.with(|q| q.org.clone()));

    let go = move |next: Query, mode: HistoryMode| url.navigate(&next, mode);
    let on_input = Callback::new(move |text: String| {
        let next = Query {
            text,
            org: None,
            ..query.get_untracked()
        };
        go(next, HistoryMode::Replace);
    });
    let on_toggle = Callback::new(move |(facet, value): (Facet, String)| {
        go(
            query.get_untracked().toggled(facet, &value),
            HistoryMode::Push,
        );
    });
    let on_reset = Callback::new(move |()| {
        go(query.get_untracked().without_filters(), HistoryMode::Push);
    });
    let on_sort = Callback::new(move |sort| {
        let next = Query {
            sort,
            ..query.get_untracked()
        };
        go(next, HistoryMode::Push);
    });
    let on_open = Callback::new(move |id: String| {
        go(query.get_untracked().opening(&id), HistoryMode::Push);
    });
    let on_close = Callback::new(move |()| {
        let current = query.get_untracked();
        go(
            Query {
                org: None,
                ..current
            },
            HistoryMode::Push,
        );
    });
    // Focus follows the card: to its title when it opens (by a click, a link or Back),
    // and back to the organisation's name in the list when it closes. This effect only
    // moves the browser's focus; it writes no signal.
    Effect::new(move |previous: Option<Option<String>>| {
        let org = open_org.get();
        match (&org, previous.flatten()) {
            (Some(_), _) => browser::focus_soon(vec!["#card-title".into()]),
            (None, Some(closed)) => {
                // Ids are letters, digits, `_` and `-` (the core checks), safe in a selector.
                browser::focus_soon(vec![
                    format!("li[data-org-id=\"{closed}\"] .org__link"),
                    "#results-title".into(),
                ]);
            }
            (None, None) => {}
        }
        org
    });

    let on_download = Callback::new({
        move |format: DownloadFormat| {
            let catalog = organizations.get_untracked();
            let positions = results.with_untracked(|r| r.organizations.clone());
            let stem = match catalog.updated {
                Some(date) => format!("gospubliki-{date}"),
                None => "gospubliki".to_string(),
            };
            let name = format!("{stem}.{}", format.as_str());
            match format {
                DownloadFormat::Csv => browser::download(
                    &name,
                    "text/csv;charset=utf-8",
                    &catalog.to_csv(&positions, lang),
                ),
                DownloadFormat::Json => browser::download(
                    &name,
                    "application/json",
                    &catalog.subset(&positions).to_json(),
                ),
            }
        }
    });

    let chips = Memo::new({
        let catalog = catalog.clone();
        move |_| {
            query.with(|query| {
                Facet::ALL
                    .iter()
                    .filter(|&&facet| !query.is_locked(facet))
                    .flat_map(|&facet| query.values(facet).iter().map(move |value| (facet, value)))
                    .map(|(facet, value)| Chip {
                        facet,
                        value: value.clone(),
                        label: catalog.label(facet, value, lang),
                    })
                    .collect::<Vec<_>>()
            })
        }
    });

    // What the main column shows. A memo, so the list is not built again while the reader
    // types and the results change; only a change of mode renders a different part.
    // A card asked for by the address whose organisation has not arrived yet (its region's
    // shard is still on its way): the address keeps it, the catalog does not have it yet.
    let card_pending = Memo::new(move |_| {
        open_org.with(Option::is_none)
            && url.query().org.is_some()
            && progress.with(Progress::is_arriving)
    });
    let mode = Memo::new(move |_| {
        if let Some(id) = open_org.get() {
            Mode::Card(id)
        } else if card_pending.get() {
            Mode::Waiting
        } else if view.get() == View::Stats {
            Mode::Stats
        } else if count.get() == 0 && progress.with(Progress::is_arriving) {
            Mode::Waiting
        } else if count.get() == 0 {
            Mode::Nothing
        } else {
            Mode::List
        }
    });
    let content = {
        let catalog = catalog.clone();
        move || match mode.get() {
            Mode::Card(id) => organizations
                .get_untracked()
                .organizations
                .iter()
                .find(|o| o.id == id)
                .cloned()
                .map(|org| view! { <OrganizationCard org catalog=catalog.clone() on_close/> })
                .into_any(),
            Mode::Stats => {
                let stats = Memo::new(move |_| {
                    let catalog = organizations.get();
                    results.with(|r| Stats::of(&catalog, &r.organizations))
                });
                view! { <StatsPanel stats=Signal::from(stats) catalog=catalog.clone()/> }.into_any()
            }
            Mode::Waiting => view! { <LoadingIndicator/> }.into_any(),
            Mode::Nothing => {
                let catalog = catalog.clone();
                (move || {
                    let index = current.with(|c| c.index.clone());
                    let (suggestion, relaxations) = query.with(|q| {
                        let relaxations = index
                            .relaxations(q)
                            .into_iter()
                            .map(|(facet, value, found)| Relaxation {
                                label: catalog.label(facet, &value, lang),
                                facet,
                                value,
                                found,
                            })
                            .collect::<Vec<_>>();
                        (index.suggestion(q), relaxations)
                    });
                    view! {
                        <NoResults suggestion relaxations on_respell=on_input on_drop=on_toggle/>
                    }
                })
                .into_any()
            }
            Mode::List => view! {
                <OrganizationList
                    results
                    query_key=Signal::from(search_key)
                    catalog=organizations
                    text=Signal::from(text)
                    on_open
                />
            }
            .into_any(),
        }
    };

    view! {
        <SearchBox text=Signal::from(text) on_input/>
        <div class="layout">
            <aside class="layout__filters" aria-label=t.filters>
                <FilterPanel
                    facets=Signal::from(facets)
                    chosen=Signal::derive(move || query.with(Query::filter_count))
                    catalog=catalog.clone()
                    on_toggle
                    locked=Signal::derive(move || query.with(|q| q.locked.clone()))
                    starts_open=browser::is_two_column_layout(preferences.appearance.get_untracked())
                />
            </aside>
            <main id="main" class="layout__results" tabindex="-1">
                <Show when=move || open_org.with(Option::is_none)>
                    <FilterChips chips=Signal::from(chips) on_remove=on_toggle on_reset/>
                    <div class="results__bar">
                        <ResultSummary
                            count=Signal::from(complete)
                            partial=Signal::derive(move || count.get() - complete.get())
                        />
                        <Show when=move || view.get() == View::Search>
                            <SortControl sort=Signal::derive(move || query.with(|q| q.sort)) on_change=on_sort/>
                        </Show>
                        <Show when=move || { count.get() > 0 }>
                            <DownloadButtons on_download/>
                        </Show>
                    </div>
                </Show>
                {content}
            </main>
        </div>
    }
}

/// What the main column of a selection shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    /// The card of the organisation with this id.
    Card(String),
    Stats,
    /// Nothing found yet, while shards are still arriving.
    Waiting,
    /// The search found nothing: say so and offer a way out.
    Nothing,
    List,
}
