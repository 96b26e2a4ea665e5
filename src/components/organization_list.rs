use std::sync::Arc;

use catalog::Loaded;
use leptos::prelude::*;

use crate::components::{use_lang, OrganizationItem};
use crate::i18n::{show_more, shown_of, texts};

/// How many organisations one "show more" adds.
const PAGE: usize = 100;

/// The organisations of the catalog, a page at a time.
#[component]
pub fn OrganizationList(
    /// The loaded catalog whose organisations are listed.
    loaded: Arc<Loaded>,
) -> impl IntoView {
    let lang = use_lang();
    let total = loaded.catalog.organizations.len();
    // How far the user has paged is view state, not shareable state, so it lives here.
    let shown = RwSignal::new(PAGE.min(total));
    // Keyed by position, so "show more" renders only the new page, not all of them.
    let item = move |index: usize| {
        let org = loaded.catalog.organizations[index].clone();
        view! { <OrganizationItem org loaded=loaded.clone()/> }
    };
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" class="visually-hidden">{texts(lang).organizations}</h2>
            <ol class="results__list">
                <For each=move || 0..shown.get() key=|index| *index children=item/>
            </ol>
            <p class="results__progress">{move || shown_of(lang, shown.get(), total)}</p>
            {move || (shown.get() < total).then(|| {
                let next = PAGE.min(total - shown.get());
                view! {
                    <button type="button" class="button" on:click=move |_| shown.update(|n| *n = (*n + PAGE).min(total))>
                        {show_more(lang, next)}
                    </button>
                }
            })}
        </section>
    }
}
