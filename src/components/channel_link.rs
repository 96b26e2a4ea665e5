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
    /// The channel to link to; a row of the result list that is reused for another
    /// organisation passes a changing one, and the link follows it in place.
    #[prop(into)]
    channel: Signal<Channel>,
    /// Its platform, for the name and the CSS class.
    #[prop(into)]
    platform: Signal<Platform>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let class = move || platform.with(|p| format!("channel channel--{}", css_token(&p.id)));
    let href = move || channel.with(|c| c.url.clone());
    let platform_id = Memo::new(move |_| platform.with(|p| p.id.clone()));
    let platform_name = move || platform.with(|p| p.name_in(lang).to_string());
    let handle = move || channel.with(|c| c.handle.clone());
    let count = move || channel.with(|c| c.subscribers);
    let verified = move || channel.with(|c| c.verified);
    view! {
        <a class=class href=href target="_blank" rel="noopener noreferrer">
            <PlatformIcon platform=platform_id/>
            <span class="channel__platform">{platform_name}":"</span>
            <span class="channel__handle">{handle}</span>
            {move || count().map(|n| view! {
                <span class="channel__subscribers" aria-hidden="true" title=subscribers(lang, n)>
                    {subscribers_short(lang, n)}
                </span>
                <span class="visually-hidden">{subscribers(lang, n)}</span>
            })}
            <Show when=verified>
                <span class="channel__verified" title=t.verified_explained>"✓ "{t.verified}</span>
            </Show>
            <span class="visually-hidden">" "{t.opens_in_new_tab}</span>
        </a>
    }
}
