//! The check code printed on a card (docs/FORMAT.md §13.1): twelve characters a caller can
//! read aloud on a landline and a member of staff can type, e.g. `K7QM-29XD-HP4A`.
//!
//! Eleven random symbols (55 bits) and one check symbol, in Crockford's base-32 alphabet:
//! no `I`, `L`, `O` or `U`, case ignored, and `O` read as `0`, `I` and `L` as `1`, so the
//! letters people confuse cannot make a wrong code. The check symbol is a weighted sum over
//! GF(32), which catches every single wrong symbol and every swap of two symbols: a slip of
//! the ear or the finger is reported as a typo, never judged as a forged card.
//!
//! The code is independent of the card's signature: it is random, chosen when the card is
//! issued, and only the card directory (`directory`) links it to a card.

use alloc::string::String;
use core::fmt;

/// Crockford's base-32 alphabet: the symbol with value `v` is `ALPHABET[v]`.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Symbols in a code, the check symbol last.
pub const CODE_SYMBOLS: usize = 12;
/// Random symbols in a code: 11 × 5 = 55 bits.
pub const DATA_SYMBOLS: usize = CODE_SYMBOLS - 1;
/// Symbols in each group as printed and read aloud.
pub const GROUP_SYMBOLS: usize = 4;
/// Bytes of randomness a code is made from (only the first 55 bits are used).
pub const RANDOM_BYTES: usize = 7;

/// A well-formed check code: its check symbol matches.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct CheckCode {
    /// Symbol values (0–31), the check symbol last.
    symbols: [u8; CODE_SYMBOLS],
}

/// Why typed text is not a check code. None of these says anything about a card: each asks
/// for the code to be checked again with the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing but spaces and dashes.
    Empty,
    /// Fewer or more than twelve symbols.
    WrongLength { symbols: usize },
    /// A character no code has (`U`, punctuation, a letter from another alphabet). Its
    /// position among the symbols (0-based) and the group it falls in (0-based) are given.
    NotInAlphabet { character: char, position: usize },
    /// Twelve good symbols whose check symbol does not match: one of them was misheard or
    /// mistyped (a single wrong symbol, or two swapped, is always caught this way).
    CheckFailed,
}

impl CodeError {
    /// A short stable name, for tests and the JavaScript module.
    pub fn code(&self) -> &'static str {
        match self {
            CodeError::Empty => "empty",
            CodeError::WrongLength { .. } => "wrong-length",
            CodeError::NotInAlphabet { .. } => "not-in-alphabet",
            CodeError::CheckFailed => "check-failed",
        }
    }

    /// The group (0-based) that holds the wrong character, when the error tells.
    pub fn group(&self) -> Option<usize> {
        match self {
            CodeError::NotInAlphabet { position, .. } => Some(position / GROUP_SYMBOLS),
            _ => None,
        }
    }
}

impl CheckCode {
    /// A new code from `RANDOM_BYTES` random bytes (the caller's CSPRNG: this crate has none).
    pub fn from_random(random: [u8; RANDOM_BYTES]) -> CheckCode {
        let bits = random.iter().fold(0_u64, |acc, b| acc << 8 | u64::from(*b)) >> 1;
        let mut symbols = [0_u8; CODE_SYMBOLS];
        for (i, symbol) in symbols[..DATA_SYMBOLS].iter_mut().enumerate() {
            *symbol = ((bits >> (5 * (DATA_SYMBOLS - 1 - i))) & 31) as u8;
        }
        symbols[DATA_SYMBOLS] = check_symbol(&symbols[..DATA_SYMBOLS]);
        CheckCode { symbols }
    }

    /// Reads a code as typed: case, spaces and dashes do not matter, `O` is `0`, `I` and
    /// `L` are `1`.
    pub fn parse(text: &str) -> Result<CheckCode, CodeError> {
        let mut symbols = [0_u8; CODE_SYMBOLS];
        let mut count = 0;
        let mut refused = None;
        for character in text.chars().filter(|c| !is_separator(*c)) {
            match symbol_value(character) {
                Some(value) if count < CODE_SYMBOLS => symbols[count] = value,
                Some(_) => {}
                None => {
                    refused.get_or_insert(CodeError::NotInAlphabet { character, position: count });
                }
            }
            count += 1;
        }
        if count == 0 {
            return Err(CodeError::Empty);
        }
        if let Some(error) = refused {
            return Err(error);
        }
        if count != CODE_SYMBOLS {
            return Err(CodeError::WrongLength { symbols: count });
        }
        if check_symbol(&symbols[..DATA_SYMBOLS]) != symbols[DATA_SYMBOLS] {
            return Err(CodeError::CheckFailed);
        }
        Ok(CheckCode { symbols })
    }

    /// The eleven random symbols, upper case, as the key derivation takes them (§13.2).
    pub fn data_text(&self) -> [u8; DATA_SYMBOLS] {
        let mut text = [0_u8; DATA_SYMBOLS];
        for (out, symbol) in text.iter_mut().zip(&self.symbols) {
            *out = ALPHABET[usize::from(*symbol)];
        }
        text
    }

    /// The twelve symbols, upper case, the check symbol last.
    pub fn characters(&self) -> [char; CODE_SYMBOLS] {
        self.symbols.map(|s| char::from(ALPHABET[usize::from(s)]))
    }

    /// As printed and read aloud: three groups of four, e.g. `K7QM-29XD-HP4A`.
    pub fn grouped(&self) -> String {
        let mut text = String::with_capacity(CODE_SYMBOLS + 2);
        for (i, c) in self.characters().iter().enumerate() {
            if i > 0 && i % GROUP_SYMBOLS == 0 {
                text.push('-');
            }
            text.push(*c);
        }
        text
    }
}

impl fmt::Display for CheckCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

impl fmt::Debug for CheckCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CheckCode({})", self.grouped())
    }
}

/// Whether typed text is meant as a check code rather than a card's QR text or link: 10 to 14
/// letters and digits (a code's twelve, give or take a slip of the ear or finger), spaces and
/// dashes. A token is over a hundred characters and a link has `:` and `/`, so neither is
/// ever taken for a code; nor are a few words such as "not a card".
pub fn looks_like_code(text: &str) -> bool {
    let text = text.trim();
    let symbols = text.chars().filter(|c| !is_separator(*c)).count();
    (CODE_SYMBOLS - 2..=CODE_SYMBOLS + 2).contains(&symbols) && text.chars().all(|c| c.is_ascii_alphanumeric() || is_separator(c))
}

/// Spaces, dashes and dots between groups, however typed or pasted.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '.')
}

/// A typed character's value, with Crockford's readings of the letters left out.
fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET.iter().position(|a| char::from(*a) == c).map(|v| v as u8)
}

/// The check symbol: Σ αⁱ⁺¹·dᵢ over GF(32) = GF(2)[x]/(x⁵ + x² + 1), α = x. Every weight
/// is non-zero and all twelve weights (the check symbol's is α⁰ = 1) are distinct because α
/// has order 31: one wrong symbol changes the sum by a non-zero amount, and swapping two
/// different symbols at positions i and j changes it by (αⁱ + αʲ)(a + b) ≠ 0.
fn check_symbol(data: &[u8]) -> u8 {
    let mut sum = 0;
    let mut weight = 1;
    for d in data {
        weight = gf32_mul(weight, 2);
        sum ^= gf32_mul(weight, *d);
    }
    sum
}

fn gf32_mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0b10_0000 != 0 {
            a ^= 0b10_0101;
        }
    }
    product
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::string::ToString;

    fn code(seed: u8) -> CheckCode {
        CheckCode::from_random([seed, seed.wrapping_mul(37), 3, 4, 5, 6, seed ^ 0x5a])
    }

    #[test]
    fn reads_back_what_it_prints_in_any_typing() {
        let c = code(9);
        let printed = c.grouped();
        assert_eq!(printed.len(), 14);
        assert_eq!(CheckCode::parse(&printed), Ok(c));
        let typed = printed.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        assert_eq!(CheckCode::parse(&format!("  {typed} ")), Ok(c));
    }

    #[test]
    fn every_single_wrong_symbol_is_caught() {
        for seed in 0..40 {
            let c = code(seed);
            for position in 0..CODE_SYMBOLS {
                for value in 0..32 {
                    let mut symbols = c.symbols;
                    if symbols[position] == value {
                        continue;
                    }
                    symbols[position] = value;
                    let text: String = symbols.iter().map(|s| char::from(ALPHABET[usize::from(*s)])).collect();
                    assert_eq!(CheckCode::parse(&text), Err(CodeError::CheckFailed), "{text}");
                }
            }
        }
    }

    #[test]
    fn every_swap_of_two_different_symbols_is_caught() {
        for seed in 0..40 {
            let c = code(seed);
            for i in 0..CODE_SYMBOLS {
                for j in i + 1..CODE_SYMBOLS {
                    let mut symbols = c.symbols;
                    if symbols[i] == symbols[j] {
                        continue;
                    }
                    symbols.swap(i, j);
                    let text: String = symbols.iter().map(|s| char::from(ALPHABET[usize::from(*s)])).collect();
                    assert_eq!(CheckCode::parse(&text), Err(CodeError::CheckFailed), "{text}");
                }
            }
        }
    }

    #[test]
    fn names_what_is_wrong_with_typed_text() {
        assert_eq!(CheckCode::parse(" - "), Err(CodeError::Empty));
        assert_eq!(CheckCode::parse("K7QM-29XD-HP4"), Err(CodeError::WrongLength { symbols: 11 }));
        assert_eq!(CheckCode::parse("K7QM-29XD-HP4AA"), Err(CodeError::WrongLength { symbols: 13 }));
        let refused = CheckCode::parse("K7QM-29UD-HP4A").unwrap_err();
        assert_eq!(refused, CodeError::NotInAlphabet { character: 'U', position: 6 });
        assert_eq!(refused.group(), Some(1));
    }

    #[test]
    fn tells_a_code_from_a_card_link() {
        assert!(looks_like_code("k7qm 29xd hp4a"));
        assert!(looks_like_code("K7QM-29XD-HP4U"));
        assert!(!looks_like_code("https://check.example/#0oRHogEnBEL"));
        assert!(!looks_like_code(&"0o".repeat(60)));
        assert!(!looks_like_code("   "));
        assert!(!looks_like_code("hello"));
        assert!(!looks_like_code("not a card"));
        assert!(looks_like_code("K7QM-29XD-HP"));
    }

    #[test]
    fn uses_55_random_bits() {
        assert_eq!(CheckCode::from_random([0xff; 7]).grouped(), "ZZZZ-ZZZZ-ZZZ?".replace('?', &char::from(ALPHABET[usize::from(check_symbol(&[31; 11]))]).to_string()));
        assert_ne!(CheckCode::from_random([0, 0, 0, 0, 0, 0, 2]), CheckCode::from_random([0; 7]));
        assert_eq!(CheckCode::from_random([0, 0, 0, 0, 0, 0, 1]), CheckCode::from_random([0; 7]));
    }
}
