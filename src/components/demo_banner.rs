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
                {t.demo_text}
            </p>
        </aside>
    }
}
