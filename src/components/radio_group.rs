use leptos::prelude::*;

/// A group of radio buttons under a legend: one of several options, each a label around
/// its input. The low-vision settings and the widget builder both choose this way.
#[component]
pub fn RadioGroup<T>(
    /// The group's name: one choice per name.
    name: &'static str,
    /// What the group chooses.
    legend: &'static str,
    /// The fieldset's class, for the panel it sits in.
    class: &'static str,
    /// Each option: its value, what it says, and the label's language when it is not the
    /// page's («English» on a Russian page).
    options: Vec<(T, String, Option<&'static str>)>,
    /// The option chosen.
    chosen: Signal<T>,
    /// Called with the option the reader chooses.
    on_choose: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let options = options.into_iter().map(|(value, label, lang)| {
        view! {
            <label class="appearance__option">
                <input
                    type="radio"
                    name=name
                    prop:checked=move || chosen.get() == value
                    on:change=move |_| on_choose.run(value)
                />
                <span lang=lang>{label}</span>
            </label>
        }
    });
    view! {
        <fieldset class=class>
            <legend>{legend}</legend>
            {options.collect_view()}
        </fieldset>
    }
}
