use std::sync::Arc;

use catalog::{words_match, Catalog, Facet};
use leptos::prelude::*;

use crate::components::{use_lang, FacetOption, FacetOptions};
use crate::i18n::{district_name, facet_name, texts, DISTRICTS};

/// The region filter: 89 values, so grouped by federal district, with a field that
/// narrows the list as the reader types. Chosen regions always stay in view.
#[component]
pub fn RegionFacet(
    /// The regions to offer, with counts.
    options: Memo<Vec<FacetOption>>,
    /// The catalog, for each region's federal district.
    catalog: Arc<Catalog>,
    /// Called with the region whose checkbox changed.
    on_toggle: Callback<(Facet, String)>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let typed = RwSignal::new(String::new());
    let district_of = move |code: &str| {
        catalog
            .region(code)
            .and_then(|r| r.district.clone())
            .filter(|d| DISTRICTS.contains(&d.as_str()))
    };
    // Each district's options, then the regions no source places in a district.
    let groups = DISTRICTS
        .iter()
        .map(|d| Some(d.to_string()))
        .chain([None])
        .map(|district| {
            let district_of = district_of.clone();
            let wanted = district.clone();
            let shown = Memo::new(move |_| {
                typed.with(|typed| {
                    options.with(|options| {
                        options
                            .iter()
                            .filter(|o| district_of(&o.value) == wanted)
                            .filter(|o| o.selected || words_match(&o.label, typed))
                            .cloned()
                            .collect::<Vec<_>>()
                    })
                })
            });
            let name = district_name(lang, district.as_deref());
            view! {
                <Show when=move || shown.with(|s| !s.is_empty())>
                    <fieldset class="facet__district">
                        <legend class="facet__district-name">{name.clone()}</legend>
                        <FacetOptions facet=Facet::Region options=shown on_toggle/>
                    </fieldset>
                </Show>
            }
        })
        .collect_view();
    let nothing = move || {
        typed.with(|typed| options.with(|o| !o.iter().any(|o| words_match(&o.label, typed))))
    };
    view! {
        <fieldset class="facet facet--region">
            <legend class="facet__legend">{facet_name(lang, Facet::Region)}</legend>
            <label class="facet__filter">
                <span class="facet__filter-label">{t.find_region}</span>
                <input
                    type="text"
                    class="facet__filter-input"
                    autocomplete="off"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
            </label>
            <div class="facet__scroll">
                {groups}
                <Show when=nothing>
                    <p class="facet__none">{t.no_region}</p>
                </Show>
            </div>
        </fieldset>
    }
}
