//! The address bar: this checker's own address, and the card token in a deep link.

use super::listener::Listener;
use super::window;
use crate::checking;

/// This checker's base address, as printed before `#` on cards for it: the origin and the
/// directory its pages are served from, the same on every page (`…/desk.html` →
/// `…/`), so that a card for this checker is not taken for a look-alike on the desk or in
/// the frame.
pub fn own_address() -> String {
    let location = window().location();
    let page = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    checking::checker_base(&page).to_owned()
}

/// If the page was opened from a card's QR code (`…/#0o…`), returns the full QR text and
/// removes the token from the address bar and the history entry, so it is not left on
/// the phone for the next person to see.
pub fn take_deep_link() -> Option<String> {
    let location = window().location();
    let hash = location.hash().ok()?;
    let token = hash.strip_prefix('#')?;
    if token.is_empty() {
        return None;
    }
    let text = format!("{}#{}", own_address(), token);
    let clean = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    Some(text)
}

/// Calls `handler` with the QR text of each card link opened while the page is already
/// open: in the same tab only the part after `#` changes, so the page is not loaded again
/// and only `hashchange` tells. The token leaves the address bar as in `take_deep_link`.
/// Stops when the listener is dropped.
pub fn watch_deep_links(handler: impl Fn(String) + 'static) -> Listener {
    Listener::new(&window(), "hashchange", move |_| {
        if let Some(text) = take_deep_link() {
            handler(text);
        }
    })
}
