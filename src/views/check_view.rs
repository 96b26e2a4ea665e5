use std::sync::{Arc, OnceLock};

use catalog::{Catalog, Checker, Query};
use leptos::prelude::*;

use crate::browser;
use crate::components::{use_lang, CheckForm, CheckVerdict};
use crate::i18n::texts;
use crate::url_state::{use_url_state, HistoryMode};

/// "Is this channel official?": the form, and the verdict on the link in the address.
#[component]
pub fn CheckView(
    /// The catalog to check against.
    catalog: Arc<Catalog>,
    /// The checker's tables, built on first use and kept for the session.
    checker: Arc<OnceLock<Checker>>,
    /// The state from the address.
    query: Memo<Query>,
) -> impl IntoView {
    let t = texts(use_lang());
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
        let next = Query {
            org: Some(id),
            ..query.get_untracked().with_view(catalog::View::Search)
        };
        url.navigate(&next, HistoryMode::Push);
    });
    let verdict = move || {
        pasted.get().map(|text| {
            let checker = checker.get_or_init(|| Checker::new(&catalog));
            let check = checker.check(&text);
            view! { <CheckVerdict check catalog=catalog.clone() on_open/> }
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
