use leptos::prelude::*;

use crate::browser;

/// A button that copies a text to the clipboard, and the sentence that says whether it
/// did (a status, so screen readers hear it).
#[component]
pub fn CopyButton(
    /// The text to copy, worked out when the button is pressed.
    text: Callback<(), String>,
    /// What the button says.
    label: &'static str,
    /// Said after a copy.
    done: &'static str,
    /// Said when the browser refused.
    failed: &'static str,
    /// The button's classes.
    #[prop(default = "button")]
    class: &'static str,
    /// The id of the element the button copies from, if it names one.
    #[prop(optional)]
    describedby: Option<String>,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    view! {
        <button
            type="button"
            class=class
            aria-describedby=describedby
            on:click=move |_| {
                let text = text.run(());
                leptos::task::spawn_local(async move {
                    copied.set(Some(browser::copy_text(text).await));
                });
            }
        >
            {label}
        </button>
        <span class="copy-status" role="status">
            {move || match copied.get() {
                Some(true) => done,
                Some(false) => failed,
                None => "",
            }}
        </span>
    }
}
