use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::found;

/// The one live sentence that says how many organisations were found; screen readers
/// announce it as it changes.
#[component]
pub fn ResultSummary(
    /// How many organisations match.
    count: Signal<usize>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="summary" role="status" data-testid="result-count">
            {move || found(lang, count.get())}
        </p>
    }
}
