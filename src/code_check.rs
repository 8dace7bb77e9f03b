//! The desk's check by code (docs/FORMAT.md §13): a caller on a landline reads out the check
//! code printed on the card, the desk finds the card's own signed token in the card
//! directory, and the token is judged exactly as a scanned card is (`checking::check_text`):
//! one verdict path, so a code's card gets a scan's verdict and words.
//!
//! Only the desk's entry point (`src/desk_main.rs`) reaches this module, and with it the
//! directory code (Argon2id, HKDF, ChaCha20-Poly1305): the public page's Wasm carries none
//! of it. Nothing here touches the browser, so it is tested natively.

use std::collections::HashMap;
use std::rc::Rc;

use warrant_core::check_code::{CheckCode, CodeError, GROUP_SYMBOLS};
use warrant_core::directory::{self, Directory, DirectoryError, EntryKeys, Lookup};
use warrant_core::token;

/// The card directories the desk holds. Compared by identity: a directory is megabytes.
#[derive(Clone, Debug, Default)]
pub enum Directories {
    /// Nothing held yet, and the first fetch (or the saved copy) has not answered.
    #[default]
    Loading,
    /// Neither a saved copy nor the network gave a directory that reads.
    Unavailable,
    /// Every force's directory that read, from the network or the copy kept on this device.
    Loaded(Rc<Vec<Directory>>),
}

impl PartialEq for Directories {
    fn eq(&self, other: &Directories) -> bool {
        match (self, other) {
            (Directories::Loaded(a), Directories::Loaded(b)) => Rc::ptr_eq(a, b),
            (Directories::Loading, Directories::Loading) | (Directories::Unavailable, Directories::Unavailable) => true,
            _ => false,
        }
    }
}

impl Directories {
    /// The name in `data-directory`, for tests and scripts.
    pub fn name(&self) -> &'static str {
        match self {
            Directories::Loading => "loading",
            Directories::Unavailable => "unavailable",
            Directories::Loaded(_) => "loaded",
        }
    }

    /// (forces, cards) held.
    pub fn counts(&self) -> Option<(usize, usize)> {
        match self {
            Directories::Loaded(d) => Some((d.len(), d.iter().map(Directory::len).sum())),
            _ => None,
        }
    }
}

/// Reads `lists/directories.cbor`: a bundle of every force's directory (§13.4), or a single
/// force's directory. A bundle's directory that does not read is left out, the others kept;
/// a file that is neither (a Wi-Fi portal's page, a truncated download) is refused whole.
pub fn read_directories(bytes: &[u8]) -> Result<Vec<Directory>, DirectoryError> {
    match directory::read_directory_bundle(bytes) {
        Ok(files) => Ok(files.iter().filter_map(|file| Directory::read(file).ok()).collect()),
        Err(bundle_error) => Directory::read(bytes).map(|one| vec![one]).map_err(|_| bundle_error),
    }
}

/// What a typed code came to. Each variant is one screen on the desk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeResult {
    /// The text is not a well-formed code (`CheckCode::parse`): misheard or mistyped, never
    /// a judgement of the card. It was not looked up.
    Typo(CodeError),
    /// A well-formed code that was not looked up, because the directory is still loading
    /// (`loading`) or could not be had. Never "not found": nothing was searched.
    NotSearched { loading: bool },
    /// No directory held has an entry for this code.
    NotFound,
    /// An entry is filed under this code but does not open: the directory is damaged.
    Damaged,
    /// The card's token, as text the verify path takes (a bare token).
    Found(String),
}

impl CodeResult {
    /// The name in `data-code-result`.
    pub fn name(&self) -> &'static str {
        match self {
            CodeResult::Typo(_) => "typo",
            CodeResult::NotSearched { loading: true } => "directory-loading",
            CodeResult::NotSearched { loading: false } => "directory-unavailable",
            CodeResult::NotFound => "not-found",
            CodeResult::Damaged => "damaged",
            CodeResult::Found(_) => "found",
        }
    }
}

/// The lookup keys of the codes typed for this caller: each code's keys are derived once
/// (Argon2id, the slow part), however often it is looked up again (the directory finishing
/// loading, or refreshed). The desk makes a new one for each caller.
#[derive(Default)]
pub struct KeyRing {
    keys: HashMap<CheckCode, EntryKeys>,
}

impl KeyRing {
    /// Whether this code's keys still have to be derived.
    pub fn needs_deriving(&self, code: &CheckCode) -> bool {
        !self.keys.contains_key(code)
    }

    /// The code's keys, derived now if they were not before.
    pub fn keys(&mut self, code: &CheckCode) -> &EntryKeys {
        self.keys.entry(*code).or_insert_with(|| directory::derive_entry_keys(code))
    }

    /// How many codes' keys have been derived.
    pub fn derived(&self) -> usize {
        self.keys.len()
    }
}

/// Looks a well-formed code up in the directories held.
pub fn look_up(keys: &EntryKeys, directories: &Directories) -> CodeResult {
    match directories {
        Directories::Loading => CodeResult::NotSearched { loading: true },
        Directories::Unavailable => CodeResult::NotSearched { loading: false },
        Directories::Loaded(held) => match directory::find_in(held, keys) {
            Lookup::Found(cose) => CodeResult::Found(token::encode(&cose)),
            Lookup::NotFound => CodeResult::NotFound,
            Lookup::Damaged => CodeResult::Damaged,
        },
    }
}

/// The typed text as the code reader reads it, for echoing back to the caller: upper case,
/// `O` as `0` and `I`, `L` as `1`, spaces and dashes dropped; any other character as typed
/// (a `U`, which no code has, stays a `U`).
pub fn reading(typed: &str) -> Vec<char> {
    typed
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '.')))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

/// A reading in the groups of four the card prints and the caller reads.
pub fn groups(reading: &[char]) -> Vec<String> {
    reading.chunks(GROUP_SYMBOLS).map(|g| g.iter().collect()).collect()
}

/// The message id that spells a character out (`spell-k` is "Kilo", `spell-7` "Seven").
pub fn spelling_id(c: char) -> String {
    format!("spell-{}", c.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checking::{check_text, Outcome};
    use crate::trust_store::TrustStore;
    use warrant_core::directory::{padded_size_for, seal_entry, write_directory, write_directory_bundle};
    use warrant_core::{keys, sign_card, Card, Force, Holder, IssuerKey, RevocationList, Role, RootKey, SigningKey, TrustList};

    const NOW: i64 = 1_790_000_000;

    fn code(n: u8) -> CheckCode {
        CheckCode::from_random([n, 7, 1, 9, 4, 4, n])
    }

    fn card(serial: u8) -> Card {
        Card {
            issuer: "MPS".into(),
            serial: vec![serial; 8],
            issued_at: NOW - 100,
            not_before: NOW - 100,
            expires_at: NOW + 100_000,
            holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(), number: "1234".into(), role: Role::PoliceOfficer },
        }
    }

    /// A store trusting force "MPS", which has revoked card 2; and that force's signing key.
    fn world() -> (TrustStore, SigningKey) {
        let root = SigningKey::from_bytes(&[1; 32]);
        let force = SigningKey::from_bytes(&[2; 32]);
        let kid = keys::derive_key_id(&force.verifying_key());
        let root_key = RootKey::new(root.verifying_key());
        let trust = TrustList {
            issued_at: NOW,
            next_update: NOW + 10,
            expires: NOW + 1000,
            forces: vec![Force {
                id: "MPS".into(),
                name: "Metropolitan Police".into(),
                keys: vec![IssuerKey { kid: kid.clone(), public_key: force.verifying_key(), not_before: 0, not_after: i64::MAX, withdrawn_from: None }],
            }],
        };
        let mut store = TrustStore::with_root(root_key.clone());
        store.accept_trust_list(&trust.sign(&root, &root_key.kid).unwrap(), NOW).unwrap();
        let revoked = RevocationList { issuer: "MPS".into(), issued_at: NOW, next_update: NOW + 10, expires: NOW + 1000, serials: vec![vec![2; 8]] };
        store.accept_revocation_list(&revoked.sign(&force, &kid).unwrap(), NOW).unwrap();
        (store, force)
    }

    /// A bundle of one directory holding cards 1 and 2 under codes 1 and 2.
    fn bundle(force: &SigningKey) -> Vec<u8> {
        let kid = keys::derive_key_id(&force.verifying_key());
        let tokens: Vec<Vec<u8>> = [1, 2].iter().map(|n| sign_card(&card(*n), force, &kid).unwrap()).collect();
        let padded = padded_size_for(tokens.iter().map(Vec::len).max().unwrap());
        let entries = [1, 2].iter().zip(&tokens).map(|(n, t)| seal_entry(&directory::derive_entry_keys(&code(*n)), t, padded).unwrap()).collect();
        let file = write_directory("MPS", padded, entries).unwrap();
        write_directory_bundle(vec![("MPS".into(), file)]).unwrap()
    }

    fn loaded(bytes: &[u8]) -> Directories {
        Directories::Loaded(Rc::new(read_directories(bytes).unwrap()))
    }

    fn verdict_for(typed: &str, directories: &Directories, store: &TrustStore) -> Result<&'static str, CodeResult> {
        let code = CheckCode::parse(typed).map_err(CodeResult::Typo)?;
        match look_up(KeyRing::default().keys(&code), directories) {
            CodeResult::Found(token) => match check_text(&token, store, "https://x/", NOW) {
                outcome @ Outcome::Checked(_) => Ok(outcome.name()),
                other => panic!("{other:?}"),
            },
            other => Err(other),
        }
    }

    #[test]
    fn a_code_finds_its_card_and_gets_the_verdict_a_scan_would() {
        let (store, force) = world();
        let directories = loaded(&bundle(&force));
        assert_eq!(directories.counts(), Some((1, 2)));
        // As a member of staff types it: lower case, spaces, O for 0 and L for 1.
        let typed = code(1).grouped().to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        assert_eq!(verdict_for(&typed, &directories, &store), Ok("genuine"));
        assert_eq!(verdict_for(&code(2).grouped(), &directories, &store), Ok("revoked"));
        // The same token scanned gets the same outcome, every field of it.
        let kid = keys::derive_key_id(&force.verifying_key());
        let scanned = check_text(&token::encode(&sign_card(&card(1), &force, &kid).unwrap()), &store, "https://x/", NOW);
        let CodeResult::Found(found) = look_up(KeyRing::default().keys(&code(1)), &directories) else { panic!() };
        assert_eq!(check_text(&found, &store, "https://x/", NOW), scanned);
    }

    #[test]
    fn a_code_in_no_directory_is_not_found_and_nothing_searched_is_never_not_found() {
        let (_, force) = world();
        let mut ring = KeyRing::default();
        let unknown = code(9);
        assert_eq!(look_up(ring.keys(&unknown), &loaded(&bundle(&force))), CodeResult::NotFound);
        assert_eq!(look_up(ring.keys(&unknown), &Directories::Loading), CodeResult::NotSearched { loading: true });
        assert_eq!(look_up(ring.keys(&unknown), &Directories::Unavailable), CodeResult::NotSearched { loading: false });
        assert_eq!(CodeResult::NotSearched { loading: true }.name(), "directory-loading");
        // An empty bundle (no force's directory loaded) finds nothing.
        assert_eq!(look_up(ring.keys(&unknown), &loaded(&write_directory_bundle(vec![]).unwrap())), CodeResult::NotFound);
    }

    #[test]
    fn a_damaged_entry_is_damaged_and_never_another_card() {
        let (store, force) = world();
        let mut bytes = bundle(&force);
        // Flip a byte near the end of the file: inside the last entry's sealed part or tag.
        let at = bytes.len() - 20;
        bytes[at] ^= 1;
        let directories = loaded(&bytes);
        let results: Vec<_> = [1, 2].iter().map(|n| verdict_for(&code(*n).grouped(), &directories, &store)).collect();
        assert!(results.contains(&Err(CodeResult::Damaged)), "{results:?}");
        assert!(results.iter().all(|r| matches!(r, Ok("genuine" | "revoked") | Err(CodeResult::Damaged))), "{results:?}");
    }

    #[test]
    fn typos_are_typos_and_are_not_looked_up() {
        let (store, force) = world();
        let directories = loaded(&bundle(&force));
        let printed = code(1).grouped();
        let mut swapped: Vec<char> = printed.chars().collect();
        swapped.swap(0, 1);
        let swapped: String = swapped.into_iter().collect();
        if swapped != printed {
            assert_eq!(verdict_for(&swapped, &directories, &store), Err(CodeResult::Typo(CodeError::CheckFailed)));
        }
        assert_eq!(verdict_for(&printed[..13], &directories, &store), Err(CodeResult::Typo(CodeError::WrongLength { symbols: 11 })));
        let with_u = format!("{}U{}", &printed[..5], &printed[6..]);
        let Err(CodeResult::Typo(error)) = verdict_for(&with_u, &directories, &store) else { panic!() };
        assert_eq!((error, error.group()), (CodeError::NotInAlphabet { character: 'U', position: 4 }, Some(1)));
    }

    #[test]
    fn keys_are_derived_once_per_code() {
        let mut ring = KeyRing::default();
        assert!(ring.needs_deriving(&code(1)));
        let first = ring.keys(&code(1)).clone();
        assert!(!ring.needs_deriving(&code(1)));
        assert_eq!(ring.keys(&code(1)), &first);
        ring.keys(&code(2));
        assert_eq!(ring.derived(), 2);
    }

    #[test]
    fn what_is_not_a_directory_is_refused_whole() {
        let (_, force) = world();
        assert!(read_directories(b"<html><body>Log in to use the Wi-Fi</body></html>").is_err());
        assert!(read_directories(&[]).is_err());
        let bytes = bundle(&force);
        assert!(read_directories(&bytes[..bytes.len() / 2]).is_err());
        // A single force's directory on its own reads too.
        let file = directory::read_directory_bundle(&bytes).unwrap().remove(0);
        assert_eq!(read_directories(&file).unwrap().len(), 1);
    }

    #[test]
    fn the_typed_code_is_echoed_as_read_in_groups() {
        assert_eq!(groups(&reading(" k7qm 29xd-hp4a ")), ["K7QM", "29XD", "HP4A"]);
        assert_eq!(groups(&reading("Olio-IL")), ["0110", "11"]);
        assert_eq!(groups(&reading("k7qm29ud")), ["K7QM", "29UD"]);
        assert_eq!(spelling_id('K'), "spell-k");
        assert_eq!(spelling_id('7'), "spell-7");
    }
}
