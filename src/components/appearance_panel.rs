use catalog::{Appearance, Scheme, TextSize};
use leptos::prelude::*;

use crate::components::{use_lang, RadioChoice};
use crate::i18n::{scheme_name, text_size_name, texts};

/// «Версия для слабовидящих»: a button that opens the text size, colour and image
/// settings, which apply at once.
#[component]
pub fn AppearancePanel(
    /// The settings in effect; the panel writes the reader's choices into it.
    appearance: RwSignal<Appearance>,
) -> impl IntoView {
    let t = texts(use_lang());
    let lang = use_lang();
    let open = RwSignal::new(false);
    let radio = |name, label: String, checked: Signal<bool>, on_choose: Callback<()>| {
        view! { <RadioChoice name label checked on_choose/> }
    };
    view! {
        <div class="appearance">
            <button
                type="button"
                class="button button--secondary appearance__toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="appearance-panel"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                <span class="icon icon--eye" aria-hidden="true"></span>
                {t.low_vision}
            </button>
            <Show when=move || open.get()>
                <div id="appearance-panel" class="appearance__panel" role="group" aria-label=t.low_vision>
                    <fieldset class="appearance__group">
                        <legend>{t.text_size}</legend>
                        {TextSize::ALL.into_iter().map(|size| radio(
                            "appearance-text",
                            text_size_name(lang, size).to_string(),
                            Signal::derive(move || appearance.with(|a| a.text == size)),
                            Callback::new(move |()| appearance.update(|a| a.text = size)),
                        )).collect_view()}
                    </fieldset>
                    <fieldset class="appearance__group">
                        <legend>{t.colours}</legend>
                        {Scheme::ALL.into_iter().map(|scheme| radio(
                            "appearance-scheme",
                            scheme_name(lang, scheme).to_string(),
                            Signal::derive(move || appearance.with(|a| a.scheme == scheme)),
                            Callback::new(move |()| appearance.update(|a| a.scheme = scheme)),
                        )).collect_view()}
                    </fieldset>
                    <fieldset class="appearance__group">
                        <legend>{t.images}</legend>
                        {[(true, t.images_on), (false, t.images_off)].into_iter().map(|(shown, label)| radio(
                            "appearance-images",
                            label.to_string(),
                            Signal::derive(move || appearance.with(|a| a.images == shown)),
                            Callback::new(move |()| appearance.update(|a| a.images = shown)),
                        )).collect_view()}
                    </fieldset>
                    <button type="button" class="button button--secondary" on:click=move |_| appearance.set(Appearance::default())>
                        {t.ordinary_version}
                    </button>
                </div>
            </Show>
        </div>
    }
}
