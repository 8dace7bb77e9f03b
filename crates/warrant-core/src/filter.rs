//! An exact membership filter over a known set (docs/FORMAT.md §14.2): over the serials a
//! force has issued (its *universe*), it answers "revoked" for exactly the revoked ones and
//! "not revoked" for every other, in about `r·(log2(n/r) + 1.6)` bits for `r` revoked of `n`.
//! For a serial outside the universe its answer means nothing, which is why a checker asks
//! it only about cards the force says it covers (§14.3).
//!
//! The construction is the two-level one of Mozilla's clubcard (Hamburg's "structured linear
//! functions", Dillinger and Walzer's ribbon filters), with the hashing and the bits written
//! down in FORMAT.md so that another implementation evaluates it from the bytes alone:
//!
//! - Every serial hashes, per level, to a *row*: a start `s` and up to 64 coefficients `a`
//!   (SHA-256 of a fixed label, the level, a seed and the serial).
//! - Level 1 is `k` bit columns `Z₁…Z_k` of `m1` bits with `⟨row, Zⱼ⟩ = 0` for every revoked
//!   serial: a non-revoked serial passes all `k` with probability about 2⁻ᵏ.
//! - Level 2 is one column of `m2` bits, solved so that `⟨row, Z⟩` is 1 for every revoked
//!   serial and 0 for every non-revoked serial that passed level 1.
//! - A serial is revoked iff it passes level 1 and level 2 gives 1.
//!
//! Only evaluation is part of the format. Building (solving the two banded GF(2) systems,
//! choosing `k`, the sizes and the seed) is the issuer's business; [`ExactFilter::build`]
//! is deterministic and checks its answer on every serial of the universe before returning.

use alloc::vec;
use alloc::vec::Vec;
use sha2::{Digest, Sha256};

/// The label every row's hash starts with.
const DOMAIN: &[u8] = b"warrant-check revocation filter";
/// Most level-1 columns: 2⁻³² is far below any universe's 1/n.
pub const MAX_COLUMNS: u8 = 32;
/// Widest row: 64 coefficients.
const BAND: u32 = 64;

/// The filter as published: a seed, the sizes and the bits (FORMAT.md §14.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExactFilter {
    /// Chosen by the builder so that both levels solve; part of every row's hash.
    pub seed: u32,
    /// Level-1 columns (0 when the level is absent).
    pub k: u8,
    /// Bits per level-1 column (0 iff `k` is 0).
    pub m1: u32,
    /// Bits of the level-2 column; 0 means no serial of the universe is revoked.
    pub m2: u32,
    /// The `k·m1` level-1 bits then the `m2` level-2 bits, least significant bit of each
    /// byte first, padded with zero bits to whole bytes.
    pub bits: Vec<u8>,
}

/// Why filter fields do not make a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadFilter(pub &'static str);

/// A serial's row at one level: coefficient `t` (0 ≤ t < 64) of `a` sits in column `s + t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row {
    s: u32,
    a: u64,
}

/// The first 16 bytes of SHA-256(label ‖ level ‖ seed as 4 bytes big-endian ‖ serial).
fn digest(level: u8, seed: u32, serial: &[u8]) -> [u8; 16] {
    let mut h = Sha256::new();
    h.update(DOMAIN);
    h.update([level]);
    h.update(seed.to_be_bytes());
    h.update(serial);
    let d = h.finalize();
    let mut out = [0; 16];
    out.copy_from_slice(&d[..16]);
    out
}

/// The row of a digest in a column of `m` bits (m ≥ 1): `w = min(64, m)` coefficients,
/// starting at `s = first 8 bytes mod (m − w + 1)`, `a = (last 8 bytes mod 2ʷ) | 1`.
fn row(d: &[u8; 16], m: u32) -> Row {
    let w = m.min(BAND);
    let x = u64::from_be_bytes(d[..8].try_into().expect("8 bytes"));
    let y = u64::from_be_bytes(d[8..].try_into().expect("8 bytes"));
    let s = (x % u64::from(m - w + 1)) as u32;
    let a = if w == 64 { y } else { y & ((1u64 << w) - 1) };
    Row { s, a: a | 1 }
}

/// 64 bits of a little-endian bit string from bit `at` (bits past the end read as 0).
fn window(bytes: &[u8], at: u64) -> u64 {
    let first = (at / 8) as usize;
    let shift = (at % 8) as u32;
    let mut buf = [0u8; 16];
    if first < bytes.len() {
        let end = (first + 9).min(bytes.len());
        buf[..end - first].copy_from_slice(&bytes[first..end]);
    }
    (u128::from_le_bytes(buf) >> shift) as u64
}

/// ⟨row, column⟩ over GF(2), the column starting at bit `offset` of `bytes`.
fn parity(bytes: &[u8], offset: u64, row: Row) -> bool {
    (window(bytes, offset + u64::from(row.s)) & row.a).count_ones() & 1 == 1
}

impl ExactFilter {
    /// The filter that revokes nothing.
    pub fn empty() -> ExactFilter {
        ExactFilter { seed: 0, k: 0, m1: 0, m2: 0, bits: Vec::new() }
    }

    /// Checks the fields' rules (FORMAT.md §14.2).
    pub fn check(&self) -> Result<(), BadFilter> {
        if self.k > MAX_COLUMNS {
            return Err(BadFilter("k"));
        }
        if (self.k == 0) != (self.m1 == 0) {
            return Err(BadFilter("m1"));
        }
        if self.m2 == 0 && self.k != 0 {
            return Err(BadFilter("m2"));
        }
        let total = u64::from(self.k) * u64::from(self.m1) + u64::from(self.m2);
        if self.bits.len() as u64 != total.div_ceil(8) {
            return Err(BadFilter("bits"));
        }
        if total % 8 != 0 && self.bits.last().is_some_and(|last| last >> (total % 8) != 0) {
            return Err(BadFilter("bits"));
        }
        Ok(())
    }

    /// Whether the filter says `serial` is revoked. Exact for serials of its universe;
    /// meaningless for any other.
    pub fn contains(&self, serial: &[u8]) -> bool {
        if self.m2 == 0 {
            return false;
        }
        if self.k > 0 {
            let r = row(&digest(1, self.seed, serial), self.m1);
            if (0..u64::from(self.k)).any(|j| parity(&self.bits, j * u64::from(self.m1), r)) {
                return false;
            }
        }
        let level2 = u64::from(self.k) * u64::from(self.m1);
        parity(&self.bits, level2, row(&digest(2, self.seed, serial), self.m2))
    }

    /// Builds a filter that says "revoked" for every serial of `revoked` and "not revoked"
    /// for every serial of `others` (the rest of the universe; the two must not share a
    /// serial). Deterministic: the same sets give the same bytes. Tries a few shapes and
    /// [`SEEDS`] seeds and keeps the smallest that answers every serial of both sets correctly.
    pub fn build(revoked: &[&[u8]], others: &[&[u8]]) -> ExactFilter {
        ExactFilter::build_trying(revoked, others, SEEDS)
    }

    /// As [`ExactFilter::build`], trying `seeds` seeds (at least one): each more makes the
    /// filter a little smaller at best (national figures: 8,376 bytes with one, 8,060 with
    /// four) and takes as long again to build.
    pub fn build_trying(revoked: &[&[u8]], others: &[&[u8]], seeds: u32) -> ExactFilter {
        if revoked.is_empty() {
            return ExactFilter::empty();
        }
        let mut best: Option<ExactFilter> = None;
        for seed in 0..seeds.max(1) {
            let d1r: Vec<[u8; 16]> = revoked.iter().map(|s| digest(1, seed, s)).collect();
            let d1o: Vec<[u8; 16]> = others.iter().map(|s| digest(1, seed, s)).collect();
            let d2r: Vec<[u8; 16]> = revoked.iter().map(|s| digest(2, seed, s)).collect();
            let d2o: Vec<[u8; 16]> = others.iter().map(|s| digest(2, seed, s)).collect();
            for k in columns_to_try(revoked.len(), others.len()) {
                for m1 in level1_sizes(k, revoked.len()) {
                    let Some(candidate) = build_shape(seed, k, m1, &d1r, &d1o, &d2r, &d2o) else { continue };
                    if best.as_ref().is_none_or(|b| candidate.bits.len() < b.bits.len()) {
                        best = Some(candidate);
                    }
                }
            }
        }
        let filter = best.expect("some shape always solves (level 2 grows until it does)");
        // The promise is exactness over the universe, so it is checked, not assumed.
        assert!(revoked.iter().all(|s| filter.contains(s)), "a revoked serial reads as not revoked");
        assert!(others.iter().all(|s| !filter.contains(s)), "a serial not revoked reads as revoked");
        filter
    }
}

/// Seeds tried by [`ExactFilter::build`]: each gives other rows, hence other sizes; the
/// smallest filter is kept.
pub const SEEDS: u32 = 4;

/// `k` around log2(non-revoked / revoked), which minimises `k·r + |passed level 1|`.
fn columns_to_try(revoked: usize, others: usize) -> Vec<u8> {
    if others == 0 {
        return vec![0];
    }
    let ratio = others as f64 / revoked as f64;
    let best = if ratio < 2.0 { 0 } else { libm_log2_floor(ratio) };
    // One fewer is often smaller: level 1's columns cost more than the serials they turn away.
    let mut ks = vec![best];
    if best > 0 {
        ks.push(best - 1);
    }
    ks
}

/// floor(log2(x)) for x ≥ 1 without floating-point library calls (no_std).
fn libm_log2_floor(x: f64) -> u8 {
    let mut k = 0u8;
    let mut p = 2.0;
    while p <= x && k < MAX_COLUMNS {
        k += 1;
        p *= 2.0;
    }
    k
}

/// Level-1 column sizes to try: a little over the revoked count (a column exactly as long
/// as the rows it holds would let every row through).
fn level1_sizes(k: u8, revoked: usize) -> Vec<u32> {
    if k == 0 {
        return vec![0];
    }
    let r = revoked as u32;
    [2u32, 5].iter().map(|pct| (r + (r * pct).div_ceil(100)).max(r + 1)).collect()
}

/// One shape: level 1 with `k` columns of `m1` bits, then the smallest level 2 that solves.
fn build_shape(seed: u32, k: u8, m1: u32, d1r: &[[u8; 16]], d1o: &[[u8; 16]], d2r: &[[u8; 16]], d2o: &[[u8; 16]]) -> Option<ExactFilter> {
    let mut level1 = Vec::new();
    if k > 0 {
        let mut system = Ribbon::new(m1);
        for d in d1r {
            let r = row(d, m1);
            system.insert(r.s, r.a, false);
        }
        for j in 0..k {
            level1.push(system.solve(&mut Rng::new(seed, 1, j)));
        }
    }
    // The non-revoked serials that pass level 1: level 2 must turn each of them away.
    let passed: Vec<&[u8; 16]> = d1o
        .iter()
        .zip(d2o)
        .filter(|(d1, _)| k == 0 || { let r = row(d1, m1); level1.iter().all(|z| !parity(z, 0, r)) })
        .map(|(_, d2)| d2)
        .collect();
    let n2 = (d2r.len() + passed.len()) as u32;
    for pct in [0u32, 1, 2, 3, 4, 6, 8, 10, 13, 16, 20, 25, 30, 40, 50, 70, 100] {
        let m2 = n2 + (n2 * pct).div_ceil(100);
        let mut system = Ribbon::new(m2);
        let solvable = d2r.iter().all(|d| { let r = row(d, m2); system.insert(r.s, r.a, true) })
            && passed.iter().all(|d| { let r = row(d, m2); system.insert(r.s, r.a, false) });
        if !solvable {
            continue;
        }
        let z2 = system.solve(&mut Rng::new(seed, 2, 0));
        let mut bits = BitWriter::default();
        for z in &level1 {
            bits.append(z, m1);
        }
        bits.append(&z2, m2);
        return Some(ExactFilter { seed, k, m1, m2, bits: bits.bytes });
    }
    None
}

/// A banded linear system over GF(2) in echelon form: the row whose first coefficient is
/// column `i`, if any, with its right-hand side (Dillinger and Walzer's ribbon insertion).
struct Ribbon {
    m: u32,
    rows: Vec<Option<(u64, bool)>>,
}

impl Ribbon {
    fn new(m: u32) -> Ribbon {
        Ribbon { m, rows: vec![None; m as usize] }
    }

    /// Adds the equation ⟨row, z⟩ = b; false if it contradicts the rows already in.
    fn insert(&mut self, mut s: u32, mut a: u64, mut b: bool) -> bool {
        loop {
            if a == 0 {
                return !b;
            }
            let shift = a.trailing_zeros();
            a >>= shift;
            s += shift;
            match self.rows[s as usize] {
                None => {
                    self.rows[s as usize] = Some((a, b));
                    return true;
                }
                Some((a2, b2)) => {
                    a ^= a2;
                    b ^= b2;
                }
            }
        }
    }

    /// A solution, by back substitution, with the free columns drawn from `rng`.
    fn solve(&self, rng: &mut Rng) -> Vec<u8> {
        let mut z = vec![0u8; (self.m as usize).div_ceil(8) + 8];
        for i in (0..self.m).rev() {
            let bit = match self.rows[i as usize] {
                Some((a, b)) => ((window(&z, u64::from(i)) & a).count_ones() & 1 == 1) ^ b,
                None => rng.bit(),
            };
            if bit {
                z[(i / 8) as usize] |= 1 << (i % 8);
            }
        }
        z.truncate((self.m as usize).div_ceil(8));
        z
    }
}

/// Concatenates bit strings of given lengths, least significant bit first.
#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    len: u64,
}

impl BitWriter {
    fn append(&mut self, bits: &[u8], n: u32) {
        for i in 0..u64::from(n) {
            if (bits[(i / 8) as usize] >> (i % 8)) & 1 == 1 {
                let at = self.len + i;
                let byte = (at / 8) as usize;
                if self.bytes.len() <= byte {
                    self.bytes.resize(byte + 1, 0);
                }
                self.bytes[byte] |= 1 << (at % 8);
            }
        }
        self.len += u64::from(n);
        self.bytes.resize(self.len.div_ceil(8) as usize, 0);
    }
}

/// The free columns' bits: splitmix64 from the seed, level and column, so that a build is
/// reproducible (the vectors are compared byte for byte) yet each column differs.
struct Rng(u64);

impl Rng {
    fn new(seed: u32, level: u8, column: u8) -> Rng {
        Rng((u64::from(seed) << 16) ^ (u64::from(level) << 8) ^ u64::from(column) ^ 0x5741_5252_414e_5421)
    }

    fn bit(&mut self) -> bool {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) & 1 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serial(n: u64) -> Vec<u8> {
        let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)).to_be_bytes().to_vec()
    }

    fn exact(n: u64, every: u64) -> (ExactFilter, Vec<Vec<u8>>, Vec<Vec<u8>>) {
        let all: Vec<Vec<u8>> = (0..n).map(serial).collect();
        let (revoked, others): (Vec<_>, Vec<_>) = all.into_iter().enumerate().partition(|(i, _)| every > 0 && *i as u64 % every == 0);
        let revoked: Vec<Vec<u8>> = revoked.into_iter().map(|(_, s)| s).collect();
        let others: Vec<Vec<u8>> = others.into_iter().map(|(_, s)| s).collect();
        let f = ExactFilter::build(&revoked.iter().map(Vec::as_slice).collect::<Vec<_>>(), &others.iter().map(Vec::as_slice).collect::<Vec<_>>());
        f.check().unwrap();
        (f, revoked, others)
    }

    #[test]
    fn exact_over_its_universe_at_every_shape() {
        // Nothing revoked, one, a few, 3%, half, all but one, all.
        for (n, every) in [(50, 0), (1, 1), (2, 2), (40, 13), (3000, 33), (600, 2), (10, 1)] {
            let (f, revoked, others) = exact(n, every);
            assert!(revoked.iter().all(|s| f.contains(s)), "{n} {every}");
            assert!(others.iter().all(|s| !f.contains(s)), "{n} {every}");
        }
    }

    #[test]
    fn near_the_information_bound() {
        let (f, revoked, others) = exact(5163, 33);
        let (r, n) = (revoked.len() as f64, (revoked.len() + others.len()) as f64);
        let bound = r * ((n / r).log2() + 1.44);
        let bits = (f.bits.len() * 8) as f64;
        assert!(bits < 1.25 * bound, "{bits} bits against a bound of {bound}");
    }

    #[test]
    fn building_is_reproducible() {
        assert_eq!(exact(700, 30).0, exact(700, 30).0);
    }

    #[test]
    fn fields_that_do_not_make_a_filter_are_named() {
        let (f, _, _) = exact(300, 10);
        let bad = |g: ExactFilter| g.check().unwrap_err().0;
        assert_eq!(bad(ExactFilter { k: 33, ..f.clone() }), "k");
        assert_eq!(bad(ExactFilter { m1: 0, ..f.clone() }), "m1");
        assert_eq!(bad(ExactFilter { m2: 0, ..f.clone() }), "m2");
        let mut short = f.clone();
        short.bits.pop();
        assert_eq!(bad(short), "bits");
        let total = u64::from(f.k) * u64::from(f.m1) + u64::from(f.m2);
        if total % 8 != 0 {
            let mut padded = f.clone();
            *padded.bits.last_mut().unwrap() |= 0x80;
            assert_eq!(bad(padded), "bits");
        }
        assert_eq!(ExactFilter::empty().check(), Ok(()));
        assert!(!ExactFilter::empty().contains(b"anything"));
    }

    #[test]
    fn rows_follow_the_written_rule() {
        // m = 10: w = 10, s in 0..=0, a masked to 10 bits with bit 0 set.
        let d = [0xff; 16];
        assert_eq!(row(&d, 10), Row { s: 0, a: 0x3ff });
        let mut d = [0u8; 16];
        d[7] = 200;
        assert_eq!(row(&d, 100), Row { s: 200 % 37, a: 1 });
        assert_eq!(window(&[0b1010_0000, 0xff], 5), 0b111_1111_1101);
    }
}
