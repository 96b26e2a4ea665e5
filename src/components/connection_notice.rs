use catalog::IsoDate;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{offline_notice, texts};

/// The state of the installed app, when there is something to say: offline (with the
/// date of the data shown), or a new version waiting for the reader's go-ahead.
#[component]
pub fn ConnectionNotice(
    /// Whether the browser is online.
    online: Signal<bool>,
    /// Whether a new version is ready.
    update_ready: Signal<bool>,
    /// The date of the catalog shown.
    updated: Option<IsoDate>,
    /// Called when the reader asks for the new version.
    on_update: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    view! {
        <div class="connection" role="status">
            <Show when=move || !online.get()>
                <p class="connection__offline">{offline_notice(lang, updated)}</p>
            </Show>
            <Show when=move || update_ready.get()>
                <p class="connection__update">
                    {t.update_ready}" "
                    <button type="button" class="button button--small" on:click=move |_| on_update.run(())>
                        {t.update_button}
                    </button>
                </p>
            </Show>
        </div>
    }
}
