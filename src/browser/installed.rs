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

/// Asks the service worker, once it runs, to keep a page's own files (`page`: "desk"; the
/// lists are in `sw.js`, written by `tools/finish-dist.mjs`), so that the page opens with no
/// signal after its first visit, while a visitor of the public page never downloads them.
pub fn keep_page_files(page: &'static str) {
    let Some(ready) = service_workers().and_then(|c| c.ready().ok()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else { return };
        let Some(worker) = registration.unchecked_into::<web_sys::ServiceWorkerRegistration>().active() else { return };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str("keep"), &JsValue::from_str(page));
        let _ = worker.post_message(&message);
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
