use std::sync::Arc;

use catalog::{Catalog, Organization, Page};
use leptos::prelude::*;

use crate::components::{use_lang, ChannelLink, HighlightedText};
use crate::i18n::{not_found_word, texts};
use crate::url_state;

/// One organisation in the list: its name (a link to its card, with the matched words
/// marked), short name, where it is, its sector and its channels.
#[component]
pub fn OrganizationItem(
    /// The organisation to show.
    org: Arc<Organization>,
    /// The catalog, to name the region, sector and platforms.
    catalog: Arc<Catalog>,
    /// The search text, whose words are marked in the names.
    text: Signal<String>,
    /// The page the list is on: the link to the card is this page with the card open.
    page: Signal<Page>,
    /// Called with the organisation's id when its card is asked for.
    on_open: Callback<String>,
    /// The one word of the text the organisation does not match, for a result listed
    /// after those that match every word.
    missing: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let region = catalog.region(&org.region).map(|r| r.name.clone());
    let sector = catalog
        .sector(&org.sector)
        .map(|s| s.name_in(lang).to_string());
    let place: Vec<String> = [org.municipality.clone(), region, sector]
        .into_iter()
        .flatten()
        .collect();
    let channels: Vec<_> = org
        .channels
        .iter()
        .filter_map(|channel| {
            let platform = catalog.platform(&channel.platform)?.clone();
            Some(view! { <li><ChannelLink channel=channel.clone() platform/></li> })
        })
        .collect();
    let id = org.id.clone();
    // The card's address keeps the search, the filters and the language, for a reader who
    // opens it in a new tab or copies it. It is made from the page the list already has,
    // not from the address read again for each row.
    let for_href = org.id.clone();
    view! {
        <li class="org" data-org-id=org.id.clone()>
            <h3 class="org__name">
                <a
                    class="org__link"
                    href=move || page.with(|p| url_state::href(&p.opening(&for_href)))
                    on:click=move |ev| {
                        ev.prevent_default();
                        on_open.run(id.clone());
                    }
                >
                    <HighlightedText text=org.name.clone() query=text/>
                </a>
            </h3>
            {org.short_name.clone().map(|short| view! {
                <p class="org__short"><HighlightedText text=short query=text/></p>
            })}
            {missing.map(|word| view! {
                <p class="org__missing">{not_found_word(lang, &word)}</p>
            })}
            <p class="org__place">{place.join(" · ")}</p>
            <ul class="org__channels" aria-label=t.channels_of>{channels}</ul>
        </li>
    }
}
