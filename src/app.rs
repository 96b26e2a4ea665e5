//! The root component: loads the catalog once and shows the directory, the progress
//! indicator or the failure, never a blank page.

use catalog::View;
use leptos::prelude::*;

use crate::browser;
use crate::catalog_loader::CatalogLoader;
use crate::components::{LoadFailure, LoadingIndicator};
use crate::i18n::texts;
use crate::preferences::Preferences;
use crate::service_worker::AppStatus;
use crate::url_state::{self, Entry, HistoryMode, UrlState};
use crate::views::Directory;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let url = UrlState::new();
    provide_context(url);
    let preferences = Preferences::load();
    provide_context(preferences);
    // The address's `lang` wins; without one, the language the reader chose last.
    let page = url.page();
    let lang = Memo::new(move |_| {
        page.with(|p| p.lang)
            .unwrap_or_else(|| preferences.lang.get())
    });
    let theme = Memo::new(move |_| page.with(|p| p.theme));
    // Effects that write to `<html>`, outside the app's root, and to no signal.
    Effect::new(move |_| {
        let lang = lang.get();
        browser::set_document_language(lang, texts(lang).app_name);
    });
    Effect::new(move |_| browser::set_theme(theme.get()));

    let loader = CatalogLoader::new();
    // A region chosen while the catalog loads is fetched next.
    let start = move || {
        let wanted = move || page.with_untracked(|p| p.selection.regions.clone());
        loader.start(&page.get_untracked(), wanted);
    };
    start();
    let retry = Callback::new(move |()| start());
    // The directory is made once, when there is a catalog to show; the catalogs that
    // replace it as shards arrive flow through the signal.
    let ready = Memo::new(move |_| loader.current.with(Option::is_some));
    // The service worker waits until the page has shown the catalog, or said why not.
    let settled = Signal::derive(move || ready.get() || loader.failure.with(Option::is_some));
    // The static first screen of index.html stays until the page has something of its
    // own to show; a search typed into it meanwhile becomes the address's text.
    Effect::new(move |_| {
        if !settled.get() {
            return;
        }
        let Some(typed) = browser::take_over_first_screen() else {
            return;
        };
        let current = page.get_untracked();
        let text = typed.trim();
        if !text.is_empty() && current.view == View::Search && text != current.selection.text {
            url.navigate(&current.with_text(text.to_string()), HistoryMode::Replace);
        }
    });
    // The widget lives in other sites' frames: it installs no service worker of its own.
    let register = url_state::entry() == Entry::Directory;
    provide_context(AppStatus::start(register, settled));
    // A change of language renders the page again in the other language: it is rare, and
    // every component then reads plain words instead of a signal per string.
    move || {
        provide_context(lang.get());
        move || match (ready.get(), loader.failure.get()) {
            (_, Some(error)) => view! { <LoadFailure error on_retry=retry/> }.into_any(),
            (true, None) => {
                let Some(first) = loader.current.get_untracked() else {
                    return view! { <LoadingIndicator/> }.into_any();
                };
                let current =
                    Signal::derive(move || loader.current.get().unwrap_or_else(|| first.clone()));
                view! { <Directory current progress=loader.progress.into()/> }.into_any()
            }
            (false, None) => view! { <LoadingIndicator/> }.into_any(),
        }
    }
}
