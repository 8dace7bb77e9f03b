//! The QR decoder, as its own Wasm module (`scanner.wasm`, built from `crates/scanner-wasm`).
//!
//! The page does not carry it: people who arrive by a card's link never need it, and those
//! who scan start the camera first, which takes a moment of its own. So the module is
//! fetched when a camera starts or a photo is given, once per page, and the service worker
//! keeps it for offline use. A fault in the decoder traps that module rather than this
//! page; the instance is then dropped and a fresh one loaded for the next frame.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use super::fetch::fetch_bytes;
use crate::qr_image::Scan;

/// Beside the page, so that it is found wherever a force hosts the checker.
const MODULE: &str = "scanner.wasm";

thread_local! {
    /// The module's instance, loaded or loading; cleared when loading fails or it traps.
    static INSTANCE: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Starts loading the module, if it is not loaded or loading already.
pub fn preload() {
    let _ = instance_promise();
}

fn instance_promise() -> Promise {
    INSTANCE.with_borrow_mut(|slot| {
        slot.get_or_insert_with(|| {
            future_to_promise(async {
                let bytes = fetch_bytes(MODULE).await.ok_or_else(|| JsValue::from_str("scanner.wasm could not be fetched"))?;
                let made = JsFuture::from(WebAssembly::instantiate_buffer(&bytes, &Object::new())).await?;
                Reflect::get(&made, &"instance".into())
            })
        })
        .clone()
    })
}

fn forget() {
    INSTANCE.with_borrow_mut(|slot| *slot = None);
}

/// The decoder, ready to read images.
pub struct Scanner {
    memory: WebAssembly::Memory,
    image_buffer: Function,
    scan: Function,
    text: Function,
    seen_module_px: Function,
}

impl Scanner {
    /// The loaded decoder; `None` if the module cannot be had (offline on a first visit,
    /// or a host that does not serve it). A later call tries again.
    pub async fn get() -> Option<Scanner> {
        let scanner = async {
            let instance = JsFuture::from(instance_promise()).await.ok()?;
            let exports = Reflect::get(&instance, &"exports".into()).ok()?;
            let export = |name: &str| Reflect::get(&exports, &name.into()).ok()?.dyn_into::<Function>().ok();
            Some(Scanner {
                memory: Reflect::get(&exports, &"memory".into()).ok()?.dyn_into().ok()?,
                image_buffer: export("image_buffer")?,
                scan: export("scan")?,
                text: export("text")?,
                seen_module_px: export("seen_module_px")?,
            })
        }
        .await;
        if scanner.is_none() {
            forget();
        }
        scanner
    }

    /// Reads a greyscale image. `None` if the module faulted: it has then been dropped, and
    /// `Scanner::get` loads a fresh one.
    pub fn scan(&self, width: usize, height: usize, luma: &[u8]) -> Option<Scan> {
        let found = self.try_scan(width, height, luma);
        if found.is_none() {
            forget();
        }
        found
    }

    fn try_scan(&self, width: usize, height: usize, luma: &[u8]) -> Option<Scan> {
        let at = address(self.image_buffer.call1(&JsValue::NULL, &luma.len().into()).ok()?)?;
        // The call may have grown the module's memory: take its buffer afterwards.
        Uint8Array::new_with_byte_offset_and_length(&self.memory.buffer(), at, luma.len() as u32).copy_from(luma);
        let length = self.scan.call2(&JsValue::NULL, &width.into(), &height.into()).ok()?.as_f64()?;
        let seen = self.seen_module_px.call0(&JsValue::NULL).ok()?.as_f64().filter(|px| px.is_finite());
        if length < 0.0 {
            return (length == -1.0).then_some(Scan { text: None, seen_module_px: seen });
        }
        let at = address(self.text.call0(&JsValue::NULL).ok()?)?;
        let bytes = Uint8Array::new_with_byte_offset_and_length(&self.memory.buffer(), at, length as u32).to_vec();
        Some(Scan { text: Some(String::from_utf8(bytes).ok()?), seen_module_px: seen })
    }
}

/// A pointer into the module's memory: an i32 in JavaScript, read as unsigned.
fn address(value: JsValue) -> Option<u32> {
    Some(value.as_f64()? as i32 as u32)
}
