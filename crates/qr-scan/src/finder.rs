//! Finding the three finder patterns (the nested squares in a QR code's corners). Any line
//! through a finder pattern's centre crosses dark, light, dark, light, dark in the ratio
//! 1:1:3:1:1, whatever the rotation: rows and diagonals are scanned for that, and each
//! hit is checked across it and along a third direction. Rows alone see a finder turned
//! 45° on only a row or two (off centre, the middle run of a diamond shrinks fast), so
//! diagonals are scanned too. Small codes (2 px modules) quantise the runs coarsely, so
//! the ratio test is lenient and the cross-checks do the filtering.

use super::budget::Budget;
use super::candidates::Candidates;
use super::image::Bits;

/// A finder pattern's centre in pixels, its module size, and how many scan lines saw it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finder {
    pub x: f64,
    pub y: f64,
    pub module: f64,
    pub hits: u32,
}

impl Finder {
    /// Pixels between this finder's centre and another's.
    pub fn distance(&self, other: &Finder) -> f64 {
        ((self.x - other.x).powi(2) + (self.y - other.y).powi(2)).sqrt()
    }
}

type Step = (isize, isize);

/// How much longer than the rings the middle run must be: along the scan and across it,
/// and along the third direction.
const STRICT: f64 = 1.6;
const LENIENT: f64 = 1.2;

/// Lines scanned: every `LINE_STEP`th row and diagonal.
const LINE_STEP: usize = 2;

/// Scan directions, each with the direction across it and a third to check along.
const SCANS: [(Step, Step, Step); 2] = [((1, 0), (0, 1), (1, 1)), ((1, 1), (1, -1), (1, 0))];

/// Candidates kept while scanning: a real scene, busy as it may be, shows a few hundred.
pub const MOST_CANDIDATES: usize = 4096;

/// What the finder search found, and the most candidates it held at once.
pub struct Found {
    pub finders: Vec<Finder>,
    pub most_candidates: usize,
}

/// Finder patterns in the image, most often seen first, at most `limit` of them. Stops
/// early, with what it has, once `budget` is spent.
pub fn find(bits: &Bits, limit: usize, budget: &mut Budget) -> Found {
    let (w, h) = (bits.width as isize, bits.height as isize);
    let mut found = Candidates::new(bits.width, bits.height, MOST_CANDIDATES);
    let mut line: Vec<u8> = Vec::with_capacity(bits.width);
    let mut runs: Vec<(usize, usize)> = Vec::with_capacity(256);
    for (scan, (along, across, check)) in SCANS.into_iter().enumerate() {
        // Rows start on the left edge; diagonals on the left edge and along the top.
        // Every other line: a finder's middle run is 3 modules, at least 4 px even for a
        // far card, so each finder is still crossed near its centre two or more times.
        let starts: Vec<(isize, isize)> = if along == (1, 0) {
            (0..h).step_by(LINE_STEP).map(|y| (0, y)).collect()
        } else {
            (0..h).rev().map(|y| (0, y)).chain((1..w).map(|x| (x, 0))).step_by(LINE_STEP).collect()
        };
        for (x0, y0) in starts {
            // Rows are read in place; diagonals are gathered first.
            let pixels: &[u8] = if along == (1, 0) {
                &bits.dark[(y0 * w) as usize..((y0 + 1) * w) as usize]
            } else {
                // Down and to the right: one row and one column further each step.
                let length = (w - x0).min(h - y0) as usize;
                line.clear();
                let (start, stride) = ((y0 * w + x0) as usize, bits.width + 1);
                line.extend((0..length).map(|k| bits.dark[start + k * stride]));
                &line
            };
            if !budget.spend(pixels.len() as u64) {
                return Found { finders: found.strongest(limit), most_candidates: found.most_held() };
            }
            runs_of(pixels, &mut runs);
            let mut i = usize::from(pixels.first() != Some(&1));
            while i + 5 <= runs.len() {
                let middle_run = runs[i + 2].1;
                // Most windows fail here, cheaply: the middle run must be the longest.
                if middle_run >= 3 && middle_run > runs[i + 1].1 && middle_run > runs[i + 3].1 {
                    let lengths = [runs[i].1, runs[i + 1].1, middle_run, runs[i + 3].1, runs[i + 4].1];
                    if looks_like_finder(lengths.map(|l| l as f64), STRICT) {
                        let middle = runs[i + 2].0 as f64 + (middle_run as f64 - 1.0) / 2.0;
                        let centre = (x0 as f64 + 0.5 + middle * along.0 as f64, y0 as f64 + 0.5 + middle * along.1 as f64);
                        let total = lengths.iter().sum::<usize>() as f64;
                        // The three cross-checks walk about the pattern's length each.
                        budget.spend(3 * total as u64);
                        if let Some((at, module)) = confirm(bits, centre, total, along, across, check) {
                            budget.spend(found.add(at, module, scan));
                        }
                    }
                }
                i += 2;
            }
        }
    }
    Found { finders: found.strongest(limit), most_candidates: found.most_held() }
}

/// Runs of one colour along a line, as (start, length).
fn runs_of(line: &[u8], runs: &mut Vec<(usize, usize)>) {
    runs.clear();
    if line.is_empty() {
        return;
    }
    let mut start = 0;
    for (x, pair) in line.windows(2).enumerate() {
        if pair[0] != pair[1] {
            runs.push((start, x + 1 - start));
            start = x + 1;
        }
    }
    runs.push((start, line.len() - start));
}

/// Run lengths (dark, light, dark, light, dark) roughly 1:1:3:1:1, the middle run at
/// least `min_middle` times the others' mean.
fn looks_like_finder(runs: [f64; 5], min_middle: f64) -> bool {
    let total: f64 = runs.iter().sum();
    if total < 5.0 {
        return false;
    }
    let module = total / 7.0;
    let slack = 0.7 * module + 0.75;
    let ones_ok = [0, 1, 3, 4].iter().all(|&i| (runs[i] - module).abs() <= slack);
    let outer = (runs[0] + runs[1] + runs[3] + runs[4]) / 4.0;
    ones_ok && runs[2] >= min_middle * outer && runs[2] <= 5.0 * outer && (runs[2] - 3.0 * module).abs() <= 1.5 * module + 1.0
}

/// Checks a hit across the scan line, then again along it through the refined centre,
/// then along a third direction. Returns the refined centre and module size.
fn confirm(bits: &Bits, at: (f64, f64), total: f64, along: Step, across: Step, check: Step) -> Option<((f64, f64), f64)> {
    let length = |s: Step| ((s.0 * s.0 + s.1 * s.1) as f64).sqrt();
    let (at, across_total) = cross(bits, at, across, total * length(along) / length(across), STRICT)?;
    let (at, along_total) = cross(bits, at, along, across_total * length(across) / length(along), STRICT)?;
    // The third direction rejects most look-alikes in text and photos, which match along
    // two directions more often than along three. It is checked leniently: thresholding a
    // blurred finder rounds the corners of its centre, which a diagonal crosses.
    cross(bits, at, check, along_total * length(along) / length(check), LENIENT)?;
    let module = (along_total * length(along) + across_total * length(across)) / 14.0;
    Some((at, module))
}

/// Counts the five runs along `step` through the pixel at `at`, which must be dark.
/// Returns the centre of the middle run (a pixel centre, or half-way between two) and the
/// pattern's length in steps.
fn cross(bits: &Bits, at: (f64, f64), step: Step, expected_total: f64, min_middle: f64) -> Option<((f64, f64), f64)> {
    let (cx, cy) = (at.0.floor() as isize, at.1.floor() as isize);
    if bits.is_dark(cx, cy) != Some(true) {
        return None;
    }
    // Give up on a run far longer than the pattern seen so far could have.
    let max_run = (expected_total * 1.5) as usize + 3;
    let walk = |sign: isize| -> Option<[usize; 3]> {
        let mut counts = [0usize; 3];
        let mut k = 0isize;
        for (run, want_dark) in [true, false, true].into_iter().enumerate() {
            loop {
                match bits.is_dark(cx + sign * step.0 * k, cy + sign * step.1 * k) {
                    Some(d) if d == want_dark => {
                        counts[run] += 1;
                        k += 1;
                        if counts[run] > max_run {
                            return None;
                        }
                    }
                    // The outer dark ring may end at the image edge.
                    None if run == 2 && counts[2] > 0 => return Some(counts),
                    None => return None,
                    Some(_) => break,
                }
            }
            if counts[run] == 0 {
                return None;
            }
        }
        Some(counts)
    };
    let back = walk(-1)?;
    let ahead = walk(1)?;
    // The start pixel was counted in both directions.
    let middle = back[0] + ahead[0] - 1;
    let runs = [back[2] as f64, back[1] as f64, middle as f64, ahead[1] as f64, ahead[2] as f64];
    if !looks_like_finder(runs, min_middle) {
        return None;
    }
    let total: f64 = runs.iter().sum();
    if total < expected_total * 0.4 || total > expected_total * 2.5 {
        return None;
    }
    let shift = (ahead[0] as f64 - back[0] as f64) / 2.0;
    let centre = (cx as f64 + 0.5 + shift * step.0 as f64, cy as f64 + 0.5 + shift * step.1 as f64);
    Some((centre, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw_finder(bits: &mut Bits, left: usize, top: usize, module: usize) {
        for my in 0..7 {
            for mx in 0..7 {
                let ring = mx.min(my).min(6 - mx).min(6 - my);
                let dark = ring != 1;
                for py in 0..module {
                    for px in 0..module {
                        bits.dark[(top + my * module + py) * bits.width + left + mx * module + px] = u8::from(dark);
                    }
                }
            }
        }
    }

    #[test]
    fn finds_finder_patterns_of_two_pixel_modules() {
        let mut bits = Bits { width: 100, height: 80, dark: vec![0; 8000] };
        draw_finder(&mut bits, 10, 10, 2);
        draw_finder(&mut bits, 60, 10, 2);
        draw_finder(&mut bits, 10, 50, 3);
        let found = find(&bits, 10, &mut Budget::with_limit(u64::MAX)).finders;
        assert_eq!(found.len(), 3, "{found:?}");
        let near = |x: f64, y: f64| found.iter().any(|f| (f.x - x).abs() < 1.0 && (f.y - y).abs() < 1.0);
        assert!(near(17.0, 17.0) && near(67.0, 17.0) && near(20.5, 60.5), "{found:?}");
        assert!(found.iter().all(|f| f.module > 1.5 && f.module < 3.5));
    }

    #[test]
    fn runs_cover_the_line_in_order() {
        let mut runs = Vec::new();
        runs_of(&[1, 1, 0, 1, 0, 0, 0], &mut runs);
        assert_eq!(runs, vec![(0, 2), (2, 1), (3, 1), (4, 3)]);
        runs_of(&[0], &mut runs);
        assert_eq!(runs, vec![(0, 1)]);
        runs_of(&[], &mut runs);
        assert!(runs.is_empty());
    }

    #[test]
    fn stripes_are_not_finder_patterns() {
        let bits = Bits { width: 64, height: 64, dark: (0..64 * 64).map(|i| u8::from((i % 64) / 3 % 2 == 0)).collect() };
        assert!(find(&bits, 10, &mut Budget::with_limit(u64::MAX)).finders.is_empty());
    }
}
