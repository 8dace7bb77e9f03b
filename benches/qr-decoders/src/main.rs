//! Reads a typical and a long-name card's QR text in every scenario of `card_frames` with
//! each candidate decoder, over several seeds, and prints success counts and median decode
//! time per 1280×720 frame. Run: `cargo run --release` in benches/qr-decoders.

use std::time::Instant;

use card_frames::{frame, scenarios, Conditions};

type Decoder = fn(usize, usize, &[u8]) -> Option<String>;

fn rqrr_decode(w: usize, h: usize, luma: &[u8]) -> Option<String> {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| luma[y * w + x]);
    img.detect_grids().into_iter().find_map(|g| g.decode().ok().map(|(_, t)| t))
}

fn quircs_decode(w: usize, h: usize, luma: &[u8]) -> Option<String> {
    let mut decoder = quircs::Quirc::default();
    let codes = decoder.identify(w, h, luma);
    codes.flatten().find_map(|code| code.decode().ok().and_then(|d| String::from_utf8(d.payload).ok()))
}

fn bardecoder_decode(w: usize, h: usize, luma: &[u8]) -> Option<String> {
    let img = image::GrayImage::from_raw(w as u32, h as u32, luma.to_vec())?;
    let decoder = bardecoder::default_decoder();
    decoder.decode(&image::DynamicImage::ImageLuma8(img)).into_iter().find_map(Result::ok)
}

fn main() {
    let texts = [
        ("typical", "https://check.police.uk/#0oRHogEnBELkZKBYNaUBZERFTU8EGm_BDsAGGmmmzUAHSAYwBPO5VuyrOgABAACEAQFkMTIzNGpKYW5lIFNtaXRoWEDvQixBgHDR6KSewtQJFW4XZ3UHeEwe5nntN7q6ipTJCdmZciTuCtV4h7m-UwB7ayjfaHbpDs2WQM6sqrtxfs8A"),
        ("long name", "https://check.police.uk/#0oRHogEnBELkZKBYcKUBZERFTU8EGm_BDsAGGmmmzUAHSMLlKupVnzMAOgABAACEAQxrRENTIDEyMzQ1Njd4PUFsZXhhbmRyYSBDYXRoZXJpbmUgTW9udGdvbWVyeS1GaXR6d2lsbGlhbSBBc2h3b3J0aC1CZWF1Y2hhbXBYQCtYP4Y7mWT1yUjJbzpeGgvz4ehTPxVQwmxuAUqvZoM3WsmAuVB0zfbje9pERthDjcCZ9GAFFEbk1xPDMqIeTg4"),
    ];
    let decoders: [(&str, Decoder); 3] = [("rqrr", rqrr_decode), ("quircs", quircs_decode), ("bardecoder", bardecoder_decode)];
    const SEEDS: u64 = 5;
    println!("{:<26} {:<10} {}", "scenario", "card", decoders.map(|d| format!("{:>22}", d.0)).join(""));
    let mut totals = [0usize; 3];
    let mut times: [Vec<f64>; 3] = Default::default();
    let mut cases = 0;
    for (name, base) in scenarios() {
        for (card, text) in texts {
            let frames: Vec<Vec<u8>> = (1..=SEEDS).map(|seed| frame(text, &Conditions { seed, offset: (0.01 * seed as f64, -0.01 * seed as f64), ..base })).collect();
            cases += frames.len();
            let mut row = String::new();
            for (i, (_, decode)) in decoders.iter().enumerate() {
                let mut ok = 0;
                let mut t = Vec::new();
                for f in &frames {
                    let start = Instant::now();
                    let got = decode(base.width, base.height, f);
                    t.push(start.elapsed().as_secs_f64() * 1000.0);
                    if got.as_deref() == Some(text) {
                        ok += 1;
                    }
                }
                t.sort_by(f64::total_cmp);
                times[i].extend(&t);
                totals[i] += ok;
                row.push_str(&format!("{:>12} {:>6.1} ms", format!("{ok}/{}", frames.len()), t[t.len() / 2]));
            }
            println!("{name:<26} {card:<10} {row}");
        }
    }
    println!();
    for (i, (name, _)) in decoders.iter().enumerate() {
        times[i].sort_by(f64::total_cmp);
        println!("{name:<12} read {:>3}/{cases} frames, median {:.1} ms per 1280x720 frame", totals[i], times[i][times[i].len() / 2]);
    }
}
