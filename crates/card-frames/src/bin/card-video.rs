//! Writes a short Y4M video of a card held up to a camera, for Chromium's fake camera:
//! `card-video QR_TEXT OUT.y4m [FRAMES] [MODULE_PX] [MOTION_PX]`. The card drifts and
//! turns a little, as in a hand. MODULE_PX sets how many pixels one module of the code
//! spans in the 1280×720 frame (default: a large code, about 5 px); a card 15–20 cm from
//! the phone is 2.5–3 px. MOTION_PX smears every frame by that many pixels, as a hand
//! that will not keep still. An empty QR_TEXT gives a card-free scene (a doorway), for a
//! camera that finds nothing.

use card_frames::{frame, scale_for_module_px, write_y4m, Conditions};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(text), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: card-video QR_TEXT OUT.y4m [FRAMES] [MODULE_PX] [MOTION_PX]");
        std::process::exit(2);
    };
    let count: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(10);
    let card_scale = match args.get(4).and_then(|n| n.parse::<f64>().ok()) {
        Some(module_px) if !text.is_empty() => scale_for_module_px(text, module_px, 1280),
        _ => 0.5,
    };
    let motion = args.get(5).and_then(|n| n.parse::<f64>().ok()).unwrap_or(0.0);
    let base = Conditions { width: 1280, height: 720, card_scale, noise: 3.0, motion, motion_deg: 30.0, ..Conditions::default() };
    let frames: Vec<Vec<u8>> = (0..count)
        .map(|i| {
            if text.is_empty() {
                return card_frames::empty_frame(&Conditions { seed: i as u64 + 1, ..base });
            }
            let t = i as f64 / count as f64 * std::f64::consts::TAU;
            frame(text, &Conditions { rotate_deg: 6.0 * t.sin(), tilt_deg: 10.0 + 5.0 * t.cos(), offset: (0.03 * t.cos(), 0.02 * t.sin()), seed: i as u64 + 1, ..base })
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    write_y4m(&mut out, base.width, base.height, 10, &frames)
}
