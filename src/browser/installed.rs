//! Offline use: the service worker (`sw.js`, written by `tools/finish-dist.mjs`) keeps the
//! app and the last good lists on the device, and whether the browser has a network.

use super::window;

/// Registers `sw.js` beside the page. A browser without service workers, or a failure,
/// leaves the checker working online exactly as before.
pub fn register_service_worker() {
    let container = window().navigator().service_worker();
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(&"service worker not registered:".into(), &e);
        }
    });
}

pub fn is_online() -> bool {
    window().navigator().on_line()
}
