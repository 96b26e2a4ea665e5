//! Fetching the catalog. The only module that does network I/O; everything it returns
//! is either the core's reading of what arrived (a top file read by `parse_catalog`, a
//! shard's text and digest for the loader to read) or an error that says exactly what
//! went wrong. What to fetch when is the core's `Loader`'s decision, not this module's.

use std::cell::Cell;
use std::rc::Rc;

pub use catalog::FetchError;
use catalog::{parse_catalog, sha256_hex, FetchedShard, Loaded, ShardRef};
use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::RequestCache;

use crate::browser::sleep;
use crate::timing::measure;

/// Where the catalog lives, relative to the page, so that the app works from any
/// sub-path of any static server.
pub const CATALOG_PATH: &str = "data/catalog.json";
/// The folder of the top file, which shard paths are relative to.
const DATA_DIR: &str = "data/";

/// How long one attempt at the top file may take before it is abandoned: a single-file
/// national catalog is tens of megabytes, and a stalled connection must still end in a
/// message, not a spinner forever.
const TOP_TIMEOUT_MS: u32 = 60_000;
/// A shard's attempt may take as long as its size needs at [`SLOWEST_BYTES_PER_MS`] (25
/// KB/s, a poor mobile connection), within these bounds: a small shard that stalls is
/// reported in seconds, a large one has two minutes.
const SHARD_TIMEOUT_MS: (u32, u32) = (15_000, 120_000);
/// The slowest connection a shard's timeout allows for, in bytes per millisecond.
const SLOWEST_BYTES_PER_MS: u64 = 25;
/// The pauses before the second and third attempts.
const BACKOFF_MS: [i32; 2] = [1_000, 3_000];

/// Fetches and reads the catalog's top file (for a single-file catalog, the whole of it).
/// Revalidated with the server (`NoCache`), though the service worker answers from its
/// copy at once and refreshes that in the background.
pub async fn fetch_top() -> Result<Loaded, FetchError> {
    top_file(RequestCache::NoCache).await
}

/// Fetches the top file again, past the browser's cache and the service worker's copy:
/// for when a shard the copy in hand lists is gone, so that copy is from an earlier
/// publication. The worker takes a request made with `cache: 'reload'` as this ask and
/// goes to the network first (public/sw.js).
pub async fn fetch_top_again() -> Result<Loaded, FetchError> {
    top_file(RequestCache::Reload).await
}

async fn top_file(cache: RequestCache) -> Result<Loaded, FetchError> {
    let (url, bytes) = fetch_bytes(CATALOG_PATH, cache, TOP_TIMEOUT_MS).await?;
    let text = into_text(&url, bytes)?;
    measure("gospubliki:parse", || parse_catalog(&text))
        .map_err(|error| FetchError::Catalog { url, error })
}

/// Fetches one region's shard, whose path the core has checked to be a plain relative
/// path beside the top file, and works out its digest: with the browser's own SHA-256
/// (native code, off the page's thread) where the page is a secure context, else with the
/// core's.
pub async fn fetch_shard(shard: &ShardRef) -> Result<FetchedShard, FetchError> {
    let path = format!("{DATA_DIR}{}", shard.url);
    // A shard's name carries its content's hash (as the data tool writes them), so the
    // browser's cache may answer without asking the server again.
    let (low, high) = SHARD_TIMEOUT_MS;
    let timeout = (shard.bytes / SLOWEST_BYTES_PER_MS).clamp(u64::from(low), u64::from(high));
    let (url, bytes) = fetch_bytes(&path, RequestCache::Default, timeout as u32).await?;
    let sha256 = match browser_sha256(&bytes).await {
        Some(digest) => digest,
        None => sha256_hex(&bytes.to_vec()),
    };
    let text = into_text(&url, bytes)?;
    Ok(FetchedShard { url, text, sha256 })
}

/// Fetches a file of the catalog as bytes, each attempt abandoned after `timeout_ms`
/// (the whole answer, body included). The top file is revalidated with the server every
/// time (`NoCache`, or `Reload` when it must not come from any cache), so a fixed file is
/// picked up by Retry and a new catalog by the next visit. A network error, a timeout or a server error that may pass (5xx, 408, 429) is
/// tried again after a pause, twice; anything else is reported at once.
async fn fetch_bytes(
    path: &str,
    cache: RequestCache,
    timeout_ms: u32,
) -> Result<(String, js_sys::Uint8Array), FetchError> {
    let url = absolute_url(path);
    let mut attempt = 0;
    loop {
        let result = attempt_once(path, &url, cache, timeout_ms).await;
        let passing = match &result {
            Err(FetchError::Http { status, .. }) => matches!(status, 408 | 429 | 500..=599),
            Err(FetchError::Network { .. } | FetchError::Timeout { .. }) => true,
            Ok(_) | Err(_) => false,
        };
        match (passing, BACKOFF_MS.get(attempt)) {
            (true, Some(&pause)) => {
                sleep(pause).await;
                attempt += 1;
            }
            _ => return result.map(|bytes| (url, bytes)),
        }
    }
}

/// One request and its whole body, abandoned after `timeout_ms`.
async fn attempt_once(
    path: &str,
    url: &str,
    cache: RequestCache,
    timeout_ms: u32,
) -> Result<js_sys::Uint8Array, FetchError> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.as_ref().and_then(|controller| {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        let abort = Closure::once_into_js(move || {
            timed_out.set(true);
            controller.abort();
        });
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                i32::try_from(timeout_ms).unwrap_or(i32::MAX),
            )
            .ok()
    });
    let result = async {
        let response = Request::get(path)
            .cache(cache)
            .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
            .send()
            .await
            .map_err(|err| FetchError::Network {
                url: url.to_string(),
                message: err.to_string(),
            })?;
        if !response.ok() {
            return Err(FetchError::Http {
                url: url.to_string(),
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        let raw = web_sys::Response::from(response);
        let body = async {
            let promise = raw.array_buffer().map_err(|e| format!("{e:?}"))?;
            let buffer = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map_err(|e| format!("{e:?}"))?;
            Ok::<_, String>(js_sys::Uint8Array::new(&buffer))
        };
        body.await.map_err(|message| FetchError::Body {
            url: url.to_string(),
            message,
        })
    }
    .await;
    if let (Some(timer), Some(window)) = (timer, web_sys::window()) {
        window.clear_timeout_with_handle(timer);
    }
    if timed_out.get() {
        return Err(FetchError::Timeout {
            url: url.to_string(),
            seconds: timeout_ms / 1_000,
        });
    }
    result
}

/// The bytes as UTF-8 text, copied into the app's memory once.
fn into_text(url: &str, bytes: js_sys::Uint8Array) -> Result<String, FetchError> {
    String::from_utf8(bytes.to_vec()).map_err(|err| FetchError::Body {
        url: url.to_string(),
        message: format!("not UTF-8 text: {err}"),
    })
}

/// SHA-256 by the browser's Web Crypto, in lower-case hex; `None` where it is not
/// available (pages served over plain HTTP from another host than localhost).
async fn browser_sha256(bytes: &js_sys::Uint8Array) -> Option<String> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    if subtle.is_undefined() {
        return None;
    }
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", bytes)
        .ok()?;
    let digest = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let digest = js_sys::Uint8Array::new(&digest).to_vec();
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// The address a relative path resolves to from this page, for error messages.
fn absolute_url(path: &str) -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(path, &base).ok())
        .map_or_else(|| path.to_string(), |url| url.href())
}
