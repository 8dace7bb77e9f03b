//! What the lens and sensor do to the light: blur (lens, defocus), smear (motion) and noise.

/// Gaussian blur with standard deviation `sigma` pixels (separable, clamped edges).
pub fn gaussian_blur(img: &[f32], w: usize, h: usize, sigma: f64) -> Vec<f32> {
    if sigma < 0.05 {
        return img.to_vec();
    }
    let radius = (3.0 * sigma).ceil() as isize;
    let kernel: Vec<f32> = (-radius..=radius).map(|i| (-(i * i) as f64 / (2.0 * sigma * sigma)).exp() as f32).collect();
    let total: f32 = kernel.iter().sum();
    let kernel: Vec<f32> = kernel.iter().map(|k| k / total).collect();
    let pass = |src: &[f32], horizontal: bool| -> Vec<f32> {
        let mut out = vec![0.0f32; src.len()];
        for y in 0..h {
            for x in 0..w {
                let mut sum = 0.0;
                for (k, weight) in kernel.iter().enumerate() {
                    let d = k as isize - radius;
                    let (sx, sy) = if horizontal {
                        ((x as isize + d).clamp(0, w as isize - 1) as usize, y)
                    } else {
                        (x, (y as isize + d).clamp(0, h as isize - 1) as usize)
                    };
                    sum += weight * src[sy * w + sx];
                }
                out[y * w + x] = sum;
            }
        }
        out
    };
    pass(&pass(img, true), false)
}

/// A straight smear of `length` pixels at `angle_deg`, as when the phone or card moves
/// during the exposure: the mean of the image shifted along the path.
pub fn motion_blur(img: &[f32], w: usize, h: usize, length: f64, angle_deg: f64) -> Vec<f32> {
    if length < 0.5 {
        return img.to_vec();
    }
    let steps = length.ceil() as usize + 1;
    let (dy, dx) = angle_deg.to_radians().sin_cos();
    let mut out = vec![0.0f32; img.len()];
    for s in 0..steps {
        let t = (s as f64 / (steps - 1) as f64 - 0.5) * length;
        let (ox, oy) = (t * dx, t * dy);
        for y in 0..h {
            for x in 0..w {
                out[y * w + x] += bilinear(img, w, h, x as f64 + ox, y as f64 + oy);
            }
        }
    }
    let n = steps as f32;
    out.iter_mut().for_each(|p| *p /= n);
    out
}

fn bilinear(img: &[f32], w: usize, h: usize, x: f64, y: f64) -> f32 {
    let x = x.clamp(0.0, (w - 1) as f64);
    let y = y.clamp(0.0, (h - 1) as f64);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = ((x - x0 as f64) as f32, (y - y0 as f64) as f32);
    let top = img[y0 * w + x0] * (1.0 - fx) + img[y0 * w + x1] * fx;
    let bottom = img[y1 * w + x0] * (1.0 - fx) + img[y1 * w + x1] * fx;
    top * (1.0 - fy) + bottom * fy
}
