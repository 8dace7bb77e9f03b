//! Pictures of a warrant card as a phone camera might see it: a credit-card-sized card
//! with its 25 mm QR code, on a darker background, seen at an angle, out of focus, under a
//! lamp's glare or in poor light. Used to choose and test the QR decoder and to feed
//! Chromium's fake camera. Deterministic: the same conditions give the same pixels.

use qrcode::{Color, EcLevel, QrCode};

/// How the card is seen.
#[derive(Clone, Copy, Debug)]
pub struct Conditions {
    pub width: usize,
    pub height: usize,
    /// Card width as a fraction of the frame width.
    pub card_scale: f64,
    /// In-plane rotation, degrees.
    pub rotate_deg: f64,
    /// Card tipped away from the camera (perspective), degrees.
    pub tilt_deg: f64,
    /// Box-blur radius in pixels (focus, shake).
    pub blur: usize,
    /// Strength of a specular highlight on the card, 0–1.
    pub glare: f64,
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
        Conditions { width: 1280, height: 720, card_scale: 0.8, rotate_deg: 0.0, tilt_deg: 0.0, blur: 0, glare: 0.0, light: 1.0, noise: 2.0, offset: (0.0, 0.0), seed: 1 }
    }
}

/// Card size in millimetres (ID-1) and where the QR code sits on it.
const CARD_W: f64 = 85.6;
const CARD_H: f64 = 54.0;
const QR_MM: f64 = 25.0;
const QR_LEFT: f64 = 56.0;
const QR_TOP: f64 = 14.5;

/// A greyscale frame of the card.
pub fn frame(qr_text: &str, c: &Conditions) -> Vec<u8> {
    let code = QrCode::with_error_correction_level(qr_text.as_bytes(), EcLevel::M).expect("text fits a QR code");
    let modules = code.width();
    let dark: Vec<bool> = code.to_colors().into_iter().map(|m| m == Color::Dark).collect();
    let to_card = inverse(&card_to_frame(c));
    let mut rng = Rng(c.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = vec![0u8; c.width * c.height];
    for y in 0..c.height {
        for x in 0..c.width {
            let (u, v) = apply(&to_card, x as f64 + 0.5, y as f64 + 0.5);
            out[y * c.width + x] = shade(u, v, modules, &dark, c);
        }
    }
    let mut img = box_blur(&out, c.width, c.height, c.blur);
    for p in &mut img {
        let noisy = f64::from(*p) + rng.gaussian() * c.noise;
        *p = noisy.clamp(0.0, 255.0) as u8;
    }
    img
}

/// A frame with no card in it: a dim doorway with a lit edge, and sensor noise.
pub fn empty_frame(c: &Conditions) -> Vec<u8> {
    let mut rng = Rng(c.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    (0..c.width * c.height)
        .map(|i| {
            let x = i % c.width;
            let base = if x < c.width / 3 { 160.0 } else { 60.0 };
            (base * c.light + rng.gaussian() * c.noise).clamp(0.0, 255.0) as u8
        })
        .collect()
}

/// Grey level at card point (u, v) in millimetres, before blur and noise.
fn shade(u: f64, v: f64, modules: usize, dark: &[bool], c: &Conditions) -> u8 {
    let on_card = (0.0..CARD_W).contains(&u) && (0.0..CARD_H).contains(&v);
    let base = if !on_card {
        // A dark doormat or coat behind the card.
        55.0
    } else {
        let qu = (u - QR_LEFT) / QR_MM;
        let qv = (v - QR_TOP) / QR_MM;
        // 4-module quiet zone inside the 25 mm.
        let total = modules as f64 + 8.0;
        let (mx, my) = ((qu * total - 4.0).floor(), (qv * total - 4.0).floor());
        if (0.0..1.0).contains(&qu) && (0.0..1.0).contains(&qv) && mx >= 0.0 && my >= 0.0 && (mx as usize) < modules && (my as usize) < modules {
            if dark[my as usize * modules + mx as usize] { 30.0 } else { 235.0 }
        } else if (6.0..50.0).contains(&u) && ((20.0..23.0).contains(&v) || (27.0..29.5).contains(&v) || (33.0..35.5).contains(&v)) {
            // Printed lines of text beside the code.
            70.0
        } else {
            225.0
        }
    };
    // Glare: a bright elliptical highlight across the code's corner.
    let g = if c.glare > 0.0 && on_card {
        let (du, dv) = ((u - 62.0) / 14.0, (v - 22.0) / 9.0);
        c.glare * 255.0 * (-(du * du + dv * dv)).exp()
    } else {
        0.0
    };
    ((base + g) * c.light).clamp(0.0, 255.0) as u8
}

type Matrix = [[f64; 3]; 3];

/// The homography from card millimetres to frame pixels: rotate, tilt (pinhole), scale, place.
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

/// The 3×3 projective map taking four source points to four destination points.
fn homography(src: [(f64, f64); 4], dst: [(f64, f64); 4]) -> Matrix {
    // Solve the 8×8 system by Gaussian elimination (h33 = 1).
    let mut a = [[0.0f64; 9]; 8];
    for i in 0..4 {
        let ((x, y), (u, v)) = (src[i], dst[i]);
        a[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
        a[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
    }
    for col in 0..8 {
        let pivot = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs())).unwrap();
        a.swap(col, pivot);
        for row in 0..8 {
            if row != col {
                let f = a[row][col] / a[col][col];
                for k in col..9 {
                    a[row][k] -= f * a[col][k];
                }
            }
        }
    }
    let h: Vec<f64> = (0..8).map(|i| a[i][8] / a[i][i]).collect();
    [[h[0], h[1], h[2]], [h[3], h[4], h[5]], [h[6], h[7], 1.0]]
}

fn inverse(m: &Matrix) -> Matrix {
    let det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    let c = |r1: usize, c1: usize, r2: usize, c2: usize| m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1];
    [
        [c(1, 1, 2, 2) / det, -c(0, 1, 2, 2) / det, c(0, 1, 1, 2) / det],
        [-c(1, 0, 2, 2) / det, c(0, 0, 2, 2) / det, -c(0, 0, 1, 2) / det],
        [c(1, 0, 2, 1) / det, -c(0, 0, 2, 1) / det, c(0, 0, 1, 1) / det],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    let w = m[2][0] * x + m[2][1] * y + m[2][2];
    ((m[0][0] * x + m[0][1] * y + m[0][2]) / w, (m[1][0] * x + m[1][1] * y + m[1][2]) / w)
}

/// Separable box blur, applied twice (close to a Gaussian).
fn box_blur(img: &[u8], w: usize, h: usize, r: usize) -> Vec<u8> {
    if r == 0 {
        return img.to_vec();
    }
    let mut cur: Vec<u32> = img.iter().map(|&p| u32::from(p)).collect();
    for _ in 0..2 {
        for horizontal in [true, false] {
            let (outer, inner) = if horizontal { (h, w) } else { (w, h) };
            let idx = |o: usize, i: usize| if horizontal { o * w + i } else { i * w + o };
            let mut next = cur.clone();
            for o in 0..outer {
                for i in 0..inner {
                    let (lo, hi) = (i.saturating_sub(r), (i + r).min(inner - 1));
                    let sum: u32 = (lo..=hi).map(|k| cur[idx(o, k)]).sum();
                    next[idx(o, i)] = sum / (hi - lo + 1) as u32;
                }
            }
            cur = next;
        }
    }
    cur.into_iter().map(|p| p as u8).collect()
}

/// Small deterministic generator (xorshift64*), so frames are reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Approximately standard normal (sum of uniforms).
    fn gaussian(&mut self) -> f64 {
        (0..4).map(|_| self.next()).sum::<f64>() * 3f64.sqrt() - 2.0 * 3f64.sqrt()
    }
}

/// Writes frames as a Y4M video (I420, neutral chroma), the format Chromium's fake camera reads.
pub fn write_y4m(out: &mut impl std::io::Write, width: usize, height: usize, fps: u32, frames: &[Vec<u8>]) -> std::io::Result<()> {
    writeln!(out, "YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg")?;
    let chroma = vec![128u8; width.div_ceil(2) * height.div_ceil(2)];
    for f in frames {
        out.write_all(b"FRAME\n")?;
        out.write_all(f)?;
        out.write_all(&chroma)?;
        out.write_all(&chroma)?;
    }
    Ok(())
}

/// The named conditions a decoder is measured under.
pub fn scenarios() -> Vec<(&'static str, Conditions)> {
    let d = Conditions::default();
    vec![
        ("clear", d),
        ("far (card 40% of frame)", Conditions { card_scale: 0.4, ..d }),
        ("rotated 20°", Conditions { rotate_deg: 20.0, ..d }),
        ("tilted 35°", Conditions { tilt_deg: 35.0, rotate_deg: 5.0, ..d }),
        ("blur r=1", Conditions { blur: 1, ..d }),
        ("blur r=2", Conditions { blur: 2, ..d }),
        ("glare", Conditions { glare: 0.45, ..d }),
        ("strong glare", Conditions { glare: 0.8, ..d }),
        ("low light", Conditions { light: 0.22, noise: 6.0, ..d }),
        ("low light + blur", Conditions { light: 0.3, noise: 5.0, blur: 1, ..d }),
        ("tilt + blur + glare", Conditions { tilt_deg: 25.0, rotate_deg: -8.0, blur: 1, glare: 0.45, ..d }),
    ]
}
