//! Pictures made to make the decoder work: a 2000×2000 picture tiled with finder patterns
//! (the nested squares in a QR code's corners) gives tens of thousands of finder
//! candidates, each seen on several lines. They must be answered "no code" with about the
//! work of any photo of that size. The time each takes is printed, not asserted (machines
//! are noisy); the work, counted in units, is asserted.

use std::time::Instant;

use card_frames::{empty_frame, Conditions};
use qr_scan::{scan_with_work, Work, MOST_FINDER_CANDIDATES};

const SIDE: usize = 2000;

/// Finder patterns of `module` px modules, `module` px apart, across a `SIDE`×`SIDE`
/// picture: dark centre and outer ring, light ring, light gaps.
fn finder_tiles(module: usize) -> Vec<u8> {
    let period = 8 * module;
    (0..SIDE * SIDE)
        .map(|i| {
            let (x, y) = (i % SIDE % period / module, i / SIDE % period / module);
            if x >= 7 || y >= 7 {
                return 255;
            }
            let ring = x.min(y).min(6 - x).min(6 - y);
            if ring == 1 { 255 } else { 0 }
        })
        .collect()
}

/// The work of a photo of the same size with no code in it: a doorway.
fn work_of_a_plain_photo() -> Work {
    let c = Conditions { width: SIDE, height: SIDE, ..Conditions::default() };
    scan_with_work(SIDE, SIDE, &empty_frame(&c)).1
}

fn reads_no_code_with_bounded_work(module: usize) {
    let tiles = finder_tiles(module);
    let started = Instant::now();
    let (found, work) = scan_with_work(SIDE, SIDE, &tiles);
    println!("{SIDE}×{SIDE} tiled with finder patterns of {module} px modules: no code in {:.0} ms; {work:?}", started.elapsed().as_secs_f64() * 1000.0);
    assert_eq!(found.text, None);
    assert!(work.most_candidates <= MOST_FINDER_CANDIDATES, "{work:?}");
    assert!(work.units <= work.limit, "{work:?}");
    // Comparing each sighting with every finder seen so far would cost billions of units.
    let plain = work_of_a_plain_photo();
    assert!(work.units < 3 * plain.units, "{work:?} against a plain photo's {plain:?}");
}

#[test]
fn finder_patterns_of_two_pixel_modules_tiled_read_no_code_with_a_photos_work() {
    let tiles = finder_tiles(2);
    // The picture is what it says: 125 × 125 finder patterns, each 14 px with 2 px between.
    assert_eq!(tiles[..16], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255]);
    assert_eq!(tiles[4 * SIDE..4 * SIDE + 16], [0, 0, 255, 255, 0, 0, 0, 0, 0, 0, 255, 255, 0, 0, 255, 255]);
    reads_no_code_with_bounded_work(2);
}

#[test]
fn finder_patterns_of_one_pixel_modules_tiled_read_no_code_with_a_photos_work() {
    reads_no_code_with_bounded_work(1);
}
