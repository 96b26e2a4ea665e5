//! The URL is the state. This is the only module that reads or writes the query string:
//! it keeps the current one in a signal, follows Back and Forward, and writes a new one
//! by replacing the history entry (typing) or pushing one (choosing a filter).

use catalog::Query;
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

/// The query string of the page as a reactive value.
#[derive(Debug, Clone, Copy)]
pub struct UrlState {
    search: RwSignal<String>,
}

impl UrlState {
    /// Reads the current address and starts following Back and Forward.
    pub fn new() -> UrlState {
        let search = RwSignal::new(current_search());
        let listener =
            window_event_listener(leptos::ev::popstate, move |_| search.set(current_search()));
        on_cleanup(move || listener.remove());
        UrlState { search }
    }

    /// The state the address describes (tracked: readers re-run when it changes).
    pub fn query(&self) -> Query {
        self.search.with(|search| Query::from_query_str(search))
    }

    /// The state the address describes, without tracking it.
    pub fn query_untracked(&self) -> Query {
        self.search
            .with_untracked(|search| Query::from_query_str(search))
    }

    /// Makes `query` the state: writes its canonical address into the history.
    pub fn navigate(&self, query: &Query, mode: HistoryMode) {
        let canonical = query.to_query_string();
        let Some(window) = web_sys::window() else {
            return;
        };
        // An empty state is the bare path, so the sub-path the app is served from stays.
        let url = if canonical.is_empty() {
            window.location().pathname().unwrap_or_else(|_| "./".into())
        } else {
            format!("?{canonical}")
        };
        if let Ok(history) = window.history() {
            let written = match mode {
                HistoryMode::Replace => {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                }
                HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            };
            if written.is_ok() {
                self.search.set(current_search());
            }
        }
    }
}

/// Reads the UrlState the root provides.
pub fn use_url_state() -> UrlState {
    use_context::<UrlState>().expect("UrlState is provided by App")
}

fn current_search() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}
