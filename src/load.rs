//! Fetching the catalog. The only module that does network I/O; everything it returns
//! is either a parsed catalog or an error that says exactly what went wrong.

use std::sync::Arc;

use catalog::{parse_catalog, Catalog, Index, Problem, Skipped};
use gloo_net::http::Request;
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

/// Fetches, parses and indexes the catalog. Revalidates with the server every time, so
/// a fixed file is picked up by Retry and a new catalog by the next visit.
pub async fn fetch_catalog() -> Result<Arc<LoadedCatalog>, FetchError> {
    let url = absolute_url(CATALOG_PATH);
    let response = Request::get(CATALOG_PATH)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|err| FetchError::Network {
            url: url.clone(),
            message: err.to_string(),
        })?;
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

/// The address a relative path resolves to from this page, for error messages.
fn absolute_url(path: &str) -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(path, &base).ok())
        .map_or_else(|| path.to_string(), |url| url.href())
}
