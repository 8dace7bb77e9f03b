//! A greyscale image, and its black-and-white version by a local (adaptive) threshold:
//! a lamp's glare or a shadow across the card changes the light from one side of the
//! code to the other, so no single threshold serves the whole frame.

/// 8-bit luma, row-major.
#[derive(Clone, Copy)]
pub struct Luma<'a> {
    pub width: usize,
    pub height: usize,
    pub pixels: &'a [u8],
}

impl Luma<'_> {
    /// Bilinear sample at (x, y) in pixel coordinates (pixel centres at +0.5); `None`
    /// outside the image.
    pub fn sample(&self, x: f64, y: f64) -> Option<f32> {
        let (x, y) = (x - 0.5, y - 0.5);
        if !(x >= 0.0 && y >= 0.0 && x < (self.width - 1) as f64 && y < (self.height - 1) as f64) {
            return None;
        }
        let (x0, y0) = (x as usize, y as usize);
        let (fx, fy) = ((x - x0 as f64) as f32, (y - y0 as f64) as f32);
        let at = |dx: usize, dy: usize| f32::from(self.pixels[(y0 + dy) * self.width + x0 + dx]);
        let top = at(0, 0) + (at(1, 0) - at(0, 0)) * fx;
        let bottom = at(0, 1) + (at(1, 1) - at(0, 1)) * fx;
        Some(top + (bottom - top) * fy)
    }

    /// Bilinear sample at module point (u, v) of a code seen through `p`.
    pub fn sample_at(&self, p: &super::perspective::Perspective, u: f64, v: f64) -> Option<f32> {
        let (x, y) = p.map(u, v);
        self.sample(x, y)
    }
}

/// Dark (1) or light (0) for every pixel.
pub struct Bits {
    pub width: usize,
    pub height: usize,
    pub dark: Vec<u8>,
}

impl Bits {
    pub fn is_dark(&self, x: isize, y: isize) -> Option<bool> {
        (x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height).then(|| self.dark[y as usize * self.width + x as usize] != 0)
    }
}

/// Sums over any rectangle in constant time. Wrapping arithmetic: every rectangle's true
/// sum fits in 32 bits for images up to 16 megapixels, and the wrapped differences of
/// wrapped prefix sums are then exact.
struct Integral {
    width: usize,
    sums: Vec<u32>,
}

impl Integral {
    fn of(luma: &Luma) -> Integral {
        let w1 = luma.width + 1;
        let mut sums = vec![0u32; w1 * (luma.height + 1)];
        if luma.width > 0 {
            for (y, pixels) in luma.pixels.chunks_exact(luma.width).take(luma.height).enumerate() {
                let (above, here) = sums[y * w1..(y + 2) * w1].split_at_mut(w1);
                let mut row = 0u32;
                for ((sum, &above), &p) in here[1..].iter_mut().zip(&above[1..]).zip(pixels) {
                    row = row.wrapping_add(u32::from(p));
                    *sum = above.wrapping_add(row);
                }
            }
        }
        Integral { width: w1, sums }
    }
}

/// The grey level of the paper round a code: the level 90% of the pixels are at or below.
pub fn light_level(luma: &Luma) -> u8 {
    let mut counts = [0usize; 256];
    for &v in luma.pixels {
        counts[usize::from(v)] += 1;
    }
    let mut below = 0;
    let most = luma.pixels.len() * 9 / 10;
    for (level, &n) in counts.iter().enumerate() {
        below += n;
        if below > most {
            return level as u8;
        }
    }
    255
}

/// The image with a margin `margin` pixels wide of grey `level` all round it.
pub fn with_margin(luma: &Luma, margin: usize, level: u8) -> Vec<u8> {
    let width = luma.width + 2 * margin;
    let mut out = vec![level; width * (luma.height + 2 * margin)];
    for (y, row) in luma.pixels.chunks_exact(luma.width).enumerate() {
        let start = (y + margin) * width + margin;
        out[start..start + luma.width].copy_from_slice(row);
    }
    out
}

/// Grey levels below the local mean a pixel must be to count as dark: in a flat area
/// (card stock, a wall) sensor noise would otherwise make half the pixels dark, and
/// every speckle is a run the finder search must look at.
const MARGIN: u32 = 2;

/// Dark where a pixel is below the mean of the window of about `radius` pixels around it.
pub fn binarize(luma: &Luma, radius: usize) -> Bits {
    let (w, h) = (luma.width, luma.height);
    let integral = Integral::of(luma);
    let mut dark = vec![0u8; w * h];
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(radius), (y + radius + 1).min(h));
        let top = &integral.sums[y0 * integral.width..(y0 + 1) * integral.width];
        let bottom = &integral.sums[y1 * integral.width..(y1 + 1) * integral.width];
        let row = &luma.pixels[y * w..(y + 1) * w];
        let out = &mut dark[y * w..(y + 1) * w];
        // pixel < sum / area - MARGIN, in integers. In 32 bits: a window holds at most
        // 81×81 pixels (radius 40), so (255 + MARGIN) × area and the sum both fit, and
        // the wrapped difference of the wrapped prefix sums is the true sum.
        let dark_at = |x: usize, x0: usize, x1: usize| {
            let area = ((x1 - x0) * (y1 - y0)) as u32;
            below_window_mean(row[x], area, [bottom[x1], bottom[x0], top[x1], top[x0]])
        };
        // The window is clipped only near the left and right edges; in between it is one
        // size, and this loop is most of the frame.
        let inner = radius.min(w)..w.saturating_sub(radius).max(radius.min(w));
        for x in (0..inner.start).chain(inner.end..w) {
            out[x] = dark_at(x, x.saturating_sub(radius), (x + radius + 1).min(w));
        }
        let area = ((2 * radius + 1) * (y1 - y0)) as u32;
        // As iterators over the four corners' columns, with no index to check.
        let n = inner.len();
        if n > 0 {
            let (x0s, x1s) = (inner.start - radius, inner.start + radius + 1);
            let corners = bottom[x1s..][..n].iter().zip(&bottom[x0s..][..n]).zip(top[x1s..][..n].iter().zip(&top[x0s..][..n]));
            for ((out, &pixel), ((&b1, &b0), (&t1, &t0))) in out[inner.clone()].iter_mut().zip(&row[inner]).zip(corners) {
                *out = below_window_mean(pixel, area, [b1, b0, t1, t0]);
            }
        }
    }
    Bits { width: w, height: h, dark }
}

/// 1 (dark) where `pixel` is below the mean of a window of `area` pixels by `MARGIN`, from
/// the prefix sums at its corners: bottom right, bottom left, top right, top left.
fn below_window_mean(pixel: u8, area: u32, [b1, b0, t1, t0]: [u32; 4]) -> u8 {
    let sum = b1.wrapping_sub(b0).wrapping_sub(t1).wrapping_add(t0);
    u8::from((u32::from(pixel) + MARGIN) * area < sum)
}

/// A 3×3 binomial blur (twice when `twice`): about 0.7 px (1 px) of Gaussian blur. Pixels
/// beyond the edge count as the edge pixel.
pub fn smooth(luma: &Luma, twice: bool) -> Vec<u8> {
    let (w, h) = (luma.width, luma.height);
    let once = |src: &[u8]| -> Vec<u8> {
        if w == 0 || h == 0 {
            return Vec::new();
        }
        // Across each row (1, 2, 1), then down each column; the edges by hand, so that the
        // loops over the rest, most of every frame, have no clamping in them.
        let mut across = vec![0u16; w * h];
        for (row, out) in src.chunks_exact(w).zip(across.chunks_exact_mut(w)) {
            let at = |x: usize| u16::from(row[x]);
            out[0] = 3 * at(0) + at(1.min(w - 1));
            for x in 1..w.saturating_sub(1) {
                out[x] = at(x - 1) + 2 * at(x) + at(x + 1);
            }
            if w > 1 {
                out[w - 1] = at(w - 2) + 3 * at(w - 1);
            }
        }
        let mut out = vec![0u8; w * h];
        for y in 0..h {
            let (above, here, below) = (&across[y.saturating_sub(1) * w..][..w], &across[y * w..][..w], &across[(y + 1).min(h - 1) * w..][..w]);
            for (x, out) in out[y * w..(y + 1) * w].iter_mut().enumerate() {
                *out = ((above[x] + 2 * here[x] + below[x] + 8) / 16) as u8;
            }
        }
        out
    };
    let first = once(luma.pixels);
    if twice {
        once(&first)
    } else {
        first
    }
}

/// Unsharp masking: each pixel pushed away from its blurred surround by one and a half
/// times the difference. It restores the light ring of a finder pattern that defocus or a
/// moving hand has smeared into its dark neighbours.
pub fn sharpen(luma: &Luma) -> Vec<u8> {
    let blurred = smooth(luma, true);
    luma.pixels
        .iter()
        .zip(&blurred)
        .map(|(&v, &b)| sharpened(v, b))
        .collect()
}

/// v + 1.5 (v − b) = (5v − 3b) / 2, rounded half up and clamped; in integers, as this runs
/// on every pixel of a frame.
fn sharpened(v: u8, b: u8) -> u8 {
    let twice = 5 * i32::from(v) - 3 * i32::from(b);
    ((twice + 1) / 2).clamp(0, 255) as u8
}

/// Mean grey level, from every 16th pixel.
pub fn mean_level(luma: &Luma) -> f32 {
    let sampled: Vec<u8> = luma.pixels.iter().step_by(16).copied().collect();
    sampled.iter().map(|&p| u32::from(p)).sum::<u32>() as f32 / sampled.len().max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dark_square_on_a_gradient_is_dark_and_its_surround_light() {
        let (w, h) = (60, 40);
        let pixels: Vec<u8> = (0..w * h)
            .map(|i| {
                let (x, y) = (i % w, i / w);
                let base = 120 + x as u8 * 2;
                if (20..30).contains(&x) && (15..25).contains(&y) { base - 90 } else { base }
            })
            .collect();
        let bits = binarize(&Luma { width: w, height: h, pixels: &pixels }, 6);
        assert_eq!(bits.is_dark(25, 20), Some(true));
        assert_eq!(bits.is_dark(5, 5), Some(false));
        assert_eq!(bits.is_dark(50, 35), Some(false));
        assert_eq!(bits.is_dark(60, 0), None);
    }

    /// `n` grey levels from a xorshift generator: every level, no pattern.
    fn noise(n: usize, mut state: u32) -> Vec<u8> {
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect()
    }

    /// The window's mean at each pixel, the plain way: what `binarize` must agree with.
    fn binarize_slowly(luma: &Luma, radius: usize) -> Vec<u8> {
        let (w, h) = (luma.width, luma.height);
        (0..w * h)
            .map(|i| {
                let (x, y) = (i % w, i / w);
                let (xs, ys) = (x.saturating_sub(radius)..(x + radius + 1).min(w), y.saturating_sub(radius)..(y + radius + 1).min(h));
                let area = (xs.len() * ys.len()) as u64;
                let sum: u64 = ys.flat_map(|y| xs.clone().map(move |x| u64::from(luma.pixels[y * w + x]))).sum();
                u8::from((u64::from(luma.pixels[i]) + u64::from(MARGIN)) * area < sum)
            })
            .collect()
    }

    #[test]
    fn binarizing_agrees_with_the_plain_window_mean_at_every_size() {
        // Wider and narrower than the window, and a window wider than the image.
        for (w, h, radius) in [(90, 50, 8), (17, 30, 8), (5, 4, 12), (81, 81, 40), (1, 7, 3), (0, 3, 2)] {
            let pixels = noise(w * h, 0x2545_f491);
            let luma = Luma { width: w, height: h, pixels: &pixels };
            assert_eq!(binarize(&luma, radius).dark, binarize_slowly(&luma, radius), "{w}×{h}, radius {radius}");
        }
    }

    #[test]
    fn smoothing_agrees_with_the_plain_binomial_blur() {
        let plain = |luma: &Luma| -> Vec<u8> {
            let (w, h) = (luma.width as isize, luma.height as isize);
            let at = |x: isize, y: isize| u32::from(luma.pixels[(y.clamp(0, h - 1) * w + x.clamp(0, w - 1)) as usize]);
            let weight = |d: isize| if d == 0 { 2 } else { 1 };
            (0..w * h)
                .map(|i| {
                    let (x, y) = (i % w, i / w);
                    let sum: u32 = (-1..=1).flat_map(|dy| (-1..=1).map(move |dx| (dx, dy))).map(|(dx, dy)| weight(dx) * weight(dy) * at(x + dx, y + dy)).sum();
                    ((sum + 8) / 16) as u8
                })
                .collect()
        };
        for (w, h) in [(40, 30), (1, 5), (6, 1), (2, 2), (1, 1)] {
            let pixels = noise(w * h, 0x9e37_79b9);
            let luma = Luma { width: w, height: h, pixels: &pixels };
            let once = plain(&luma);
            assert_eq!(smooth(&luma, false), once, "{w}×{h}");
            assert_eq!(smooth(&luma, true), plain(&Luma { pixels: &once, ..luma }), "{w}×{h}, twice");
        }
    }

    #[test]
    fn sharpening_in_integers_is_the_rounded_unsharp_mask() {
        for v in 0..=255u8 {
            for b in 0..=255u8 {
                let exact = (f32::from(v) + 1.5 * (f32::from(v) - f32::from(b))).round().clamp(0.0, 255.0) as u8;
                assert_eq!(sharpened(v, b), exact, "v {v}, b {b}");
            }
        }
    }

    #[test]
    fn bilinear_sampling_interpolates_between_pixel_centres() {
        let pixels = [0u8, 100, 200, 100];
        let luma = Luma { width: 2, height: 2, pixels: &pixels };
        assert_eq!(luma.sample(0.5, 0.5), Some(0.0));
        assert_eq!(luma.sample(1.0, 0.5), Some(50.0));
        assert_eq!(luma.sample(1.0, 1.0), Some(100.0));
        assert_eq!(luma.sample(3.0, 1.0), None);
    }
}
