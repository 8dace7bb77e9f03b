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
        for y in 0..luma.height {
            let mut row = 0u32;
            for x in 0..luma.width {
                row = row.wrapping_add(u32::from(luma.pixels[y * luma.width + x]));
                sums[(y + 1) * w1 + x + 1] = sums[y * w1 + x + 1].wrapping_add(row);
            }
        }
        Integral { width: w1, sums }
    }

    /// Sum over [x0, x1) × [y0, y1).
    fn sum(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> u32 {
        let s = |x: usize, y: usize| self.sums[y * self.width + x];
        s(x1, y1).wrapping_sub(s(x0, y1)).wrapping_sub(s(x1, y0)).wrapping_add(s(x0, y0))
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
const MARGIN: u64 = 2;

/// Dark where a pixel is below the mean of the window of about `radius` pixels around it.
pub fn binarize(luma: &Luma, radius: usize) -> Bits {
    let (w, h) = (luma.width, luma.height);
    let integral = Integral::of(luma);
    let mut dark = vec![0u8; w * h];
    for y in 0..h {
        let (y0, y1) = (y.saturating_sub(radius), (y + radius + 1).min(h));
        for x in 0..w {
            let (x0, x1) = (x.saturating_sub(radius), (x + radius + 1).min(w));
            // pixel < sum / area - MARGIN, in integers.
            let area = ((x1 - x0) * (y1 - y0)) as u64;
            let pixel = u64::from(luma.pixels[y * w + x]) + MARGIN;
            dark[y * w + x] = u8::from(pixel * area < u64::from(integral.sum(x0, y0, x1, y1)));
        }
    }
    Bits { width: w, height: h, dark }
}

/// A 3×3 binomial blur (twice when `twice`): about 0.7 px (1 px) of Gaussian blur.
pub fn smooth(luma: &Luma, twice: bool) -> Vec<u8> {
    let once = |src: &[u8]| -> Vec<u8> {
        let (w, h) = (luma.width, luma.height);
        let mut across = vec![0u16; w * h];
        for y in 0..h {
            for x in 0..w {
                let at = |x: usize| u16::from(src[y * w + x]);
                across[y * w + x] = at(x.saturating_sub(1)) + 2 * at(x) + at((x + 1).min(w - 1));
            }
        }
        let mut out = vec![0u8; w * h];
        for y in 0..h {
            for x in 0..w {
                let at = |y: usize| across[y * w + x];
                out[y * w + x] = ((at(y.saturating_sub(1)) + 2 * at(y) + at((y + 1).min(h - 1)) + 8) / 16) as u8;
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

/// Unsharp masking: each pixel pushed away from its blurred surround by `amount` times
/// the difference. It restores the light ring of a finder pattern that defocus or a
/// moving hand has smeared into its dark neighbours.
pub fn sharpen(luma: &Luma, amount: f32) -> Vec<u8> {
    let blurred = smooth(luma, true);
    luma.pixels
        .iter()
        .zip(&blurred)
        .map(|(&v, &b)| {
            let (v, b) = (f32::from(v), f32::from(b));
            (v + amount * (v - b)).round().clamp(0.0, 255.0) as u8
        })
        .collect()
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
