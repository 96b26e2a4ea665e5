//! The root component: loads the catalog once and shows the directory, the progress
//! indicator or the failure, never a blank page.

use leptos::prelude::*;

use crate::browser;
use crate::components::{LoadFailure, LoadingIndicator};
use crate::i18n::texts;
use crate::load::fetch_catalog;
use crate::preferences::Preferences;
use crate::service_worker::AppStatus;
use crate::url_state::UrlState;
use crate::views::Directory;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let url = UrlState::new();
    provide_context(url);
    let preferences = Preferences::load();
    provide_context(preferences);
    provide_context(AppStatus::start(!url.query().embed));
    // The address's `lang` wins; without one, the language the reader chose last.
    let lang = Memo::new(move |_| url.query().lang.unwrap_or_else(|| preferences.lang.get()));
    let theme = Memo::new(move |_| url.query().theme);
    // Effects that write to `<html>`, outside the app's root, and to no signal.
    Effect::new(move |_| {
        let lang = lang.get();
        browser::set_document_language(lang, texts(lang).app_name);
    });
    Effect::new(move |_| browser::set_theme(theme.get()));

    let catalog = LocalResource::new(fetch_catalog);
    let retry = Callback::new(move |()| catalog.refetch());
    // A change of language renders the page again in the other language: it is rare, and
    // every component then reads plain words instead of a signal per string.
    move || {
        provide_context(lang.get());
        view! {
            <Suspense fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match catalog.await {
                        Ok(loaded) => view! { <Directory loaded/> }.into_any(),
                        Err(error) => view! { <LoadFailure error on_retry=retry/> }.into_any(),
                    }
                })}
            </Suspense>
        }
    }
}
