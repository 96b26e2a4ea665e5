use std::sync::Arc;

use catalog::{feedback_link, is_http_url, Catalog, Organization};
use leptos::prelude::*;

use crate::browser;
use crate::components::{use_lang, ChannelLink, CopyButton, QrCode};
use crate::i18n::{evidence, level_name, qr_label, texts};

/// An organisation's card: everything the catalog knows about it, its channels with QR
/// codes to print, a link to share and a way to report an error.
#[component]
pub fn OrganizationCard(
    /// The organisation to show.
    org: Arc<Organization>,
    /// The catalog, to name the region, sector and platforms, and for its feedback link.
    catalog: Arc<Catalog>,
    /// Called when the reader goes back to the results.
    on_close: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let facts: Vec<(&str, String)> = [
        (
            t.field_region,
            catalog.region(&org.region).map(|r| r.name.clone()),
        ),
        (t.field_municipality, org.municipality.clone()),
        (
            t.field_sector,
            catalog
                .sector(&org.sector)
                .map(|s| s.name_in(lang).to_string()),
        ),
        (
            t.field_level,
            org.level.map(|l| level_name(lang, l).to_string()),
        ),
        (t.field_ogrn, org.ogrn.clone()),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some((label, value?)))
    .collect();
    let website = org.website.clone().filter(|url| is_http_url(url));
    let feedback = catalog.feedback_url.as_deref().and_then(feedback_link);
    let channels: Vec<_> = org
        .channels
        .iter()
        .filter_map(|channel| {
            let platform = catalog.platform(&channel.platform)?.clone();
            let label = qr_label(lang, platform.name_in(lang), &channel.handle);
            let status = evidence(lang, channel);
            Some(view! {
                <li class="card__channel">
                    <ChannelLink channel=channel.clone() platform/>
                    <p class="card__status">{status}</p>
                    <QrCode text=channel.url.clone() label/>
                </li>
            })
        })
        .collect();
    view! {
        <article
            class="card"
            data-org-id=org.id.clone()
            aria-labelledby="card-title"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    on_close.run(());
                }
            }
        >
            <button type="button" class="button button--secondary card__back" on:click=move |_| on_close.run(())>
                <span aria-hidden="true">"← "</span>{t.back_to_results}
            </button>
            <h2 id="card-title" class="card__title" tabindex="-1">{org.name.clone()}</h2>
            {org.short_name.clone().map(|short| view! { <p class="card__short">{short}</p> })}
            <dl class="card__facts">
                {facts.into_iter().map(|(label, value)| view! {
                    <div class="card__fact"><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
                {website.map(|url| view! {
                    <div class="card__fact">
                        <dt>{t.field_website}</dt>
                        <dd><a href=url.clone() target="_blank" rel="noopener noreferrer">{url.clone()}</a></dd>
                    </div>
                })}
            </dl>
            <h3>{t.official_channels}</h3>
            <p class="card__explained">{t.verified_meaning}</p>
            <ul class="card__channels">{channels}</ul>
            <div class="card__actions">
                <CopyButton
                    text=Callback::new(|()| browser::current_address())
                    label=t.copy_link
                    done=t.link_copied
                    failed=t.copy_failed
                />
                <button type="button" class="button button--secondary" on:click=move |_| browser::print()>
                    {t.print}
                </button>
                {feedback.map(|link| view! {
                    <a class="card__report" href=link.href target=(!link.mail).then_some("_blank") rel="noopener noreferrer">{t.report_error}</a>
                })}
            </div>
        </article>
    }
}
