//! `directory`: a force's card directory (docs/FORMAT.md §13) built from its record of issued
//! cards, and `bundle --directories`: every force's directory in one file for the desk.
//!
//! Every card in the record that has not expired is filed: its signed token sealed under the
//! key derived from its check code, under the lookup id derived from it. Revoked cards stay
//! in: the desk finds them and the revocation list judges them, exactly as when scanned.
//! Deriving a code's keys is one Argon2id run (~2.5 ms), so each card's are derived once, on
//! both cores, and kept in the record; a rebuild derives only the cards added since.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use rayon::prelude::*;
use warrant_core::directory::{derive_entry_keys, padded_size_for, seal_entry, write_directory, write_directory_bundle, Directory, EntryKeys};
use warrant_core::{token, CheckCode, TrustList};

use crate::record::{self, Record};
use crate::time_arg;

/// A directory built, and what went into it.
pub struct Built {
    pub bytes: Vec<u8>,
    pub force: String,
    /// Cards filed (not expired at `now`).
    pub filed: usize,
    /// Cards in the record left out because they had expired.
    pub expired: usize,
    /// Codes whose keys were derived by this run (the others were in the record already).
    pub derived: usize,
    pub derive_time: Duration,
    /// Sealed size of every entry's contents (FORMAT.md §13.3).
    pub padded: usize,
}

/// Builds the directory of the cards in the record at `record_path` that have not expired at
/// `now`. Keys derived for it are written back into the record (under its lock) first.
pub fn build(record_path: &Path, now: i64) -> Result<Built> {
    if !record_path.is_file() {
        bail!(
            "the record {} does not exist (`issue` and `batch` make it with --record); a mistyped path is not read as a force with no cards",
            record_path.display()
        );
    }
    let lock = record::lock(record_path)?;
    let mut record = record::read(record_path)?;
    if record.skipped_unfinished {
        eprintln!("warning: the record {} ends in an unfinished line (a run stopped while writing); its cards were never handed out and are left out", record_path.display());
    }
    let mut live = Vec::new();
    for (i, card) in record.cards.iter().enumerate() {
        let expires = time_arg::parse(&card.expires_at).with_context(|| format!("the record {}: card {}", record_path.display(), card.serial))?;
        if expires > now {
            live.push(i);
        }
    }
    let expired = record.cards.len() - live.len();

    let started = Instant::now();
    let derived = derive_missing(&mut record, &live);
    let derive_time = started.elapsed();
    if derived > 0 {
        record::rewrite(record_path, &record, &lock)?;
    }

    let tokens = live
        .iter()
        .map(|&i| {
            let card = &record.cards[i];
            token::decode(&card.token).map_err(|_| anyhow!("the record {}: card {}'s token is not base64url", record_path.display(), card.serial))
        })
        .collect::<Result<Vec<_>>>()?;
    let padded = padded_size_for(tokens.iter().map(Vec::len).max().unwrap_or(0));
    let keys: Vec<EntryKeys> = live.iter().map(|&i| record.cards[i].cached_keys().expect("derived above")).collect();
    refuse_shared_codes(&record, &live, &keys)?;
    let entries = keys
        .par_iter()
        .zip(&tokens)
        .map(|(keys, token)| seal_entry(keys, token, padded))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow!("sealing an entry: {}", e.code()))?;
    let bytes = write_directory(&record.force, padded, entries).map_err(|e| anyhow!("writing the directory: {} ({e:?})", e.code()))?;
    Ok(Built { bytes, force: record.force, filed: live.len(), expired, derived, derive_time, padded })
}

/// Derives, on every core, the keys of the cards at `indices` that have none in the record.
fn derive_missing(record: &mut Record, indices: &[usize]) -> usize {
    let mut missing: Vec<&mut record::RecordedCard> = Vec::new();
    let mut wanted = indices.iter().peekable();
    for (i, card) in record.cards.iter_mut().enumerate() {
        if wanted.peek() == Some(&&i) {
            wanted.next();
            if card.cached_keys().is_none() {
                missing.push(card);
            }
        }
    }
    let count = missing.len();
    missing.par_iter_mut().for_each(|card| {
        // Read when the record was; a code that does not read was refused there.
        let code = CheckCode::parse(&card.check_code).expect("the record's codes were checked when it was read");
        card.cache_keys(&derive_entry_keys(&code));
    });
    count
}

/// Two cards with one code would share an entry: the chance is about one in 10^8 for a force's
/// whole life (55-bit codes), but it is refused by name rather than left to chance.
fn refuse_shared_codes(record: &Record, live: &[usize], keys: &[EntryKeys]) -> Result<()> {
    let mut order: Vec<usize> = (0..live.len()).collect();
    order.sort_by(|&a, &b| keys[a].lookup.cmp(&keys[b].lookup));
    for pair in order.windows(2) {
        if keys[pair[0]].lookup == keys[pair[1]].lookup {
            let (a, b) = (&record.cards[live[pair[0]]], &record.cards[live[pair[1]]]);
            bail!(
                "cards {} and {} have the same check code ({}): a desk could find only one of them; revoke one and issue it again with a new code",
                a.serial,
                b.serial,
                a.check_code
            );
        }
    }
    Ok(())
}

/// Several forces' directories in one file. Each is read as a desk reads it (a file that is
/// not a directory is refused by name) and must be of a force in the trust list; two for one
/// force are refused.
pub fn bundle(trust: &TrustList, paths: &[PathBuf]) -> Result<(Vec<u8>, Vec<String>)> {
    let mut named = Vec::new();
    for path in paths {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let directory = Directory::read(&bytes).map_err(|e| anyhow!("{} is not a card directory: {} ({e:?})", path.display(), e.code()))?;
        if trust.force(&directory.force).is_none() {
            bail!("{} is the directory of {:?}, which is not a force in the trust list", path.display(), directory.force);
        }
        if named.iter().any(|(force, _)| *force == directory.force) {
            bail!("two directories for one force ({}): {}", directory.force, path.display());
        }
        named.push((directory.force, bytes));
    }
    let forces = named.iter().map(|(force, _)| force.clone()).collect();
    let bundle = write_directory_bundle(named).map_err(|e| anyhow!("bundling the directories: {} ({e:?})", e.code()))?;
    Ok((bundle, forces))
}

#[cfg(test)]
mod tests {
    use super::*;
    use warrant_core::directory::Lookup;

    fn card(n: u8, expires_at: i64) -> (record::RecordedCard, CheckCode, Vec<u8>) {
        let code = CheckCode::from_random([n, 9, 8, 7, 6, 5, 4]);
        let token = vec![0xd2, 0x84, n, n, n];
        (record::RecordedCard::new(&[n; 8], &code, 1_790_000_000, expires_at, &token), code, token)
    }

    #[test]
    fn files_the_cards_not_expired_caches_their_keys_and_derives_only_new_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("issued.jsonl");
        let now = 1_800_000_000;
        let cards: Vec<_> = [(1, now + 10), (2, now - 10), (3, now + 1000)].into_iter().map(|(n, e)| card(n, e)).collect();
        record::append(&path, "MPS", &cards.iter().map(|c| c.0.clone()).collect::<Vec<_>>()).unwrap();

        let built = build(&path, now).unwrap();
        assert_eq!((built.filed, built.expired, built.derived, built.force.as_str()), (2, 1, 2, "MPS"));
        let directory = Directory::read(&built.bytes).unwrap();
        assert_eq!(directory.len(), 2);
        assert_eq!(directory.find(&derive_entry_keys(&cards[0].1)), Lookup::Found(cards[0].2.clone()));
        assert_eq!(directory.find(&derive_entry_keys(&cards[2].1)), Lookup::Found(cards[2].2.clone()));
        assert_eq!(directory.find(&derive_entry_keys(&cards[1].1)), Lookup::NotFound, "expired");

        let record = record::read(&path).unwrap();
        assert_eq!(record.cards.iter().map(|c| c.cached_keys().is_some()).collect::<Vec<_>>(), [true, false, true]);
        assert_eq!(record.cards[0].cached_keys(), Some(derive_entry_keys(&cards[0].1)));

        record::append(&path, "MPS", &[card(4, now + 5).0]).unwrap();
        let again = build(&path, now).unwrap();
        assert_eq!((again.filed, again.derived), (3, 1));
        assert_eq!(build(&path, now).unwrap().derived, 0);
        assert_eq!(build(&path, now).unwrap().bytes, build(&path, now).unwrap().bytes, "the same record builds the same file");
    }

    #[test]
    fn a_missing_record_and_two_cards_with_one_code_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("issued.jsonl");
        let said = format!("{:#}", build(&path, 0).err().unwrap());
        assert!(said.contains("does not exist"), "{said}");
        assert!(!path.exists());
        let (a, _, _) = card(1, 2_000_000_000);
        let mut b = card(2, 2_000_000_000).0;
        b.check_code = a.check_code.clone();
        record::append(&path, "MPS", &[a, b]).unwrap();
        let said = format!("{:#}", build(&path, 0).err().unwrap());
        assert!(said.contains("have the same check code"), "{said}");
    }
}
