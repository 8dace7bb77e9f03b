//! The QR decoder, as its own Wasm module (`scanner.wasm`, built from `crates/scanner-wasm`).
//!
//! The page does not carry it: people who arrive by a card's link never need it, and those
//! who scan start the camera first, which takes a moment of its own. So the module is
//! fetched when a camera starts or a photo is given, and the service worker keeps it for
//! offline use. It runs in a worker (`worker`), so that no image, however it was made,
//! blocks the page, and one that takes too long is stopped and counts as having no code.
//! Where a worker cannot be started, it runs on the page (`in_page`), where its own bound
//! on the work an image may cost still holds. A fault in the decoder traps that instance
//! only; a fresh one reads the next image.

mod in_page;
mod worker;

use worker::{Answer, Readiness};

use crate::qr_image::Scan;

/// Beside the page, so that it is found wherever a force hosts the checker.
const FILE: &str = "scanner.wasm";

/// Starts loading the decoder, if it is not loaded or loading already.
pub fn preload() {
    if !worker::preload() {
        in_page::preload();
    }
}

/// Whether the decoder can be had, once it has loaded (a later call tries again).
pub async fn ready() -> bool {
    match worker::ready().await {
        Readiness::HasDecoder => true,
        Readiness::NoDecoder => false,
        Readiness::Unusable => in_page::ready().await,
    }
}

/// How long an image may take before it counts as one with no code. The decoder bounds its
/// own work (under a second in a desktop browser for the worst picture of the largest size
/// photos are scaled to); this is the backstop for slow devices. A camera frame that takes
/// long is followed by another a moment later; a photo is given more, since it is the only
/// one.
pub const FRAME_TIME_MS: i32 = 2_000;
pub const PHOTO_TIME_MS: i32 = 5_000;

/// Reads a greyscale image: the code's text, or, when a code was seen but not read, how
/// big its modules looked. An image that takes longer than `time_ms` reads as having no
/// code. `None` if the decoder cannot be had.
pub async fn read(width: usize, height: usize, luma: &[u8], time_ms: i32) -> Option<Scan> {
    match worker::read(width, height, luma, time_ms).await {
        Answer::Read(found) => Some(found),
        Answer::NotRead(Readiness::NoDecoder) => None,
        Answer::NotRead(_) => in_page::read(width, height, luma).await,
    }
}
