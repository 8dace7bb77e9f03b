//! The benchmark corpus: a card held up 15–20 cm from a phone (its 25 mm code 150–200 px
//! wide in a 1280×720 frame) under each of eight conditions, with random but seeded
//! parameters, for the typical card and the long-name card.

use crate::rng::Rng;
use crate::scene::{scale_for_module_px, Conditions};
use crate::{LONG_NAME_CARD, TYPICAL_CARD};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// Flat, well lit, still, at 15–20 cm.
    Clean,
    /// Tipped 20–45° away from the camera, about any axis.
    Tilt,
    /// Any in-plane rotation.
    Rotation,
    /// Slightly out of focus (Gaussian blur of 0.8–1.5 px on top of the lens's own).
    Defocus,
    /// Smeared 3–8 px in some direction by a moving hand.
    Motion,
    /// A dim hallway: 12–30% of the light, with sensor noise.
    LowLight,
    /// A lamp's highlight somewhere on the code.
    Glare,
    /// Held further away: modules 1.5–2.5 px.
    Far,
}

impl Condition {
    pub const ALL: [Condition; 8] = [
        Condition::Clean,
        Condition::Tilt,
        Condition::Rotation,
        Condition::Defocus,
        Condition::Motion,
        Condition::LowLight,
        Condition::Glare,
        Condition::Far,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Condition::Clean => "clean",
            Condition::Tilt => "tilt",
            Condition::Rotation => "rotation",
            Condition::Defocus => "defocus",
            Condition::Motion => "motion",
            Condition::LowLight => "low light",
            Condition::Glare => "glare",
            Condition::Far => "far",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Card {
    /// Version 10 at level M (57 modules).
    Typical,
    /// Version 12 at level M (65 modules).
    LongName,
}

impl Card {
    pub const ALL: [Card; 2] = [Card::Typical, Card::LongName];

    pub fn qr_text(self) -> &'static str {
        match self {
            Card::Typical => TYPICAL_CARD,
            Card::LongName => LONG_NAME_CARD,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Card::Typical => "typical",
            Card::LongName => "long name",
        }
    }
}

/// One frame to render: `card_frames::frame(sample.card.qr_text(), &sample.conditions)`.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    pub condition: Condition,
    pub card: Card,
    pub conditions: Conditions,
}

/// `per_condition` frames of each card under each condition, drawn from `seed`.
pub fn corpus(per_condition: usize, seed: u64) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    let mut samples = Vec::new();
    for condition in Condition::ALL {
        for card in Card::ALL {
            for _ in 0..per_condition {
                let conditions = draw(condition, card, &mut rng);
                samples.push(Sample { condition, card, conditions });
            }
        }
    }
    samples
}

fn draw(condition: Condition, card: Card, rng: &mut Rng) -> Conditions {
    let text = card.qr_text();
    let width = 1280;
    // The 25 mm code (with its quiet zone) 150–200 px wide: 15–20 cm from a 720p camera.
    let modules = crate::scene::module_count(text) as f64 + 8.0;
    let at_door = |rng: &mut Rng| rng.range(150.0, 200.0) / modules;
    let module_px = if condition == Condition::Far { rng.range(1.5, 2.5) } else { at_door(rng) };
    let mut c = Conditions {
        width,
        height: 720,
        card_scale: scale_for_module_px(text, module_px, width),
        rotate_deg: rng.range(-8.0, 8.0),
        tilt_deg: rng.range(-10.0, 10.0),
        light: rng.range(0.85, 1.1),
        noise: rng.range(1.5, 3.0),
        offset: (rng.range(-0.2, 0.2), rng.range(-0.15, 0.15)),
        seed: (rng.next() * 1e12) as u64,
        ..Conditions::default()
    };
    match condition {
        Condition::Clean | Condition::Far => {}
        Condition::Tilt => {
            let sign = if rng.next() < 0.5 { -1.0 } else { 1.0 };
            c.tilt_deg = sign * rng.range(20.0, 45.0);
            // About the horizontal or the vertical axis, give or take.
            c.rotate_deg = rng.range(-20.0, 20.0) + if rng.next() < 0.5 { 0.0 } else { 90.0 };
        }
        Condition::Rotation => c.rotate_deg = rng.range(0.0, 360.0),
        Condition::Defocus => c.defocus = rng.range(0.8, 1.5),
        Condition::Motion => {
            c.motion = rng.range(3.0, 8.0);
            c.motion_deg = rng.range(0.0, 180.0);
        }
        Condition::LowLight => {
            c.light = rng.range(0.12, 0.3);
            c.noise = rng.range(4.0, 8.0);
        }
        Condition::Glare => {
            c.glare = rng.range(0.5, 0.95);
            c.glare_at = (rng.range(58.0, 79.0), rng.range(16.0, 38.0));
            c.glare_radius = rng.range(5.0, 12.0);
        }
    }
    c
}
