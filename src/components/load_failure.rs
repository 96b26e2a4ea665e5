use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{fetch_error, fetch_error_detail, texts};
use crate::load::FetchError;

/// Why the catalog did not load, and a button to try again.
#[component]
pub fn LoadFailure(
    /// What went wrong.
    error: FetchError,
    /// Called when the user asks to load the catalog again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let detail = fetch_error_detail(&error);
    view! {
        <section class="failure" role="alert" aria-labelledby="failure-title">
            <h2 id="failure-title">{t.load_failed}</h2>
            <p class="failure__message">{fetch_error(lang, &error)}</p>
            {detail.map(|detail| view! { <p class="failure__detail"><code>{detail}</code></p> })}
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        </section>
    }
}
