//! Keys in an HSM: every signing command through a throwaway SoftHSM2 token, and the
//! refusals a person at the token meets. SoftHSM is not optional here: a missing one fails
//! the tests by name (scripts/setup.sh installs it), so they cannot pass by skipping.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{SystemTime, UNIX_EPOCH};

use assert_cmd::Command;
use common::tool;
use warrant_core::{keys, verify, RevocationList, RootKey, TrustList, Verdict};

const MODULE: &str = "/usr/lib/softhsm/libsofthsm2.so";
const TOKEN: &str = "force";
const PIN: &str = "4321-user";
const SO_PIN: &str = "8765-officer";
const CHECKER: &str = "https://check.police.uk/";

/// A SoftHSM2 token in a temporary folder, seen only by the commands this test runs.
struct SoftHsm {
    dir: tempfile::TempDir,
}

impl SoftHsm {
    /// A fresh token labelled `force`, with every mechanism SoftHSM has.
    fn new() -> SoftHsm {
        assert!(Path::new(MODULE).exists(), "no SoftHSM2 module at {MODULE}; install softhsm2 with scripts/setup.sh");
        let hsm = SoftHsm { dir: tempfile::tempdir().unwrap() };
        fs::create_dir(hsm.dir.path().join("tokens")).unwrap();
        hsm.write_config("softhsm2.conf", "ALL");
        let out = std::process::Command::new("softhsm2-util")
            .env("SOFTHSM2_CONF", hsm.config("softhsm2.conf"))
            .args(["--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", SO_PIN])
            .output()
            .unwrap_or_else(|e| panic!("cannot run softhsm2-util ({e}); install softhsm2 with scripts/setup.sh"));
        assert!(out.status.success(), "softhsm2-util --init-token failed: {}", String::from_utf8_lossy(&out.stderr));
        hsm
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn config(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    /// A SoftHSM configuration over this folder's tokens offering only `mechanisms`.
    fn write_config(&self, name: &str, mechanisms: &str) {
        let tokens = self.path().join("tokens");
        fs::write(
            self.config(name),
            format!("directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\nslots.mechanisms = {mechanisms}\n", tokens.display()),
        )
        .unwrap();
    }

    /// The tool in the token's folder, with the module and PIN in the environment.
    fn tool(&self) -> Command {
        let mut command = tool();
        command
            .current_dir(self.path())
            .env("SOFTHSM2_CONF", self.config("softhsm2.conf"))
            .env("WARRANT_PKCS11_MODULE", MODULE)
            .env("WARRANT_PKCS11_PIN", PIN);
        command
    }

    fn run_ok(&self, args: &[&str]) -> String {
        let out = self.tool().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Makes a key on the token with the tool; its public key goes to `<stem>.pub.pem`.
    fn keygen(&self, label: &str, stem: &str) {
        let said = self.run_ok(&["keygen", "--pkcs11", &uri(label), stem]);
        assert!(said.contains(&format!("made on token \"{TOKEN}\"")), "{said}");
    }

    /// The trust list naming `mps.pub.pem` as MPS's key, signed by a root key file.
    fn trust_list_for_mps(&self) {
        common::trust_list_for_mps(self.path());
    }

    fn trust_list(&self) -> TrustList {
        let root = RootKey::new(keys::verifying_key_from_pem(&fs::read_to_string(self.path().join("root.pub.pem")).unwrap()).unwrap());
        TrustList::open(&fs::read(self.path().join("trust.cose")).unwrap(), &[root], now()).unwrap()
    }
}

fn uri(label: &str) -> String {
    format!("pkcs11:token={TOKEN};object={label};type=private")
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn issue_args<'a>(key: &'a str, out_dir: &'a str) -> Vec<&'a str> {
    vec![
        "issue", "--key", key, "--issuer", "MPS", "--checker-address", CHECKER, "--record", "issued.jsonl", "--name", "Jane Smith", "--rank", "Police Constable",
        "--number", "1234", "--role", "police-officer", "--expires", "2031-01-01", "--out-dir", out_dir,
    ]
}

/// Expects the tool to refuse (exit 2) and returns what it said.
fn refused(out: Output) -> String {
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "expected a refusal, got {stderr}");
    stderr
}

#[test]
fn a_key_made_on_the_token_issues_revokes_and_enrols_and_its_cards_are_genuine() {
    let hsm = SoftHsm::new();
    let d = hsm.path();
    hsm.keygen("mps-2026", "mps");
    assert!(!d.join("mps.key.pem").exists(), "no private key file is written for a token key");
    hsm.trust_list_for_mps();
    let trust = hsm.trust_list();

    let key = uri("mps-2026");
    let out = hsm.run_ok(&issue_args(&key, "cards"));
    let qr = out.lines().last().unwrap();
    let Verdict::Genuine(card) = verify(qr, &trust, &[], now()).verdict else { panic!("not genuine: {qr}") };
    assert_eq!(card.holder.name, "Jane Smith");
    let serial = card.serial_hex();
    assert!(d.join("cards").join(format!("{serial}.png")).exists());

    // The phone is enrolled while the card stands (the force's register holds nothing yet).
    fs::write(d.join("register.txt"), "").unwrap();
    fs::write(d.join("request.json"), common::enrol_request(qr)).unwrap();
    hsm.run_ok(&["enrol", "--key", &key, "--issuer", "MPS", "--request", "request.json", "--register", "register.txt", "--out", "phone.txt"]);
    let credential = warrant_core::token::decode(fs::read_to_string(d.join("phone.txt")).unwrap().trim()).unwrap();
    let live = warrant_core::token::qr_text(CHECKER, &warrant_core::sign_live_code(&credential, now(), &common::phone_key()).unwrap());
    assert_eq!(verify(&live, &trust, &[], now()).verdict.name(), "live");

    hsm.run_ok(&["revoke", "--key", &key, "--issuer", "MPS", "--register", "register.txt", "--serial", &serial, "--out", "revocations.cose"]);
    let revocations = RevocationList::open(&fs::read(d.join("revocations.cose")).unwrap(), &trust, now()).unwrap();
    assert_eq!(verify(qr, &trust, &[revocations], now()).verdict.name(), "revoked");
}

#[test]
fn a_key_on_the_token_publishes_the_list_into_a_web_root() {
    let hsm = SoftHsm::new();
    let d = hsm.path();
    hsm.keygen("mps-2026", "mps");
    hsm.trust_list_for_mps();
    fs::create_dir_all(d.join("www/lists")).unwrap();
    fs::copy(d.join("trust.cose"), d.join("www/lists/trust-list.cose")).unwrap();
    fs::write(d.join("register.txt"), "0a0b0c0d  # lost\n").unwrap();
    let key = uri("mps-2026");
    hsm.run_ok(&["publish", "--key", &key, "--issuer", "MPS", "--register", "register.txt", "--web-root", "www", "--root", "root.pub.pem"]);
    let list = RevocationList::open(&fs::read(d.join("www/lists/revocations-MPS.cose")).unwrap(), &hsm.trust_list(), now()).unwrap();
    assert!(list.is_revoked(&[0x0a, 0x0b, 0x0c, 0x0d]));
    let bundle = warrant_core::read_revocation_bundle(&fs::read(d.join("www/lists/revocations.cbor")).unwrap()).unwrap();
    assert_eq!(bundle, vec![fs::read(d.join("www/lists/revocations-MPS.cose")).unwrap()]);
}

#[test]
fn a_root_key_on_the_token_signs_the_trust_list() {
    let hsm = SoftHsm::new();
    let d = hsm.path();
    hsm.keygen("national-root", "root");
    hsm.run_ok(&["keygen", "mps"]);
    fs::write(
        d.join("forces.json"),
        r#"{"forces":[{"id":"MPS","name":"Metropolitan Police Service","keys":[{"public_key":"mps.pub.pem","not_before":"2020-01-01","not_after":"2040-01-01"}]}]}"#,
    )
    .unwrap();
    hsm.run_ok(&["trust-list", "--root-key", &uri("national-root"), "--forces", "forces.json", "--out", "trust.cose"]);
    let trust = hsm.trust_list();
    assert_eq!(trust.forces[0].id, "MPS");
    let qr = hsm.run_ok(&issue_args("mps.key.pem", "cards")).lines().last().unwrap().to_string();
    assert!(verify(&qr, &trust, &[], now()).verdict.is_genuine());
}

#[test]
fn a_batch_through_the_token_signs_every_card_genuine() {
    let hsm = SoftHsm::new();
    let d = hsm.path();
    hsm.keygen("mps-2026", "mps");
    hsm.trust_list_for_mps();
    let trust = hsm.trust_list();
    let rows: String = (0..200).map(|i| format!("Officer {i},Police Constable,{i},police-officer\n")).collect();
    fs::write(d.join("staff.csv"), format!("name,rank,number,role\n{rows}")).unwrap();
    let key = uri("mps-2026");
    hsm.run_ok(&["batch", "--key", &key, "--issuer", "MPS", "--checker-address", CHECKER, "--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", "out"]);
    let mut manifest = csv::Reader::from_path(d.join("out/manifest.csv")).unwrap();
    let qr_column = manifest.headers().unwrap().iter().position(|h| h == "qr_text").unwrap();
    let qrs: Vec<String> = manifest.records().map(|r| r.unwrap()[qr_column].to_string()).collect();
    assert_eq!(qrs.len(), 200);
    for qr in &qrs {
        assert!(verify(qr, &trust, &[], now()).verdict.is_genuine(), "{qr}");
    }
}

#[test]
fn a_wrong_pin_is_refused_by_the_token() {
    let hsm = SoftHsm::new();
    hsm.keygen("mps-2026", "mps");
    let key = uri("mps-2026");
    let said = refused(hsm.tool().env("WARRANT_PKCS11_PIN", "0000-wrong").args(issue_args(&key, "cards")).output().unwrap());
    assert!(said.contains("the token refused the PIN"), "{said}");
    assert!(!hsm.path().join("cards").exists());
}

#[test]
fn without_a_pin_and_a_terminal_the_tool_says_where_the_pin_comes_from() {
    let hsm = SoftHsm::new();
    hsm.keygen("mps-2026", "mps");
    let key = uri("mps-2026");
    // Standard input is not a terminal under the test harness, so there is no one to ask.
    let said = refused(hsm.tool().env_remove("WARRANT_PKCS11_PIN").args(issue_args(&key, "cards")).output().unwrap());
    assert!(said.contains("no PIN for token \"force\": set WARRANT_PKCS11_PIN"), "{said}");
}

#[test]
fn a_key_not_on_the_token_is_named_in_the_refusal() {
    let hsm = SoftHsm::new();
    hsm.keygen("mps-2026", "mps");
    let key = uri("mps-2025");
    let said = refused(hsm.tool().args(issue_args(&key, "cards")).output().unwrap());
    assert!(said.contains("no private key labelled \"mps-2025\" on token \"force\""), "{said}");
}

#[test]
fn a_token_not_in_the_module_is_named_in_the_refusal() {
    let hsm = SoftHsm::new();
    let said = refused(hsm.tool().args(issue_args("pkcs11:token=nowhere;object=mps-2026", "cards")).output().unwrap());
    assert!(said.contains("no token labelled \"nowhere\""), "{said}");
}

#[test]
fn a_token_without_ed25519_signing_is_refused_before_the_pin() {
    let hsm = SoftHsm::new();
    hsm.keygen("mps-2026", "mps");
    // The same token, with SoftHSM offering everything this tool needs but CKM_EDDSA.
    hsm.write_config("no-eddsa.conf", "CKM_EC_EDWARDS_KEY_PAIR_GEN,CKM_SHA256");
    let key = uri("mps-2026");
    let out = hsm.tool().env("SOFTHSM2_CONF", hsm.config("no-eddsa.conf")).env_remove("WARRANT_PKCS11_PIN").args(issue_args(&key, "cards")).output().unwrap();
    let said = refused(out);
    assert!(said.contains("this token cannot sign with Ed25519 (CKM_EDDSA)"), "{said}");
}

#[test]
fn a_pin_in_the_uri_is_refused_and_not_repeated() {
    let hsm = SoftHsm::new();
    hsm.keygen("mps-2026", "mps");
    let key = format!("{}?pin-value={PIN}", uri("mps-2026"));
    let said = refused(hsm.tool().args(issue_args(&key, "cards")).output().unwrap());
    assert!(said.contains("a PIN must not be in the pkcs11 URI"), "{said}");
    assert!(!said.contains(PIN), "the refusal repeats the PIN: {said}");
}

#[test]
fn without_a_module_the_tool_says_how_to_name_one() {
    let hsm = SoftHsm::new();
    let said = refused(hsm.tool().env_remove("WARRANT_PKCS11_MODULE").args(issue_args(&uri("mps-2026"), "cards")).output().unwrap());
    assert!(said.contains("no PKCS#11 module: add ?module-path="), "{said}");
    // Named in the URI instead, the module is found.
    let key = format!("{}?module-path={MODULE}", uri("mps-2026"));
    hsm.tool().env_remove("WARRANT_PKCS11_MODULE").args(["keygen", "--pkcs11", &key, "mps"]).assert().success();
}

#[test]
fn keygen_on_the_token_refuses_a_label_already_there() {
    let hsm = SoftHsm::new();
    hsm.keygen("mps-2026", "mps");
    let said = refused(hsm.tool().args(["keygen", "--pkcs11", &uri("mps-2026"), "again"]).output().unwrap());
    assert!(said.contains("already has a key labelled \"mps-2026\""), "{said}");
    assert!(!hsm.path().join("again.pub.pem").exists());
}

#[test]
fn a_pin_in_a_uri_whose_scheme_is_in_capitals_or_after_a_space_is_refused_and_never_repeated() {
    // Refused before any module is loaded: no token is needed.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let secret = "739182";
    // Whatever enrol reads before it opens the key.
    fs::write(d.join("request.json"), common::enrol_request(&format!("{CHECKER}#0o"))).unwrap();
    fs::write(d.join("register.txt"), "").unwrap();
    let as_uri = [
        format!("PKCS11:token={TOKEN};object=mps-2026?pin-value={secret}"),
        format!(" pkcs11:token={TOKEN};object=mps-2026?pin-value={secret}"),
        format!("Pkcs11:token={TOKEN};pin-value={secret};object=mps-2026"),
    ];
    // Not a pkcs11 URI at all, so taken for a file's name: still never repeated.
    let mistyped = [format!("pkcs11 :token={TOKEN};object=mps-2026?pin-value={secret}"), format!("pkcs#11:token={TOKEN};pin-value={secret}")];
    for (key, is_uri) in as_uri.iter().map(|k| (k, true)).chain(mistyped.iter().map(|k| (k, false))) {
        let commands: [Vec<&str>; 3] = [
            vec!["revoke", "--key", key, "--issuer", "MPS", "--register", "register.txt", "--serial", "0a0b", "--out", "revocations.cose"],
            issue_args(key, "cards"),
            vec!["enrol", "--key", key, "--issuer", "MPS", "--request", "request.json", "--register", "register.txt", "--out", "phone.txt"],
        ];
        for args in commands {
            let said = refused(tool().current_dir(d).env_remove("WARRANT_PKCS11_PIN").args(&args).output().unwrap());
            assert!(!said.contains(secret), "{args:?} repeats the PIN: {said}");
            if is_uri {
                assert!(said.contains("a PIN must not be in the pkcs11 URI"), "{args:?}: {said}");
            }
        }
        if is_uri {
            let said = refused(tool().current_dir(d).args(["keygen", "--pkcs11", key, "mps"]).output().unwrap());
            assert!(said.contains("a PIN must not be in the pkcs11 URI") && !said.contains(secret), "{said}");
        }
    }
    let said = refused(tool().current_dir(d).args(["keygen", "--pkcs11", &mistyped[0], "mps"]).output().unwrap());
    assert!(said.contains("not named by a pkcs11: URI") && !said.contains(secret), "{said}");
    let mut left: Vec<_> = fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name()).collect();
    left.sort();
    assert_eq!(left, ["register.txt", "request.json"], "nothing is written");
}
