//! Where a batch's time goes per card: QR encoding, SVG, PNG, and the check code under them.
//! Each is timed in rounds taken in turn, and the fastest round is reported, since a busy
//! machine only ever adds time.
//! `cargo run --release -p warrant-issuer --example render_speed`
#[path = "../src/qr_render.rs"]
#[allow(dead_code)]
mod qr_render;

use std::time::Instant;

fn main() {
    let text = "https://check.police.uk/#0oRHogEnBELkZKBYNaUBZERFTU8EGm_BDsAGGmmmzUAHSAYwBPO5VuyrOgABAACEAQFkMTIzNGpKYW5lIFNtaXRoWEDvQixBgHDR6KSewtQJFW4XZ3UHeEwe5nntN7q6ipTJCdmZciTuCtV4h7m-UwB7ayjfaHbpDs2WQM6sqrtxfs8A";
    let code = warrant_core::CheckCode::from_random([1, 2, 3, 4, 5, 6, 7]);
    let n = 200;
    let mut fastest = [f64::MAX; 3];
    for _ in 0..10 {
        let round = |f: &dyn Fn()| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        };
        let times = [
            round(&|| drop(std::hint::black_box(qr_render::encode(text).unwrap()))),
            round(&|| drop(std::hint::black_box(qr_render::render_card(text, None).unwrap()))),
            round(&|| drop(std::hint::black_box(qr_render::render_card(text, Some(&code)).unwrap()))),
        ];
        for (best, t) in fastest.iter_mut().zip(times) {
            *best = best.min(t);
        }
    }
    println!("encode: {:.0} µs", fastest[0]);
    println!("encode + svg + png: {:.0} µs", fastest[1]);
    println!("encode + svg + png with the check code under it: {:.0} µs", fastest[2]);
}
