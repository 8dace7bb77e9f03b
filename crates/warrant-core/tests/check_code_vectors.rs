//! Runs every file in `tests/vectors/check-codes/` as a desk would (docs/FORMAT.md §13): the
//! typed code read, its keys derived, its entry found and opened in the directory, and the
//! token inside judged by the same `verify` as a scanned card.

use std::path::PathBuf;

use serde::Deserialize;
use warrant_core::directory::{derive_entry_keys, Directory, Lookup};
use warrant_core::{keys, to_hex, token, verify, CheckCode, CodeError, RevocationList, RootKey, TrustList};

#[derive(Deserialize)]
struct Vector {
    name: String,
    check_code: String,
    now: String,
    root_public_key_pem: String,
    trust_list: String,
    revocation_lists: Vec<String>,
    directory: String,
    expected: String,
    derived: Option<Derived>,
    card: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize)]
struct Derived {
    lookup: String,
    key: String,
}

fn vectors() -> Vec<Vector> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/check-codes");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("tests/vectors/check-codes exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).collect()
}

fn unix(rfc3339: &str) -> i64 {
    humantime::parse_rfc3339(rfc3339).unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// What a desk concludes from a typed code: a verdict's name, or why there is none.
fn desk_outcome(v: &Vector) -> (String, Option<warrant_core::Card>) {
    let code = match CheckCode::parse(&v.check_code) {
        Ok(code) => code,
        Err(CodeError::CheckFailed) => return ("check-failed".into(), None),
        Err(e) => return (e.code().into(), None),
    };
    let keys = derive_entry_keys(&code);
    if let Some(derived) = &v.derived {
        assert_eq!((to_hex(&keys.lookup), to_hex(&keys.key)), (derived.lookup.clone(), derived.key.clone()), "{}: derived keys", v.name);
    }
    let directory = Directory::read(&token::decode(&v.directory).unwrap()).unwrap();
    let cose = match directory.find(&keys) {
        Lookup::Found(cose) => cose,
        Lookup::NotFound => return ("not-found".into(), None),
        Lookup::Damaged => return ("damaged".into(), None),
    };
    let now = unix(&v.now);
    let root = RootKey::new(keys::verifying_key_from_pem(&v.root_public_key_pem).unwrap());
    let trust = TrustList::open(&token::decode(&v.trust_list).unwrap(), &[root], now).unwrap();
    let revocations: Vec<RevocationList> =
        v.revocation_lists.iter().map(|t| RevocationList::open(&token::decode(t).unwrap(), &trust, now).unwrap()).collect();
    let check = verify(&token::encode(&cose), &trust, &revocations, now);
    (check.verdict.name().into(), check.verdict.card().cloned())
}

#[test]
fn every_check_code_vector_gets_its_expected_outcome() {
    let vectors = vectors();
    let outcomes: Vec<&str> = vectors.iter().map(|v| v.expected.as_str()).collect();
    for needed in ["genuine", "revoked", "check-failed", "not-found", "damaged"] {
        assert!(outcomes.contains(&needed), "no check-code vector expects {needed}");
    }
    for v in &vectors {
        let (outcome, card) = desk_outcome(v);
        assert_eq!(outcome, v.expected, "{}", v.name);
        match (&v.card, card) {
            (Some(expected), Some(card)) => {
                assert_eq!(expected["name"], card.holder.name.as_str(), "{}", v.name);
                assert_eq!(expected["number"], card.holder.number.as_str(), "{}", v.name);
                assert_eq!(expected["serial"], card.serial_hex().as_str(), "{}", v.name);
            }
            (None, None) => {}
            (expected, got) => panic!("{}: card expected {expected:?}, got {got:?}", v.name),
        }
    }
}

#[test]
fn the_directory_shows_no_card_detail() {
    for v in vectors() {
        let file = token::decode(&v.directory).unwrap();
        if let Some(card) = &v.card {
            for field in ["name", "number", "rank"] {
                let text = card[field].as_str().unwrap().as_bytes();
                assert!(!file.windows(text.len()).any(|w| w == text), "{}: {field} readable in the directory", v.name);
            }
            let serial = hex::decode(card["serial"].as_str().unwrap()).unwrap();
            assert!(!file.windows(serial.len()).any(|w| w == serial.as_slice()), "{}: serial readable", v.name);
        }
    }
}
