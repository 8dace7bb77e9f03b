//! A bound on the work one image may cost, so that no picture, however it was made, can
//! hold the page for long. Work is counted in units (about one pixel or grid sample looked
//! at), not measured in time: the decoder has no clock (pure Rust, no I/O), and an answer
//! that depended on how busy the phone was could not be reproduced or tested.
//!
//! The bound grows with the image, since its linear work (thresholding, the scan lines)
//! does. Measured on the card corpus (`examples/corpus`): a frame read on the first look
//! costs about 3 units a pixel, a camera frame with no code about 15 (every look, then quircs
//! at a quarter of the size), one in which a code was seen but not read about 24, the
//! dearest 31 (a busy dim frame). The bound is about twice that. Once it is spent the scan
//! gives up and reads no code.

/// Units allowed for each pixel of an image, and for the image whatever its size (the
/// fits, samplings and decodes that do not grow with it).
const UNITS_PER_PIXEL: u64 = 64;
const FIXED_UNITS: u64 = 10_000_000;

/// Work allowed and spent on one image.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    limit: u64,
    spent: u64,
}

impl Budget {
    /// The budget for an image of `pixels` pixels.
    pub fn for_pixels(pixels: usize) -> Budget {
        Budget::with_limit(FIXED_UNITS.saturating_add((pixels as u64).saturating_mul(UNITS_PER_PIXEL)))
    }

    pub fn with_limit(limit: u64) -> Budget {
        Budget { limit, spent: 0 }
    }

    /// Counts `units` of work done or about to be done; `false` once the budget is spent,
    /// when the caller stops.
    pub fn spend(&mut self, units: u64) -> bool {
        self.spent = self.spent.saturating_add(units);
        !self.is_spent()
    }

    pub fn is_spent(&self) -> bool {
        self.spent > self.limit
    }

    pub fn spent(&self) -> u64 {
        self.spent
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spending_past_the_limit_says_so_and_stays_spent() {
        let mut budget = Budget::with_limit(10);
        assert!(budget.spend(6));
        assert!(budget.spend(4), "the limit itself may be reached");
        assert!(!budget.spend(1));
        assert!(budget.is_spent());
        assert!(!budget.spend(0));
        assert_eq!(budget.spent(), 11);
    }

    #[test]
    fn the_bound_grows_with_the_image_and_never_overflows() {
        assert!(Budget::for_pixels(2000 * 2000).limit() > Budget::for_pixels(1280 * 720).limit());
        assert_eq!(Budget::for_pixels(usize::MAX).limit(), u64::MAX);
    }
}
