use std::sync::Arc;

use catalog::{Catalog, Organization};
use leptos::prelude::*;

use crate::components::{use_lang, ChannelLink};
use crate::i18n::texts;

/// One organisation in the list: its names, where it is, its sector and its channels.
#[component]
pub fn OrganizationItem(
    /// The organisation to show.
    org: Organization,
    /// The catalog, to name the region, sector and platforms.
    catalog: Arc<Catalog>,
) -> impl IntoView {
    let t = texts(use_lang());
    let region = catalog.region(&org.region).map(|r| r.name.clone());
    let sector = catalog.sector(&org.sector).map(|s| s.name.clone());
    let place: Vec<String> = [region, org.municipality.clone(), sector]
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
    view! {
        <li class="org" data-org-id=org.id.clone()>
            <h3 class="org__name">{org.name.clone()}</h3>
            {org.short_name.clone().map(|short| view! { <p class="org__short">{short}</p> })}
            <p class="org__place">{place.join(" · ")}</p>
            <ul class="org__channels" aria-label=t.channels_of>{channels}</ul>
        </li>
    }
}
