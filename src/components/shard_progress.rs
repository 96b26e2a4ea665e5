use std::sync::Arc;

use catalog::Catalog;
use leptos::prelude::*;

use crate::catalog_loader::Progress;
use crate::components::use_lang;
use crate::i18n::{shard_failed, shard_progress};

/// How far a sharded catalog has loaded: a progress bar while regions arrive and while
/// the last of them are indexed, and each region that failed, with why and when it is
/// tried again. Nothing once every organisation that arrived is searchable.
#[component]
pub fn ShardProgress(
    /// The shards loaded, in all, and failed.
    progress: Signal<Progress>,
    /// The catalog, for the regions' names.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let lang = use_lang();
    let loading = move || progress.with(|p| !p.is_whole());
    let failures = move || {
        progress.with(|p| {
            p.failed
                .iter()
                .map(|failure| {
                    let name = catalog
                        .region(&failure.region)
                        .map_or(failure.region.as_str(), |r| r.name.as_str());
                    shard_failed(lang, name, &failure.error, failure.retry_in)
                })
                .collect::<Vec<_>>()
        })
    };
    // The sentence is not a live region: announcing each of 89 regions would drown a
    // screen reader. The bar carries it as its value text, read when reached.
    view! {
        <Show when=loading>
            <div class="shard-progress">
                {move || {
                    let (loaded, total) = progress.with(|p| (p.loaded, p.total));
                    let text = progress.with(|p| shard_progress(lang, p));
                    view! {
                        <progress
                            class="shard-progress__bar"
                            max=total
                            value=loaded
                            aria-valuetext=text.clone()
                            aria-label=text.clone()
                        ></progress>
                        <p class="shard-progress__text" data-testid="shard-progress">{text}</p>
                    }
                }}
            </div>
        </Show>
        <div class="shard-failures" aria-live="polite">
            <For each=failures key=|text| text.clone() let:text>
                <p class="shard-failures__item">{text}</p>
            </For>
        </div>
    }
}
