//! What every QR code of a version has in the same place: its size, the finder patterns'
//! centres and the alignment patterns' centres (ISO/IEC 18004, annex E), in module
//! coordinates where module (i, j) covers [i, i+1) × [j, j+1).

/// Versions 1–40.
pub const VERSIONS: std::ops::RangeInclusive<usize> = 1..=40;

/// Modules across a code of this version.
pub fn size(version: usize) -> usize {
    17 + 4 * version
}


/// Row/column numbers of the alignment patterns' centre modules.
fn alignment_rows(version: usize) -> &'static [u8] {
    const TABLE: [&[u8]; 40] = [
        &[], &[6, 18], &[6, 22], &[6, 26], &[6, 30], &[6, 34], &[6, 22, 38], &[6, 24, 42], &[6, 26, 46], &[6, 28, 50],
        &[6, 30, 54], &[6, 32, 58], &[6, 34, 62], &[6, 26, 46, 66], &[6, 26, 48, 70], &[6, 26, 50, 74], &[6, 30, 54, 78],
        &[6, 30, 56, 82], &[6, 30, 58, 86], &[6, 34, 62, 90], &[6, 28, 50, 72, 94], &[6, 26, 50, 74, 98], &[6, 30, 54, 78, 102],
        &[6, 28, 54, 80, 106], &[6, 32, 58, 84, 110], &[6, 30, 58, 86, 114], &[6, 34, 62, 90, 118], &[6, 26, 50, 74, 98, 122],
        &[6, 30, 54, 78, 102, 126], &[6, 26, 52, 78, 104, 130], &[6, 30, 56, 82, 108, 134], &[6, 34, 60, 86, 112, 138],
        &[6, 30, 58, 86, 114, 142], &[6, 34, 62, 90, 118, 146], &[6, 30, 54, 78, 102, 126, 150], &[6, 24, 50, 76, 102, 128, 154],
        &[6, 28, 54, 80, 106, 132, 158], &[6, 32, 58, 84, 110, 136, 162], &[6, 26, 54, 82, 110, 138, 166], &[6, 30, 58, 86, 114, 142, 170],
    ];
    TABLE.get(version.wrapping_sub(1)).copied().unwrap_or(&[])
}

/// Centres of the top-left, top-right and bottom-left finder patterns.
pub fn finder_centres(version: usize) -> [(f64, f64); 3] {
    let far = size(version) as f64 - 3.5;
    [(3.5, 3.5), (far, 3.5), (3.5, far)]
}

/// Centres of the alignment patterns, the bottom-right one (furthest from the finders)
/// first; none for version 1.
pub fn alignment_centres(version: usize) -> Vec<(f64, f64)> {
    let rows = alignment_rows(version);
    let last = rows.len().saturating_sub(1);
    let mut centres: Vec<(f64, f64)> = Vec::new();
    for (i, &r) in rows.iter().enumerate() {
        for (j, &c) in rows.iter().enumerate() {
            // The three corners that hold finder patterns have none.
            let in_finder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
            if !in_finder {
                centres.push((f64::from(c) + 0.5, f64::from(r) + 0.5));
            }
        }
    }
    crate::order::sort_by(&mut centres, |a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
    centres
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment_patterns_follow_the_standard() {
        assert_eq!(size(1), 21);
        assert_eq!(size(10), 57);
        assert_eq!(size(40), 177);
        assert!(alignment_centres(1).is_empty());
        assert_eq!(alignment_centres(2), vec![(18.5, 18.5)]);
        let v10 = alignment_centres(10);
        assert_eq!(v10.len(), 6);
        assert_eq!(v10[0], (50.5, 50.5));
        assert_eq!(alignment_centres(40).len(), 46);
        // The last row's last alignment pattern sits 7 modules in from the far corner.
        for v in VERSIONS.skip(1) {
            assert_eq!(alignment_centres(v)[0].0, size(v) as f64 - 6.5, "version {v}");
        }
    }
}
