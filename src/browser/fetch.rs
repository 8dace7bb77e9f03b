//! Fetching the signed lists from this checker's own origin. Every visitor fetches the same
//! files, whole: no request ever depends on a card.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestInit, RequestMode, Response};

use super::window;

/// The bytes of a same-origin file, or None if it cannot be had (offline, missing).
pub async fn fetch_bytes(path: &str) -> Option<Vec<u8>> {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::SameOrigin);
    init.set_credentials(RequestCredentials::Omit);
    // Revalidate with the server: lists change, and a stale copy is what we are replacing.
    init.set_cache(RequestCache::NoCache);
    let response = JsFuture::from(window().fetch_with_str_and_init(path, &init)).await.ok()?;
    let response: Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
