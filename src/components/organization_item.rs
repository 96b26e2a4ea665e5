use std::sync::Arc;

use catalog::{Catalog, Channel, Organization, Platform};
use leptos::prelude::*;

use crate::components::{slot, slots, use_lang, ChannelLink, HighlightedText};
use crate::i18n::texts;

/// One organisation in the list: its name (a link to its card, with the matched words
/// marked), short name, where it is, its sector and its channels.
///
/// The row is made once for its place in the list and follows `org` in place: a new
/// search changes the texts, attributes and links of the rows, not the rows.
#[component]
pub fn OrganizationItem(
    /// The organisation in this place of the list.
    org: Memo<Arc<Organization>>,
    /// The catalog, to name the region, sector and platforms.
    catalog: Arc<Catalog>,
    /// The search text, whose words are marked in the names.
    text: Signal<String>,
    /// Called with the organisation's id when its card is asked for.
    on_open: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let id = Memo::new(move |_| org.with(|o| o.id.clone()));
    let name = Memo::new(move |_| org.with(|o| o.name.clone()));
    let short = Memo::new(move |_| org.with(|o| o.short_name.clone()));
    let place = {
        let catalog = catalog.clone();
        move || org.with(|o| place(&catalog, o, lang))
    };
    let links = Memo::new(move |_| org.with(|o| links(&catalog, o)));
    let channel = move |index: usize| {
        slot(links, index).map(|link| {
            let channel = Memo::new(move |_| link.with(|(c, _)| c.clone()));
            let platform = Memo::new(move |_| link.with(|(_, p)| p.clone()));
            view! { <li><ChannelLink channel platform/></li> }
        })
    };
    view! {
        <li class="org" data-org-id=id>
            <h3 class="org__name">
                <a
                    class="org__link"
                    href=move || id.with(|id| format!("?org={id}"))
                    on:click=move |ev| {
                        ev.prevent_default();
                        on_open.run(id.get_untracked());
                    }
                >
                    <HighlightedText text=name query=text/>
                </a>
            </h3>
            <Show when=move || short.with(Option::is_some)>
                <p class="org__short">
                    <HighlightedText text=Signal::derive(move || short.get().unwrap_or_default()) query=text/>
                </p>
            </Show>
            <p class="org__place">{place}</p>
            <ul class="org__channels" aria-label=t.channels_of>
                <For each=slots(links) key=|index| *index children=channel/>
            </ul>
        </li>
    }
}

/// Where an organisation is and what it does, as the row's line under the name.
fn place(catalog: &Catalog, org: &Organization, lang: catalog::Lang) -> String {
    let region = catalog.region(&org.region).map(|r| r.name.as_str());
    let sector = catalog.sector(&org.sector).map(|s| s.name_in(lang));
    [org.municipality.as_deref(), region, sector]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The organisation's channels on the platforms the catalog names, with their platforms.
fn links(catalog: &Catalog, org: &Organization) -> Vec<(Channel, Platform)> {
    org.channels
        .iter()
        .filter_map(|channel| {
            Some((
                channel.clone(),
                catalog.platform(&channel.platform)?.clone(),
            ))
        })
        .collect()
}
