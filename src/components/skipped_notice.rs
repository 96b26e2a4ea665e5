use catalog::{Problem, Severity};
use leptos::prelude::*;

use crate::components::use_lang;
use crate::i18n::{and_more, skipped, texts};

/// At most this many reasons are listed; a hostile catalog can have a hundred thousand.
const LISTED: usize = 100;

/// "N records skipped", with the reasons behind a disclosure.
#[component]
pub fn SkippedNotice(
    /// How many records were skipped.
    count: usize,
    /// Every problem found; only errors (skipped records) are listed.
    problems: Vec<Problem>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let errors: Vec<Problem> = problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    let more = errors.len().saturating_sub(LISTED);
    let listed: Vec<String> = errors
        .iter()
        .take(LISTED)
        .map(ToString::to_string)
        .collect();
    view! {
        <section class="skipped" aria-label=skipped(lang, count)>
            <p class="skipped__count" data-testid="skipped-count">{skipped(lang, count)}</p>
            <details class="skipped__details">
                <summary>{t.skipped_why}</summary>
                <ul class="skipped__list">
                    {listed.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p>{and_more(lang, more)}</p> })}
            </details>
        </section>
    }
}
