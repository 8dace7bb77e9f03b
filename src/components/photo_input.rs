//! A photo of the card: chosen from the device or dropped on the page. The QR code is found
//! in it here, on the device.

use wasm_bindgen_futures::spawn_local;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use super::use_words;
use crate::browser::{pixels, scanner, window};
use crate::checker::PendingCheck;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called as a photo is chosen; takes what is read from it, unless another code has
    /// been given by the time reading ends.
    pub begin: Callback<(), PendingCheck>,
}

/// The QR text in a photo of a card, read here on the device; `None` if there is none
/// (or the file is not a picture, or it took too long to read).
pub async fn qr_text_in_photo(file: &web_sys::File) -> Option<String> {
    // The decoder loads while the photo is decoded.
    scanner::preload();
    let image = pixels::from_image_file(file).await?;
    if !scanner::ready().await {
        return None;
    }
    // The reading alone, for tests and benchmarks.
    let performance = window().performance();
    let started = performance.as_ref().map(|p| p.now());
    let found = scanner::read(image.width, image.height, &image.pixels, scanner::PHOTO_TIME_MS).await;
    if let (Some(p), Some(t0)) = (&performance, started) {
        crate::browser::record_measure(p, "warrant-photo-decode", t0);
    }
    found?.text
}

#[function_component(PhotoInput)]
pub fn photo_input(props: &Props) -> Html {
    let words = use_words();
    let dragging = use_state(|| false);
    let busy = use_state(|| false);
    let read = {
        let (begin, busy) = (props.begin.clone(), busy.clone());
        Callback::from(move |file: web_sys::File| {
            let (pending, busy) = (begin.emit(()), busy.clone());
            busy.set(true);
            spawn_local(async move {
                let text = qr_text_in_photo(&file).await;
                busy.set(false);
                match text {
                    Some(text) => pending.show(text),
                    None => pending.unreadable(),
                }
            });
        })
    };
    let onchange = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read.emit(file);
            }
            // Let the same file be chosen again after "Check another card".
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            // The desk also listens for drops on the whole page; one drop, one check.
            e.stop_propagation();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read.emit(file);
            }
        })
    };
    html! {
        <div class={classes!("photo", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <label for="photo-input" class="button">{ words.get("photo-button") }</label>
            <input id="photo-input" class="visually-hidden" type="file" accept="image/*" {onchange} />
            <p class="hint">{ words.get("photo-hint") }</p>
            if *busy { <p role="status">{ words.get("photo-busy") }</p> }
        </div>
    }
}
