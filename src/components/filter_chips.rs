use catalog::Facet;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{remove_filter, texts};

/// One chosen filter value as a chip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    pub facet: Facet,
    /// The URL value.
    pub value: String,
    /// What the user reads.
    pub label: String,
}

/// The chosen filter values as removable chips, and «Сбросить всё»; nothing when no
/// filter is chosen.
#[component]
pub fn FilterChips(
    /// The chosen values, in URL order.
    chips: Signal<Vec<Chip>>,
    /// Called with the filter and value a chip removes.
    on_remove: Callback<(Facet, String)>,
    /// Called when the user drops every filter.
    on_reset: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let any = move || chips.with(|chips| !chips.is_empty());
    view! {
        <Show when=any>
            <div class="chips">
                <ul class="chips__list" aria-label=t.chosen_filters>
                    <For
                        each=move || chips.get()
                        key=|chip| (chip.facet, chip.value.clone())
                        children=move |chip| {
                            let name = remove_filter(lang, &chip.label);
                            let Chip { facet, value, label } = chip;
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="chip"
                                        aria-label=name
                                        on:click=move |_| on_remove.run((facet, value.clone()))
                                    >
                                        {label}
                                        <span class="chip__cross" aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                <button type="button" class="button button--secondary" on:click=move |_| on_reset.run(())>
                    {t.reset_all}
                </button>
            </div>
        </Show>
    }
}
