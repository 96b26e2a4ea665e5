use std::sync::Arc;

use catalog::{Catalog, Page, Results, Selection};
use leptos::prelude::*;

use crate::components::{use_lang, OrganizationItem};
use crate::i18n::{missing_one_word, show_more, show_previous, shown_range, texts};

/// How many organisations a step of the list adds.
const PAGE: usize = 20;
/// The most organisations on the page at once. An organisation with its channels is
/// about 22 elements, so the list stays near 1,100 elements however far the reader goes:
/// going further drops the first organisations, which «Показать предыдущие» brings back.
const WINDOW: usize = 50;

/// The organisations found, a window at a time.
#[component]
pub fn OrganizationList(
    /// The search results; the list reads their positions in `catalog.organizations`,
    /// in order, without copying them.
    results: Memo<Results>,
    /// The search the list belongs to; a new one starts again at the top.
    selection: Signal<Selection>,
    /// The page the list is on, which each organisation's link to its card keeps.
    page: Signal<Page>,
    /// The catalog the positions point into (or a later, fuller one: positions stay).
    catalog: Signal<Arc<Catalog>>,
    /// The search text, whose words are marked in the names.
    text: Signal<String>,
    /// Called with an organisation's id when its card is asked for.
    on_open: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    // Which window the reader has moved to, for which search. A window left over from
    // another search does not apply, so the list starts at the top after every new search
    // without an effect resetting anything.
    let moved = RwSignal::new((Selection::default(), 0usize, PAGE));
    let total = move || results.with(|r| r.organizations.len());
    let window = Memo::new(move |_| {
        let (start, end) = moved.with(|(key, start, end)| {
            selection.with(|current| {
                if key == current {
                    (*start, *end)
                } else {
                    (0, PAGE)
                }
            })
        });
        let total = total();
        (start.min(total), end.min(total))
    });
    // Where the results that lack one word start: the window shows the complete ones in
    // one list, then a heading, then those.
    let complete = move || results.with(|r| r.complete);
    let visible_part = move |partial: bool| {
        let (start, end) = window.get();
        results.with(|r| {
            let (from, to) = if partial {
                (start.max(r.complete), end)
            } else {
                (start, end.min(r.complete))
            };
            (from..to.max(from))
                .map(|i| (r.organizations[i], r.missing_word(i).map(str::to_string)))
                .collect::<Vec<_>>()
        })
    };
    let item = move |(position, missing): (u32, Option<String>)| {
        let catalog = catalog.get_untracked();
        let org = catalog.organizations.get(position as usize).cloned();
        org.map(
            |org| view! { <OrganizationItem org catalog=catalog.clone() text page on_open missing/> },
        )
    };
    let heading = move || results.with(|r| missing_one_word(lang, r.missing_everywhere()));
    let shows_partial = move || {
        let (_, end) = window.get();
        end > complete()
    };
    let more = move || window.get().1 < total();
    let earlier = move || window.get().0 > 0;
    let next = move |_| {
        let (start, end) = window.get();
        let end = (end + PAGE).min(total());
        moved.set((selection.get(), start.max(end.saturating_sub(WINDOW)), end));
    };
    let previous = move |_| {
        let (start, end) = window.get();
        let start = start.saturating_sub(PAGE);
        moved.set((selection.get(), start, end.min(start + WINDOW)));
    };
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" class="visually-hidden" tabindex="-1">{texts(lang).organizations}</h2>
            <Show when=earlier>
                <button type="button" class="button button--secondary results__previous" on:click=previous>
                    {move || show_previous(lang, PAGE.min(window.get().0))}
                </button>
            </Show>
            <ol class="results__list" start=move || window.get().0 + 1>
                <For each=move || visible_part(false) key=|row| row.clone() children=item/>
            </ol>
            <Show when=shows_partial>
                <h3 class="results__partial">{heading}</h3>
                <ol class="results__list" start=move || window.get().0.max(complete()) + 1>
                    <For each=move || visible_part(true) key=|row| row.clone() children=item/>
                </ol>
            </Show>
            <Show when=move || { total() > PAGE }>
                <p class="results__progress">
                    {move || {
                        let (start, end) = window.get();
                        shown_range(lang, start + 1, end, total())
                    }}
                </p>
            </Show>
            <Show when=more>
                <button type="button" class="button" on:click=next>
                    {move || show_more(lang, PAGE.min(total() - window.get().1))}
                </button>
            </Show>
        </section>
    }
}
