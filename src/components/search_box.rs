use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::texts;

/// The search field in a `role="search"` form. Results follow every keystroke; Escape
/// clears the field; submitting only keeps the page from reloading.
#[component]
pub fn SearchBox(
    /// The text of the current query.
    text: Signal<String>,
    /// Called with the new text on every change.
    on_input: Callback<String>,
) -> impl IntoView {
    let t = texts(use_lang());
    view! {
        <form class="search" role="search" on:submit=move |ev| ev.prevent_default()>
            <label class="search__label" for="search-input">{t.search_label}</label>
            <div class="search__row">
                <input
                    id="search-input"
                    class="search__input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="search-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            on_input.run(String::new());
                        }
                    }
                />
                <button type="submit" class="button search__button">{t.search_button}</button>
            </div>
            <p id="search-hint" class="search__hint">{t.search_hint}</p>
        </form>
    }
}
