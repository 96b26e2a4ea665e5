use catalog::{Channel, Platform};
use leptos::prelude::*;

use crate::components::platform_icon::css_token;
use crate::components::{use_lang, PlatformIcon};
use crate::i18n::{subscribers, subscribers_short, texts};

/// One channel as a link: platform icon and name, handle, subscribers, verified mark.
///
/// The URL was checked by the core (http(s), on one of the platform's hosts), so it is
/// safe to put in `href`; the handle and names are inserted as text.
#[component]
pub fn ChannelLink(
    /// The channel to link to.
    channel: Channel,
    /// Its platform, for the name and the CSS class.
    platform: Platform,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let class = format!("channel channel--{}", css_token(&platform.id));
    let count = channel.subscribers;
    view! {
        <a class=class href=channel.url target="_blank" rel="noopener noreferrer">
            <PlatformIcon platform=platform.id.clone()/>
            <span class="channel__platform">{platform.name_in(lang).to_string()}":"</span>
            <span class="channel__handle">{channel.handle}</span>
            {count.map(|n| view! {
                <span class="channel__subscribers" aria-hidden="true" title=subscribers(lang, n)>
                    {subscribers_short(lang, n)}
                </span>
                <span class="visually-hidden">{subscribers(lang, n)}</span>
            })}
            {channel.verified.then(|| view! {
                <span class="channel__verified" title=t.verified_explained>"✓ "{t.verified}</span>
            })}
            <span class="visually-hidden">" "{t.opens_in_new_tab}</span>
        </a>
    }
}
