//! The officer page's entry point (`officer.html`); see `officer_app`.
fn main() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a browser document");
    let root = document.get_element_by_id("app").or_else(|| document.body().map(Into::into)).expect("a page body");
    yew::Renderer::<warrant_check::officer_app::OfficerApp>::with_root(root).render();
}
