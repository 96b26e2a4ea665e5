use leptos::prelude::*;

use crate::browser;
use crate::components::use_lang;
use crate::i18n::texts;

/// A piece of code to paste into a site, with a button that copies it.
#[component]
pub fn SnippetBox(
    /// The heading above the code.
    title: &'static str,
    /// The code, as text.
    code: Signal<String>,
    /// The id of the code element, for the button's description.
    id: &'static str,
) -> impl IntoView {
    let t = texts(use_lang());
    let copied = RwSignal::new(None::<bool>);
    view! {
        <section class="snippet" aria-labelledby=format!("{id}-title")>
            <h3 id=format!("{id}-title") class="snippet__title">{title}</h3>
            <pre class="snippet__code"><code id=id>{move || code.get()}</code></pre>
            <button
                type="button"
                class="button button--small"
                aria-describedby=format!("{id}-title")
                on:click=move |_| {
                    leptos::task::spawn_local(async move {
                        copied.set(Some(browser::copy_text(code.get_untracked()).await));
                    });
                }
            >
                {t.copy_code}
            </button>
            <span class="snippet__status" role="status">
                {move || match copied.get() {
                    Some(true) => t.code_copied,
                    Some(false) => t.copy_code_failed,
                    None => "",
                }}
            </span>
        </section>
    }
}
