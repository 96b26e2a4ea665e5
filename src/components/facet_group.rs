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
    options: Signal<Vec<FacetOption>>,
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
    options: Signal<Vec<FacetOption>>,
    /// Called with the value whose checkbox changed.
    on_toggle: Callback<(Facet, String)>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="facet__list">
            <For
                each=move || options.get()
                key=|option| (option.value.clone(), option.count, option.selected)
                children=move |option| {
                    let value = option.value.clone();
                    let icon = (facet == Facet::Platform).then(|| view! { <PlatformIcon platform=option.value.clone()/> });
                    let class = if option.count == 0 && !option.selected {
                        "facet__option facet__option--empty"
                    } else {
                        "facet__option"
                    };
                    view! {
                        <li class=class>
                            <label>
                                <input
                                    type="checkbox"
                                    prop:checked=option.selected
                                    on:change=move |_| on_toggle.run((facet, value.clone()))
                                />
                                {icon}
                                <span class="facet__label">{option.label}</span>
                                " "
                                <span class="facet__count">{group_digits(lang, option.count as u64)}</span>
                            </label>
                        </li>
                    }
                }
            />
        </ul>
    }
}
