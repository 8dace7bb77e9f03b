//! `bundle`: every force's revocation list in one file for the checker (FORMAT.md §8.1),
//! refusing any list a checker would refuse.

mod common;

use std::fs;

use common::{issue, one_force, run_ok, serial_of, tool};
use warrant_core::{keys, read_revocation_bundle, RevocationList, RootKey, TrustList};

#[test]
fn a_bundle_of_the_forces_lists_revokes_what_they_revoke() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let out = issue(d, "Jane Smith", "Police Constable", "1234");
    let serial = serial_of(&out);
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", &serial, "--out", "revocations-MPS.cose"]);
    let said = run_ok(d, &["bundle", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--out", "revocations.cbor", "revocations-MPS.cose"]);
    assert!(said.contains("1 revocation lists"), "{said}");

    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let root = RootKey::new(keys::verifying_key_from_pem(&fs::read_to_string(d.join("root.pub.pem")).unwrap()).unwrap());
    let trust = TrustList::open(&fs::read(d.join("trust.cose")).unwrap(), &[root], now).unwrap();
    let lists = read_revocation_bundle(&fs::read(d.join("revocations.cbor")).unwrap()).unwrap();
    assert_eq!(lists, vec![fs::read(d.join("revocations-MPS.cose")).unwrap()], "the force's list, byte for byte");
    let list = RevocationList::open(&lists[0], &trust, now).unwrap();
    assert!(list.is_revoked(&warrant_core::parse_hex(&serial).unwrap()));
}

#[test]
fn a_list_a_checker_would_refuse_and_two_lists_for_one_force_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--out", "revocations-MPS.cose"]);
    let bundle = |lists: &[&str]| {
        let mut args = vec!["bundle", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--out", "revocations.cbor"];
        args.extend(lists);
        tool().current_dir(d).args(&args).output().unwrap()
    };

    // Tampered: the force's signature no longer holds.
    let mut tampered = fs::read(d.join("revocations-MPS.cose")).unwrap();
    *tampered.last_mut().unwrap() ^= 1;
    fs::write(d.join("tampered.cose"), tampered).unwrap();
    let out = bundle(&["tampered.cose"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tampered.cose"), "{}", String::from_utf8_lossy(&out.stderr));

    // Signed by a key the trust list does not give the force.
    run_ok(d, &["keygen", "stranger"]);
    run_ok(d, &["revoke", "--key", "stranger.key.pem", "--issuer", "MPS", "--register", "other.txt", "--out", "stranger.cose"]);
    assert!(!bundle(&["stranger.cose"]).status.success());

    let out = bundle(&["revocations-MPS.cose", "revocations-MPS.cose"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("two lists for one force"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!d.join("revocations.cbor").exists(), "nothing written when refused");
}
