use catalog::Facet;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{drop_filter, search_instead, texts};

/// A filter value that, dropped, would find something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relaxation {
    pub facet: Facet,
    pub value: String,
    /// What the reader reads for the value.
    pub label: String,
    /// How many organisations the search finds without it.
    pub found: usize,
}

/// What a search that finds nothing offers: the respelled text that finds something, and
/// each filter that could be dropped, with what dropping it would find.
#[component]
pub fn NoResults(
    /// A respelling of the text that finds something, if there is one.
    suggestion: Option<String>,
    /// The filters that could be dropped one at a time.
    relaxations: Vec<Relaxation>,
    /// Called with the respelled text when the reader takes it.
    on_respell: Callback<String>,
    /// Called with a filter value to drop.
    on_drop: Callback<(Facet, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    view! {
        <div class="no-results">
            <p class="no-results__message">{t.nothing_found}</p>
            {suggestion.map(|text| {
                let label = search_instead(lang, &text);
                view! {
                    <p>
                        {t.did_you_mean}" "
                        <button type="button" class="button button--link" on:click=move |_| on_respell.run(text.clone())>
                            {label}
                        </button>
                    </p>
                }
            })}
            {(!relaxations.is_empty()).then(|| view! {
                <p>{t.try_dropping}</p>
                <ul class="no-results__drops">
                    {relaxations.into_iter().map(|r| {
                        let label = drop_filter(lang, &r.label, r.found);
                        view! {
                            <li>
                                <button type="button" class="button button--secondary" on:click=move |_| on_drop.run((r.facet, r.value.clone()))>
                                    {label}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}
