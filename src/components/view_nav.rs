use catalog::View;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{texts, view_name};

/// The sections of the directory as links; the current one is marked for screen readers.
#[component]
pub fn ViewNav(
    /// The section shown.
    current: Signal<View>,
    /// The address of each section, with the current selection carried along.
    href: Callback<View, String>,
    /// Called with the section chosen (the link's default is prevented).
    on_select: Callback<View>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="view-nav" aria-label=texts(lang).sections>
            <ul class="view-nav__list">
                {View::ALL.into_iter().map(|view| view! {
                    <li>
                        <a
                            class="view-nav__link"
                            href=move || href.run(view)
                            aria-current=move || (current.get() == view).then_some("page")
                            on:click=move |ev| {
                                ev.prevent_default();
                                on_select.run(view);
                            }
                        >
                            {view_name(lang, view)}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
