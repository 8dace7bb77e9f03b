//! Where a batch's time goes per card: QR encoding, SVG, PNG.
//! `cargo run --release -p warrant-issuer --example render_speed`
#[path = "../src/qr_render.rs"]
mod qr_render;

use std::time::Instant;

fn main() {
    let text = "https://check.police.uk/#0oRHogEnBELkZKBYNaUBZERFTU8EGm_BDsAGGmmmzUAHSAYwBPO5VuyrOgABAACEAQFkMTIzNGpKYW5lIFNtaXRoWEDvQixBgHDR6KSewtQJFW4XZ3UHeEwe5nntN7q6ipTJCdmZciTuCtV4h7m-UwB7ayjfaHbpDs2WQM6sqrtxfs8A";
    let n = 500;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(qr_render::encode(text).unwrap());
    }
    println!("encode: {:.0} µs", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(qr_render::render(text).unwrap());
    }
    println!("encode + svg + png: {:.0} µs", t.elapsed().as_secs_f64() * 1e6 / n as f64);
}
