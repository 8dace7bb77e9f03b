//! Finding the three finder patterns (the nested squares in a QR code's corners). Any line
//! through a finder pattern's centre crosses dark, light, dark, light, dark in the ratio
//! 1:1:3:1:1, whatever the rotation: rows are scanned for that, and each hit is checked
//! along the column and the diagonal through it. Small codes (2 px modules) quantise the
//! runs coarsely, so the ratio test is lenient and the cross-checks do the filtering.

use super::image::Bits;

/// A finder pattern's centre in pixels, its module size, and how many scan rows saw it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finder {
    pub x: f64,
    pub y: f64,
    pub module: f64,
    pub hits: u32,
}

/// Finder patterns in the image, most often seen first, at most `limit` of them.
pub fn find(bits: &Bits, limit: usize) -> Vec<Finder> {
    let mut found: Vec<Finder> = Vec::new();
    let mut runs: Vec<(usize, usize)> = Vec::with_capacity(256);
    for y in 0..bits.height {
        let row = &bits.dark[y * bits.width..(y + 1) * bits.width];
        // Runs of one colour as (start, length); the first run's colour is row[0]'s.
        runs.clear();
        let mut start = 0;
        for x in 1..=row.len() {
            if x == row.len() || row[x] != row[start] {
                runs.push((start, x - start));
                start = x;
            }
        }
        let first_dark = row.first() == Some(&1);
        let mut i = usize::from(!first_dark);
        while i + 5 <= runs.len() {
            let lengths = [runs[i].1, runs[i + 1].1, runs[i + 2].1, runs[i + 3].1, runs[i + 4].1];
            if looks_like_finder(lengths.map(|l| l as f64)) {
                let centre_x = runs[i + 2].0 as f64 + runs[i + 2].1 as f64 / 2.0;
                if let Some(finder) = confirm(bits, centre_x, y as f64 + 0.5, lengths.iter().sum::<usize>() as f64) {
                    merge(&mut found, finder);
                }
            }
            i += 2;
        }
    }
    found.sort_by(|a, b| b.hits.cmp(&a.hits));
    found.truncate(limit);
    found
}

/// Run lengths (dark, light, dark, light, dark) roughly 1:1:3:1:1.
fn looks_like_finder(runs: [f64; 5]) -> bool {
    let total: f64 = runs.iter().sum();
    if total < 5.0 {
        return false;
    }
    let module = total / 7.0;
    let slack = 0.7 * module + 0.75;
    let ones_ok = [0, 1, 3, 4].iter().all(|&i| (runs[i] - module).abs() <= slack);
    let outer = (runs[0] + runs[1] + runs[3] + runs[4]) / 4.0;
    ones_ok && runs[2] >= 1.6 * outer && runs[2] <= 5.0 * outer && (runs[2] - 3.0 * module).abs() <= 1.5 * module + 1.0
}

/// Checks a row hit along the column through it, then again along the row through the
/// refined centre, then along a diagonal. Returns the refined centre and module size.
fn confirm(bits: &Bits, x: f64, y: f64, row_total: f64) -> Option<Finder> {
    let (y, column_total) = cross(bits, x, y, (0, 1), row_total)?;
    let (x, row_total) = cross(bits, x, y, (1, 0), column_total)?;
    // The diagonal rejects most look-alikes in text and photos, which match along two
    // axes more often than along three.
    cross(bits, x, y, (1, 1), (row_total + column_total) * 0.7)?;
    Some(Finder { x, y, module: (row_total + column_total) / 14.0, hits: 1 })
}

/// Counts the five runs along direction `(dx, dy)` through (x, y), which must be dark.
/// Returns the centre along that direction (x or y; the diagonal's is the x shift) and
/// the pattern's length in steps.
fn cross(bits: &Bits, x: f64, y: f64, (dx, dy): (isize, isize), expected_total: f64) -> Option<(f64, f64)> {
    let (cx, cy) = (x.floor() as isize, y.floor() as isize);
    if bits.is_dark(cx, cy) != Some(true) {
        return None;
    }
    // Give up on a run far longer than the pattern the row saw could have.
    let max_run = (expected_total * 1.5) as usize + 3;
    let walk = |sign: isize| -> Option<[usize; 3]> {
        let mut counts = [0usize; 3];
        let mut step = 0isize;
        for (k, want_dark) in [true, false, true].into_iter().enumerate() {
            loop {
                let at = bits.is_dark(cx + sign * dx * step, cy + sign * dy * step);
                match at {
                    Some(d) if d == want_dark => {
                        counts[k] += 1;
                        step += 1;
                        if counts[k] > max_run {
                            return None;
                        }
                    }
                    // The outer dark ring may end at the image edge.
                    None if k == 2 && counts[2] > 0 => return Some(counts),
                    None => return None,
                    Some(_) => break,
                }
            }
            if counts[k] == 0 {
                return None;
            }
        }
        Some(counts)
    };
    let back = walk(-1)?;
    let ahead = walk(1)?;
    // The centre pixel was counted in both directions.
    let centre_run = back[0] + ahead[0] - 1;
    let runs = [back[2] as f64, back[1] as f64, centre_run as f64, ahead[1] as f64, ahead[2] as f64];
    if !looks_like_finder(runs) {
        return None;
    }
    let total: f64 = runs.iter().sum();
    if total < expected_total * 0.4 || total > expected_total * 2.5 {
        return None;
    }
    let along = if dx != 0 { x.floor() } else { y.floor() };
    // Centre of the centre run: it starts (back[0] - 1) steps behind.
    let centre = along - (back[0] as f64 - 1.0) + centre_run as f64 / 2.0;
    Some((centre, total))
}

/// Adds a sighting to the one already found at the same place, or as a new one.
fn merge(found: &mut Vec<Finder>, f: Finder) {
    for g in found.iter_mut() {
        let near = (g.x - f.x).abs() <= 1.5 * g.module.max(f.module) && (g.y - f.y).abs() <= 1.5 * g.module.max(f.module);
        if near && g.module / f.module < 2.0 && f.module / g.module < 2.0 {
            let n = f64::from(g.hits);
            g.x = (g.x * n + f.x) / (n + 1.0);
            g.y = (g.y * n + f.y) / (n + 1.0);
            g.module = (g.module * n + f.module) / (n + 1.0);
            g.hits += 1;
            return;
        }
    }
    found.push(f);
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
        let found = find(&bits, 10);
        assert_eq!(found.len(), 3, "{found:?}");
        let near = |x: f64, y: f64| found.iter().any(|f| (f.x - x).abs() < 1.0 && (f.y - y).abs() < 1.0);
        assert!(near(17.0, 17.0) && near(67.0, 17.0) && near(20.5, 60.5), "{found:?}");
        assert!(found.iter().all(|f| f.module > 1.5 && f.module < 3.5));
    }

    #[test]
    fn stripes_are_not_finder_patterns() {
        let bits = Bits { width: 64, height: 64, dark: (0..64 * 64).map(|i| u8::from((i % 64) / 3 % 2 == 0)).collect() };
        assert!(find(&bits, 10).is_empty());
    }
}
