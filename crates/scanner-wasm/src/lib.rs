//! The QR decoder as a Wasm module of its own, `scanner.wasm`.
//!
//! Most people reach the checker from their phone's own camera app, which opens the card's
//! link: they never need our decoder. So the page does not carry it; it is fetched the
//! first time a camera starts (while the camera warms up) or a photo is given, and kept by
//! the service worker for offline use. It runs in a Web Worker (`www/scan-worker.js`), so no
//! image blocks the page, and a fault in the decoder traps this module, not the page: the
//! instance is dropped and a fresh one reads the next image.
//!
//! The interface is plain exported functions over this module's memory, with no bindings
//! generator, so that the module is the decoder and little else:
//! 1. `image_buffer(len)` makes room for a greyscale image and returns where to write it;
//! 2. `scan(width, height)` reads it and returns the length of the text found, -1 if
//!    none, or -2 if the image written does not have `width × height` pixels;
//! 3. then `text()` points at the UTF-8 text and `seen_module_px()` says how big a code's
//!    modules looked when one was seen but not read (NaN when none was seen).

use std::cell::RefCell;

#[derive(Default)]
struct Scanner {
    image: Vec<u8>,
    text: Vec<u8>,
    seen_module_px: f64,
}

thread_local! {
    static SCANNER: RefCell<Scanner> = RefCell::default();
}

/// Makes room for a greyscale image of `len` bytes; returns where to write it.
#[no_mangle]
pub extern "C" fn image_buffer(len: usize) -> *mut u8 {
    SCANNER.with_borrow_mut(|s| {
        s.image.clear();
        s.image.resize(len, 0);
        s.image.as_mut_ptr()
    })
}

/// Scans the image last written: the text's length, -1 when none was read, -2 when the
/// image is not `width × height`.
#[no_mangle]
pub extern "C" fn scan(width: usize, height: usize) -> i32 {
    SCANNER.with_borrow_mut(|s| {
        if width.checked_mul(height) != Some(s.image.len()) {
            return -2;
        }
        let found = qr_scan::scan(width, height, &s.image);
        s.seen_module_px = found.seen_module_px.unwrap_or(f64::NAN);
        s.text = found.text.map(String::into_bytes).unwrap_or_default();
        // A code's text is never empty, so an empty one means none was read.
        if s.text.is_empty() {
            -1
        } else {
            s.text.len() as i32
        }
    })
}

/// The text the last `scan` read (UTF-8, as long as `scan` said).
#[no_mangle]
pub extern "C" fn text() -> *const u8 {
    SCANNER.with_borrow(|s| s.text.as_ptr())
}

/// How big the modules of a code seen but not read looked, in pixels; NaN if none was seen.
#[no_mangle]
pub extern "C" fn seen_module_px() -> f64 {
    SCANNER.with_borrow(|s| s.seen_module_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(image: &[u8]) {
        let at = image_buffer(image.len());
        SCANNER.with_borrow(|s| assert_eq!(s.image.as_ptr(), at as *const u8));
        SCANNER.with_borrow_mut(|s| s.image.copy_from_slice(image));
    }

    #[test]
    fn reads_a_card_through_the_exported_functions() {
        // A clean frame of a card as held at a door (the corpus's first).
        let sample = card_frames::corpus(1, 7)[0];
        let luma = card_frames::frame(sample.card.qr_text(), &sample.conditions);
        write(&luma);
        let n = scan(sample.conditions.width, sample.conditions.height);
        assert!(n > 0, "a door frame is read");
        let text = SCANNER.with_borrow(|s| String::from_utf8(s.text.clone()).unwrap());
        assert_eq!(text.len(), n as usize);
        assert_eq!(text, sample.card.qr_text());
        assert!(seen_module_px().is_nan() || seen_module_px() > 0.0);
    }

    #[test]
    fn an_empty_frame_reads_nothing_and_a_wrong_size_is_refused() {
        write(&vec![128; 64 * 48]);
        assert_eq!(scan(64, 48), -1);
        assert!(seen_module_px().is_nan());
        assert_eq!(scan(64, 47), -2);
        assert_eq!(scan(usize::MAX, 2), -2);
    }
}
