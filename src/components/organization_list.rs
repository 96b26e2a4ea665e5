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

/// The part of the results on the page: positions `start..end` of the list. Plain
/// arithmetic, kept apart from the component so that it is tested natively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
}

impl Window {
    /// Where every search starts: its first [`PAGE`].
    pub const FIRST: Window = Window {
        start: 0,
        end: PAGE,
    };

    /// The window within a list of `total` results (a fuller catalog may have more; a
    /// window is never past the end).
    pub fn within(self, total: usize) -> Window {
        Window {
            start: self.start.min(total),
            end: self.end.min(total),
        }
    }

    /// «Показать ещё»: [`PAGE`] more at the end, the first ones dropped past [`WINDOW`].
    pub fn more(self, total: usize) -> Window {
        let end = (self.end + PAGE).min(total);
        Window {
            start: self.start.max(end.saturating_sub(WINDOW)),
            end,
        }
    }

    /// «Показать предыдущие»: [`PAGE`] more at the start, the last ones dropped past
    /// [`WINDOW`].
    pub fn previous(self) -> Window {
        let start = self.start.saturating_sub(PAGE);
        Window {
            start,
            end: self.end.min(start + WINDOW),
        }
    }
}

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
    let moved = RwSignal::new((Selection::default(), Window::FIRST));
    let total = move || results.with(|r| r.organizations.len());
    let window = Memo::new(move |_| {
        let window = moved.with(|(key, window)| {
            selection.with(|current| {
                if key == current {
                    *window
                } else {
                    Window::FIRST
                }
            })
        });
        let Window { start, end } = window.within(total());
        (start, end)
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
    let shown = move || {
        let (start, end) = window.get();
        Window { start, end }
    };
    let next = move |_| moved.set((selection.get(), shown().more(total())));
    let previous = move |_| moved.set((selection.get(), shown().previous()));
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

#[cfg(test)]
mod tests {
    use super::Window;

    /// Starting from the first window of `total` results, the windows after each press:
    /// `+` for «Показать ещё», `-` for «Показать предыдущие», `=N` for a list grown or
    /// shrunk to N results (a fuller catalog, the same search).
    fn check(total: usize, presses: &str, expected: &[(usize, usize)]) {
        let mut total = total;
        let mut window = Window::FIRST;
        let mut got = Vec::new();
        for press in presses.split_whitespace() {
            window = match press {
                "+" => window.more(total),
                "-" => window.previous(),
                _ => {
                    total = press[1..].parse().expect("=N");
                    window
                }
            };
            let Window { start, end } = window.within(total);
            got.push((start, end));
        }
        assert_eq!(got, expected, "{total} results, {presses}");
    }

    #[test]
    fn the_list_adds_20_and_keeps_at_most_50() {
        check(1000, "+", &[(0, 40)]);
        check(1000, "+ +", &[(0, 40), (10, 60)]);
        check(1000, "+ + + -", &[(0, 40), (10, 60), (30, 80), (10, 60)]);
        check(
            1000,
            "+ + + - - -",
            &[(0, 40), (10, 60), (30, 80), (10, 60), (0, 50), (0, 50)],
        );
        // Near the end «Показать ещё» adds only what is left.
        check(45, "+ +", &[(0, 40), (0, 45)]);
        check(25, "+", &[(0, 25)]);
        check(5, "+ -", &[(0, 5), (0, 5)]);
        check(0, "+", &[(0, 0)]);
        // A fuller catalog keeps the window; one with fewer results shows what is left.
        check(30, "+ =100 +", &[(0, 30), (0, 30), (0, 50)]);
        check(1000, "+ + =15", &[(0, 40), (10, 60), (10, 15)]);
    }
}
