use catalog::Sort;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{sort_name, texts};

/// The choice of order: relevance, subscribers or name.
#[component]
pub fn SortControl(
    /// The order in effect.
    sort: Signal<Sort>,
    /// Called with the order chosen.
    on_change: Callback<Sort>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class="sort">
            <span class="sort__label">{texts(lang).sort_label}</span>
            " "
            <select
                class="sort__select"
                on:change=move |ev| {
                    if let Some(sort) = Sort::parse(&event_target_value(&ev)) {
                        on_change.run(sort);
                    }
                }
            >
                {Sort::ALL
                    .into_iter()
                    .map(|option| view! {
                        <option value=option.as_str() prop:selected=move || sort.get() == option>
                            {sort_name(lang, option)}
                        </option>
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
