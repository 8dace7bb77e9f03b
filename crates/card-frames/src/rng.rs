//! A small deterministic generator (xorshift64*), so frames are reproducible without a
//! dependency and identical natively and in Wasm.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// Uniform in [0, 1).
    pub fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next()
    }

    /// Approximately standard normal (sum of uniforms).
    pub fn gaussian(&mut self) -> f64 {
        (0..4).map(|_| self.next()).sum::<f64>() * 3f64.sqrt() - 2.0 * 3f64.sqrt()
    }
}
