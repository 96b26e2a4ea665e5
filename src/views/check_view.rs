use std::sync::Arc;

use catalog::{Checker, LoadedCatalog, Query};
use leptos::prelude::*;

use crate::browser;
use crate::catalog_loader::Progress;
use crate::components::{use_lang, CheckForm, CheckVerdict};
use crate::i18n::{shard_progress, texts};
use crate::url_state::{use_url_state, HistoryMode};

/// "Is this channel official?": the form, and the verdict on the link in the address.
#[component]
pub fn CheckView(
    /// The catalog to check against, as far as it is loaded, with the checker's tables
    /// (built on first use).
    current: Signal<Arc<LoadedCatalog>>,
    /// How far the shards have loaded: a link not found may be in one still to come.
    progress: Signal<Progress>,
    /// The state from the address.
    query: Memo<Query>,
) -> impl IntoView {
    let lang = use_lang();
    let t = texts(lang);
    let url = use_url_state();
    let pasted = Memo::new(move |_| query.with(|q| q.check.clone()));
    let on_check = Callback::new(move |text: String| {
        let text = text.trim().to_string();
        let next = Query {
            check: (!text.is_empty()).then_some(text),
            ..query.get_untracked()
        };
        url.navigate(&next, HistoryMode::Push);
        browser::focus_soon(vec!["#verdict-title".into()]);
    });
    let on_open = Callback::new(move |id: String| {
        let next = query.get_untracked().opening(&id);
        url.navigate(&next, HistoryMode::Push);
    });
    let verdict = move || {
        let text = pasted.get()?;
        let loaded = current.get();
        let check = loaded
            .checker
            .get_or_init(|| Checker::new(&loaded.catalog))
            .check(&text);
        // The checker knows only what is indexed, so the check is partial until then.
        let partial = progress.with(|p| (!p.is_whole()).then(|| shard_progress(lang, p)));
        Some(view! {
            {partial.map(|loaded| {
                let end = if loaded.ends_with('…') { "" } else { "." };
                view! { <p class="check__partial">{t.check_partial}" "{loaded}{end}</p> }
            })}
            <CheckVerdict check catalog=loaded.catalog.clone() on_open/>
        })
    };
    view! {
        <main id="main" class="check" tabindex="-1">
            <h2 class="check__title">{t.check_title}</h2>
            <p class="check__intro">{t.check_intro}</p>
            <CheckForm value=Signal::from(pasted) on_check/>
            <div class="check__result" aria-live="polite">{verdict}</div>
        </main>
    }
}
