//! Any pixels, of any size, must give a text or nothing from the QR decoder, never a panic:
//! a panic in the browser is a blank page at the door. The first two bytes choose the width.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&[w0, w1], pixels)) = data.split_first_chunk::<2>() else { return };
    let width = usize::from(u16::from_le_bytes([w0, w1]) % 512) + 1;
    let height = pixels.len() / width;
    let _ = qr_scan::scan(width, height, pixels);
    let _ = qr_scan::find_qr_text(width, height, &qr_scan::luma_from_rgba(pixels));
});
