use catalog::IsoDate;
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{catalog_size, data_date, texts};

/// The catalog's title, the date of its data and its size.
#[component]
pub fn CatalogHeader(
    /// The title the publisher gave the catalog, if any.
    title: Option<String>,
    /// The date of the data, if the catalog gives a valid one.
    updated: Option<IsoDate>,
    /// How many organisations are loaded, and how many channels they have.
    size: Signal<(usize, usize)>,
    /// Whether that is the whole catalog, searchable: while shards arrive or are indexed
    /// the size says «загружено», not «в каталоге».
    whole: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let title = title.unwrap_or_else(|| texts(lang).app_name.to_string());
    let date = updated.map(|date| data_date(lang, date));
    let size = move || {
        let (organizations, channels) = size.get();
        catalog_size(lang, organizations, channels, whole.get())
    };
    view! {
        <div class="catalog-header">
            <h1>{title}</h1>
            <p class="catalog-header__facts">
                {date.map(|date| view! { <span class="catalog-header__date">{date}</span> })}
                <span class="catalog-header__size" data-testid="catalog-size">{size}</span>
            </p>
        </div>
    }
}
