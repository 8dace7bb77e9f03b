//! The parts of the page outside the app's mount point: static HTML (so the heading paints
//! before the Wasm loads) that must follow the chosen language, layout and force name.

use super::document;

/// Sets `<html lang dir>`, the tab title, the heading, the lede and the brand line.
pub fn set(lang: &str, rtl: bool, title: &str, lede: &str, brand: &str) {
    let document = document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", if rtl { "rtl" } else { "ltr" });
    }
    document.set_title(title);
    for (selector, text) in [
        ("main > h1", title),
        ("main > .lede", lede),
        ("header.site .brand", brand),
    ] {
        // Only when it differs: replacing the static heading with the same words would
        // count as a new paint and delay the Largest Contentful Paint until the Wasm ran.
        if let Ok(Some(element)) = document.query_selector(selector) {
            if element.text_content().as_deref() != Some(text) {
                element.set_text_content(Some(text));
            }
        }
    }
}

/// Sets the force's colour for the embedded checker (already contrast-checked). CSSOM,
/// not a style attribute, so the page's CSP needs no 'unsafe-inline'.
pub fn set_accent(css_colour: &str) {
    use wasm_bindgen::JsCast;
    if let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root.style().set_property("--accent", css_colour);
    }
}

/// Marks the layout on `<html>` so the stylesheet can lay out the desk and the frame.
pub fn set_layout(name: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-layout", name);
    }
}

/// Names the frame's own landmarks, so that inside a force's page (which has its own
/// header and main) every landmark can be told apart.
pub fn label_landmarks(main_label: &str, header_label: &str) {
    let document = document();
    for (selector, label) in [("main", main_label), ("header.site", header_label)] {
        if let Ok(Some(element)) = document.query_selector(selector) {
            let _ = element.set_attribute("aria-label", label);
        }
    }
}
