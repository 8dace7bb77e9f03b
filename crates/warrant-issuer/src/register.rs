//! The revocation register: a plain text file a force keeps, one hex serial per line
//! (`#` starts a comment, e.g. the reason and date). The signed revocation list is built
//! from it.
//!
//! A serial is a whole line, so a note that could end a line would add serials (or, with
//! other text after the break, make every later read fail until the file is edited by
//! hand). Notes with a control character are therefore refused before anything is written,
//! and the reader refuses any line it cannot read exactly, naming it, instead of guessing.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, Context, Result};
use warrant_core::{limits::MAX_SERIAL_BYTES, parse_hex};

/// A register as its file holds it: the text, kept as written (notes and all), and the
/// serials in it.
pub struct Register {
    pub text: String,
    pub serials: BTreeSet<Vec<u8>>,
}

/// Reads the register at `path`; a register not made yet is empty.
pub fn read(path: &Path) -> Result<Register> {
    if !path.exists() {
        return Ok(Register { text: String::new(), serials: BTreeSet::new() });
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let serials = parse(&text).with_context(|| format!("the register {}", path.display()))?;
    Ok(Register { text, serials })
}

/// The serials in a register's text. An error names the line (counted from 1).
fn parse(text: &str) -> Result<BTreeSet<Vec<u8>>> {
    let mut serials = BTreeSet::new();
    // Split on '\n' only, as `append` writes; a '\r' left over is caught below unless it
    // ends a Windows-style line.
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let read = || -> Result<Option<Vec<u8>>> {
            if let Some(c) = line.chars().find(|&c| breaks_lines(c)) {
                // Other programs (editors, `less`) may show this as two lines, so the
                // register would not say what it seems to.
                bail!("control character U+{:04X}; edit the line so that it holds one serial and a '#' note", c as u32);
            }
            let entry = line.split('#').next().unwrap_or("").trim();
            Ok(if entry.is_empty() { None } else { Some(parse_serial(entry)?) })
        };
        if let Some(serial) = read().with_context(|| format!("line {}", i + 1))? {
            serials.insert(serial);
        }
    }
    Ok(serials)
}

/// A card (or phone credential) serial: 1-32 bytes as hex digits, nothing else.
pub fn parse_serial(s: &str) -> Result<Vec<u8>> {
    let s = s.trim();
    // Checked here because hex parsing alone would take a sign ("+a+b" as 0a0b).
    let digits_only = s.bytes().all(|b| b.is_ascii_hexdigit());
    match parse_hex(s) {
        Some(b) if digits_only && !b.is_empty() && b.len() <= MAX_SERIAL_BYTES => Ok(b),
        _ => bail!("not a card serial (1-32 bytes of hex): {s:?}"),
    }
}

/// Refuses a note that could not stay on its serial's line.
pub fn check_note(note: &str) -> Result<()> {
    if let Some(c) = note.chars().find(|&c| c == '\t' || breaks_lines(c)) {
        bail!(
            "the note has a control character (U+{:04X}); a note must stay on its serial's line of the register, \
             so it may not hold line breaks or other control characters",
            c as u32
        );
    }
    Ok(())
}

/// Control characters (line feeds, carriage returns, escapes…) and Unicode's line and
/// paragraph separators. A tab keeps to its line: the reader lets one pass (a person may
/// have typed it), though a note given to `revoke` may not hold one.
fn breaks_lines(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The register's new text: `old` (its current text, empty if none) with a line for each
/// new serial, each with `note` if there is one.
pub fn append(old: &str, serials: &[Vec<u8>], note: &str) -> Result<String> {
    check_note(note)?;
    let mut text = old.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for serial in serials {
        text.push_str(&warrant_core::to_hex(serial));
        if !note.is_empty() {
            text.push_str("  # ");
            text.push_str(note);
        }
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_serials_and_skips_notes_and_blank_lines() {
        let serials = parse("# MPS register\n0a0b\t# lost 2026-11-20\n\r\n0C0D\r\n\n").unwrap();
        assert_eq!(serials, BTreeSet::from([vec![0x0a, 0x0b], vec![0x0c, 0x0d]]));
    }

    #[test]
    fn a_line_it_cannot_read_exactly_is_refused_by_number() {
        let cases = [
            ("0a0b  # lost\nstolen from a car\n", "line 2", "not a card serial"),
            ("0a0b  # lost\r0c0d\n", "line 1", "U+000D"),
            ("0a0b\n0c0d  # lost\u{2028}0e0f\n", "line 2", "U+2028"),
            ("+a+b\n", "line 1", "not a card serial"),
            ("0a0b 0c0d\n", "line 1", "not a card serial"),
        ];
        for (text, line, why) in cases {
            let message = format!("{:#}", parse(text).unwrap_err());
            assert!(message.starts_with(line) && message.contains(why), "{text:?}: {message}");
        }
    }

    #[test]
    fn a_note_that_would_leave_its_line_is_refused() {
        for note in ["lost\n0a0b", "lost\r0a0b", "lost\u{2028}0a0b", "lost\u{1b}[2J", "lost\u{85}", "lost\t0a0b"] {
            assert!(check_note(note).unwrap_err().to_string().contains("control character"), "{note:?}");
            assert!(append("", &[vec![0x0a]], note).is_err(), "{note:?}");
        }
        check_note("lost 2026-11-20 by PC 1234 — reported #41").unwrap();
    }

    #[test]
    fn appended_lines_read_back_as_the_serials_added() {
        let text = append("0a0b  # old", &[vec![0x0c], vec![0x0d]], "lost").unwrap();
        assert_eq!(text, "0a0b  # old\n0c  # lost\n0d  # lost\n");
        assert_eq!(append(&text, &[vec![0x0e]], "").unwrap(), format!("{text}0e\n"));
        assert_eq!(parse(&text).unwrap(), BTreeSet::from([vec![0x0a, 0x0b], vec![0x0c], vec![0x0d]]));
    }
}
