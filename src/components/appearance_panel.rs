use catalog::{Appearance, Scheme, TextSize};
use leptos::prelude::*;

use crate::components::{use_lang, RadioGroup};
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
    let (text, on_text) = field(appearance, |a| a.text, |a, text| a.text = text);
    let (scheme, on_scheme) = field(appearance, |a| a.scheme, |a, scheme| a.scheme = scheme);
    let (images, on_images) = field(appearance, |a| a.images, |a, images| a.images = images);
    let sizes = TextSize::ALL.map(|size| (size, text_size_name(lang, size).to_string(), None));
    let schemes = Scheme::ALL.map(|scheme| (scheme, scheme_name(lang, scheme).to_string(), None));
    let shown = [(true, t.images_on), (false, t.images_off)];
    let shown = shown.map(|(value, label)| (value, label.to_string(), None));
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
                    <RadioGroup name="appearance-text" legend=t.text_size class="appearance__group"
                        options=sizes.to_vec() chosen=text on_choose=on_text/>
                    <RadioGroup name="appearance-scheme" legend=t.colours class="appearance__group"
                        options=schemes.to_vec() chosen=scheme on_choose=on_scheme/>
                    <RadioGroup name="appearance-images" legend=t.images class="appearance__group"
                        options=shown.to_vec() chosen=images on_choose=on_images/>
                    <button type="button" class="button button--secondary" on:click=move |_| appearance.set(Appearance::default())>
                        {t.ordinary_version}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// One field of the settings, as a radio group's chosen option and what writes it.
fn field<T>(
    appearance: RwSignal<Appearance>,
    get: fn(&Appearance) -> T,
    set: fn(&mut Appearance, T),
) -> (Signal<T>, Callback<T>)
where
    T: Copy + Send + Sync + 'static,
{
    (
        Signal::derive(move || appearance.with(get)),
        Callback::new(move |value| appearance.update(|a| set(a, value))),
    )
}
