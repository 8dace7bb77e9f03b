//! From three finder patterns to the whole code's geometry: which finder is which, how
//! many modules across, and the perspective, corrected by the alignment patterns (a card
//! tipped away from the camera is not a parallelogram, and at 2–3 px a module an error of
//! one module at the far corner loses the code).

use super::finder::Finder;
use super::image::Luma;
use super::layout;
use super::perspective::{Pair, Perspective};

/// Three finder patterns that could be one code's, named by corner.
#[derive(Clone, Copy, Debug)]
pub struct Corners {
    pub top_left: Finder,
    pub top_right: Finder,
    pub bottom_left: Finder,
}

impl Corners {
    /// Names the corners of a plausible triple; `None` if the three cannot be one code's
    /// (unlike sizes, far from a right angle).
    pub fn of(a: Finder, b: Finder, c: Finder) -> Option<Corners> {
        let (ab, bc, ca) = (a.distance(&b), b.distance(&c), c.distance(&a));
        // The corner opposite the longest side is the top left.
        let (tl, mut tr, mut bl) = if bc >= ab && bc >= ca { (a, b, c) } else if ca >= ab && ca >= bc { (b, c, a) } else { (c, a, b) };
        let (ux, uy, vx, vy) = (tr.x - tl.x, tr.y - tl.y, bl.x - tl.x, bl.y - tl.y);
        // Image y points down: top right then bottom left turn clockwise from the top left.
        if ux * vy - uy * vx < 0.0 {
            std::mem::swap(&mut tr, &mut bl);
        }
        let (lu, lv) = (tl.distance(&tr), tl.distance(&bl));
        let cos = (ux * vx + uy * vy) / (lu * lv);
        let modules = [tl.module, tr.module, bl.module];
        let (small, large) = modules.iter().fold((f64::MAX, 0.0f64), |(s, l), &m| (s.min(m), l.max(m)));
        let plausible = cos.abs() < 0.5
            && lu / lv < 2.0
            && lv / lu < 2.0
            && large / small < 2.0
            && lu > 10.0 * small
            && lv > 10.0 * small;
        plausible.then_some(Corners { top_left: tl, top_right: tr, bottom_left: bl })
    }

    /// Modules across, estimated from the finders' spacing and module sizes.
    pub fn estimated_size(&self) -> f64 {
        let (tl, tr, bl) = (&self.top_left, &self.top_right, &self.bottom_left);
        let across = tl.distance(tr) / ((tl.module + tr.module) / 2.0);
        let down = tl.distance(bl) / ((tl.module + bl.module) / 2.0);
        (across + down) / 2.0 + 7.0
    }

    /// Versions the finders' spacing allows, nearest to their estimate first. The module
    /// size the finders suggest is a poor guide on its own: it reads up to √2 too large on
    /// a code turned 45° and too small on a blurred one, so the range is wide.
    pub fn versions(&self) -> Vec<usize> {
        let estimate = self.estimated_size();
        let modules_between = estimate - 7.0;
        let (low, high) = (0.6 * modules_between + 7.0, 1.8 * modules_between + 7.0);
        let mut versions: Vec<usize> = layout::VERSIONS.filter(|&v| (low..=high).contains(&(layout::size(v) as f64))).collect();
        let distance = |v: usize| (layout::size(v) as f64 - estimate).abs();
        crate::order::sort_by(&mut versions, |&a, &b| distance(a).total_cmp(&distance(b)));
        versions
    }

    /// Each finder's centre in a code of `version` (modules) with where it was seen (pixels).
    fn centre_pairs(&self, version: usize) -> [Pair; 3] {
        let [tl, tr, bl] = layout::finder_centres(version);
        let (a, b, c) = (&self.top_left, &self.top_right, &self.bottom_left);
        [(tl, (a.x, a.y)), (tr, (b.x, b.y)), (bl, (c.x, c.y))]
    }

    /// The parallelogram through the three finders, for a code of `version`.
    fn affine(&self, version: usize) -> Option<Perspective> {
        let far = layout::size(version) as f64 - 3.5;
        let (a, b, c) = (&self.top_left, &self.top_right, &self.bottom_left);
        let fourth = (b.x + c.x - a.x, b.y + c.y - a.y);
        let [tl, tr, bl] = self.centre_pairs(version);
        Perspective::fit(&[tl, tr, bl, ((far, far), fourth)])
    }

    pub fn module(&self) -> f64 {
        (self.top_left.module + self.top_right.module + self.bottom_left.module) / 3.0
    }
}

/// How well a code of `version` at these finders fits the image, judged cheaply on the
/// parallelogram through them (no alignment patterns): the timing score. On a tilted
/// card the parallelogram drifts off the timing pattern towards the middle, but the right
/// triple and version still score above wrong ones.
pub fn rough_fit(luma: &Luma, corners: &Corners, version: usize) -> Option<f32> {
    timing_score(luma, &corners.affine(version)?, version)
}

/// The perspective of a code of `version` at these finders, corrected by its alignment
/// patterns, if its timing patterns then show through it.
/// Returns it with its timing score.
pub fn fit(luma: &Luma, corners: &Corners, version: usize) -> Option<(f32, Perspective)> {
    let p = perspective(luma, corners, version)?;
    let score = timing_score(luma, &p, version)?;
    (score > 0.3).then_some((score, p))
}

/// The perspective of a code of `version` with these finder patterns, or `None` if its
/// alignment patterns are not where that version puts them.
fn perspective(luma: &Luma, corners: &Corners, version: usize) -> Option<Perspective> {
    let affine = corners.affine(version)?;
    let alignments = layout::alignment_centres(version);
    let Some(&bottom_right) = alignments.first() else {
        return Some(affine);
    };
    let contrast = finder_contrast(luma, &affine)?;
    // The bottom-right alignment pattern fixes the perspective; the parallelogram can miss
    // it by several modules on a tilted card.
    let (x, y) = affine.map(bottom_right.0, bottom_right.1);
    // Without it (too blurred to see), the parallelogram is the best there is.
    let Some(seen) = find_alignment(luma, &affine, bottom_right, (x, y), 5.0, contrast) else {
        return Some(affine);
    };
    let mut pairs: Vec<Pair> = corners.centre_pairs(version).to_vec();
    pairs.push((bottom_right, seen));
    let mut fitted = Perspective::fit(&pairs)?;
    // Where the timing patterns do not show even now, the other alignment patterns will
    // not rescue the fit (on the card corpus, no fit that went on to pass did), and on a
    // frame without a code they are most of the work: they are not searched for.
    if alignments.len() > 1 && timing_score(luma, &fitted, version).is_none_or(|score| score < REFINED_TIMING) {
        return None;
    }
    // Then every other alignment pattern, each near where the new fit puts it.
    for &centre in &alignments[1..] {
        let predicted = fitted.map(centre.0, centre.1);
        if let Some(seen) = find_alignment(luma, &fitted, centre, predicted, 1.5, contrast) {
            pairs.push((centre, seen));
        }
    }
    if pairs.len() > 4 {
        fitted = Perspective::fit(&pairs)?;
    }
    Some(fitted)
}

/// The timing score a fit through the finders and the bottom-right alignment pattern must
/// reach before the other alignment patterns are looked for.
const REFINED_TIMING: f32 = 0.1;

/// How well the timing patterns (row 6 and column 6, alternating dark and light between
/// the finders) show through grid `p` of `version`: the alternating sum of their grey
/// levels over the sum of their deviations from the mean, so 1 for a perfect
/// alternation, about 0 for a grid that drifts across them, and never more than 1
/// however faint the image. `None` where the top-left finder shows no contrast at all.
fn timing_score(luma: &Luma, p: &Perspective, version: usize) -> Option<f32> {
    if finder_contrast(luma, p)? < MIN_CONTRAST {
        return None;
    }
    let end = layout::size(version) - 8;
    let mut values = Vec::with_capacity(2 * (end - 8));
    for i in 8..end {
        let along = i as f64 + 0.5;
        let sign = if i % 2 == 0 { -1.0 } else { 1.0 };
        values.push((sign, luma.sample_at(p, along, 6.5)?));
        values.push((sign, luma.sample_at(p, 6.5, along)?));
    }
    let mean = values.iter().map(|v| v.1).sum::<f32>() / values.len() as f32;
    let deviation: f32 = values.iter().map(|v| (v.1 - mean).abs()).sum();
    let alternation: f32 = values.iter().map(|v| v.0 * (v.1 - mean)).sum();
    (deviation > 0.0).then(|| alternation / deviation)
}

/// Grey levels between a finder's dark centre and light ring below which it is noise.
const MIN_CONTRAST: f32 = 8.0;

/// How much lighter the white ring of the top-left finder is than its dark centre.
fn finder_contrast(luma: &Luma, p: &Perspective) -> Option<f32> {
    let dark = luma.sample_at(p, 3.5, 3.5)?;
    let ring = [(2.0, 2.0), (3.5, 2.0), (5.0, 2.0), (5.0, 3.5), (5.0, 5.0), (3.5, 5.0), (2.0, 5.0), (2.0, 3.5)];
    let light = ring.iter().map(|&(u, v)| luma.sample_at(p, u, v)).sum::<Option<f32>>()? / 8.0;
    (light > dark).then_some(light - dark)
}

/// The centre of the alignment pattern nearest `predicted` within `radius` modules: the
/// point where a 5×5-module template (dark centre, light ring, dark ring) contrasts most.
fn find_alignment(luma: &Luma, p: &Perspective, centre: (f64, f64), predicted: (f64, f64), radius: f64, contrast: f32) -> Option<(f64, f64)> {
    let (du, dv) = p.module_vectors(centre.0, centre.1);
    // Best score over a square of offsets around `from`, `reach` modules each way, `step`
    // modules apart. The template's points are whole modules apart, so they fall on the
    // same lattice as the offsets: each lattice point is sampled once (not once for each
    // offset whose template covers it, 25 times over in the wide search).
    let search = |from: (f64, f64), reach: f64, step: f64| -> Option<(f32, f64, f64)> {
        let n = (reach / step).round() as i32;
        let k = (1.0 / step).round() as i32;
        let m = n + 2 * k;
        let side = (2 * m + 1) as usize;
        let at = |i: i32, j: i32| {
            let (s, t) = (f64::from(i) * step, f64::from(j) * step);
            (from.0 + s * du.0 + t * dv.0, from.1 + s * du.1 + t * dv.1)
        };
        let mut lattice: Vec<Option<f32>> = Vec::with_capacity(side * side);
        for j in -m..=m {
            for i in -m..=m {
                let (x, y) = at(i, j);
                lattice.push(luma.sample(x, y));
            }
        }
        let sample = |i: i32, j: i32| lattice[(j + m) as usize * side + (i + m) as usize];
        let score = |i: i32, j: i32| -> Option<f32> {
            let mut light = 0.0;
            let mut dark = 0.0;
            for b in -2i32..=2 {
                for a in -2i32..=2 {
                    let value = sample(i + a * k, j + b * k)?;
                    if a.abs() == 2 || b.abs() == 2 || (a == 0 && b == 0) {
                        dark += value;
                    } else {
                        light += value;
                    }
                }
            }
            Some(light / 8.0 - dark / 17.0)
        };
        let mut best: Option<(f32, f64, f64)> = None;
        for j in -n..=n {
            for i in -n..=n {
                if let Some(v) = score(i, j) {
                    if best.is_none_or(|b| v > b.0) {
                        let (x, y) = at(i, j);
                        best = Some((v, x, y));
                    }
                }
            }
        }
        best
    };
    let (_, x, y) = search(predicted, radius, 0.5)?;
    let (value, x, y) = search((x, y), 0.5, 0.125)?;
    (value > 0.15 * contrast).then_some((x, y))
}
