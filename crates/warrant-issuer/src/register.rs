//! The revocation register: a plain text file a force keeps, one hex serial per line
//! (`#` starts a comment, e.g. the reason and date). The signed revocation list is built
//! from it.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, Context, Result};
use warrant_core::{limits::MAX_SERIAL_BYTES, parse_hex};

pub fn read(path: &Path) -> Result<BTreeSet<Vec<u8>>> {
    if !path.exists() {
        return Ok(BTreeSet::new());
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut serials = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let entry = line.split('#').next().unwrap_or("").trim();
        if entry.is_empty() {
            continue;
        }
        serials.insert(parse_serial(entry).with_context(|| format!("{} line {}", path.display(), i + 1))?);
    }
    Ok(serials)
}

pub fn parse_serial(s: &str) -> Result<Vec<u8>> {
    match parse_hex(s.trim()) {
        Some(b) if !b.is_empty() && b.len() <= MAX_SERIAL_BYTES => Ok(b),
        _ => bail!("not a card serial (1-32 bytes of hex): {s:?}"),
    }
}

/// The register's new text: the old text with one line per new serial appended.
pub fn append(path: &Path, new: &[(Vec<u8>, String)]) -> Result<String> {
    let mut text = if path.exists() { std::fs::read_to_string(path)? } else { String::new() };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for (serial, note) in new {
        text.push_str(&warrant_core::to_hex(serial));
        if !note.is_empty() {
            text.push_str("  # ");
            text.push_str(note);
        }
        text.push('\n');
    }
    Ok(text)
}
