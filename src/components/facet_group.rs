use catalog::{group_digits, Facet};
use leptos::prelude::*;

use crate::components::{use_lang, PlatformIcon};
use crate::i18n::facet_name;

/// One value of a filter as the panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    /// The URL value (region code, sector id, …).
    pub value: String,
    /// What the user reads.
    pub label: String,
    /// Results with this value added to the other filters.
    pub count: usize,
    pub selected: bool,
}

/// A filter as a group of checkboxes, each with its count. Several chosen values mean
/// any of them.
#[component]
pub fn FacetGroup(
    /// Which filter this is.
    facet: Facet,
    /// The values to offer, with counts.
    options: Memo<Vec<FacetOption>>,
    /// Called with the value whose checkbox changed.
    on_toggle: Callback<(Facet, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let class = format!("facet facet--{}", facet.as_str());
    view! {
        <fieldset class=class>
            <legend class="facet__legend">{facet_name(lang, facet)}</legend>
            <FacetOptions facet options on_toggle/>
        </fieldset>
    }
}

/// The checkboxes of some values of a filter, as a list.
#[component]
pub fn FacetOptions(
    /// Which filter the values belong to.
    facet: Facet,
    /// The values to offer, with counts.
    options: Memo<Vec<FacetOption>>,
    /// Called with the value whose checkbox changed.
    on_toggle: Callback<(Facet, String)>,
) -> impl IntoView {
    let lang = use_lang();
    // A row per value, made once: a keystroke changes the counts, and only the count's
    // text, the checkbox and the class of each row follow. Remaking the rows on every
    // keystroke (a hundred of them, with 89 regions) was most of a keystroke's time.
    // Each row finds its value by its place in the list, not by a search of it, and the
    // list of rows is looked at again only when the values offered change.
    let values = Memo::new(move |_| {
        options.with(|all| {
            all.iter()
                .map(|o| (o.value.clone(), o.label.clone()))
                .collect::<Vec<_>>()
        })
    });
    let row = move |index: ReadSignal<usize>, (value, label): (String, String)| {
        let state = Memo::new({
            let value = value.clone();
            move |_| {
                options.with(|all| {
                    all.get(index.get())
                        .filter(|o| o.value == value)
                        .map_or((0, false), |o| (o.count, o.selected))
                })
            }
        });
        let icon =
            (facet == Facet::Platform).then(|| view! { <PlatformIcon platform=value.clone()/> });
        let class = move || {
            let (count, selected) = state.get();
            if count == 0 && !selected {
                "facet__option facet__option--empty"
            } else {
                "facet__option"
            }
        };
        view! {
            <li class=class>
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || state.get().1
                        on:change=move |_| on_toggle.run((facet, value.clone()))
                    />
                    {icon}
                    <span class="facet__label">{label}</span>
                    " "
                    <span class="facet__count">{move || group_digits(lang, state.get().0 as u64)}</span>
                </label>
            </li>
        }
    };
    view! {
        <ul class="facet__list">
            <ForEnumerate each=move || values.get() key=|(value, _)| value.clone() children=row/>
        </ul>
    }
}
