//! CLDR cardinal plural rules for the checker's languages, for whole numbers (the only
//! numbers it shows). Hand-written instead of carrying every language's rules in the Wasm.

/// English: `one` for 1, else `other`.
pub fn english(n: i64) -> &'static str {
    match n.unsigned_abs() {
        1 => "one",
        _ => "other",
    }
}

/// Welsh: zero 0, one 1, two 2, few 3, many 6, else other.
pub fn welsh(n: i64) -> &'static str {
    match n.unsigned_abs() {
        0 => "zero",
        1 => "one",
        2 => "two",
        3 => "few",
        6 => "many",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories() {
        let welsh: Vec<_> = (0..=7).map(welsh).collect();
        assert_eq!(
            welsh,
            ["zero", "one", "two", "few", "other", "other", "many", "other"]
        );
        assert_eq!(english(1), "one");
        assert_eq!(english(-1), "one");
        assert_eq!(english(0), "other");
        assert_eq!(english(21), "other");
    }
}
