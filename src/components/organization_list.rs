use std::sync::Arc;

use catalog::{Catalog, Results};
use leptos::prelude::*;

use crate::components::{use_lang, OrganizationItem};
use crate::i18n::{show_more, shown_of, texts};

/// How many organisations one page shows.
const PAGE: usize = 50;

/// The organisations found, a page at a time.
#[component]
pub fn OrganizationList(
    /// The search results; the list reads their positions in `catalog.organizations`,
    /// in order, without copying them.
    results: Memo<Results>,
    /// The query string the list belongs to; a new one starts again at the first page.
    query_key: Signal<String>,
    /// The catalog the positions point into.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let lang = use_lang();
    // How far the user has paged, for which query. A page count left over from another
    // query does not apply, so the list starts at the top after every new search
    // without an effect resetting anything.
    let paged = RwSignal::new((String::new(), PAGE));
    let shown = Memo::new(move |_| {
        let total = results.with(|r| r.organizations.len());
        let pages = paged.with(|(key, count)| {
            query_key.with(|current| if key == current { *count } else { PAGE })
        });
        pages.min(total)
    });
    let total = move || results.with(|r| r.organizations.len());
    let more = move || shown.get() < total();
    let visible = move || results.with(|r| r.organizations[..shown.get()].to_vec());
    let item = move |position: u32| {
        let org = catalog.organizations[position as usize].clone();
        view! { <OrganizationItem org catalog=catalog.clone()/> }
    };
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" class="visually-hidden">{texts(lang).organizations}</h2>
            <ol class="results__list">
                <For each=visible key=|position| *position children=item/>
            </ol>
            <Show when=more>
                <p class="results__progress">{move || shown_of(lang, shown.get(), total())}</p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| paged.set((query_key.get(), shown.get() + PAGE))
                >
                    {move || show_more(lang, PAGE.min(total() - shown.get()))}
                </button>
            </Show>
        </section>
    }
}
