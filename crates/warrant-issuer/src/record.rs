//! The record of issued cards: a private file the identity team keeps beside the revocation
//! register, one line per card that `issue`, `batch` (and `demo`) signed, from which
//! `directory` builds the force's card directory (docs/FORMAT.md §13).
//!
//! It is JSON Lines: a first line naming the force, then one object per card with its
//! serial, its check code, its signed token (base64url), and when it was issued and expires.
//! `directory` adds to each card it files the lookup id and key derived from its code
//! (`lookup`, `key`, hex), so that a rebuild after a new card derives only that card's (one
//! Argon2id run each, ~2.5 ms) instead of every card's again.
//!
//! **The record is private.** It holds every card's check code and so opens every entry of
//! the published directory: it is created owner-only (mode 0600), and a record readable by
//! others is warned about.
//!
//! One run at a time per record, with the register's locking convention: an exclusive lock on
//! `<record>.lock` beside it (a file of its own, because `directory` replaces the record by
//! rename), held while a run appends cards or rewrites the file. `issue` and `batch` append
//! all their lines in one write under the lock and flush it before any card leaves the tool,
//! so a card handed to the printer is always in the record. A run killed in the middle of
//! that write leaves an unfinished last line: its cards never left the tool, so the next
//! append cuts that line off (and says so), and a reader skips it.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use serde::{Deserialize, Serialize};
use warrant_core::directory::EntryKeys;
use warrant_core::{parse_hex, to_hex, token, CheckCode};

use crate::register_lock::{self, FileLock};
use crate::time_arg;

/// The value of the first line's `warrant_issuer_record`: this layout.
const FORMAT: u64 = 1;

/// The first line.
#[derive(Serialize, Deserialize)]
struct Header {
    warrant_issuer_record: u64,
    force: String,
    #[serde(default)]
    note: String,
}

const NOTE: &str = "PRIVATE to the force's identity team: every card's check code is here (see docs/ISSUER.md)";

/// One issued card, as a line of the record.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecordedCard {
    /// Hex, as on the revocation register.
    pub serial: String,
    /// Grouped, as printed: `K7QM-29XD-HP4A`.
    pub check_code: String,
    pub issued_at: String,
    pub expires_at: String,
    /// The signed token (COSE_Sign1), base64url: what the QR code carries after `#`.
    pub token: String,
    /// The lookup id derived from the code (hex), once `directory` has derived it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lookup: Option<String>,
    /// The entry key derived from the code (hex), once `directory` has derived it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl RecordedCard {
    pub fn new(serial: &[u8], code: &CheckCode, issued_at: i64, expires_at: i64, cose: &[u8]) -> RecordedCard {
        RecordedCard {
            serial: to_hex(serial),
            check_code: code.grouped(),
            issued_at: time_arg::format(issued_at),
            expires_at: time_arg::format(expires_at),
            token: token::encode(cose),
            lookup: None,
            key: None,
        }
    }

    /// The line as written (with its newline).
    fn line(&self) -> String {
        serde_json::to_string(self).expect("a recorded card serialises") + "\n"
    }

    /// The lookup id and key derived earlier, if they are here (and well-formed).
    pub fn cached_keys(&self) -> Option<EntryKeys> {
        let lookup = parse_hex(self.lookup.as_deref()?)?.try_into().ok()?;
        let key = parse_hex(self.key.as_deref()?)?.try_into().ok()?;
        Some(EntryKeys { lookup, key })
    }

    pub fn cache_keys(&mut self, keys: &EntryKeys) {
        self.lookup = Some(to_hex(&keys.lookup));
        self.key = Some(to_hex(&keys.key));
    }
}

/// A record as read: its force and its cards, in the order they were issued.
pub struct Record {
    pub force: String,
    pub cards: Vec<RecordedCard>,
    /// Whether an unfinished last line (an interrupted append) was skipped.
    pub skipped_unfinished: bool,
}

/// Held while the record is appended to or rewritten; unlocks when dropped.
pub type RecordLock = FileLock;

/// Waits until no other run holds the record's lock (`<record>.lock`, beside it, as the
/// register's), then takes it.
pub fn lock(record: &Path) -> Result<RecordLock> {
    register_lock::lock_beside(record, &format!("another run that writes the record {}", record.display()))
}

/// Refuses, before anything is signed, a record kept for another force or a file that is
/// not a record. A record not made yet is fine: the first append makes it.
pub fn check_force(record: &Path, force: &str) -> Result<()> {
    let Ok(mut file) = File::open(record) else {
        if record.exists() {
            bail!("cannot read the record {}", record.display());
        }
        let folder = record.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !folder.is_dir() {
            bail!("the folder of the record {} does not exist (keep the record beside the revocation register)", record.display());
        }
        return Ok(());
    };
    let mut first = String::new();
    // The header is one short line; 4 KiB is far more than it needs.
    Read::by_ref(&mut file).take(4096).read_to_string(&mut first).ok();
    let header = first.split('\n').next().unwrap_or_default();
    if header.is_empty() && first.is_empty() {
        return Ok(());
    }
    let recorded = read_header(header).with_context(|| format!("the record {}", record.display()))?;
    if recorded != force {
        bail!("the record {} is force {recorded}'s, not {force}'s: give each force its own record", record.display());
    }
    Ok(())
}

fn read_header(line: &str) -> Result<String> {
    let header: Header = serde_json::from_str(line)
        .map_err(|_| anyhow!("line 1 is not a record's first line (is this the record of issued cards `issue` and `batch` keep?)"))?;
    if header.warrant_issuer_record != FORMAT {
        bail!("line 1: a record of layout {}, which this version of the tool does not read", header.warrant_issuer_record);
    }
    Ok(header.force)
}

fn header_line(force: &str) -> String {
    let header = Header { warrant_issuer_record: FORMAT, force: force.to_string(), note: NOTE.to_string() };
    serde_json::to_string(&header).expect("a header serialises") + "\n"
}

/// Appends `cards` to the record (making it, owner-only, if it does not exist), under its
/// lock, in one write, flushed to disk before returning.
pub fn append(record: &Path, force: &str, cards: &[RecordedCard]) -> Result<()> {
    let _lock = lock(record)?;
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(record).with_context(|| format!("opening the record {}", record.display()))?;
    warn_if_readable_by_others(record, &file);
    let length = file.metadata()?.len();
    let mut text = String::with_capacity(cards.len() * 360 + 160);
    if length == 0 {
        text.push_str(&header_line(force));
    } else {
        check_force(record, force)?;
        let kept = finished_length(&mut file, length)?;
        if kept < length {
            eprintln!(
                "warning: the record {} ended in an unfinished line, left by a run that was stopped while writing; \
                 its cards were never handed out, and the line is removed",
                record.display()
            );
            file.set_len(kept)?;
        }
    }
    for card in cards {
        text.push_str(&card.line());
    }
    file.seek(SeekFrom::End(0))?;
    file.write_all(text.as_bytes()).with_context(|| format!("writing to the record {}", record.display()))?;
    file.sync_all().with_context(|| format!("flushing the record {}", record.display()))?;
    Ok(())
}

/// The length of the file up to and including its last newline.
fn finished_length(file: &mut File, length: u64) -> Result<u64> {
    let mut end = length;
    let mut buf = [0_u8; 4096];
    while end > 0 {
        let start = end.saturating_sub(buf.len() as u64);
        let chunk = &mut buf[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(chunk)?;
        if let Some(at) = chunk.iter().rposition(|b| *b == b'\n') {
            return Ok(start + at as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// Reads the record. A line it cannot read is refused by its number (counted from 1), except
/// an unfinished last line, which is skipped (see the module's note).
pub fn read(record: &Path) -> Result<Record> {
    let text = fs::read_to_string(record).with_context(|| format!("reading the record {}", record.display()))?;
    parse(&text).with_context(|| format!("the record {}", record.display()))
}

fn parse(text: &str) -> Result<Record> {
    let (finished, unfinished) = match text.rfind('\n') {
        Some(at) => text.split_at(at + 1),
        None => ("", text),
    };
    let mut lines = finished.lines();
    let force = read_header(lines.next().ok_or_else(|| anyhow!("the file is empty"))?)?;
    let mut cards = Vec::new();
    for (i, line) in lines.enumerate() {
        let card: RecordedCard = serde_json::from_str(line).map_err(|e| anyhow!("line {}: not a recorded card ({e})", i + 2))?;
        CheckCode::parse(&card.check_code).map_err(|e| anyhow!("line {}: the check code {:?} does not read ({})", i + 2, card.check_code, e.code()))?;
        cards.push(card);
    }
    Ok(Record { force, cards, skipped_unfinished: !unfinished.is_empty() })
}

/// Replaces the record with `record` (written beside it, owner-only, flushed, renamed). The
/// caller holds the lock.
pub fn rewrite(path: &Path, record: &Record, _lock: &RecordLock) -> Result<()> {
    let mut text = String::with_capacity(record.cards.len() * 480 + 160);
    text.push_str(&header_line(&record.force));
    for card in &record.cards {
        text.push_str(&card.line());
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // tempfile makes its files owner-only (0600) on Unix.
    let mut tmp = tempfile::Builder::new()
        .prefix(".warrant-record-")
        .tempfile_in(dir)
        .with_context(|| format!("writing in {}", dir.display()))?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).with_context(|| format!("replacing the record {}", path.display()))?;
    Ok(())
}

fn warn_if_readable_by_others(record: &Path, file: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = file.metadata() {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                eprintln!(
                    "warning: the record {} can be read by others (mode {mode:o}); it holds every card's check code: chmod 600 it",
                    record.display()
                );
            }
        }
    }
    let _ = (record, file);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(n: u8) -> RecordedCard {
        RecordedCard::new(&[n; 8], &CheckCode::from_random([n, 2, 3, 4, 5, 6, 7]), 1_790_000_000, 1_890_000_000, &[0xd2, 0x84, n])
    }

    #[test]
    fn appended_cards_read_back_and_a_new_record_is_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("issued.jsonl");
        append(&path, "MPS", &[card(1), card(2)]).unwrap();
        append(&path, "MPS", &[card(3)]).unwrap();
        let record = read(&path).unwrap();
        assert_eq!(record.force, "MPS");
        assert_eq!(record.cards.iter().map(|c| c.serial.as_str()).collect::<Vec<_>>(), ["0101010101010101", "0202020202020202", "0303030303030303"]);
        assert_eq!(record.cards[2].check_code, CheckCode::from_random([3, 2, 3, 4, 5, 6, 7]).grouped());
        assert!(!record.skipped_unfinished);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn another_forces_record_and_a_file_that_is_not_a_record_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("issued.jsonl");
        check_force(&path, "MPS").unwrap();
        append(&path, "MPS", &[card(1)]).unwrap();
        let said = format!("{:#}", append(&path, "WMP", &[card(2)]).unwrap_err());
        assert!(said.contains("force MPS's, not WMP's"), "{said}");
        assert_eq!(read(&path).unwrap().cards.len(), 1);
        fs::write(&path, "0a0b  # lost\n").unwrap();
        let said = format!("{:#}", check_force(&path, "MPS").unwrap_err());
        assert!(said.contains("not a record's first line"), "{said}");
        let said = format!("{:#}", check_force(&dir.path().join("no-such-folder/issued.jsonl"), "MPS").unwrap_err());
        assert!(said.contains("the folder of the record"), "{said}");
    }

    #[test]
    fn an_unfinished_last_line_is_skipped_and_cut_off_by_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("issued.jsonl");
        append(&path, "MPS", &[card(1)]).unwrap();
        let whole = fs::read_to_string(&path).unwrap();
        let torn = &card(2).line()[..40];
        fs::write(&path, format!("{whole}{torn}")).unwrap();
        let record = read(&path).unwrap();
        assert_eq!((record.cards.len(), record.skipped_unfinished), (1, true));
        append(&path, "MPS", &[card(3)]).unwrap();
        let record = read(&path).unwrap();
        assert_eq!(record.cards.iter().map(|c| &c.serial[..2]).collect::<Vec<_>>(), ["01", "03"]);
        assert!(!record.skipped_unfinished);
    }

    #[test]
    fn a_line_it_cannot_read_is_refused_by_number() {
        let header = header_line("MPS");
        let good = card(1).line();
        let cases = [
            (format!("{header}{good}not json\n"), "line 3: not a recorded card"),
            (format!("{header}{}", good.replace(&card(1).check_code, &crate::codes::mistyped(&CheckCode::parse(&card(1).check_code).unwrap()))), "line 2: the check code"),
            (format!("{{\"warrant_issuer_record\":2,\"force\":\"MPS\"}}\n{good}"), "line 1: a record of layout 2"),
        ];
        for (text, said) in cases {
            let message = format!("{:#}", parse(&text).err().unwrap());
            assert!(message.contains(said), "{said}: {message}");
        }
    }

    #[test]
    fn cached_keys_round_trip() {
        let mut c = card(1);
        assert!(c.cached_keys().is_none());
        let keys = EntryKeys { lookup: [7; 16], key: [9; 32] };
        c.cache_keys(&keys);
        let line = c.line();
        let back: RecordedCard = serde_json::from_str(&line).unwrap();
        assert_eq!(back.cached_keys(), Some(keys));
    }
}
