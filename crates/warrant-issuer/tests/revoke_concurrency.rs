//! Two people revoking at the same moment must not lose a revocation: a lost one leaves a
//! cancelled card genuine.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use common::one_force;
use warrant_core::{keys, RevocationList, RootKey, TrustList};

const RUNS: usize = 30;

fn opened_list(dir: &Path, now: i64) -> RevocationList {
    let root = keys::verifying_key_from_pem(&fs::read_to_string(dir.join("root.pub.pem")).unwrap()).unwrap();
    let trust = TrustList::open(&fs::read(dir.join("trust.cose")).unwrap(), &[RootKey::new(root)], now).unwrap();
    RevocationList::open(&fs::read(dir.join("revocations.cose")).unwrap(), &trust, now).unwrap()
}

#[test]
fn thirty_revoke_runs_started_together_keep_every_serial() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);

    let serials: Vec<String> = (0..RUNS).map(|i| format!("5e7a1a00{i:08x}")).collect();
    let binary = assert_cmd::cargo::cargo_bin("warrant-issuer");
    // Every process is started before any is waited for, so their read-modify-writes overlap.
    let children: Vec<_> = serials
        .iter()
        .map(|serial| {
            Command::new(&binary)
                .current_dir(d)
                .args(["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", serial])
                .args(["--note", "lost", "--out", "revocations.cose"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "revoke failed: {}", String::from_utf8_lossy(&out.stderr));
    }

    let register = fs::read_to_string(d.join("register.txt")).unwrap();
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
    let list = opened_list(d, now);
    for serial in &serials {
        assert_eq!(register.lines().filter(|l| l.starts_with(serial.as_str())).count(), 1, "{serial} in the register:\n{register}");
        assert!(list.is_revoked(&warrant_core::parse_hex(serial).unwrap()), "{serial} missing from the signed list");
    }
    assert_eq!(register.lines().count(), RUNS);
    assert_eq!(list.serials.len(), RUNS);
}
