use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::texts;

/// Shown while the catalog loads: an indeterminate progress bar with a sentence that a
/// screen reader announces.
#[component]
pub fn LoadingIndicator() -> impl IntoView {
    let t = texts(use_lang());
    view! {
        <div class="loading" role="status">
            <progress class="loading__bar" aria-label=t.loading></progress>
            <p>{t.loading}</p>
        </div>
    }
}
