use std::sync::Arc;

use catalog::{feedback_link, Catalog, ChannelRef, Check, Sign, Verdict};
use leptos::prelude::*;

use crate::components::{use_lang, ChannelLink};
use crate::i18n::{evidence, not_found_reason, reading_of, sign_text, texts};
use crate::url_state::{self, use_url_state};

/// The answer to "is this channel official?": the verdict, how the link was read, the
/// organisation's channels when it is official or imitated, and advice when it is not.
#[component]
pub fn CheckVerdict(
    /// What the checker found.
    check: Check,
    /// The catalog the channel references point into.
    catalog: Arc<Catalog>,
    /// Called with an organisation's id when its card is asked for.
    on_open: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let kind = check.verdict.as_str();
    let reading = check.reading.as_ref().map(|reading| {
        let platform = reading
            .platform
            .as_deref()
            .and_then(|id| catalog.platform(id))
            .map(|p| p.name_in(lang).to_string());
        reading_of(
            lang,
            platform.as_deref(),
            reading.host.as_deref(),
            &reading.handle,
        )
    });
    // A card's address keeps the filters and the language the checker was opened with.
    let url = use_url_state();
    let channels = {
        let catalog = catalog.clone();
        move |found: &[ChannelRef]| {
            found
                .iter()
                .filter_map(|r| {
                    let org = catalog.organizations.get(r.org as usize)?;
                    let channel = org.channels.get(r.channel as usize)?.clone();
                    let platform = catalog.platform(&channel.platform)?.clone();
                    let status = evidence(lang, &channel);
                    let id = org.id.clone();
                    Some(view! {
                        <li class="verdict__channel" data-org-id=org.id.clone()>
                            <a
                                class="verdict__org"
                                href=url.page().with_untracked(|p| url_state::href(&p.opening(&org.id)))
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    on_open.run(id.clone());
                                }
                            >
                                {org.name.clone()}
                            </a>
                            <ChannelLink channel platform/>
                            <p class="verdict__evidence">{status}</p>
                        </li>
                    })
                })
                .collect_view()
        }
    };
    let sign_items = move |signs: &[Sign]| {
        signs
            .iter()
            .map(|&sign| view! { <li data-sign=sign.as_str()>{sign_text(lang, sign)}</li> })
            .collect_view()
    };
    let feedback = catalog.feedback_url.as_deref().and_then(feedback_link);
    let (headline, body) = match &check.verdict {
        Verdict::Official(found) => (
            t.verdict_official,
            view! {
                <p>{t.verdict_official_text}</p>
                <ul class="verdict__channels">{channels(found)}</ul>
            }
            .into_any(),
        ),
        Verdict::Lookalike { of, signs } => (
            t.verdict_lookalike,
            view! {
                <p class="verdict__warning" role="alert">{t.lookalike_warning}</p>
                <ul class="verdict__signs">{sign_items(signs)}</ul>
                <p>{t.lookalike_of}</p>
                <ul class="verdict__channels">{channels(of)}</ul>
            }
            .into_any(),
        ),
        Verdict::NotFound(reason) => (
            t.verdict_not_found,
            view! { <p>{not_found_reason(lang, reason)}</p> }.into_any(),
        ),
        Verdict::Suspicious { reason, signs } => (
            t.verdict_suspicious,
            view! {
                <p class="verdict__warning" role="alert">{t.suspicious_warning}</p>
                <ul class="verdict__signs">{sign_items(signs)}</ul>
                <p>{not_found_reason(lang, reason)}</p>
            }
            .into_any(),
        ),
    };
    let official = matches!(check.verdict, Verdict::Official(_));
    view! {
        <section class=format!("verdict verdict--{kind}") data-verdict=kind aria-labelledby="verdict-title">
            <h2 id="verdict-title" class="verdict__title" tabindex="-1">{headline}</h2>
            {reading.map(|reading| view! { <p class="verdict__reading">{reading}</p> })}
            {body}
            {(!official).then(|| view! {
                <h3>{t.advice_title}</h3>
                <ul class="verdict__advice">
                    <li>{t.advice_website}</li>
                    <li>{t.advice_report}</li>
                    {feedback.map(|link| view! {
                        <li><a href=link.href target=(!link.mail).then_some("_blank") rel="noopener noreferrer">{t.advice_feedback}</a></li>
                    })}
                </ul>
            })}
        </section>
    }
}
