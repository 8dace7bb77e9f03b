//! Runs every file in `tests/vectors/` through the verifier: the same checks another
//! implementation would run from the specification.

use std::path::PathBuf;

use serde::Deserialize;
use warrant_core::{keys, read_revocation_bundle, verify, RevocationList, RootKey, TrustList, Verdict};

#[derive(Deserialize)]
struct Vector {
    name: String,
    qr_text: String,
    now: String,
    issuer_public_key_pem: String,
    root_public_key_pem: String,
    trust_list: String,
    revocation_lists: Vec<String>,
    /// A revocation bundle (FORMAT.md §8.1) whose lists are used as well.
    revocation_bundle: Option<String>,
    expected: String,
    expected_reason: Option<String>,
    card: Option<serde_json::Map<String, serde_json::Value>>,
}

fn vectors() -> Vec<Vector> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("tests/vectors exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

fn unix(rfc3339: &str) -> i64 {
    humantime::parse_rfc3339(rfc3339).unwrap().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

fn reason(verdict: &Verdict) -> Option<String> {
    match verdict {
        Verdict::Malformed(r) => Some(r.code().into()),
        Verdict::IssuerKeyInvalid { problem, .. } => Some(problem.code().into()),
        _ => None,
    }
}

#[test]
fn every_vector_gets_its_expected_verdict() {
    let vectors = vectors();
    assert!(vectors.len() >= 9);
    for v in &vectors {
        let now = unix(&v.now);
        let root = RootKey::new(keys::verifying_key_from_pem(&v.root_public_key_pem).unwrap());
        let trust_bytes = warrant_core::token::decode(&v.trust_list).unwrap();
        let trust = TrustList::open(&trust_bytes, &[root], now).unwrap_or_else(|e| panic!("{}: trust list {e:?}", v.name));
        let mut signed: Vec<Vec<u8>> = v.revocation_lists.iter().map(|t| warrant_core::token::decode(t).unwrap()).collect();
        if let Some(bundle) = &v.revocation_bundle {
            signed.extend(read_revocation_bundle(&warrant_core::token::decode(bundle).unwrap()).unwrap());
        }
        let revocations: Vec<RevocationList> = signed.iter().map(|l| RevocationList::open(l, &trust, now).unwrap()).collect();
        // The issuer key named in the vector is a key of the trust list (the genuine one for forgeries).
        let issuer_key = keys::verifying_key_from_pem(&v.issuer_public_key_pem).unwrap();
        assert!(trust.forces.iter().flat_map(|f| &f.keys).any(|k| k.public_key == issuer_key) || v.expected == "unknown-issuer" || v.expected == "not-a-card" || v.expected == "malformed", "{}: issuer key not in trust list", v.name);

        let check = verify(&v.qr_text, &trust, &revocations, now);
        assert_eq!(check.verdict.name(), v.expected, "{}", v.name);
        assert_eq!(reason(&check.verdict), v.expected_reason, "{}", v.name);
        match (&v.card, check.verdict.card()) {
            (Some(expected), Some(card)) => {
                assert_eq!(expected["issuer"], card.issuer.as_str(), "{}", v.name);
                assert_eq!(expected["name"], card.holder.name.as_str(), "{}", v.name);
                assert_eq!(expected["rank"], card.holder.rank.as_str(), "{}", v.name);
                assert_eq!(expected["number"], card.holder.number.as_str(), "{}", v.name);
                assert_eq!(expected["role"], card.holder.role.name(), "{}", v.name);
                assert_eq!(expected["serial"], card.serial_hex().as_str(), "{}", v.name);
                assert_eq!(unix(expected["expires_at"].as_str().unwrap()), card.expires_at, "{}", v.name);
                assert_eq!(unix(expected["issued_at"].as_str().unwrap()), card.issued_at, "{}", v.name);
                assert_eq!(unix(expected["not_before"].as_str().unwrap()), card.not_before, "{}", v.name);
            }
            (None, None) => {}
            (expected, got) => panic!("{}: card expected {expected:?}, got {got:?}", v.name),
        }
    }
}

#[test]
fn every_verdict_has_a_vector() {
    let vectors = vectors();
    for name in Verdict::NAMES {
        assert!(vectors.iter().any(|v| v.expected == name), "no vector for {name}");
    }
    for reason in ["oversized", "bad-encoding", "truncated", "unsupported-algorithm", "missing-claim"] {
        assert!(vectors.iter().any(|v| v.expected_reason.as_deref() == Some(reason)), "no vector for malformed {reason}");
    }
}
