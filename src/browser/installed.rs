//! Offline use: the service worker (`sw.js`, written by `tools/finish-dist.mjs`) keeps the
//! app on the device, and whether the browser has a network.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::ServiceWorkerContainer;

use super::window;

/// Registers `sw.js` beside the page. Where there is no service-worker API at all (Firefox
/// private windows, several in-app browsers, plain http on a LAN name) or registering fails,
/// the checker works online exactly as before: offline use is a feature that may be missing,
/// the verdict never is.
pub fn register_service_worker() {
    let Some(container) = service_workers() else {
        web_sys::console::info_1(&"no service workers in this browser: the checker works online only".into());
        return;
    };
    let promise = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(&"service worker not registered:".into(), &e);
        }
    });
}

/// `navigator.serviceWorker`, if this browser has it. web-sys assumes it always exists and
/// would call `register` on `undefined`, so it is read by name first.
fn service_workers() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let container = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if container.is_undefined() || container.is_null() {
        return None;
    }
    container.dyn_into().ok()
}

pub fn is_online() -> bool {
    window().navigator().on_line()
}
