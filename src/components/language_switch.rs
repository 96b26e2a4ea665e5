use catalog::Lang;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{language_name, other_language};

/// A link to the page in the other language, written in that language.
#[component]
pub fn LanguageSwitch(
    /// The address of the page in the other language.
    href: Signal<String>,
    /// Called with the language chosen (the link's default is prevented).
    on_switch: Callback<Lang>,
) -> impl IntoView {
    let other = other_language(use_lang());
    let name = language_name(other);
    view! {
        <a
            class="language-switch"
            href=move || href.get()
            hreflang=other.as_str()
            lang=other.as_str()
            on:click=move |ev| {
                ev.prevent_default();
                on_switch.run(other);
            }
        >
            {name}
        </a>
    }
}
