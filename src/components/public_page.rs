//! The public checker, on a phone at the door or framed in a force's website: one way in
//! at a time, then one verdict filling the screen.

use yew::prelude::*;

use super::camera_view::CameraView;
use super::list_status::{ClockWarning, DemoBanner, ListStatus};
use super::paste_form::PasteForm;
use super::photo_input::PhotoInput;
use super::use_words;
use super::verdict_view::VerdictView;
use crate::browser::{self, host_frame};
use crate::checker::use_checker;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// In a force's frame, the host origin to tell each verdict's name (if it asked).
    #[prop_or_default]
    pub share_verdict_with: Option<AttrValue>,
}

#[function_component(PublicPage)]
pub fn public_page(props: &Props) -> Html {
    let words = use_words();
    let checker = use_checker();
    let camera_open = use_state(|| false);

    {
        // Each code's verdict, when the host asked: a new code is told even if its verdict
        // is the same as the last one's, and a verdict redone on fresher lists is told too.
        let host = props.share_verdict_with.clone();
        let name = checker.outcome.as_ref().map(|o| o.name());
        use_effect_with((checker.outcome_id, name), move |(_, name)| {
            if let (Some(host), Some(name)) = (host, name) {
                host_frame::post_verdict(&host, name);
            }
        });
    }

    // After "Check another card", focus goes to the first way in once it is back on screen.
    let refocus = use_mut_ref(|| false);
    {
        let (refocus, camera_open) = (refocus.clone(), camera_open.clone());
        use_effect_with(checker.outcome.is_some(), move |showing| {
            if *showing {
                // Whatever way the code came in (a link opened mid-scan, a photo), the
                // camera is done: the next card starts from the ways in, not a live camera.
                camera_open.set(false);
            } else if std::mem::take(&mut *refocus.borrow_mut()) {
                focus("start-camera");
            }
        });
    }
    let again = {
        let clear = checker.clear.clone();
        Callback::from(move |()| {
            *refocus.borrow_mut() = true;
            clear.emit(());
        })
    };
    let open_camera = {
        let (camera_open, clear) = (camera_open.clone(), checker.clear.clone());
        Callback::from(move |_: MouseEvent| {
            clear.emit(());
            camera_open.set(true);
        })
    };
    let close_camera = {
        let camera_open = camera_open.clone();
        Callback::from(move |()| camera_open.set(false))
    };

    html! {
        <>
            <DemoBanner store={checker.store.clone()} />
            <ClockWarning store={checker.store.clone()} />
            // Always in the page, so that screen readers announce what appears in it.
            <div class="verdict-region" aria-live="assertive" aria-atomic="true">
                if let Some(o) = &checker.outcome {
                    // Keyed by code: a new code's screen replaces the last one's, so it is
                    // focused and announced even when its verdict is the same.
                    <VerdictView key={checker.outcome_id.to_string()} outcome={o.clone()} on_again={again} />
                }
            </div>
            if checker.outcome.is_none() {
                <section class="ways-in" aria-labelledby="ways-title">
                    <h2 id="ways-title" class="visually-hidden">{ words.get("ways-title") }</h2>
                    if *camera_open {
                        <CameraView on_text={checker.show.clone()} on_close={close_camera} />
                    } else {
                        <button type="button" id="start-camera" class="primary" onclick={open_camera}>{ words.get("scan-button") }</button>
                    }
                    <PhotoInput begin={checker.begin.clone()} />
                    <PasteForm on_text={checker.show.clone()} />
                </section>
            }
            <ListStatus store={checker.store.clone()} offline={!checker.online} />
            <p class="safety">{ words.get("safety") }</p>
        </>
    }
}

pub(crate) fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = browser::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
