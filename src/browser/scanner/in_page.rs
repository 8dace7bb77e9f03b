//! The decoder on the page's own thread: where a worker cannot be started (a browser or a
//! host that refuses it). The decoder bounds its own work (`qr_scan`'s budget), so even
//! here no image holds the page for long.

use js_sys::Function;
use wasm_bindgen::JsValue;

use super::FILE;
use crate::browser::lazy_module::{self, address, Module};
use crate::qr_image::Scan;

pub fn preload() {
    lazy_module::preload(FILE);
}

/// Whether the decoder can be had (a later call tries again).
pub async fn ready() -> bool {
    Scanner::get().await.is_some()
}

/// Reads a greyscale image; nothing read if the decoder faulted on it (it is then dropped,
/// and a fresh one reads the next). `None` if the decoder cannot be had.
pub async fn read(width: usize, height: usize, luma: &[u8]) -> Option<Scan> {
    let scanner = Scanner::get().await?;
    Some(scanner.scan(width, height, luma).unwrap_or_default())
}

/// The decoder, ready to read images.
struct Scanner {
    module: Module,
    image_buffer: Function,
    scan: Function,
    text: Function,
    seen_module_px: Function,
}

impl Scanner {
    /// The loaded decoder; `None` if it cannot be had. A later call tries again.
    async fn get() -> Option<Scanner> {
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
    fn scan(&self, width: usize, height: usize, luma: &[u8]) -> Option<Scan> {
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
