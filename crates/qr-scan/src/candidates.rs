//! The finder patterns seen so far on an image's scan lines. Each line that crosses a
//! finder pattern reports a sighting; sightings at the same place add up to one
//! candidate. A picture tiled with finder-like squares (a pattern, a crafted image) gives
//! tens of thousands of them, so candidates are kept in a grid of cells, and a sighting is
//! compared only with the candidates near it, not with all; and no more than a fixed
//! number are kept: past it, the least seen half is dropped.

use super::finder::Finder;

/// What the scan lines saw of one finder pattern. A line through a square's centre is
/// longest along its diagonal, √2 times its side: rows overestimate the module size of a
/// finder turned 45° and diagonals that of an upright one. The smaller of the two
/// estimates is within 8% of the truth at any angle, so they are kept apart.
struct Sightings {
    x: f64,
    y: f64,
    module_sums: [f64; 2],
    counts: [u32; 2],
}

impl Sightings {
    fn finder(&self) -> Finder {
        let estimates = (0..2).filter(|&i| self.counts[i] > 0).map(|i| self.module_sums[i] / f64::from(self.counts[i]));
        let module = estimates.fold(f64::MAX, f64::min);
        Finder { x: self.x, y: self.y, module, hits: self.hits() }
    }

    fn hits(&self) -> u32 {
        self.counts[0] + self.counts[1]
    }

    /// Whether a sighting at `at` of modules `module` is of this finder pattern.
    fn is_same(&self, at: (f64, f64), module: f64) -> bool {
        let seen = self.finder();
        let reach = 1.5 * seen.module.max(module);
        (self.x - at.0).abs() <= reach && (self.y - at.1).abs() <= reach && seen.module / module < 2.0 && module / seen.module < 2.0
    }
}

/// Side of a cell, in pixels: a little more than the reach of a finder of 10 px modules,
/// so that most sightings look in the 3×3 cells around them.
const CELL: f64 = 32.0;

/// Candidates at the same place are one finder pattern's: a sighting joins the first one
/// seen (in the order they were first seen) that it matches.
pub struct Candidates {
    items: Vec<Sightings>,
    /// Each item's cell, and each cell's items.
    cell_of: Vec<usize>,
    cells: Vec<Vec<u32>>,
    columns: usize,
    rows: usize,
    most: usize,
    most_held: usize,
}

impl Candidates {
    /// No candidates yet, in an image `width`×`height`, keeping at most `most`.
    pub fn new(width: usize, height: usize, most: usize) -> Candidates {
        let (columns, rows) = (width / CELL as usize + 1, height / CELL as usize + 1);
        Candidates { items: Vec::new(), cell_of: Vec::new(), cells: (0..columns * rows).map(|_| Vec::new()).collect(), columns, rows, most: most.max(2), most_held: 0 }
    }

    /// Adds a sighting (from scan direction `scan`, 0 or 1) to the candidate already seen at
    /// the same place, or as a new one. Returns the work done: candidates compared with,
    /// and those gone through when the least seen are dropped.
    pub fn add(&mut self, at: (f64, f64), module: f64, scan: usize) -> u64 {
        // A match is within 1.5 times the larger module size, and the sizes differ less
        // than twice: within 3 modules of this sighting.
        let reach = 3.0 * module;
        let (c0, r0) = self.cell(at.0 - reach, at.1 - reach);
        let (c1, r1) = self.cell(at.0 + reach, at.1 + reach);
        let mut compared = 0;
        let mut first: Option<usize> = None;
        for row in r0..=r1 {
            for &i in self.cells[row * self.columns + c0..=row * self.columns + c1].iter().flatten() {
                compared += 1;
                let i = i as usize;
                if first.is_none_or(|f| i < f) && self.items[i].is_same(at, module) {
                    first = Some(i);
                }
            }
        }
        match first {
            Some(i) => self.join(i, at, module, scan),
            None => {
                if self.items.len() >= self.most {
                    compared += (self.items.len() + self.cells.len()) as u64;
                    self.keep_most_seen(self.most / 2);
                }
                let mut new = Sightings { x: at.0, y: at.1, module_sums: [0.0; 2], counts: [0; 2] };
                new.module_sums[scan] = module;
                new.counts[scan] = 1;
                let (column, row) = self.cell(at.0, at.1);
                let cell = row * self.columns + column;
                self.cells[cell].push(self.items.len() as u32);
                self.cell_of.push(cell);
                self.items.push(new);
                self.most_held = self.most_held.max(self.items.len());
            }
        }
        compared
    }

    /// Adds a sighting to candidate `i`, which moves to the mean of its sightings.
    fn join(&mut self, i: usize, at: (f64, f64), module: f64, scan: usize) {
        let g = &mut self.items[i];
        let n = f64::from(g.hits());
        g.x = (g.x * n + at.0) / (n + 1.0);
        g.y = (g.y * n + at.1) / (n + 1.0);
        g.module_sums[scan] += module;
        g.counts[scan] += 1;
        let (x, y) = (g.x, g.y);
        let (column, row) = self.cell(x, y);
        let cell = row * self.columns + column;
        if cell != self.cell_of[i] {
            let old = &mut self.cells[self.cell_of[i]];
            if let Some(k) = old.iter().position(|&j| j as usize == i) {
                old.swap_remove(k);
            }
            self.cells[cell].push(i as u32);
            self.cell_of[i] = cell;
        }
    }

    /// The cell holding point (x, y), points outside the image in the nearest.
    fn cell(&self, x: f64, y: f64) -> (usize, usize) {
        let index = |v: f64, count: usize| ((v / CELL).max(0.0) as usize).min(count - 1);
        (index(x, self.columns), index(y, self.rows))
    }

    /// Keeps the `keep` candidates seen on most lines (the earlier seen where they tie),
    /// in the order they were first seen.
    fn keep_most_seen(&mut self, keep: usize) {
        // Hits are small numbers: a count of each finds the least kept without sorting.
        const TOP: usize = 64;
        let bucket = |s: &Sightings| (s.hits() as usize).min(TOP - 1);
        let mut counts = [0usize; TOP];
        for s in &self.items {
            counts[bucket(s)] += 1;
        }
        let (mut least, mut above) = (TOP - 1, 0);
        while least > 0 && above + counts[least] < keep {
            above += counts[least];
            least -= 1;
        }
        // All above the least kept bucket stay, and from it as many as there is room for.
        let mut room_at_least = keep.saturating_sub(above);
        self.items.retain(|s| match bucket(s) {
            b if b > least => true,
            b if b == least && room_at_least > 0 => {
                room_at_least -= 1;
                true
            }
            _ => false,
        });
        for cell in &mut self.cells {
            cell.clear();
        }
        self.cell_of.clear();
        for (i, s) in self.items.iter().enumerate() {
            let (column, row) = self.cell(s.x, s.y);
            let cell = row * self.columns + column;
            self.cells[cell].push(i as u32);
            self.cell_of.push(cell);
        }
    }

    /// The `limit` candidates seen on most lines, most seen first (the earlier seen first
    /// where they tie).
    pub fn strongest(&self, limit: usize) -> Vec<Finder> {
        let mut top: Vec<Finder> = Vec::with_capacity(limit.min(self.items.len()) + 1);
        for s in &self.items {
            let finder = s.finder();
            let at = top.iter().position(|t| t.hits < finder.hits).unwrap_or(top.len());
            if at < limit {
                top.insert(at, finder);
                top.truncate(limit);
            }
        }
        top
    }

    /// The most candidates held at once.
    pub fn most_held(&self) -> usize {
        self.most_held
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain way: every sighting compared with every candidate.
    fn merged_by_comparing_all(sightings: &[((f64, f64), f64, usize)]) -> Vec<Finder> {
        let mut all: Vec<Sightings> = Vec::new();
        for &(at, module, scan) in sightings {
            match all.iter_mut().find(|g| g.is_same(at, module)) {
                Some(g) => {
                    let n = f64::from(g.hits());
                    g.x = (g.x * n + at.0) / (n + 1.0);
                    g.y = (g.y * n + at.1) / (n + 1.0);
                    g.module_sums[scan] += module;
                    g.counts[scan] += 1;
                }
                None => {
                    let mut new = Sightings { x: at.0, y: at.1, module_sums: [0.0; 2], counts: [0; 2] };
                    new.module_sums[scan] = module;
                    new.counts[scan] = 1;
                    all.push(new);
                }
            }
        }
        let mut finders: Vec<Finder> = all.iter().map(Sightings::finder).collect();
        crate::order::sort_by(&mut finders, |a, b| b.hits.cmp(&a.hits));
        finders
    }

    fn random_sightings(n: usize, seed: u64) -> Vec<((f64, f64), f64, usize)> {
        let mut state = seed;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        // Clusters, as real finders give, with stray sightings and a few of large modules.
        let centres: Vec<(f64, f64, f64)> = (0..40).map(|_| (next() * 400.0, next() * 300.0, 1.5 + next() * if next() < 0.1 { 20.0 } else { 3.0 })).collect();
        (0..n)
            .map(|_| {
                let (x, y, m) = centres[(next() * centres.len() as f64) as usize];
                let jitter = if next() < 0.2 { 40.0 } else { 2.0 };
                ((x + (next() - 0.5) * jitter, y + (next() - 0.5) * jitter), m * (0.8 + 0.4 * next()), usize::from(next() < 0.5))
            })
            .collect()
    }

    #[test]
    fn merges_as_comparing_with_every_candidate_does() {
        for seed in 1..=5 {
            let sightings = random_sightings(3000, seed);
            let mut candidates = Candidates::new(400, 300, usize::MAX);
            for &(at, module, scan) in &sightings {
                candidates.add(at, module, scan);
            }
            let expected = merged_by_comparing_all(&sightings);
            assert_eq!(candidates.strongest(usize::MAX), expected, "seed {seed}");
            assert_eq!(candidates.strongest(5), expected[..5], "seed {seed}");
        }
    }

    #[test]
    fn a_sighting_is_compared_only_with_candidates_near_it() {
        // A grid of finders 16 px apart, each seen four times: the crafted tile picture.
        let mut candidates = Candidates::new(2000, 2000, usize::MAX);
        let mut most_compared = 0;
        for _ in 0..4 {
            for j in 0..125 {
                for i in 0..125 {
                    most_compared = most_compared.max(candidates.add((8.0 + 16.0 * i as f64, 8.0 + 16.0 * j as f64), 2.0, 0));
                }
            }
        }
        assert_eq!(candidates.most_held(), 125 * 125);
        assert!(most_compared <= 16, "compared with {most_compared}");
        assert!(candidates.strongest(3).iter().all(|f| f.hits == 4));
    }

    #[test]
    fn past_the_most_kept_the_least_seen_go() {
        let mut candidates = Candidates::new(1000, 1000, 8);
        // Four finders seen often, then a stream of one-off sightings elsewhere.
        for _ in 0..5 {
            for k in 0..4 {
                candidates.add((50.0 + 100.0 * k as f64, 50.0), 2.0, 0);
            }
        }
        for k in 0..100 {
            candidates.add((20.0 + 9.0 * k as f64, 600.0), 1.0, 1);
        }
        assert!(candidates.most_held() <= 8);
        let strongest = candidates.strongest(4);
        assert_eq!(strongest.iter().map(|f| (f.x, f.hits)).collect::<Vec<_>>(), vec![(50.0, 5), (150.0, 5), (250.0, 5), (350.0, 5)]);
        // The newest one-off sighting was kept: it is in the next place.
        assert_eq!(candidates.strongest(5)[4].hits, 1);
    }
}
