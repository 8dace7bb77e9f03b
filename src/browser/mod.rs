//! The browser at the edges: address bar, clock, fetch, camera and image pixels. Components
//! call these; nothing here knows about verdicts.

pub mod address;
pub mod camera;
pub mod directory_cache;
pub mod fetch;
pub mod host_frame;
pub mod installed;
pub mod lazy_module;
pub mod listener;
pub mod officer_device;
pub mod page_text;
pub mod pixels;
pub mod qr_encoder;
pub mod scanner;
pub mod storage;

use wasm_bindgen::JsCast;

/// Now, in Unix seconds, from the device clock.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

pub fn window() -> web_sys::Window {
    web_sys::window().expect("running in a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits until the browser has had the chance to paint what is on screen now (the next
/// animation frame, then a task), before a moment of work that holds the page up; at most
/// a tenth of a second where frames are not drawn (a tab in the background).
pub async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = window();
        let _ = window.request_animation_frame(&resolve);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    sleep(0).await;
}

/// Records a duration since `started` (from `performance.now()`) as a performance measure
/// named `name`: how the benchmarks read decode and verify times back from a real browser.
pub fn record_measure(performance: &web_sys::Performance, name: &str, started: f64) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"start".into(), &started.into());
    let _ = js_sys::Reflect::set(&options, &"end".into(), &performance.now().into());
    if let Ok(measure) = js_sys::Reflect::get(performance, &"measure".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(Into::into))
    {
        let _ = measure.call2(performance, &name.into(), &options);
    }
}
