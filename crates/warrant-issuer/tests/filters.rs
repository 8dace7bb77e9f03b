//! `filter` and `filter-bundle` (docs/FORMAT.md §14) as an identity team runs them: cards
//! issued into the record, some revoked in the register, the filter built from both, and
//! every recorded card judged by it exactly as the revocation list judges it.

mod common;

use std::fs;
use std::path::Path;

use common::{one_force, run_ok, tool};
use warrant_core::{keys, read_filter_bundle, verify_with_filters, RevocationFilter, RevocationList, RootKey, TrustList, Verdict};

const CARDS: usize = 40;
const PHONE: &str = "aaaaaaaaaaaaaaaa";

fn unix(text: &str) -> i64 {
    humantime::parse_rfc3339(text).unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Issues CARDS cards by batch into the record, revokes every tenth and a phone's credential;
/// returns each card's (serial, QR text).
fn issued_and_revoked(d: &Path) -> Vec<(String, String)> {
    one_force(d);
    let mut csv = String::from("name,rank,number,role\n");
    for i in 0..CARDS {
        csv.push_str(&format!("Officer {i},Police Constable,{},police-officer\n", 1000 + i));
    }
    fs::write(d.join("staff.csv"), csv).unwrap();
    run_ok(d, &["batch", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", "out"]);
    let cards: Vec<(String, String)> = fs::read_to_string(d.join("issued.jsonl"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| {
            let card: serde_json::Value = serde_json::from_str(line).unwrap();
            (card["serial"].as_str().unwrap().to_string(), format!("https://check.police.uk/#{}", card["token"].as_str().unwrap()))
        })
        .collect();
    assert_eq!(cards.len(), CARDS);
    let mut revoke = vec!["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--out", "revocations.cose", "--serial", PHONE];
    for (serial, _) in cards.iter().step_by(10) {
        revoke.extend(["--serial", serial]);
    }
    run_ok(d, &revoke);
    cards
}

fn trust(d: &Path, now: i64) -> TrustList {
    let root = RootKey::new(keys::verifying_key_from_pem(&fs::read_to_string(d.join("root.pub.pem")).unwrap()).unwrap());
    TrustList::open(&fs::read(d.join("trust.cose")).unwrap(), &[root], now).unwrap()
}

#[test]
fn the_filter_judges_every_recorded_card_as_the_list_does() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cards = issued_and_revoked(d);
    // Two days on, the cards were issued before the coverage time (a day before signing).
    let later = humantime::format_rfc3339_seconds(std::time::SystemTime::now() + std::time::Duration::from_secs(2 * 86_400)).to_string();
    let said = run_ok(d, &["filter", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--record", "issued.jsonl", "--out", "revocation-filter-MPS.cose", "--now", &later]);
    assert!(said.contains("over 40 issued cards, 5 revoked (4 in the filter, 1 listed as recent)"), "{said}");
    let now = unix(&later);
    let trust = trust(d, now);
    let filter = RevocationFilter::open(&fs::read(d.join("revocation-filter-MPS.cose")).unwrap(), &trust, now).unwrap();
    assert_eq!(filter.recent, vec![warrant_core::parse_hex(PHONE).unwrap()]);
    let list = RevocationList::open(&fs::read(d.join("revocations.cose")).unwrap(), &trust, now).unwrap();
    for (i, (serial, qr)) in cards.iter().enumerate() {
        let by_filter = verify_with_filters(qr, &trust, &[], std::slice::from_ref(&filter), now).verdict;
        let by_list = verify_with_filters(qr, &trust, std::slice::from_ref(&list), &[], now).verdict;
        assert_eq!(by_filter, by_list, "{serial}");
        assert_eq!(matches!(by_filter, Verdict::Revoked(_)), i % 10 == 0, "{serial}");
    }

    // Signed now instead, with the default day's margin: the cards were issued after the
    // coverage time, so every revoked serial is listed as recent and the filter revokes none.
    let said = run_ok(d, &["filter", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--record", "issued.jsonl", "--out", "revocation-filter-MPS.cose"]);
    assert!(said.contains("5 revoked (0 in the filter, 5 listed as recent)"), "{said}");

    // The bundle: each filter opened against the trust list first.
    let said = run_ok(d, &["filter-bundle", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--out", "revocation-filters.cbor", "revocation-filter-MPS.cose"]);
    assert!(said.contains("1 revocation filters (MPS)"), "{said}");
    let bundle = read_filter_bundle(&fs::read(d.join("revocation-filters.cbor")).unwrap()).unwrap();
    assert_eq!(bundle, vec![fs::read(d.join("revocation-filter-MPS.cose")).unwrap()]);
}

#[test]
fn what_cannot_make_a_filter_is_refused_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    issued_and_revoked(d);
    let refused = |args: &[&str], says: &str| {
        let out = tool().current_dir(d).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    };
    let filter = |register: &'static str, record: &'static str, issuer: &'static str| {
        vec!["filter", "--key", "mps.key.pem", "--issuer", issuer, "--register", register, "--record", record, "--out", "f.cose"]
    };
    refused(&filter("no-register.txt", "issued.jsonl", "MPS"), "does not exist");
    refused(&filter("register.txt", "no-record.jsonl", "MPS"), "reading the record");
    refused(&filter("register.txt", "issued.jsonl", "WMP"), "force MPS's, not WMP's");
    let mut issued = filter("register.txt", "issued.jsonl", "MPS");
    issued.extend(["--issued", "missing.txt"]);
    refused(&issued, "does not exist");
    assert!(!d.join("f.cose").exists());
    // A filter that does not open against the trust list is not bundled.
    run_ok(d, &filter("register.txt", "issued.jsonl", "MPS"));
    let mut changed = fs::read(d.join("f.cose")).unwrap();
    let at = changed.len() - 70;
    changed[at] ^= 1;
    fs::write(d.join("changed.cose"), changed).unwrap();
    refused(&["filter-bundle", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--out", "b.cbor", "changed.cose"], "revocation filter changed.cose");
    refused(&["filter-bundle", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--out", "b.cbor", "f.cose", "f.cose"], "two filters for one force");
    assert!(!d.join("b.cbor").exists());
}

#[test]
fn serials_issued_before_the_record_count_as_covered() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    issued_and_revoked(d);
    // An old card, never in the record, revoked; another, not revoked.
    fs::write(d.join("old.txt"), "0101010101010101  # issued 2019\n0202020202020202\n").unwrap();
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--out", "revocations.cose", "--serial", "0101010101010101"]);
    let said = run_ok(d, &["filter", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--record", "issued.jsonl", "--issued", "old.txt", "--out", "f.cose"]);
    assert!(said.contains("over 42 issued cards, 6 revoked (1 in the filter, 5 listed as recent)"), "{said}");
    let now = unix(&humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string());
    let filter = RevocationFilter::open(&fs::read(d.join("f.cose")).unwrap(), &trust(d, now), now).unwrap();
    assert!(filter.revokes_card(&[1; 8], 1_560_000_000));
    assert!(!filter.revokes_card(&[2; 8], 1_560_000_000));
}
