use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::texts;

/// The unmissable notice that the catalog is demonstration data with invented handles.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let t = texts(use_lang());
    view! {
        <aside class="demo-banner" aria-labelledby="demo-banner-title">
            <p>
                <strong id="demo-banner-title">{t.demo_title}</strong>
                " "
                // On a phone the short text is shown instead (style/main.css): the
                // whole one took a fifth of the first screen.
                <span class="demo-banner__long">{t.demo_text}</span>
                <span class="demo-banner__short">{t.demo_text_short}</span>
            </p>
        </aside>
    }
}
