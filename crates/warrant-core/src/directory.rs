//! The card directory (docs/FORMAT.md §13): one static file per force in which the desk finds
//! a card from its check code alone, for a caller who can only read the code aloud.
//!
//! Each entry is the card's own signed token, sealed (ChaCha20-Poly1305) under a key derived
//! from the card's check code and filed under a lookup id derived from the same code
//! (Argon2id, then HKDF-SHA256). Without a card's code an entry is random bytes, so the file
//! needs no signature and shows nothing of any card; with the code, the token comes out and
//! is judged exactly as a scanned card is (`verify`). A directory someone has changed can
//! therefore make a code "not found" (or an entry "damaged"), never a different card
//! "genuine": a token that opens is still checked against the force's signature, the trust
//! list and the revocation lists.

use alloc::string::String;
use alloc::vec::Vec;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{AeadInPlace, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce, Tag};
use hkdf::Hkdf;
use sha2::Sha256;

use crate::cbor::Value;
use crate::cbor_map::{self, int, map, MapReader};
use crate::check_code::CheckCode;
use crate::limits::{MAX_ISSUER_CHARS, MAX_TOKEN_CHARS};

/// Bytes of an entry's lookup id.
pub const LOOKUP_BYTES: usize = 16;
/// Bytes of an entry's authentication tag.
pub const TAG_BYTES: usize = 16;
/// The smallest and largest sealed contents (`padded`): a length, the token, zeros.
pub const MIN_PADDED: usize = 64;
pub const MAX_PADDED: usize = 2 + MAX_TOKEN_CHARS * 3 / 4 + 14;
/// Largest directory accepted (a force of 150,000 cards at typical sizes), and largest
/// bundle of them (every UK force).
pub const MAX_DIRECTORY_BYTES: usize = 32 * 1024 * 1024;
pub const MAX_DIRECTORY_BUNDLE_BYTES: usize = 256 * 1024 * 1024;
pub const MAX_BUNDLE_DIRECTORIES: usize = 1024;

/// The format version, `v`.
const VERSION: u64 = 1;

/// Argon2id settings (§13.2): 4 MiB and one pass take a few milliseconds on a desk's PC,
/// once per code typed, and make every guess at a code cost an attacker as much.
pub const ARGON2_MEMORY_KIB: u32 = 4096;
pub const ARGON2_PASSES: u32 = 1;
const ARGON2_SALT: &[u8] = b"warrant-check card directory 1";
const LOOKUP_INFO: &[u8] = b"warrant-check directory lookup";
const KEY_INFO: &[u8] = b"warrant-check directory key";

/// What a check code opens: where its entry is filed and the key that seals it.
#[derive(Clone, PartialEq, Eq)]
pub struct EntryKeys {
    pub lookup: [u8; LOOKUP_BYTES],
    pub key: [u8; 32],
}

impl core::fmt::Debug for EntryKeys {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("EntryKeys(..)")
    }
}

/// Why a directory file, or a bundle of them, was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectoryError {
    Oversized,
    Malformed(&'static str),
    UnsupportedVersion(u64),
}

impl DirectoryError {
    pub fn code(&self) -> &'static str {
        match self {
            DirectoryError::Oversized => "oversized",
            DirectoryError::Malformed(_) => "malformed",
            DirectoryError::UnsupportedVersion(_) => "unsupported-version",
        }
    }
}

impl From<cbor_map::FieldError> for DirectoryError {
    fn from(e: cbor_map::FieldError) -> Self {
        DirectoryError::Malformed(e.0)
    }
}

/// What a directory holds for a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The card's signed token (COSE_Sign1 bytes), still to be verified like a scanned one.
    Found(Vec<u8>),
    /// No entry is filed under this code.
    NotFound,
    /// An entry is filed under this code but does not open: the file was damaged or changed.
    Damaged,
}

/// Derives a code's lookup id and key (§13.2). Costs one Argon2id run: do it once per code.
pub fn derive_entry_keys(code: &CheckCode) -> EntryKeys {
    let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, 1, Some(32)).expect("fixed Argon2 parameters are valid");
    let mut secret = [0_u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(&code.data_text(), ARGON2_SALT, &mut secret)
        .expect("fixed Argon2 inputs are valid");
    let hkdf = Hkdf::<Sha256>::new(None, &secret);
    let mut keys = EntryKeys { lookup: [0; LOOKUP_BYTES], key: [0; 32] };
    hkdf.expand(LOOKUP_INFO, &mut keys.lookup).expect("16 bytes is a valid HKDF length");
    hkdf.expand(KEY_INFO, &mut keys.key).expect("32 bytes is a valid HKDF length");
    keys
}

/// The sealed size a directory needs for tokens up to `longest` bytes: the length, the
/// token, rounded up to 16 bytes, at least `MIN_PADDED`.
pub fn padded_size_for(longest: usize) -> usize {
    (2 + longest).div_ceil(16).max(MIN_PADDED / 16) * 16
}

/// One entry: `lookup ‖ ChaCha20-Poly1305(key, nonce(padded), aad = lookup, len ‖ token ‖ 0…)`.
pub fn seal_entry(keys: &EntryKeys, token: &[u8], padded: usize) -> Result<Vec<u8>, DirectoryError> {
    if !valid_padded(padded) {
        return Err(DirectoryError::Malformed("padded"));
    }
    if token.is_empty() || 2 + token.len() > padded {
        return Err(DirectoryError::Oversized);
    }
    let mut content = Vec::with_capacity(padded);
    content.extend_from_slice(&(token.len() as u16).to_be_bytes());
    content.extend_from_slice(token);
    content.resize(padded, 0);
    let tag = cipher(keys)
        .encrypt_in_place_detached(&nonce(padded), &keys.lookup, &mut content)
        .map_err(|_| DirectoryError::Oversized)?;
    let mut entry = Vec::with_capacity(LOOKUP_BYTES + padded + TAG_BYTES);
    entry.extend_from_slice(&keys.lookup);
    entry.extend_from_slice(&content);
    entry.extend_from_slice(&tag);
    Ok(entry)
}

/// A force's directory: its entries sorted by lookup id, all `padded` + 32 bytes long.
pub fn write_directory(force: &str, padded: usize, mut entries: Vec<Vec<u8>>) -> Result<Vec<u8>, DirectoryError> {
    if force.is_empty() || force.chars().count() > MAX_ISSUER_CHARS {
        return Err(DirectoryError::Malformed("force"));
    }
    if !valid_padded(padded) || entries.iter().any(|e| e.len() != padded + LOOKUP_BYTES + TAG_BYTES) {
        return Err(DirectoryError::Malformed("entries"));
    }
    entries.sort_by(|a, b| a[..LOOKUP_BYTES].cmp(&b[..LOOKUP_BYTES]));
    if entries.windows(2).any(|w| w[0][..LOOKUP_BYTES] == w[1][..LOOKUP_BYTES]) {
        return Err(DirectoryError::Malformed("two entries under one lookup id"));
    }
    let bytes = cbor_map::encode(&map(alloc::vec![
        ("v", int(VERSION as i64)),
        ("force", Value::Text(force.into())),
        ("padded", int(padded as i64)),
        ("entries", Value::Bytes(entries.concat())),
    ]));
    if bytes.len() > MAX_DIRECTORY_BYTES {
        return Err(DirectoryError::Oversized);
    }
    Ok(bytes)
}

/// A directory read from its file, ready to look codes up in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directory {
    /// The force the file says it is for. Not authenticated: only the tokens inside are.
    pub force: String,
    padded: usize,
    entries: Vec<u8>,
}

impl Directory {
    /// Reads and checks a directory file (§13.3): it refuses what is not one, so that a
    /// captive portal's page or a truncated download is never searched.
    pub fn read(bytes: &[u8]) -> Result<Directory, DirectoryError> {
        if bytes.len() > MAX_DIRECTORY_BYTES {
            return Err(DirectoryError::Oversized);
        }
        let value = cbor_map::decode(bytes).ok_or(DirectoryError::Malformed("directory"))?;
        let mut m = MapReader::new(value, "directory")?;
        let version = m.uint("v")?;
        if version != VERSION {
            return Err(DirectoryError::UnsupportedVersion(version));
        }
        let force = m.text("force")?;
        if force.is_empty() || force.chars().count() > MAX_ISSUER_CHARS {
            return Err(DirectoryError::Malformed("force"));
        }
        let padded = usize::try_from(m.uint("padded")?).map_err(|_| DirectoryError::Malformed("padded"))?;
        if !valid_padded(padded) {
            return Err(DirectoryError::Malformed("padded"));
        }
        let entries = m.bytes("entries")?;
        let directory = Directory { force, padded, entries };
        if directory.entries.len() % directory.entry_size() != 0 {
            return Err(DirectoryError::Malformed("entries"));
        }
        let ascending = (1..directory.len()).all(|i| directory.lookup_at(i - 1) < directory.lookup_at(i));
        if !ascending {
            return Err(DirectoryError::Malformed("entries out of order"));
        }
        Ok(directory)
    }

    /// Entries in the file.
    pub fn len(&self) -> usize {
        self.entries.len() / self.entry_size()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Finds and opens the entry filed under `keys.lookup`.
    pub fn find(&self, keys: &EntryKeys) -> Lookup {
        let Ok(index) = self.position(&keys.lookup) else {
            return Lookup::NotFound;
        };
        let entry = &self.entries[index * self.entry_size()..][..self.entry_size()];
        let mut content = entry[LOOKUP_BYTES..LOOKUP_BYTES + self.padded].to_vec();
        let tag = Tag::from_slice(&entry[LOOKUP_BYTES + self.padded..]);
        if cipher(keys)
            .decrypt_in_place_detached(&nonce(self.padded), &keys.lookup, &mut content, tag)
            .is_err()
        {
            return Lookup::Damaged;
        }
        let length = usize::from(u16::from_be_bytes([content[0], content[1]]));
        let padding_is_zero = content.get(2 + length..).is_some_and(|rest| rest.iter().all(|b| *b == 0));
        if length == 0 || !padding_is_zero {
            return Lookup::Damaged;
        }
        content.truncate(2 + length);
        content.drain(..2);
        Lookup::Found(content)
    }

    fn entry_size(&self) -> usize {
        LOOKUP_BYTES + self.padded + TAG_BYTES
    }

    fn lookup_at(&self, index: usize) -> &[u8] {
        &self.entries[index * self.entry_size()..][..LOOKUP_BYTES]
    }

    fn position(&self, lookup: &[u8; LOOKUP_BYTES]) -> Result<usize, usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.lookup_at(middle).cmp(lookup.as_slice()) {
                core::cmp::Ordering::Less => low = middle + 1,
                core::cmp::Ordering::Greater => high = middle,
                core::cmp::Ordering::Equal => return Ok(middle),
            }
        }
        Err(low)
    }
}

/// Finds a code in every directory given: the first entry that opens, else `Damaged` if one
/// was filed under the code but did not open, else `NotFound`.
pub fn find_in(directories: &[Directory], keys: &EntryKeys) -> Lookup {
    let mut outcome = Lookup::NotFound;
    for directory in directories {
        match directory.find(keys) {
            found @ Lookup::Found(_) => return found,
            Lookup::Damaged => outcome = Lookup::Damaged,
            Lookup::NotFound => {}
        }
    }
    outcome
}

/// Several forces' directories in one file (§13.4), sorted by force, at most one each.
pub fn write_directory_bundle(mut directories: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, DirectoryError> {
    directories.sort_by(|a, b| a.0.cmp(&b.0));
    if directories.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(DirectoryError::Malformed("two directories for one force"));
    }
    if directories.len() > MAX_BUNDLE_DIRECTORIES {
        return Err(DirectoryError::Oversized);
    }
    let files = directories.into_iter().map(|(_, bytes)| Value::Bytes(bytes)).collect();
    let bytes = cbor_map::encode(&map(alloc::vec![("v", int(VERSION as i64)), ("directories", Value::Array(files))]));
    if bytes.len() > MAX_DIRECTORY_BUNDLE_BYTES {
        return Err(DirectoryError::Oversized);
    }
    Ok(bytes)
}

/// Reads a bundle into its directories' files, not yet read (see `Directory::read`: one
/// that is refused is left out without affecting the others).
pub fn read_directory_bundle(bytes: &[u8]) -> Result<Vec<Vec<u8>>, DirectoryError> {
    if bytes.len() > MAX_DIRECTORY_BUNDLE_BYTES {
        return Err(DirectoryError::Oversized);
    }
    let value = cbor_map::decode(bytes).ok_or(DirectoryError::Malformed("bundle"))?;
    let mut m = MapReader::new(value, "bundle")?;
    let version = m.uint("v")?;
    if version != VERSION {
        return Err(DirectoryError::UnsupportedVersion(version));
    }
    let files = m.array("directories")?;
    if files.len() > MAX_BUNDLE_DIRECTORIES {
        return Err(DirectoryError::Oversized);
    }
    files
        .into_iter()
        .map(|v| match v {
            Value::Bytes(b) if !b.is_empty() && b.len() <= MAX_DIRECTORY_BYTES => Ok(b),
            _ => Err(DirectoryError::Malformed("directories")),
        })
        .collect()
}

fn valid_padded(padded: usize) -> bool {
    (MIN_PADDED..=MAX_PADDED).contains(&padded) && padded % 16 == 0
}

fn cipher(keys: &EntryKeys) -> ChaCha20Poly1305 {
    ChaCha20Poly1305::new(Key::from_slice(&keys.key))
}

/// Eight zero bytes, then `padded` as a 32-bit big-endian number: a key is only ever used
/// for one card's token, and a different padded size (a directory rebuilt after a longer
/// name was issued) gets a different nonce, so no key and nonce ever seal two contents.
fn nonce(padded: usize) -> Nonce {
    let mut nonce = [0_u8; 12];
    nonce[8..].copy_from_slice(&(padded as u32).to_be_bytes());
    *Nonce::from_slice(&nonce)
}

#[cfg(test)]
mod tests;
