//! Fetching the catalog. The only module that does network I/O; everything it returns
//! is either a parsed catalog or an error that says exactly what went wrong.

use std::sync::Arc;

use catalog::{parse_catalog, Catalog, Index, Problem, Skipped};
use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::RequestCache;

use crate::timing::measure;

/// Where the catalog lives, relative to the page, so that the app works from any
/// sub-path of any static server.
pub const CATALOG_PATH: &str = "data/catalog.json";

/// Why the catalog could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    /// The request did not complete: offline, DNS, connection refused, CORS.
    #[error("network error for {url}: {message}")]
    Network { url: String, message: String },
    /// The server answered with an error status.
    #[error("HTTP {status} for {url}")]
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    /// The body could not be read as text.
    #[error("cannot read {url}: {message}")]
    Body { url: String, message: String },
    /// The body is not a catalog this app can read.
    #[error("{url}: {error}")]
    Catalog {
        url: String,
        error: catalog::LoadError,
    },
}

/// A catalog ready to show: the records, their search index and what was skipped.
#[derive(Debug)]
pub struct LoadedCatalog {
    pub catalog: Arc<Catalog>,
    pub index: Arc<Index>,
    pub problems: Vec<Problem>,
    pub skipped: Skipped,
}

/// How long one attempt may take before it is abandoned. A national catalog is tens of
/// megabytes; a stalled connection must still end in a message, not a spinner forever.
const ATTEMPT_TIMEOUT_MS: i32 = 60_000;
/// The pauses before the second and third attempts.
const BACKOFF_MS: [i32; 2] = [1_000, 3_000];

/// Fetches, parses and indexes the catalog. Revalidates with the server every time, so
/// a fixed file is picked up by Retry and a new catalog by the next visit. A network
/// error, a timeout or a server error that may pass (5xx, 408, 429) is tried again after
/// a pause, twice; anything else is reported at once.
pub async fn fetch_catalog() -> Result<Arc<LoadedCatalog>, FetchError> {
    let url = absolute_url(CATALOG_PATH);
    let mut attempt = 0;
    let response = loop {
        let result = fetch_once(&url).await;
        let passing = match &result {
            Ok(response) => matches!(response.status(), 408 | 429 | 500..=599),
            Err(_) => true,
        };
        match (passing, BACKOFF_MS.get(attempt)) {
            (true, Some(&pause)) => {
                sleep(pause).await;
                attempt += 1;
            }
            _ => break result?,
        }
    };
    if !response.ok() {
        return Err(FetchError::Http {
            url,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response.text().await.map_err(|err| FetchError::Body {
        url: url.clone(),
        message: err.to_string(),
    })?;
    let loaded = measure("gospubliki:parse", || parse_catalog(&text))
        .map_err(|error| FetchError::Catalog { url, error })?;
    let index = Arc::new(measure("gospubliki:index", || Index::new(&loaded.catalog)));
    Ok(Arc::new(LoadedCatalog {
        catalog: Arc::new(loaded.catalog),
        index,
        problems: loaded.problems,
        skipped: loaded.skipped,
    }))
}

/// One request for the catalog, abandoned after [`ATTEMPT_TIMEOUT_MS`].
async fn fetch_once(url: &str) -> Result<gloo_net::http::Response, FetchError> {
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.as_ref().and_then(|controller| {
        let controller = controller.clone();
        let abort = Closure::once_into_js(move || controller.abort());
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                ATTEMPT_TIMEOUT_MS,
            )
            .ok()
    });
    let response = Request::get(CATALOG_PATH)
        .cache(RequestCache::NoCache)
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
        .send()
        .await
        .map_err(|err| FetchError::Network {
            url: url.to_string(),
            message: err.to_string(),
        });
    if let (Some(timer), Some(window)) = (timer, web_sys::window()) {
        window.clear_timeout_with_handle(timer);
    }
    response
}

/// Waits, without blocking the page.
async fn sleep(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The address a relative path resolves to from this page, for error messages.
fn absolute_url(path: &str) -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(path, &base).ok())
        .map_or_else(|| path.to_string(), |url| url.href())
}
