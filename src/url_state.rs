//! The URL is the state. This is the only module that reads or writes the query string:
//! it keeps the current one in a signal, follows Back and Forward, and writes a new one
//! by replacing the history entry (typing) or pushing one (choosing a filter). It also
//! says which page of the product this document is, the directory or the widget, which
//! no parameter of the address decides.

use std::sync::OnceLock;

use catalog::{legacy_widget_query, Page};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How a change of state enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    /// Replace the current entry: each keystroke must not become a Back step.
    Replace,
    /// Add an entry: a filter choice is a step the user may want to go back from.
    Push,
}

/// The query string of the page as a reactive value, and the page it describes.
#[derive(Debug, Clone, Copy)]
pub struct UrlState {
    search: RwSignal<String>,
    page: Memo<Page>,
}

impl UrlState {
    /// Reads the current address and starts following Back and Forward.
    pub fn new() -> UrlState {
        let search = RwSignal::new(current_search());
        let listener =
            window_event_listener(leptos::ev::popstate, move |_| search.set(current_search()));
        on_cleanup(move || listener.remove());
        // Read once per change of address, however many readers there are.
        let page = Memo::new(move |_| search.with(|search| Page::from_query_str(search)));
        UrlState { search, page }
    }

    /// The page the address describes, as it is written there (not yet checked against a
    /// catalog); readers re-run when it changes.
    pub fn page(&self) -> Memo<Page> {
        self.page
    }

    /// Makes `page` the state: writes its canonical address into the history. The
    /// address is not read back: what was written is the state.
    pub fn navigate(&self, page: &Page, mode: HistoryMode) {
        let url = href(page);
        let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
            return;
        };
        let written = match mode {
            HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
            HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
        if written.is_ok() {
            self.search.set(page.to_query_string());
        }
    }
}

/// Reads the UrlState the root provides.
pub fn use_url_state() -> UrlState {
    use_context::<UrlState>().expect("UrlState is provided by App")
}

/// The relative address of a page on this document: `?…`, or for the default page the
/// document itself (`./` for the directory, `widget.html` for the widget, which `./`
/// would leave), so the sub-path the app is served from stays. Every in-page link and
/// every history entry the app writes is made here.
pub fn href(page: &Page) -> String {
    page.href(document_address())
}

/// The directory's address for `page`, from the widget: the directory's page beside it
/// (a bare `?…` would stay in the widget).
pub fn directory_href(page: &Page) -> String {
    page.href_on(DIRECTORY)
}

/// The directory's page relative to any page beside it.
const DIRECTORY: &str = "./";

/// This document's own address relative to itself, the page's empty address.
fn document_address() -> &'static str {
    match entry() {
        Entry::Directory => DIRECTORY,
        Entry::Widget => "widget.html",
    }
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// Which page of the product a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `index.html`: the whole directory, which only its own origin may frame.
    Directory,
    /// `widget.html`: the compact selection that other sites frame.
    Widget,
}

/// The page this document is, from the document itself: the post-build hook writes
/// `widget.html` as a copy of `index.html` marked `<html data-entry="widget">`. The
/// server chooses who may frame a page by its path, and the page and that header arrive
/// in one response, so what renders and who may frame it cannot disagree, whatever the
/// query string says (they could when the widget was the `embed=1` parameter, which the
/// server and the app read differently).
/// The mark is read once: a document does not become another page.
pub fn entry() -> Entry {
    static ENTRY: OnceLock<Entry> = OnceLock::new();
    *ENTRY.get_or_init(|| {
        let marked = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
            .and_then(|html| html.get_attribute("data-entry"));
        match marked.as_deref() {
            Some("widget") => Entry::Widget,
            _ => Entry::Directory,
        }
    })
}

/// On the directory's page, an old widget link (`?embed=1`, in any spelling the old
/// server or app accepted) is sent to `widget.html` beside it with its other parameters,
/// replacing the history entry so Back does not return to the redirect. Returns whether
/// the page is leaving, in which case the app is not started: the directory never
/// renders as the widget.
pub fn leave_old_widget_address() -> bool {
    if entry() != Entry::Directory {
        return false;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let location = window.location();
    let Some(query) = legacy_widget_query(&current_search()) else {
        return false;
    };
    let hash = location.hash().unwrap_or_default();
    // Relative to the page, so the widget beside it is found under any sub-path.
    let target = match query.as_str() {
        "" => format!("widget.html{hash}"),
        query => format!("widget.html?{query}{hash}"),
    };
    location.replace(&target).is_ok()
}
