//! Ordering the decoder's candidate lists (finders, triples, versions, fits).
//!
//! A stable insertion sort rather than the standard library's: each type the standard
//! sort is used with adds about 4 KB to the checker's Wasm (eight of them were 7% of its
//! code), and these lists hold at most a few hundred items, so the quadratic worst case
//! costs microseconds a frame. Same order as `slice::sort_by` for the same comparison.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j], &items[j - 1]) == Ordering::Less {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_as_the_standard_stable_sort_does() {
        // Pairs with many equal keys, so that stability shows.
        let mut seed = 12345u32;
        let items: Vec<(u32, u32)> = (0..300)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (seed >> 27, i)
            })
            .collect();
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        let mut standard = items;
        standard.sort_by(|a, b| b.0.cmp(&a.0));
        assert_eq!(ours, standard);
        sort_by(&mut ours[..0], |a, b| a.cmp(b));
    }
}
