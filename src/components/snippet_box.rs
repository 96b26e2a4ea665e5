use leptos::prelude::*;

use crate::components::{use_lang, CopyButton};
use crate::i18n::texts;

/// A piece of code to paste into a site, with a button that copies it.
#[component]
pub fn SnippetBox(
    /// The heading above the code.
    title: &'static str,
    /// The code, as text.
    code: Signal<String>,
    /// The id of the code element, for the button's description.
    id: &'static str,
) -> impl IntoView {
    let t = texts(use_lang());
    view! {
        <section class="snippet" aria-labelledby=format!("{id}-title")>
            <h3 id=format!("{id}-title") class="snippet__title">{title}</h3>
            <pre class="snippet__code"><code id=id>{move || code.get()}</code></pre>
            <CopyButton
                text=Callback::new(move |()| code.get_untracked())
                label=t.copy_code
                done=t.code_copied
                failed=t.copy_code_failed
                class="button button--small"
                describedby=format!("{id}-title")
            />
        </section>
    }
}
