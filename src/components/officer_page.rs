//! The officer page (`officer.html`), on an officer's work phone: make the phone's own key,
//! ask the identity team to enrol it for the card, then show a live code that changes every
//! few seconds (docs/FORMAT.md §12). The key is non-extractable (`browser::officer_device`);
//! the codes are made here, with no network.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::use_words;
use crate::browser::qr_encoder::{self, QrModules};
use crate::browser::{address, now, officer_device, sleep, window};
use crate::i18n::Words;
use warrant_core::{read_device_credential, read_unverified, token, DeviceCredential, UnsignedLiveCode};

/// How often a new live code is made: often enough that a photo of the screen is soon
/// stale (the checker allows 30 s), rarely enough that a camera reads one before it changes.
const NEW_CODE_EVERY_MS: i32 = 5_000;

#[derive(Clone, PartialEq)]
enum Step {
    Loading,
    /// The browser cannot make or keep a non-extractable Ed25519 key.
    Unsupported,
    NoKey,
    Enrol { public_key: Vec<u8>, request: Option<Rc<LiveQr>>, problem: Option<&'static str> },
    Live { credential: Rc<Vec<u8>>, details: Rc<DeviceCredential> },
}

/// A QR code on screen and the text it holds.
#[derive(Clone, PartialEq)]
struct LiveQr {
    text: String,
    modules: QrModules,
}

#[function_component(OfficerPage)]
pub fn officer_page() -> Html {
    let words = use_words();
    let step = use_state(|| Step::Loading);
    {
        let step = step.clone();
        use_effect_with((), move |_| spawn_local(async move { step.set(first_step().await) }));
    }
    let body = match &*step {
        Step::Loading => html! { <p role="status">{ words.get("officer-loading") }</p> },
        Step::Unsupported => html! { <p class="notice" role="alert">{ words.get("officer-unsupported") }</p> },
        Step::NoKey => no_key(&words, &step),
        Step::Enrol { public_key, request, problem } => enrol(&words, &step, public_key, request.as_deref(), *problem),
        Step::Live { credential, details } => html! { <LiveCode credential={credential.clone()} details={details.clone()} /> },
    };
    html! { <section class="officer" aria-labelledby="officer-title"><h2 id="officer-title">{ words.get("officer-title") }</h2>{ body }</section> }
}

/// Where this phone is: no key yet, a key waiting for its credential, or ready.
async fn first_step() -> Step {
    let Some(public_key) = officer_device::public_key().await else { return Step::Unsupported };
    let Some(public_key) = public_key else { return Step::NoKey };
    match officer_device::credential().await.and_then(|text| credential_for(&text, &public_key).ok()) {
        Some((credential, details)) => Step::Live { credential: Rc::new(credential), details: Rc::new(details) },
        None => Step::Enrol { public_key, request: None, problem: None },
    }
}

/// A credential's bytes and what it says, if it is one and binds this phone's key.
fn credential_for(text: &str, public_key: &[u8]) -> Result<(Vec<u8>, DeviceCredential), &'static str> {
    let bytes = token::decode(text.trim()).map_err(|_| "officer-not-a-credential")?;
    let details = read_device_credential(&bytes).map_err(|_| "officer-not-a-credential")?;
    if details.device_key.as_bytes().as_slice() != public_key {
        return Err("officer-other-phone");
    }
    Ok((bytes, details))
}

fn no_key(words: &Words, step: &UseStateHandle<Step>) -> Html {
    let make = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| {
            let step = step.clone();
            spawn_local(async move {
                step.set(match officer_device::make_key().await {
                    Some(public_key) => Step::Enrol { public_key, request: None, problem: None },
                    None => Step::Unsupported,
                });
            });
        })
    };
    html! {
        <>
            <p>{ words.get("officer-make-key-intro") }</p>
            <button type="button" onclick={make}>{ words.get("officer-make-key") }</button>
        </>
    }
}

/// The text of a textarea by id.
fn text_of(id: &str) -> String {
    window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlTextAreaElement>(e).ok())
        .map(|a| a.value())
        .unwrap_or_default()
}

fn enrol(words: &Words, step: &UseStateHandle<Step>, public_key: &[u8], request: Option<&LiveQr>, problem: Option<&'static str>) -> Html {
    let make_request = {
        let (step, public_key) = (step.clone(), public_key.to_vec());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let card = text_of("officer-card").trim().to_string();
            let (step, public_key) = (step.clone(), public_key.clone());
            spawn_local(async move {
                // Only a card's own code: the identity team checks its signature again.
                let is_card = read_unverified(&card).is_ok() && !card.contains(['"', '\\']);
                let text = format!(r#"{{"device_key":"{}","card":"{}"}}"#, token::encode(&public_key), card);
                let request = match is_card {
                    true => qr_encoder::encode(&text).await.map(|modules| Rc::new(LiveQr { text, modules })),
                    false => None,
                };
                let problem = (!is_card).then_some("officer-not-a-card");
                step.set(Step::Enrol { public_key, request, problem });
            });
        })
    };
    let save = {
        let (step, public_key) = (step.clone(), public_key.to_vec());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = text_of("officer-credential");
            let (step, public_key) = (step.clone(), public_key.clone());
            spawn_local(async move {
                let next = match credential_for(&text, &public_key) {
                    Ok((credential, details)) if officer_device::save_credential(text.trim()).await => {
                        Step::Live { credential: Rc::new(credential), details: Rc::new(details) }
                    }
                    Ok(_) => Step::Unsupported,
                    Err(problem) => Step::Enrol { public_key, request: None, problem: Some(problem) },
                };
                step.set(next);
            });
        })
    };
    html! {
        <>
            if let Some(problem) = problem {
                <p class="notice" role="alert" data-problem={problem}>{ words.get(problem) }</p>
            }
            <form class="paste" onsubmit={make_request}>
                <label for="officer-card">{ words.get("officer-card-label") }</label>
                <textarea id="officer-card" rows="3" spellcheck="false" autocomplete="off" autocapitalize="off" />
                <button type="submit">{ words.get("officer-request-make") }</button>
            </form>
            if let Some(request) = request {
                <h3>{ words.get("officer-request-title") }</h3>
                <p>{ words.get("officer-request-hint") }</p>
                <textarea id="enrol-request" readonly=true rows="4" aria-label={words.get("officer-request-title")} value={request.text.clone()} />
                { qr_svg(&request.modules, &words.get("officer-request-title")) }
            }
            <form class="paste" onsubmit={save}>
                <label for="officer-credential">{ words.get("officer-credential-label") }</label>
                <textarea id="officer-credential" rows="3" spellcheck="false" autocomplete="off" autocapitalize="off" />
                <button type="submit">{ words.get("officer-credential-save") }</button>
            </form>
        </>
    }
}

/// A QR code as an SVG image with a white quiet zone, as large as the screen allows.
fn qr_svg(modules: &QrModules, label: &str) -> Html {
    let side = (modules.width + 8).to_string();
    html! {
        <svg class="qr" viewBox={format!("0 0 {side} {side}")} role="img" aria-label={label.to_string()} shape-rendering="crispEdges">
            <rect width={side.clone()} height={side} fill="#fff" />
            <path d={modules.svg_path()} fill="#000" />
        </svg>
    }
}

#[derive(Properties, PartialEq)]
struct LiveProps {
    credential: Rc<Vec<u8>>,
    details: Rc<DeviceCredential>,
}

/// The live code, remade every few seconds while the page shows it.
#[function_component(LiveCode)]
fn live_code(props: &LiveProps) -> Html {
    let words = use_words();
    let code = use_state(|| None::<Rc<LiveQr>>);
    let failed = use_state(|| false);
    let screen_on = use_state(|| true);
    {
        let (code, failed, screen_on, credential) = (code.clone(), failed.clone(), screen_on.clone(), props.credential.clone());
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            let running = alive.clone();
            spawn_local(async move {
                screen_on.set(officer_device::keep_screen_on().await);
                while running.get() {
                    match make_live_code(&credential).await {
                        Some(made) => code.set(Some(Rc::new(made))),
                        None => failed.set(true),
                    }
                    sleep(NEW_CODE_EVERY_MS).await;
                }
            });
            move || alive.set(false)
        });
    }
    let holder = &props.details.card.holder;
    html! {
        <>
            <p>{ words.get("officer-live-hint") }</p>
            if *failed {
                <p class="notice" role="alert">{ words.get("officer-live-failed") }</p>
            }
            if let Some(live) = &*code {
                <figure class="live-code" data-qr-text={live.text.clone()}>
                    { qr_svg(&live.modules, &words.get("officer-live-title")) }
                    <figcaption>{ format!("{} {} {}", holder.rank, holder.number, holder.name) }</figcaption>
                </figure>
            }
            if !*screen_on {
                <p class="hint">{ words.get("officer-screen-on") }</p>
            }
        </>
    }
}

/// A live code made now and signed by this phone, as QR text for this checker.
async fn make_live_code(credential: &[u8]) -> Option<LiveQr> {
    let unsigned = UnsignedLiveCode::new(credential, now()).ok()?;
    let signature = officer_device::sign(&unsigned.to_be_signed()).await?;
    let own = address::own_address();
    let checker = own.strip_suffix("officer.html").unwrap_or(&own);
    let text = token::qr_text(checker, &unsigned.with_signature(&signature));
    let modules = qr_encoder::encode(&text).await?;
    Some(LiveQr { text, modules })
}
