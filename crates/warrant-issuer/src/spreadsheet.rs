//! Text bound for a spreadsheet. `manifest.csv` goes to the card printer's operator, who
//! will open it in Excel or LibreOffice; those run a cell beginning with `=`, `+`, `-` or
//! `@` (or a tab or carriage return before one) as a formula, which can fetch addresses or
//! run commands (OWASP, "CSV Injection").

use std::borrow::Cow;

use anyhow::{bail, Result};

/// The characters that make a spreadsheet read a cell as a formula when it begins with one.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Refuses a holder's name, rank or number that a spreadsheet would run. Refused rather
/// than neutralised because the same text is signed into the card and printed on it: a
/// neutralised cell (`'=…`) would print a quote the signed card does not hold, and no real
/// name, rank or collar number begins with one of these.
pub fn check_holder_text(field: &str, text: &str) -> Result<()> {
    if let Some(c) = text.chars().next().filter(|c| FORMULA_STARTS.contains(c)) {
        bail!("{field} {text:?} begins with {c:?}, which a spreadsheet opening the manifest would run as a formula");
    }
    Ok(())
}

/// A cell a spreadsheet shows as text, the OWASP way: one that would begin a formula gets a
/// single quote in front. Applied to every cell the tool writes, including those it made
/// itself (the QR text begins with the `--checker-address` as typed).
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_would_run_gets_a_quote_and_others_are_unchanged() {
        for formula in ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(text_cell(formula), format!("'{formula}"));
        }
        for plain in ["Jane Smith", "S-4411", "https://check.police.uk/#0o", "2031-01-01T00:00:00Z", "", "'quoted"] {
            assert_eq!(text_cell(plain), plain);
        }
    }

    #[test]
    fn a_holder_field_that_would_run_is_refused_in_words() {
        let message = check_holder_text("name", "=HYPERLINK(\"http://evil\",\"x\")").unwrap_err().to_string();
        assert!(message.starts_with("name \"=HYPERLINK") && message.contains("run as a formula"), "{message}");
        for start in ["+", "-", "@", "\t", "\r"] {
            assert!(check_holder_text("rank", &format!("{start}1")).is_err(), "{start:?}");
        }
        check_holder_text("number", "S-4411").unwrap();
    }
}
