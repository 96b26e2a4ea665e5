use std::sync::Arc;

use catalog::{Catalog, Facet};
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{feed_name, texts};

/// Links to the Atom feeds of new channels `catalog-tool feeds` wrote: the whole
/// catalog's, the chosen region's, and the region and sector's. Shown only when the
/// catalog names its feeds folder, so the page never links to a file that is not there;
/// the links are relative to the page, on its own site.
#[component]
pub fn FeedLinks(
    /// The catalog: its `feeds` folder, and the names of the region and sector.
    catalog: Arc<Catalog>,
    /// The region, when exactly one is chosen.
    #[prop(into)]
    region: Signal<Option<String>>,
    /// The sector, when exactly one is chosen.
    #[prop(into)]
    sector: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    // The callers derive the region and sector from signals that change at every
    // keystroke; a memo of the two values keeps the links (and the scan for the pair's
    // organisations) from being worked out again unless the choice itself changed.
    let chosen = Memo::new(move |_| (region.get(), sector.get()));
    let links = Memo::new(move |_| {
        let (region, sector) = chosen.get();
        catalog
            .feed_links(region.as_deref(), sector.as_deref())
            .into_iter()
            .map(|link| {
                let name = feed_name(
                    lang,
                    link.scope,
                    &catalog.label(Facet::Region, region.as_deref().unwrap_or_default(), lang),
                    &catalog.label(Facet::Sector, sector.as_deref().unwrap_or_default(), lang),
                );
                (link.scope.as_str(), link.href, name)
            })
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || links.with(|links| !links.is_empty())>
            <section class="feeds" data-testid="feed-links" aria-labelledby="feeds-title">
                <h3 id="feeds-title" class="feeds__title">{t.feeds_title}</h3>
                <ul class="feeds__list">
                    {move || links.get().into_iter().map(|(scope, href, name)| view! {
                        <li>
                            <a href=href type="application/atom+xml" data-feed=scope>{name}</a>
                        </li>
                    }).collect_view()}
                </ul>
                <p class="feeds__explained">{t.feeds_explained}</p>
            </section>
        </Show>
    }
}
