//! The desk's copy of the card directory on this device, for use with no signal: in the
//! Cache API, which holds megabytes of bytes as they are (localStorage holds only text, a
//! few megabytes at most, and blocks the page while it reads).
//!
//! The page keeps it, not the service worker, and only once it has read as a directory
//! (`code_check::read_directories`): a Wi-Fi portal's login page or a truncated download
//! fetched in its place is never kept over a good copy. A stale copy is not a risk to
//! trust (the directory is not a signed list: each card found is verified, and checked
//! against the revocation lists, as if scanned); at worst a card issued since is "not found".

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Response};

use super::window;

/// The cache's name. The service worker deletes only its own old caches, never this one.
const CACHE: &str = "warrant-desk-directory";

async fn open() -> Option<Cache> {
    // Missing (pages not served over HTTPS, some in-app browsers) or refusing (some private
    // windows): the desk then works online only. Read by name first, as `installed.rs` reads
    // `navigator.serviceWorker`: calling into an absent API would throw out of the Wasm.
    let caches = js_sys::Reflect::get(&window(), &"caches".into()).ok().filter(|c| !c.is_undefined() && !c.is_null())?;
    let caches: web_sys::CacheStorage = caches.unchecked_into();
    JsFuture::from(caches.open(CACHE)).await.ok()?.dyn_into().ok()
}

/// The bytes kept for `path`, if any.
pub async fn kept(path: &str) -> Option<Vec<u8>> {
    let found = JsFuture::from(open().await?.match_with_str(path)).await.ok()?;
    let response: Response = found.dyn_into().ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Keeps `bytes` for `path`, replacing what was kept.
pub async fn keep(path: &str, bytes: &[u8]) {
    let Some(cache) = open().await else { return };
    let body = Uint8Array::from(bytes);
    let Ok(response) = Response::new_with_opt_buffer_source(Some(&body)) else { return };
    if JsFuture::from(cache.put_with_str(path, &response)).await.is_err() {
        web_sys::console::warn_1(&"could not keep the card directory on this device (storage full or disabled)".into());
    }
}
