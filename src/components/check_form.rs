use leptos::html::Input;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::texts;

/// The field where a citizen pastes a link or handle to check.
#[component]
pub fn CheckForm(
    /// The text checked last, to show in the field.
    value: Signal<Option<String>>,
    /// Called with the text when the form is submitted.
    on_check: Callback<String>,
) -> impl IntoView {
    let t = texts(use_lang());
    let input = NodeRef::<Input>::new();
    view! {
        <form
            class="check-form"
            on:submit=move |ev| {
                ev.prevent_default();
                if let Some(input) = input.get() {
                    on_check.run(input.value());
                }
            }
        >
            <label class="search__label" for="check-input">{t.check_label}</label>
            <div class="search__row">
                <input
                    id="check-input"
                    node_ref=input
                    class="search__input"
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="check-hint"
                    prop:value=move || value.get().unwrap_or_default()
                />
                <button type="submit" class="button">{t.check_button}</button>
            </div>
            <p id="check-hint" class="search__hint">{t.check_hint}</p>
        </form>
    }
}
