//! QR encoding as a Wasm module of its own, `qr-encode.wasm`: only the officer page, which
//! draws a fresh live code every few seconds, needs it, so no other page carries it.
//!
//! Plain exported functions over this module's memory, as `scanner-wasm` has:
//! 1. `text_buffer(len)` makes room for the text and returns where to write it;
//! 2. `encode(len)` encodes it (level M) and returns the code's width in modules, or -1 if
//!    the text does not fit in a QR code;
//! 3. `modules()` points at width × width bytes, row by row: 1 dark, 0 light.

use std::cell::RefCell;

use qrcode::{Color, EcLevel, QrCode};

#[derive(Default)]
struct Encoder {
    text: Vec<u8>,
    modules: Vec<u8>,
}

thread_local! {
    static ENCODER: RefCell<Encoder> = RefCell::default();
}

/// Makes room for `len` bytes of text; returns where to write them.
#[no_mangle]
pub extern "C" fn text_buffer(len: usize) -> *mut u8 {
    ENCODER.with_borrow_mut(|e| {
        e.text.clear();
        e.text.resize(len, 0);
        e.text.as_mut_ptr()
    })
}

/// Encodes the text written at `text_buffer`, at error correction level M (a phone's
/// screen can be scratched or glare, and M keeps the code small enough to read at arm's
/// length). Returns the width in modules, or -1 if it is too long for any QR code.
#[no_mangle]
pub extern "C" fn encode(len: usize) -> i32 {
    ENCODER.with_borrow_mut(|e| {
        let Some(text) = e.text.get(..len) else { return -1 };
        let Ok(code) = QrCode::with_error_correction_level(text, EcLevel::M) else { return -1 };
        e.modules = code.to_colors().into_iter().map(|c| u8::from(c == Color::Dark)).collect();
        code.width() as i32
    })
}

/// The modules of the last code encoded, row by row.
#[no_mangle]
pub extern "C" fn modules() -> *const u8 {
    ENCODER.with_borrow(|e| e.modules.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode_text(text: &str) -> (i32, Vec<u8>) {
        text_buffer(text.len());
        ENCODER.with_borrow_mut(|e| e.text.copy_from_slice(text.as_bytes()));
        let width = encode(text.len());
        (width, ENCODER.with_borrow(|e| e.modules.clone()))
    }

    #[test]
    fn encodes_a_live_code_sized_text_at_level_m() {
        let text = format!("https://check.example.police.uk/#0o{}", "A".repeat(480));
        let (width, modules) = encode_text(&text);
        assert!(width > 21, "{width}");
        assert_eq!(modules.len(), (width * width) as usize);
        // The top-left finder pattern: a dark 7×7 ring around a light ring.
        assert!((0..7).all(|i| modules[i] == 1 && modules[i * width as usize] == 1));
        assert_eq!(modules[width as usize + 1], 0);
        // Same text, same code.
        assert_eq!(encode_text(&text).1, modules);
    }

    #[test]
    fn too_long_a_text_is_refused() {
        assert_eq!(encode_text(&"x".repeat(4000)).0, -1);
    }
}
