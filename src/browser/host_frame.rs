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

/// The origin (or address) of the page framing this one, as the browser tells it:
/// `location.ancestorOrigins` where the engine has it (Chromium, WebKit), else the referrer,
/// which embed.js sends as the host's origin alone (`referrerpolicy="strict-origin"`; Firefox
/// has no `ancestorOrigins`). `None` when this page is not in a frame.
pub fn framing_origin() -> Option<String> {
    let window = window();
    let parent: Window = window.parent().ok().flatten()?;
    if AsRef::<JsValue>::as_ref(&parent) == AsRef::<JsValue>::as_ref(&window) {
        return None; // a page of its own: its parent is itself
    }
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    if let Some(ancestors) = ancestors.filter(|a| a.is_object()) {
        return js_sys::Reflect::get(&ancestors, &0.into()).ok()?.as_string();
    }
    Some(document().referrer()).filter(|r| !r.is_empty())
}

fn content_height() -> f64 {
    document()
        .document_element()
        .map_or(0.0, |e| f64::from(e.scroll_height()))
}

/// Which height the frame asks the host for.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum SizePolicy {
    /// The content's own height: the frame never scrolls or leaves a gap. Only for a host
    /// that asked to be told the verdict, since each screen has its own height (1167, 1140
    /// and 887 px for genuine, revoked and not a card at 1280 px wide) and the height alone
    /// would tell the verdict to a host that did not ask for it.
    Content,
    /// One height whatever the frame shows: about a screenful, the checker scrolling inside.
    Screenful,
}

/// The height for `SizePolicy::Screenful`: 85% of the device's screen height, kept between
/// 30 and 60 times the root font size. It depends on the device and the reader's font
/// size, which the host page knows anyway, and on nothing the checker shows. A screenful
/// rather than the tallest screen: the tallest (a genuine card, in Welsh, on a narrow
/// phone) is several screens high and would leave a long gap under every shorter screen;
/// a frame no taller than the screen keeps all of its own scrolling in view at once, so
/// nobody is caught in a scroll area they cannot see the end of, and focus moving to the
/// verdict brings it into view inside the frame.
pub fn screenful_height(screen_height: f64, root_font_px: f64) -> f64 {
    let rem = if root_font_px.is_finite() && root_font_px > 0.0 { root_font_px } else { 16.0 };
    let screen = if screen_height.is_finite() && screen_height > 0.0 { screen_height } else { 60.0 * rem };
    // max then min rather than `clamp`, whose check of its bounds formats them in its panic
    // message: that, with Rust's float parsing (see root_font_px), put 36 KB of float
    // formatting and parsing into the page's Wasm (21 KB brotli). The bounds are finite.
    (screen * 0.85).max(30.0 * rem).min(60.0 * rem).round()
}

fn screen_height() -> f64 {
    js_sys::Reflect::get(&window(), &"screen".into())
        .and_then(|screen| js_sys::Reflect::get(&screen, &"availHeight".into()))
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::NAN)
}

/// The root element's computed font size in CSS pixels (NaN where the browser gives none).
pub fn root_font_px() -> f64 {
    document()
        .document_element()
        .and_then(|root| window().get_computed_style(&root).ok().flatten())
        .and_then(|style| style.get_property_value("font-size").ok())
        // JavaScript's parseFloat (NaN when it is not a number), not Rust's `parse`, whose
        // code and tables the page's Wasm would then carry (see screenful_height).
        .map_or(f64::NAN, |size| js_sys::parse_float(size.trim_end_matches("px")))
}

fn height_for(policy: SizePolicy) -> f64 {
    match policy {
        SizePolicy::Content => content_height(),
        SizePolicy::Screenful => screenful_height(screen_height(), root_font_px()),
    }
}

/// Tells the host the height it should give the frame (see `SizePolicy`) whenever that
/// changes. Stops when the returned observer is dropped.
pub struct SizeReporter {
    observer: Option<ResizeObserver>,
    _callback: Closure<dyn FnMut()>,
}

impl SizeReporter {
    pub fn start(host_origin: String, policy: SizePolicy) -> SizeReporter {
        let last = Rc::new(Cell::new(-1.0));
        let callback = Closure::<dyn FnMut()>::new(move || {
            let height = height_for(policy);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 18: without data-share-verdict the host learned the verdict from the height.
    /// The screenful height has no input that a verdict could change.
    #[test]
    fn a_screenful_is_about_the_screen_and_the_font_size() {
        assert_eq!(screenful_height(1000.0, 16.0), 850.0);
        assert_eq!(screenful_height(2000.0, 16.0), 960.0); // at most 60rem
        assert_eq!(screenful_height(400.0, 16.0), 480.0); // at least 30rem
        assert_eq!(screenful_height(1000.0, 32.0), 960.0); // large text: at least 30rem
        assert_eq!(screenful_height(f64::NAN, f64::NAN), 816.0); // unknown: 60rem of 16px, 85%
        assert_eq!(screenful_height(0.0, -1.0), 816.0);
    }
}
