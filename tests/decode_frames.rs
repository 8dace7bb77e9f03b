//! The decoder the checker ships, on synthetic camera frames of a card (crates/card-frames):
//! the conditions it must handle, and the ones benches/qr-decoders shows it cannot.
#![cfg(not(target_arch = "wasm32"))]

use card_frames::{frame, scenarios, Conditions};
use warrant_check::qr_image::find_qr_text;

const TYPICAL: &str = "https://check.police.uk/#0oRHogEnBELkZKBYNaUBZERFTU8EGm_BDsAGGmmmzUAHSAYwBPO5VuyrOgABAACEAQFkMTIzNGpKYW5lIFNtaXRoWEDvQixBgHDR6KSewtQJFW4XZ3UHeEwe5nntN7q6ipTJCdmZciTuCtV4h7m-UwB7ayjfaHbpDs2WQM6sqrtxfs8A";

fn reads(conditions: &Conditions) -> bool {
    let luma = frame(TYPICAL, conditions);
    find_qr_text(conditions.width, conditions.height, &luma).as_deref() == Some(TYPICAL)
}

#[test]
fn reads_a_card_in_ordinary_conditions() {
    for (name, conditions) in scenarios() {
        if ["clear", "far (card 40% of frame)", "rotated 20°", "blur r=1", "low light"].contains(&name) {
            let read = (1..=3).filter(|&seed| reads(&Conditions { seed, ..conditions })).count();
            assert!(read >= 2, "{name}: read {read}/3");
        }
    }
}

#[test]
fn a_frame_without_a_card_gives_nothing() {
    let c = Conditions::default();
    assert_eq!(find_qr_text(c.width, c.height, &card_frames::empty_frame(&c)), None);
}

#[test]
fn a_large_photo_is_also_tried_at_half_size() {
    // A 2560x1440 "photo" with the card small in it.
    let c = Conditions { width: 2560, height: 1440, card_scale: 0.5, ..Conditions::default() };
    let luma = frame(TYPICAL, &c);
    assert_eq!(find_qr_text(c.width, c.height, &luma).as_deref(), Some(TYPICAL));
}
