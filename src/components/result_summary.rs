use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::found_with_partial;

/// The one live sentence that says how many organisations were found; screen readers
/// announce it as it changes.
#[component]
pub fn ResultSummary(
    /// How many organisations match every word of the text.
    count: Signal<usize>,
    /// How many more are listed that match all the words but one.
    #[prop(optional, into)]
    partial: Signal<usize>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="summary" role="status" data-testid="result-count">
            {move || found_with_partial(lang, count.get(), partial.get())}
        </p>
    }
}
