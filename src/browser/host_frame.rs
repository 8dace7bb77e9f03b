//! Talking to the force's page that embeds the checker. Only two kinds of message ever
//! cross the frame boundary: the content's height, and (if the host asked) the verdict's
//! name. Officer details never do; the host cannot reach into this cross-origin frame.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ResizeObserver, Window};

use super::{document, window};

fn post(host_origin: &str, fields: &[(&str, JsValue)]) {
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    let parent: Option<Window> = window().parent().ok().flatten();
    if let Some(parent) = parent {
        // The host's origin as the target: if the frame was moved to another page, the
        // browser drops the message instead of delivering it there.
        let _ = parent.post_message(&message, host_origin);
    }
}

/// The verdict's name (e.g. "genuine"), for a host that asked to know it.
pub fn post_verdict(host_origin: &str, verdict: &str) {
    post(
        host_origin,
        &[
            ("type", "warrant-check:verdict".into()),
            ("verdict", verdict.into()),
        ],
    );
}

fn content_height() -> f64 {
    document()
        .document_element()
        .map_or(0.0, |e| f64::from(e.scroll_height()))
}

/// Tells the host the content's height whenever it changes, so the frame never scrolls
/// or leaves a gap. Stops when the returned observer is dropped.
pub struct SizeReporter {
    observer: Option<ResizeObserver>,
    _callback: Closure<dyn FnMut()>,
}

impl SizeReporter {
    pub fn start(host_origin: String) -> SizeReporter {
        let last = Rc::new(Cell::new(-1.0));
        let callback = Closure::<dyn FnMut()>::new(move || {
            let height = content_height();
            if height != last.get() {
                last.set(height);
                post(
                    &host_origin,
                    &[
                        ("type", "warrant-check:size".into()),
                        ("height", height.into()),
                    ],
                );
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
        if let (Some(observer), Some(body)) = (&observer, document().body()) {
            observer.observe(&body);
        }
        SizeReporter {
            observer,
            _callback: callback,
        }
    }
}

impl Drop for SizeReporter {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}
