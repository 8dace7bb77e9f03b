//! The call-centre desk: a wide, keyboard-first layout for staff checking a card for a
//! caller. The cursor starts in the one box, which takes the check code a caller on a
//! landline reads out (`code_check`) as well as a card's QR text or link; Enter checks, a
//! photo can be pasted or dropped anywhere, the result comes with a script to read out, and
//! Escape starts the next caller with nothing left over from the last.
//!
//! One box rather than a second "check code" box beside it: the cursor is already there
//! when a call starts, nothing has to be chosen or tabbed to while a frightened caller
//! reads, and a code is never mistaken for QR text or the reverse (`looks_like_code`: a
//! card's token is over a hundred characters, a link has `:` and `/`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{ClipboardEvent, DragEvent, KeyboardEvent};
use yew::prelude::*;

use warrant_core::check_code::{looks_like_code, CheckCode};

use super::code_echo::{CodeEcho, ConfirmWithCaller};
use super::code_result::CodeResultView;
use super::list_status::{ClockWarning, DemoBanner, ListStatus};
use super::paste_form::PasteForm;
use super::photo_input::{qr_text_in_photo, PhotoInput};
use super::public_page::focus;
use super::use_words;
use super::verdict_view::VerdictView;
use crate::browser::listener::Listener;
use crate::browser::{self, document};
use crate::checker::{use_checker, PendingCheck};
use crate::code_check::{self, CodeResult, Directories, KeyRing};
use crate::desk_directory::use_directories;

/// A check code given for this caller, and where its lookup has got to.
#[derive(Clone, PartialEq)]
struct CodeShown {
    /// The check it belongs to (`PendingCheck::number`): only while no later code was given
    /// does the screen show it.
    ticket: u64,
    reading: Rc<Vec<char>>,
    /// None while its keys are being derived.
    result: Option<CodeResult>,
}

/// The code being looked up: kept so that it is looked up again when the directory arrives
/// or is refreshed.
struct Lookup {
    code: CheckCode,
    pending: PendingCheck,
    reading: Rc<Vec<char>>,
    /// `performance.now()` when it was typed, for the `warrant-code-check` measure.
    typed_at: Option<f64>,
}

#[function_component(Desk)]
pub fn desk() -> Html {
    let words = use_words();
    let checker = use_checker();
    let directories = use_directories();
    // Each caller gets freshly mounted inputs, so no typed text or chosen file survives.
    let caller = use_state(|| 0_u32);
    let shown = use_state(|| None::<CodeShown>);
    // This caller's derived keys, and the code being looked up: both forgotten with the caller.
    let ring = use_mut_ref(KeyRing::default);
    let lookup = use_mut_ref(|| None::<Rc<Lookup>>);
    // The directories as of the latest render, for lookups finishing after it.
    let held = use_mut_ref(Directories::default);
    *held.borrow_mut() = directories.clone();

    let run = {
        let (ring, held, shown) = (ring.clone(), held.clone(), shown.setter());
        Rc::new(move |job: Rc<Lookup>| run_lookup(job, ring.clone(), held.clone(), shown.clone()))
    };

    let next_caller = {
        let (clear, caller, shown, ring, lookup) = (checker.clear.clone(), caller.clone(), shown.clone(), ring.clone(), lookup.clone());
        Callback::from(move |()| {
            clear.emit(());
            shown.set(None);
            *ring.borrow_mut() = KeyRing::default();
            lookup.borrow_mut().take();
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
    let on_text = {
        let (show, begin, shown, lookup, run) = (checker.show.clone(), checker.begin.clone(), shown.clone(), lookup.clone(), run.clone());
        Callback::from(move |text: String| {
            if !looks_like_code(&text) {
                lookup.borrow_mut().take();
                show.emit(text);
                return;
            }
            let typed_at = browser::window().performance().map(|p| p.now());
            // A ticket like any way in: a photo still being read never covers this code's screen.
            let pending = begin.emit(());
            let reading = Rc::new(code_check::reading(&text));
            match CheckCode::parse(&text) {
                Err(error) => {
                    lookup.borrow_mut().take();
                    shown.set(Some(CodeShown { ticket: pending.number(), reading, result: Some(CodeResult::Typo(error)) }));
                }
                Ok(code) => {
                    let job = Rc::new(Lookup { code, pending, reading, typed_at });
                    *lookup.borrow_mut() = Some(job.clone());
                    run(job);
                }
            }
        })
    };
    {
        // The directory arrived, or was refreshed: a code not looked up, or not found, is
        // looked up again (its keys are not derived again).
        let (lookup, run) = (lookup.clone(), run.clone());
        use_effect_with(directories.clone(), move |_| {
            let job = lookup.borrow().clone();
            if let Some(job) = job.filter(|j| j.pending.is_current()) {
                run(job);
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

    // A code's screen while no later code has been given (a link opened, a photo read).
    let code = (*shown).clone().filter(|c| c.ticket >= checker.outcome_id);
    let result = match (&code, &checker.outcome) {
        (Some(CodeShown { result: Some(CodeResult::Found(_)), reading, ticket }), Some(outcome)) if checker.outcome_id == *ticket => html! {
            <VerdictView key={ticket.to_string()} outcome={outcome.clone()} on_again={next_caller.clone()} desk=true>
                <ConfirmWithCaller outcome={outcome.clone()} />
                <CodeEcho reading={reading.clone()} />
            </VerdictView>
        },
        (Some(CodeShown { result: Some(result), reading, ticket }), _) if !matches!(result, CodeResult::Found(_)) => html! {
            <CodeResultView key={format!("{ticket}-{}", result.name())} result={result.clone()} reading={reading.clone()} on_again={next_caller.clone()} />
        },
        (Some(CodeShown { reading, .. }), _) => html! {
            <p class="code-busy" role="status" data-code-result="busy">
                { words.with("code-busy", &[("code", code_check::groups(reading).join("-").into())]) }
            </p>
        },
        (None, Some(outcome)) => html! {
            <VerdictView key={checker.outcome_id.to_string()} outcome={outcome.clone()} on_again={next_caller.clone()} desk=true />
        },
        (None, None) => html! { <p class="desk-waiting">{ words.get("desk-waiting") }</p> },
    };
    let (forces, cards) = directories.counts().unwrap_or_default();
    let directory_status = match &directories {
        Directories::Loading => words.get("directory-loading"),
        Directories::Unavailable => words.get("directory-unavailable"),
        Directories::Loaded(_) => words.with("directory-loaded", &[("cards", (cards as i64).into()), ("forces", (forces as i64).into())]),
    };

    html! {
        <>
            <DemoBanner store={checker.store.clone()} />
            <ClockWarning store={checker.store.clone()} />
            <div class="desk">
                <section class="desk-input" aria-labelledby="ways-title" key={caller.to_string()}>
                    <h2 id="ways-title" class="visually-hidden">{ words.get("ways-title") }</h2>
                    <PasteForm on_text={on_text} focus_on_mount=true label={AttrValue::from(words.get("desk-code-label"))}
                        hint={AttrValue::from(words.get("desk-code-hint"))} extra_hint={AttrValue::from(words.get("desk-paste-photo-hint"))} />
                    <PhotoInput begin={checker.begin.clone()} />
                </section>
                <div class="desk-result verdict-region" aria-live="assertive" aria-atomic="true">
                    { result }
                </div>
            </div>
            <ListStatus store={checker.store.clone()} offline={!checker.online} />
            <p class="directory-status" data-directory={directories.name()} data-directory-cards={cards.to_string()}>{ directory_status }</p>
        </>
    }
}

/// Looks the code up (deriving its keys first if this caller has not typed it before, with
/// the busy state on screen meanwhile) and shows what it came to, if it is still the latest
/// code given: a found card's token goes to the verify path every way in uses.
fn run_lookup(job: Rc<Lookup>, ring: Rc<RefCell<KeyRing>>, held: Rc<RefCell<Directories>>, shown: UseStateSetter<Option<CodeShown>>) {
    let searchable = matches!(*held.borrow(), Directories::Loaded(_));
    let derived = !ring.borrow().needs_deriving(&job.code);
    let finish = {
        let shown = shown.clone();
        move |job: &Lookup| {
            if !job.pending.is_current() {
                return;
            }
            let result = code_check::look_up(ring.borrow_mut().keys(&job.code), &held.borrow());
            shown.set(Some(CodeShown { ticket: job.pending.number(), reading: job.reading.clone(), result: Some(result.clone()) }));
            if let CodeResult::Found(token) = result {
                job.pending.show(token);
            }
            if let (Some(performance), Some(t0)) = (browser::window().performance(), job.typed_at) {
                browser::record_measure(&performance, "warrant-code-check", t0);
            }
        }
    };
    if !searchable || derived {
        finish(&job);
        return;
    }
    // Deriving takes a moment (Argon2id): say so, and let the page paint it first.
    shown.set(Some(CodeShown { ticket: job.pending.number(), reading: job.reading.clone(), result: None }));
    spawn_local(async move {
        browser::next_paint().await;
        if !job.pending.is_current() {
            return;
        }
        finish(&job);
    });
}
