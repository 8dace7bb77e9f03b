//! The call-centre desk's entry point (`desk.html`); see `desk_app`.
fn main() {
    let document = web_sys::window().and_then(|w| w.document()).expect("a browser document");
    let root = document.get_element_by_id("app").or_else(|| document.body().map(Into::into)).expect("a page body");
    yew::Renderer::<warrant_check::desk_app::DeskApp>::with_root(root).render();
}
