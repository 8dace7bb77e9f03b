fn main() {
    let root = app_root();
    yew::Renderer::<warrant_check::app::App>::with_root(root).render();
}

/// The page's `<div id="app">` inside its `<main>`, below the static heading.
fn app_root() -> web_sys::Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a browser document");
    document.get_element_by_id("app").or_else(|| document.body().map(Into::into)).expect("a page body")
}
