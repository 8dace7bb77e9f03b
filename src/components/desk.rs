//! The call-centre desk: a wide, keyboard-first layout for staff checking a card for a
//! caller. The cursor starts in the paste box, Enter checks, a photo can be pasted or
//! dropped anywhere, the result comes with a script to read out, and Escape starts the
//! next caller with nothing left over from the last.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{ClipboardEvent, DragEvent, KeyboardEvent};
use yew::prelude::*;

use super::list_status::{ClockWarning, DemoBanner, ListStatus};
use super::paste_form::PasteForm;
use super::photo_input::{qr_text_in_photo, PhotoInput};
use super::public_page::focus;
use super::use_words;
use super::verdict_view::VerdictView;
use crate::browser::listener::Listener;
use crate::browser::document;
use crate::checker::use_checker;

#[function_component(Desk)]
pub fn desk() -> Html {
    let words = use_words();
    let checker = use_checker();
    // Each caller gets freshly mounted inputs, so no typed text or chosen file survives.
    let caller = use_state(|| 0_u32);

    let next_caller = {
        let (clear, caller) = (checker.clear.clone(), caller.clone());
        Callback::from(move |()| {
            clear.emit(());
            caller.set(*caller + 1);
        })
    };
    {
        // The new caller's paste box takes the cursor once it is on screen.
        use_effect_with(*caller, |n| {
            if *n > 0 {
                focus("code-input");
            }
        });
    }
    let read_photo = {
        let begin = checker.begin.clone();
        Callback::from(move |file: web_sys::File| {
            let pending = begin.emit(());
            spawn_local(async move {
                match qr_text_in_photo(&file).await {
                    Some(text) => pending.show(text),
                    None => pending.unreadable(),
                }
            });
        })
    };
    {
        // Page-wide keys and photos: Escape for the next caller, a pasted picture from the
        // clipboard, a photo dropped anywhere on the page.
        let (next_caller, read_photo) = (next_caller.clone(), read_photo.clone());
        use_effect_with((), move |_| {
            let target = document();
            let keys = Listener::new(&target, "keydown", move |e| {
                if e.dyn_ref::<KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape")
                {
                    e.prevent_default();
                    next_caller.emit(());
                }
            });
            let pasted = {
                let read_photo = read_photo.clone();
                Listener::new(&target, "paste", move |e| {
                    let file = e
                        .dyn_ref::<ClipboardEvent>()
                        .and_then(|c| c.clipboard_data())
                        .and_then(|d| d.files())
                        .and_then(|f| f.get(0));
                    if let Some(file) = file.filter(|f| f.type_().starts_with("image/")) {
                        e.prevent_default();
                        read_photo.emit(file);
                    }
                })
            };
            let over = Listener::new(&target, "dragover", |e| e.prevent_default());
            let dropped = Listener::new(&target, "drop", move |e| {
                e.prevent_default();
                if let Some(file) = e
                    .dyn_ref::<DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|d| d.files())
                    .and_then(|f| f.get(0))
                {
                    read_photo.emit(file);
                }
            });
            move || drop((keys, pasted, over, dropped))
        });
    }

    html! {
        <>
            <DemoBanner store={checker.store.clone()} />
            <ClockWarning store={checker.store.clone()} />
            <div class="desk">
                <section class="desk-input" aria-labelledby="ways-title" key={caller.to_string()}>
                    <h2 id="ways-title" class="visually-hidden">{ words.get("ways-title") }</h2>
                    <PasteForm on_text={checker.show.clone()} focus_on_mount=true extra_hint={AttrValue::from(words.get("desk-paste-photo-hint"))} />
                    <PhotoInput begin={checker.begin.clone()} />
                </section>
                <div class="desk-result verdict-region" aria-live="assertive" aria-atomic="true">
                    if let Some(o) = &checker.outcome {
                        <VerdictView key={checker.outcome_id.to_string()} outcome={o.clone()} on_again={next_caller} desk=true />
                    } else {
                        <p class="desk-waiting">{ words.get("desk-waiting") }</p>
                    }
                </div>
            </div>
            <ListStatus store={checker.store.clone()} offline={!checker.online} />
        </>
    }
}
