//! Drawing QR codes on the officer page, with the encoder as its own Wasm module
//! (`qr-encode.wasm`, from `crates/qr-encode-wasm`), which no other page fetches.

use wasm_bindgen::JsValue;

use super::lazy_module::{self, address, Module};

const FILE: &str = "qr-encode.wasm";

/// A QR code's modules: `width` × `width`, row by row, true for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrModules {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl QrModules {
    /// An SVG path of the dark modules, one unit each, for a `viewBox` of the code plus a
    /// quiet zone of 4 modules on every side.
    pub fn svg_path(&self) -> String {
        let mut path = String::new();
        for (i, dark) in self.dark.iter().enumerate() {
            if *dark {
                let (x, y) = (i % self.width + 4, i / self.width + 4);
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
        path
    }
}

/// Encodes `text` at level M; `None` if the encoder cannot be had or the text does not fit.
pub async fn encode(text: &str) -> Option<QrModules> {
    let module = Module::get(FILE).await?;
    let encoded = encode_with(&module, text);
    if encoded.is_none() {
        lazy_module::forget(FILE);
    }
    encoded
}

fn encode_with(module: &Module, text: &str) -> Option<QrModules> {
    let at = address(module.function("text_buffer")?.call1(&JsValue::NULL, &text.len().into()).ok()?)?;
    module.write(at, text.as_bytes());
    let width = module.function("encode")?.call1(&JsValue::NULL, &text.len().into()).ok()?.as_f64()?;
    if width < 1.0 {
        return None;
    }
    let width = width as usize;
    let at = address(module.function("modules")?.call0(&JsValue::NULL).ok()?)?;
    let dark = module.read(at, (width * width) as u32).into_iter().map(|m| m == 1).collect();
    Some(QrModules { width, dark })
}
