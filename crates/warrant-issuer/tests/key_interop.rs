//! Key files move between tools: keys written by `keygen` open in OpenSSL and Python's
//! `cryptography`, and keys those tools generate sign cards that verify.

mod common;

use std::fs;
use std::path::Path;

use common::{run_external, run_ok};

/// Loads a private key with Python's `cryptography` and prints its public key as SPKI PEM.
const PYTHON_PUBLIC_OF_PRIVATE: &str = "import sys
from cryptography.hazmat.primitives import serialization as s
key = s.load_pem_private_key(open(sys.argv[1], 'rb').read(), password=None)
sys.stdout.write(key.public_key().public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo).decode())";

/// Generates an Ed25519 key with Python's `cryptography`: PKCS#8 private and SPKI public PEM.
const PYTHON_GENERATE: &str = "import sys
from cryptography.hazmat.primitives import serialization as s
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
key = Ed25519PrivateKey.generate()
open(sys.argv[1] + '.key.pem', 'wb').write(key.private_bytes(s.Encoding.PEM, s.PrivateFormat.PKCS8, s.NoEncryption()))
open(sys.argv[1] + '.pub.pem', 'wb').write(key.public_key().public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo))";

/// With `mps.key.pem` and `mps.pub.pem` in `dir` (made by any tool): a trust list naming the
/// public key, a card signed with the private key, and the tool's verdict on that card.
fn verdict_on_card_signed_with_mps_key(dir: &Path) -> String {
    common::trust_list_for_mps(dir);
    let out = common::issue(dir, "Sam Jones", "Sergeant", "77");
    let qr = out.lines().last().unwrap();
    let out = common::tool()
        .current_dir(dir)
        .args(["verify", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--json", qr])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["verdict"].as_str().unwrap().to_string()
}

#[test]
fn openssl_reads_a_keygen_key_and_derives_the_same_public_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_ok(d, &["keygen", "k"]);
    let public_by_openssl = run_external(d, "openssl", &["pkey", "-in", "k.key.pem", "-pubout"]);
    assert_eq!(public_by_openssl, fs::read_to_string(d.join("k.pub.pem")).unwrap());
    // OpenSSL writes the key back unchanged: the file is already in its (RFC 8410) form.
    let rewritten = run_external(d, "openssl", &["pkey", "-in", "k.key.pem"]);
    assert_eq!(rewritten, fs::read_to_string(d.join("k.key.pem")).unwrap());
}

#[test]
fn a_key_from_openssl_genpkey_signs_cards_that_verify() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_external(d, "openssl", &["genpkey", "-algorithm", "ed25519", "-out", "mps.key.pem"]);
    run_external(d, "openssl", &["pkey", "-in", "mps.key.pem", "-pubout", "-out", "mps.pub.pem"]);
    assert_eq!(verdict_on_card_signed_with_mps_key(d), "genuine");
}

#[test]
fn python_cryptography_reads_a_keygen_key_and_derives_the_same_public_key() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_ok(d, &["keygen", "k"]);
    let public_by_python = run_external(d, "python3", &["-c", PYTHON_PUBLIC_OF_PRIVATE, "k.key.pem"]);
    assert_eq!(public_by_python, fs::read_to_string(d.join("k.pub.pem")).unwrap());
}

#[test]
fn a_key_from_python_cryptography_signs_cards_that_verify() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_external(d, "python3", &["-c", PYTHON_GENERATE, "mps"]);
    assert_eq!(verdict_on_card_signed_with_mps_key(d), "genuine");
}

#[test]
fn a_card_signed_by_a_key_other_than_the_listed_one_does_not_verify() {
    // The other tests' "genuine" means something only if a wrong key gives another verdict.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_external(d, "openssl", &["genpkey", "-algorithm", "ed25519", "-out", "mps.key.pem"]);
    run_external(d, "openssl", &["genpkey", "-algorithm", "ed25519", "-out", "other.key.pem"]);
    run_external(d, "openssl", &["pkey", "-in", "other.key.pem", "-pubout", "-out", "mps.pub.pem"]);
    assert_ne!(verdict_on_card_signed_with_mps_key(d), "genuine");
}
