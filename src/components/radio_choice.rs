use leptos::prelude::*;

/// One option of a group of radio buttons, as a label around its input.
#[component]
pub fn RadioChoice(
    /// The group's name: one choice per name.
    name: &'static str,
    /// What the option says.
    label: String,
    /// Whether this option is the one chosen.
    checked: Signal<bool>,
    /// Called when the reader chooses it.
    on_choose: Callback<()>,
    /// The label's language, when it is not the page's («English» on a Russian page).
    #[prop(optional)]
    lang: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label class="appearance__option">
            <input type="radio" name=name prop:checked=move || checked.get() on:change=move |_| on_choose.run(())/>
            <span lang=lang>{label}</span>
        </label>
    }
}
