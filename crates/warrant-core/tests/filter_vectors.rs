//! Runs every file in `tests/vectors/revocation-filter/` (docs/FORMAT.md §14.7): each force's
//! signed filter opened against the trust list, the card judged with it and no revocation
//! list, and the filter's answer checked on every serial the vector says it covers.

use std::path::PathBuf;

use serde::Deserialize;
use warrant_core::{keys, parse_hex, token, verify_with_filters, RevocationFilter, RootKey, TrustList};

#[derive(Deserialize)]
struct Vector {
    name: String,
    qr_text: String,
    now: String,
    root_public_key_pem: String,
    trust_list: String,
    revocation_lists: Vec<String>,
    revocation_filters: Vec<String>,
    filter_universe: Universe,
    expected: String,
    card: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize)]
struct Universe {
    revoked: Vec<String>,
    not_revoked: Vec<String>,
}

fn vectors() -> Vec<Vector> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/revocation-filter");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("tests/vectors/revocation-filter exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).collect()
}

fn unix(rfc3339: &str) -> i64 {
    humantime::parse_rfc3339(rfc3339).unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

#[test]
fn every_filter_vector_gets_its_expected_verdict() {
    let vectors = vectors();
    let names: Vec<&str> = vectors.iter().map(|v| v.name.as_str()).collect();
    for needed in ["filter-revoked", "filter-not-revoked", "filter-new-card-revoked", "filter-new-card-not-revoked"] {
        assert!(names.contains(&needed), "no vector {needed}");
    }
    for v in &vectors {
        let now = unix(&v.now);
        let root = RootKey::new(keys::verifying_key_from_pem(&v.root_public_key_pem).unwrap());
        let trust = TrustList::open(&token::decode(&v.trust_list).unwrap(), &[root], now).unwrap();
        assert!(v.revocation_lists.is_empty(), "{}: judged by the filter alone", v.name);
        let filters: Vec<RevocationFilter> =
            v.revocation_filters.iter().map(|t| RevocationFilter::open(&token::decode(t).unwrap(), &trust, now).unwrap_or_else(|e| panic!("{}: {e}", v.name))).collect();
        let check = verify_with_filters(&v.qr_text, &trust, &[], &filters, now);
        assert_eq!(check.verdict.name(), v.expected, "{}", v.name);
        assert!(check.warnings.is_empty(), "{}: {:?}", v.name, check.warnings);
        let card = check.verdict.card().unwrap_or_else(|| panic!("{}: no card", v.name));
        let expected = v.card.as_ref().unwrap();
        assert_eq!(expected["serial"], card.serial_hex().as_str(), "{}", v.name);
        assert_eq!(unix(expected["issued_at"].as_str().unwrap()), card.issued_at, "{}", v.name);
        assert_eq!(expected["name"], card.holder.name.as_str(), "{}", v.name);

        // The filter itself, on every serial it covers.
        for (serials, revoked) in [(&v.filter_universe.revoked, true), (&v.filter_universe.not_revoked, false)] {
            for s in serials {
                assert_eq!(filters[0].filter.contains(&parse_hex(s).unwrap()), revoked, "{}: {s}", v.name);
            }
        }
    }
}

#[test]
fn the_new_card_vector_is_one_the_filter_would_have_called_revoked() {
    let v = vectors().into_iter().find(|v| v.name == "filter-new-card-not-revoked").unwrap();
    let now = unix(&v.now);
    let root = RootKey::new(keys::verifying_key_from_pem(&v.root_public_key_pem).unwrap());
    let trust = TrustList::open(&token::decode(&v.trust_list).unwrap(), &[root], now).unwrap();
    let filter = RevocationFilter::open(&token::decode(&v.revocation_filters[0]).unwrap(), &trust, now).unwrap();
    let serial = parse_hex(v.card.as_ref().unwrap()["serial"].as_str().unwrap()).unwrap();
    assert!(filter.filter.contains(&serial), "the vector would not catch a checker that asks the filter about new cards");
    assert!(unix(v.card.as_ref().unwrap()["issued_at"].as_str().unwrap()) > filter.coverage);
}
