//! The projective map from a QR code's module grid to image pixels, fitted to points found
//! in the image (finder and alignment pattern centres).

/// Maps module coordinates (u right, v down; the top-left corner of the code is 0, 0) to
/// image pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Perspective([f64; 9]);

/// A point in module coordinates and where it is in the image, in pixels.
pub type Pair = ((f64, f64), (f64, f64));

impl Perspective {
    /// The least-squares fit to four or more (module, pixel) pairs; `None` if they are
    /// degenerate (collinear, coincident).
    pub fn fit(pairs: &[Pair]) -> Option<Perspective> {
        if pairs.len() < 4 {
            return None;
        }
        // Normalise both sides (centroid at 0, mean distance about 1): the normal
        // equations are badly conditioned in raw pixels.
        let (src_norm, dst_norm) = (Normaliser::of(pairs.iter().map(|p| p.0)), Normaliser::of(pairs.iter().map(|p| p.1)));
        let mut ata = [[0.0f64; 8]; 8];
        let mut atb = [0.0f64; 8];
        for &(s, d) in pairs {
            let (u, v) = src_norm.apply(s);
            let (x, y) = dst_norm.apply(d);
            for (row, rhs) in [([u, v, 1.0, 0.0, 0.0, 0.0, -x * u, -x * v], x), ([0.0, 0.0, 0.0, u, v, 1.0, -y * u, -y * v], y)] {
                for i in 0..8 {
                    atb[i] += row[i] * rhs;
                    for j in 0..8 {
                        ata[i][j] += row[i] * row[j];
                    }
                }
            }
        }
        let h = solve8(ata, atb)?;
        let normalised = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1.0];
        let m = multiply(&dst_norm.inverse_matrix(), &multiply(&normalised, &src_norm.matrix()));
        (m[8].abs() > 1e-12).then(|| Perspective(m.map(|x| x / m[8])))
    }

    pub fn map(&self, u: f64, v: f64) -> (f64, f64) {
        let m = &self.0;
        let w = m[6] * u + m[7] * v + m[8];
        ((m[0] * u + m[1] * v + m[2]) / w, (m[3] * u + m[4] * v + m[5]) / w)
    }

    /// Pixels per module along u and along v near module point (u, v).
    pub fn module_vectors(&self, u: f64, v: f64) -> ((f64, f64), (f64, f64)) {
        let (x0, y0) = self.map(u - 0.5, v);
        let (x1, y1) = self.map(u + 0.5, v);
        let (x2, y2) = self.map(u, v - 0.5);
        let (x3, y3) = self.map(u, v + 0.5);
        ((x1 - x0, y1 - y0), (x3 - x2, y3 - y2))
    }
}

/// Shifts a point set to its centroid and scales it to a mean distance of √2.
struct Normaliser {
    centre: (f64, f64),
    scale: f64,
}

impl Normaliser {
    fn of(points: impl Iterator<Item = (f64, f64)> + Clone) -> Normaliser {
        let n = points.clone().count().max(1) as f64;
        let (sx, sy) = points.clone().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
        let centre = (sx / n, sy / n);
        let mean = points.map(|p| ((p.0 - centre.0).powi(2) + (p.1 - centre.1).powi(2)).sqrt()).sum::<f64>() / n;
        Normaliser { centre, scale: if mean > 1e-9 { std::f64::consts::SQRT_2 / mean } else { 1.0 } }
    }

    fn apply(&self, p: (f64, f64)) -> (f64, f64) {
        ((p.0 - self.centre.0) * self.scale, (p.1 - self.centre.1) * self.scale)
    }

    fn matrix(&self) -> [f64; 9] {
        let s = self.scale;
        [s, 0.0, -s * self.centre.0, 0.0, s, -s * self.centre.1, 0.0, 0.0, 1.0]
    }

    fn inverse_matrix(&self) -> [f64; 9] {
        let s = 1.0 / self.scale;
        [s, 0.0, self.centre.0, 0.0, s, self.centre.1, 0.0, 0.0, 1.0]
    }
}

fn multiply(a: &[f64; 9], b: &[f64; 9]) -> [f64; 9] {
    let mut out = [0.0; 9];
    for r in 0..3 {
        for c in 0..3 {
            out[r * 3 + c] = (0..3).map(|k| a[r * 3 + k] * b[k * 3 + c]).sum();
        }
    }
    out
}

/// Gaussian elimination with partial pivoting.
fn solve8(mut a: [[f64; 8]; 8], mut b: [f64; 8]) -> Option<[f64; 8]> {
    for col in 0..8 {
        let pivot = (col..8).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..8 {
            let f = a[row][col] / a[col][col];
            for k in col..8 {
                a[row][k] -= f * a[col][k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = [0.0; 8];
    for row in (0..8).rev() {
        let tail: f64 = (row + 1..8).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_an_exact_projective_map() {
        let truth = Perspective([3.1, 0.4, 200.0, -0.3, 2.7, 150.0, 0.001, -0.0005, 1.0]);
        let pairs: Vec<Pair> = [(3.5, 3.5), (53.5, 3.5), (3.5, 53.5), (50.5, 50.5), (28.5, 28.5)].iter().map(|&p| (p, truth.map(p.0, p.1))).collect();
        let fitted = Perspective::fit(&pairs).expect("a fit");
        for (s, d) in pairs {
            let got = fitted.map(s.0, s.1);
            assert!((got.0 - d.0).abs() < 1e-6 && (got.1 - d.1).abs() < 1e-6, "{got:?} vs {d:?}");
        }
    }

    #[test]
    fn collinear_points_have_no_fit() {
        let pairs: Vec<Pair> = (0..5).map(|i| ((i as f64, i as f64), (i as f64 * 2.0, i as f64 * 2.0))).collect();
        assert_eq!(Perspective::fit(&pairs), None);
    }
}
