//! The page: ways in (camera, photo, paste, deep link), one verdict at a time, and the
//! trust data behind it.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser::{self, address, fetch};
use crate::checking::{self, Outcome};
use crate::components::camera_view::CameraView;
use crate::components::list_status::ListStatus;
use crate::components::paste_form::PasteForm;
use crate::components::photo_input::PhotoInput;
use crate::components::verdict_view::VerdictView;
use crate::trust_store::TrustStore;

/// Where the signed lists are published, relative to the page (same origin).
const LISTS_PATH: &str = "lists/";

#[function_component(App)]
pub fn app() -> Html {
    let store = use_state(|| Rc::new(TrustStore::from_snapshot(browser::now())));
    let outcome = use_state(|| None::<Rc<Outcome>>);
    let camera_open = use_state(|| false);

    // The text on screen, so its verdict can be redone when fresher lists arrive: a card
    // revoked since the page was built must not stay "genuine" on the snapshot's word.
    let shown_text = use_mut_ref(|| None::<String>);
    let show = {
        let (store, outcome, camera_open, shown_text) = (store.clone(), outcome.clone(), camera_open.clone(), shown_text.clone());
        Callback::from(move |text: String| {
            let performance = browser::window().performance();
            let started = performance.as_ref().map(|p| p.now());
            let result = checking::check_text(&text, &store, &address::own_address(), browser::now());
            if let (Some(p), Some(t0)) = (&performance, started) {
                browser::record_measure(p, "warrant-verify", t0);
            }
            camera_open.set(false);
            outcome.set(Some(Rc::new(result)));
            *shown_text.borrow_mut() = Some(text);
        })
    };
    {
        let (outcome, shown_text) = (outcome.clone(), shown_text.clone());
        use_effect_with((*store).clone(), move |store| {
            let text = shown_text.borrow().clone();
            if let (Some(text), Some(current)) = (text, &*outcome) {
                let fresh = checking::check_text(&text, store, &address::own_address(), browser::now());
                if fresh != **current {
                    outcome.set(Some(Rc::new(fresh)));
                }
            }
        });
    }
    let unreadable = {
        let (outcome, shown_text) = (outcome.clone(), shown_text.clone());
        Callback::from(move |()| {
            shown_text.borrow_mut().take();
            outcome.set(Some(Rc::new(Outcome::Unreadable)));
        })
    };

    // On load: a deep link's token is checked (and cleared from the address bar) against
    // the built-in snapshot at once; then the lists are refreshed from this origin.
    {
        let (show, store) = (show.clone(), store.clone());
        use_effect_with((), move |_| {
            if let Some(text) = address::take_deep_link() {
                show.emit(text);
            }
            spawn_local(refresh_lists(store));
        });
    }

    // After "Check another card", focus goes to the first way in once it is back on screen.
    let refocus = use_mut_ref(|| false);
    {
        let refocus = refocus.clone();
        use_effect_with(outcome.is_some(), move |showing| {
            if !*showing && std::mem::take(&mut *refocus.borrow_mut()) {
                focus("start-camera");
            }
        });
    }
    let again = {
        let outcome = outcome.clone();
        let shown_text = shown_text.clone();
        Callback::from(move |()| {
            *refocus.borrow_mut() = true;
            shown_text.borrow_mut().take();
            outcome.set(None);
        })
    };
    let open_camera = {
        let (camera_open, outcome) = (camera_open.clone(), outcome.clone());
        Callback::from(move |_: MouseEvent| {
            outcome.set(None);
            camera_open.set(true);
        })
    };
    let close_camera = {
        let camera_open = camera_open.clone();
        Callback::from(move |()| camera_open.set(false))
    };

    let now = browser::now();
    html! {
        <>
            if store.is_demo {
                <p class="demo-banner" role="note"><strong>{ "Demonstration only. " }</strong>{ "This checker uses a DEMO list of police forces: it says nothing about real police cards." }</p>
            }
            // Always in the page, so that screen readers announce what appears in it.
            <div class="verdict-region" aria-live="assertive" aria-atomic="true">
                if let Some(o) = &*outcome {
                    <VerdictView outcome={o.clone()} on_again={again} />
                }
            </div>
            if outcome.is_none() {
                <section class="ways-in" aria-labelledby="ways-title">
                    <h2 id="ways-title" class="visually-hidden">{ "Ways to check a card" }</h2>
                    if *camera_open {
                        <CameraView on_text={show.clone()} on_close={close_camera} />
                    } else {
                        <button type="button" id="start-camera" class="primary" onclick={open_camera}>{ "Scan the card with the camera" }</button>
                    }
                    <PhotoInput on_text={show.clone()} on_unreadable={unreadable} />
                    <PasteForm on_text={show} />
                </section>
            }
            <ListStatus revocations_issued={store.oldest_revocation_list()}
                trust_out_of_date={store.trust.as_ref().is_some_and(|t| t.is_out_of_date(now))} now={now} />
            <p class="safety">{ "In an emergency, or if you feel in danger, call 999. To check with the police, call 101." }</p>
        </>
    }
}

/// Fetches the trust list and every listed force's revocation list from this origin and
/// keeps each one that the built-in root vouches for and that is newer than the one held.
async fn refresh_lists(store: UseStateHandle<Rc<TrustStore>>) {
    if !store.has_root() {
        return;
    }
    let now = browser::now();
    let mut fresh = (**store).clone();
    fresh.expire(now);
    if let Some(bytes) = fetch::fetch_bytes(&format!("{LISTS_PATH}trust-list.cose")).await {
        if let Err(e) = fresh.accept_trust_list(&bytes, now) {
            web_sys::console::warn_1(&format!("refused the fetched trust list: {e}").into());
        }
    }
    for id in fresh.force_ids() {
        // Force ids come from the signed list; only plain ids become file names.
        if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            continue;
        }
        if let Some(bytes) = fetch::fetch_bytes(&format!("{LISTS_PATH}revocations-{id}.cose")).await {
            if let Err(e) = fresh.accept_revocation_list(&bytes, now) {
                web_sys::console::warn_1(&format!("refused the fetched revocation list for {id}: {e}").into());
            }
        }
    }
    if fresh != **store {
        store.set(Rc::new(fresh));
    }
}

fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = browser::document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
