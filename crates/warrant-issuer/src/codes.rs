//! Check codes for new cards (docs/FORMAT.md §13.1): from the operating system's CSPRNG for
//! real cards, from public labels for the demo.

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use warrant_core::check_code::{CheckCode, CODE_SYMBOLS, RANDOM_BYTES};

/// A fresh random code (55 bits from the operating system's CSPRNG).
pub fn random() -> Result<CheckCode> {
    let mut bytes = [0_u8; RANDOM_BYTES];
    getrandom::getrandom(&mut bytes).context("no randomness available")?;
    Ok(CheckCode::from_random(bytes))
}

/// A code derived from a public label: reproducible, so anyone can compute it. Only for the
/// demo's sample cards, whose keys are public too.
pub fn demo(label: &str) -> CheckCode {
    let digest = Sha256::digest(format!("warrant-check demo check code: {label}"));
    let mut bytes = [0_u8; RANDOM_BYTES];
    bytes.copy_from_slice(&digest[..RANDOM_BYTES]);
    CheckCode::from_random(bytes)
}

/// `code` as printed with one symbol misheard: the sixth (second group) replaced by the next
/// symbol of the alphabet. Its check symbol then fails, as for any single wrong symbol.
pub fn mistyped(code: &CheckCode) -> String {
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut symbols = code.characters();
    let at = 5;
    let value = ALPHABET.find(symbols[at]).expect("a code's symbols are in the alphabet");
    symbols[at] = ALPHABET.as_bytes()[(value + 1) % ALPHABET.len()] as char;
    let text: String = symbols.iter().collect();
    debug_assert_eq!(text.len(), CODE_SYMBOLS);
    format!("{}-{}-{}", &text[..4], &text[4..8], &text[8..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use warrant_core::CodeError;

    #[test]
    fn a_mistyped_code_fails_its_check_in_the_second_group() {
        for label in ["genuine", "revoked", "x", "y", "z"] {
            let code = demo(label);
            let typo = mistyped(&code);
            assert_eq!(CheckCode::parse(&typo), Err(CodeError::CheckFailed), "{typo}");
            assert_eq!(typo[..5], code.grouped()[..5]);
            assert_ne!(typo[5..9], code.grouped()[5..9]);
        }
    }

    #[test]
    fn random_codes_differ_and_demo_codes_do_not_change() {
        assert_ne!(random().unwrap(), random().unwrap());
        assert_eq!(demo("genuine"), demo("genuine"));
        assert_ne!(demo("genuine"), demo("revoked"));
    }
}
