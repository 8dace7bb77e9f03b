//! The QR decoder, as its own Wasm module (`scanner.wasm`, built from `crates/scanner-wasm`).
//!
//! The page does not carry it: people who arrive by a card's link never need it, and those
//! who scan start the camera first, which takes a moment of its own. So the module is
//! fetched when a camera starts or a photo is given (`lazy_module`), and the service worker
//! keeps it for offline use. A fault in the decoder traps that module rather than this
//! page; the instance is then dropped and a fresh one loaded for the next frame.

use js_sys::Function;
use wasm_bindgen::JsValue;

use super::lazy_module::{self, address, Module};
use crate::qr_image::Scan;

/// Beside the page, so that it is found wherever a force hosts the checker.
const FILE: &str = "scanner.wasm";

/// Starts loading the decoder, if it is not loaded or loading already.
pub fn preload() {
    lazy_module::preload(FILE);
}

/// The decoder, ready to read images.
pub struct Scanner {
    module: Module,
    image_buffer: Function,
    scan: Function,
    text: Function,
    seen_module_px: Function,
}

impl Scanner {
    /// The loaded decoder; `None` if it cannot be had. A later call tries again.
    pub async fn get() -> Option<Scanner> {
        let module = Module::get(FILE).await?;
        Some(Scanner {
            image_buffer: module.function("image_buffer")?,
            scan: module.function("scan")?,
            text: module.function("text")?,
            seen_module_px: module.function("seen_module_px")?,
            module,
        })
    }

    /// Reads a greyscale image. `None` if the module faulted: it has then been dropped, and
    /// `Scanner::get` loads a fresh one.
    pub fn scan(&self, width: usize, height: usize, luma: &[u8]) -> Option<Scan> {
        let found = self.try_scan(width, height, luma);
        if found.is_none() {
            lazy_module::forget(FILE);
        }
        found
    }

    fn try_scan(&self, width: usize, height: usize, luma: &[u8]) -> Option<Scan> {
        let at = address(self.image_buffer.call1(&JsValue::NULL, &luma.len().into()).ok()?)?;
        self.module.write(at, luma);
        let length = self.scan.call2(&JsValue::NULL, &width.into(), &height.into()).ok()?.as_f64()?;
        let seen = self.seen_module_px.call0(&JsValue::NULL).ok()?.as_f64().filter(|px| px.is_finite());
        if length < 0.0 {
            return (length == -1.0).then_some(Scan { text: None, seen_module_px: seen });
        }
        let at = address(self.text.call0(&JsValue::NULL).ok()?)?;
        let text = String::from_utf8(self.module.read(at, length as u32)).ok()?;
        Some(Scan { text: Some(text), seen_module_px: seen })
    }
}
