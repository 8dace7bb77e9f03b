//! The scene: a card with its QR code, held in front of a door, projected through a phone's
//! lens onto the sensor.

use qrcode::{Color, EcLevel, QrCode};

use crate::geometry::{apply, homography, inverse, Matrix};
use crate::optics::{gaussian_blur, motion_blur};
use crate::rng::Rng;

/// How the card is seen.
#[derive(Clone, Copy, Debug)]
pub struct Conditions {
    pub width: usize,
    pub height: usize,
    /// Card width as a fraction of the frame width.
    pub card_scale: f64,
    /// In-plane rotation, degrees.
    pub rotate_deg: f64,
    /// Card tipped away from the camera (perspective), degrees; the axis is turned by
    /// `rotate_deg` too.
    pub tilt_deg: f64,
    /// Defocus: extra Gaussian blur, standard deviation in pixels, on top of the lens's own.
    pub defocus: f64,
    /// Motion during the exposure: smear length in pixels and its direction in degrees.
    pub motion: f64,
    pub motion_deg: f64,
    /// Strength of a lamp's specular highlight on the card, 0–1 of full scale.
    pub glare: f64,
    /// Where the highlight is centred, in card millimetres, and its radius in millimetres.
    pub glare_at: (f64, f64),
    pub glare_radius: f64,
    /// Overall light, 1.0 normal; 0.2 is a dim hallway.
    pub light: f64,
    /// Sensor noise standard deviation, in grey levels.
    pub noise: f64,
    /// Card centre offset from the frame centre, as fractions of the frame.
    pub offset: (f64, f64),
    pub seed: u64,
}

impl Default for Conditions {
    fn default() -> Self {
        Conditions {
            width: 1280,
            height: 720,
            card_scale: 0.8,
            rotate_deg: 0.0,
            tilt_deg: 0.0,
            defocus: 0.0,
            motion: 0.0,
            motion_deg: 0.0,
            glare: 0.0,
            glare_at: (62.0, 22.0),
            glare_radius: 11.0,
            light: 1.0,
            noise: 2.0,
            offset: (0.0, 0.0),
            seed: 1,
        }
    }
}

/// Card size in millimetres (ID-1) and where the QR code sits on it.
const CARD_W: f64 = 85.6;
const CARD_H: f64 = 54.0;
const QR_MM: f64 = 25.0;
const QR_LEFT: f64 = 56.0;
const QR_TOP: f64 = 14.5;
/// The printed code keeps a 4-module quiet zone inside its 25 mm.
const QUIET: usize = 4;
/// Even a sharp phone lens and the sensor's demosaicing spread a point over about a pixel.
const LENS_SIGMA: f64 = 0.55;

fn encode(qr_text: &str) -> QrCode {
    QrCode::with_error_correction_level(qr_text.as_bytes(), EcLevel::M).expect("text fits a QR code")
}

/// Modules across the QR code of this text, at level M (57 for version 10).
pub fn module_count(qr_text: &str) -> usize {
    encode(qr_text).width()
}

/// The `card_scale` at which one module of this text's code is `module_px` pixels wide
/// in a frame `width` pixels wide (seen face on).
pub fn scale_for_module_px(qr_text: &str, module_px: f64, width: usize) -> f64 {
    let code_px = module_px * (module_count(qr_text) + 2 * QUIET) as f64;
    code_px * CARD_W / QR_MM / width as f64
}

/// A greyscale frame of the card.
pub fn frame(qr_text: &str, c: &Conditions) -> Vec<u8> {
    let code = encode(qr_text);
    let modules = code.width();
    let dark: Vec<bool> = code.to_colors().into_iter().map(|m| m == Color::Dark).collect();
    let to_card = inverse(&card_to_frame(c));
    let door = Door::new(c.seed);
    let mut light = vec![0.0f32; c.width * c.height];
    // 2×2 samples a pixel: a sensor pixel integrates light over its area.
    const SUB: [f64; 2] = [0.25, 0.75];
    for y in 0..c.height {
        for x in 0..c.width {
            let mut sum = 0.0;
            for sy in SUB {
                for sx in SUB {
                    let (u, v) = apply(&to_card, x as f64 + sx, y as f64 + sy);
                    sum += radiance(u, v, modules, &dark, &door, c);
                }
            }
            light[y * c.width + x] = (sum / 4.0) as f32;
        }
    }
    expose(light, c)
}

/// A frame with no card in it: the same door, light and sensor.
pub fn empty_frame(c: &Conditions) -> Vec<u8> {
    let door = Door::new(c.seed);
    let mut light = vec![0.0f32; c.width * c.height];
    for y in 0..c.height {
        for x in 0..c.width {
            light[y * c.width + x] = (door.at(x as f64 / c.width as f64, y as f64 / c.height as f64) * c.light) as f32;
        }
    }
    expose(light, c)
}

/// Lens, motion, sensor noise and 8-bit quantisation.
fn expose(light: Vec<f32>, c: &Conditions) -> Vec<u8> {
    let sigma = (LENS_SIGMA * LENS_SIGMA + c.defocus * c.defocus).sqrt();
    let blurred = gaussian_blur(&light, c.width, c.height, sigma);
    let smeared = motion_blur(&blurred, c.width, c.height, c.motion, c.motion_deg);
    let mut rng = Rng::new(c.seed);
    smeared.into_iter().map(|p| (f64::from(p) + rng.gaussian() * c.noise).round().clamp(0.0, 255.0) as u8).collect()
}

/// Light reaching the lens from card point (u, v) in millimetres (anything off the card is
/// the door behind it).
fn radiance(u: f64, v: f64, modules: usize, dark: &[bool], door: &Door, c: &Conditions) -> f64 {
    let on_card = (0.0..CARD_W).contains(&u) && (0.0..CARD_H).contains(&v);
    if !on_card {
        let (fx, fy) = ((u + 60.0) / 200.0, (v + 40.0) / 140.0);
        return door.at(fx, fy) * c.light;
    }
    let printed = card_print(u, v, modules, dark);
    let glare = if c.glare > 0.0 {
        let (du, dv) = ((u - c.glare_at.0) / c.glare_radius, (v - c.glare_at.1) / (0.7 * c.glare_radius));
        c.glare * 255.0 * (-(du * du + dv * dv)).exp()
    } else {
        0.0
    };
    printed * c.light + glare
}

/// The printed card: white stock, the officer's photo, lines of text, and the QR code.
fn card_print(u: f64, v: f64, modules: usize, dark: &[bool]) -> f64 {
    let (qu, qv) = ((u - QR_LEFT) / QR_MM, (v - QR_TOP) / QR_MM);
    if (0.0..1.0).contains(&qu) && (0.0..1.0).contains(&qv) {
        let total = (modules + 2 * QUIET) as f64;
        let (mx, my) = ((qu * total).floor() as isize - QUIET as isize, (qv * total).floor() as isize - QUIET as isize);
        let inside = (0..modules as isize).contains(&mx) && (0..modules as isize).contains(&my);
        return if inside && dark[my as usize * modules + mx as usize] { 30.0 } else { 232.0 };
    }
    // A head-and-shoulders photo: a light face on a mid-grey backdrop, dark hair.
    if (5.0..22.0).contains(&u) && (8.0..32.0).contains(&v) {
        let (fu, fv) = ((u - 13.5) / 5.0, (v - 17.0) / 6.5);
        let face = fu * fu + fv * fv < 1.0;
        let hair = ((u - 13.5) / 5.6).powi(2) + ((v - 14.0) / 5.5).powi(2) < 1.0 && v < 14.0;
        let shoulders = v > 25.0 && (u - 13.5).abs() < 8.0;
        return if hair { 45.0 } else if face { 175.0 } else if shoulders { 60.0 } else { 120.0 };
    }
    // Lines of text (name, rank, number, force) and a footer band.
    let line = |top: f64, bottom: f64, right: f64| (25.0..right).contains(&u) && (top..bottom).contains(&v);
    if line(9.0, 11.5, 50.0) || line(15.0, 17.0, 46.0) || line(21.0, 23.0, 40.0) || line(27.0, 29.0, 48.0) {
        return 60.0;
    }
    if (44.0..50.0).contains(&v) && (5.0..52.0).contains(&u) {
        return 95.0;
    }
    222.0
}

/// A door behind the card: a painted panel with mouldings, a lit frame edge and a grain,
/// varied by the seed so no two scenes are alike. Drawn once a frame, read per sample.
struct Door {
    paint: f64,
    edge: f64,
    panel: (f64, f64),
}

impl Door {
    fn new(seed: u64) -> Door {
        let mut rng = Rng::new(seed ^ 0xD00E);
        let paint = rng.range(50.0, 140.0);
        let edge = rng.range(0.05, 0.35);
        let panel = (rng.range(0.2, 0.4), rng.range(0.6, 0.8));
        Door { paint, edge, panel }
    }

    /// The light from the door at `fx`, `fy` (0–1 across the scene).
    fn at(&self, fx: f64, fy: f64) -> f64 {
        let mut level = self.paint * (0.8 + 0.4 * fy);
        if fx < self.edge {
            level = self.paint * 1.6 + 20.0;
        } else if (fx - self.panel.0).abs() < 0.01 || (fx - self.panel.1).abs() < 0.01 || (fy - 0.3).abs() < 0.008 {
            level *= 0.6;
        }
        let grain = (fx * 173.0 + (fy * 31.0).sin() * 3.0).sin() * 6.0;
        (level + grain).clamp(0.0, 255.0)
    }
}

/// The homography from card millimetres to frame pixels: tilt (pinhole), rotate, scale, place.
fn card_to_frame(c: &Conditions) -> Matrix {
    let corners = [(0.0, 0.0), (CARD_W, 0.0), (CARD_W, CARD_H), (0.0, CARD_H)];
    let scale = c.card_scale * c.width as f64 / CARD_W;
    let (rs, rc) = c.rotate_deg.to_radians().sin_cos();
    let (ts, tc) = c.tilt_deg.to_radians().sin_cos();
    let focal = 2.0 * CARD_W; // a phone's lens, roughly, in card units
    let centre = (c.width as f64 * (0.5 + c.offset.0), c.height as f64 * (0.5 + c.offset.1));
    let project = |(u, v): (f64, f64)| {
        let (x, y) = (u - CARD_W / 2.0, v - CARD_H / 2.0);
        // Tip about the horizontal axis, then perspective divide.
        let (y3, z3) = (y * tc, y * ts);
        let k = focal / (focal + z3);
        let (px, py) = (x * k, y3 * k);
        let (qx, qy) = (px * rc - py * rs, px * rs + py * rc);
        (centre.0 + qx * scale, centre.1 + qy * scale)
    };
    homography(corners, corners.map(project))
}
