//! Runs that write one record of issued cards at the same moment (single issues, a batch,
//! directory builds that add derived keys to it) must not lose each other's cards: a card
//! missing from the record is missing from the directory, and the desk would call a genuine
//! card unknown.

mod common;

use std::fs;
use std::process::{Command, Stdio};

use common::{one_force, run_ok};
use warrant_core::directory::{derive_entry_keys, Directory, Lookup};
use warrant_core::CheckCode;

const ISSUES: usize = 12;
const BATCH: usize = 50;

#[test]
fn issues_a_batch_and_directory_builds_started_together_keep_every_card() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    // A record with some cards already, so that the directory runs have keys to write back.
    common::issue(d, "Jane Smith", "Police Constable", "PC 10001");
    let rows: String = (0..BATCH).map(|i| format!("Officer {i},Police Constable,{},police-officer\n", 20_000 + i)).collect();
    fs::write(d.join("staff.csv"), format!("name,rank,number,role\n{rows}")).unwrap();

    let binary = assert_cmd::cargo::cargo_bin("warrant-issuer");
    let start = |args: Vec<String>| Command::new(&binary).current_dir(d).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let signer = ["--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl"];
    let mut runs = Vec::new();
    // Every process is started before any is waited for, so their writes overlap.
    for i in 0..ISSUES {
        let mut args: Vec<String> = ["issue"].iter().chain(&signer).map(|s| s.to_string()).collect();
        let number = format!("PC {}", 30_000 + i);
        args.extend(["--name", "Sam Jones", "--rank", "Sergeant", "--number", &number, "--role", "police-officer", "--expires", "2031-01-01", "--out-dir", "cards"].map(String::from));
        runs.push(start(args));
        if i % 4 == 0 {
            runs.push(start(["directory", "--record", "issued.jsonl", "--out", "directory-MPS.cbor"].map(String::from).to_vec()));
        }
    }
    let mut args: Vec<String> = ["batch"].iter().chain(&signer).map(|s| s.to_string()).collect();
    args.extend(["--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", "print-run"].map(String::from));
    runs.push(start(args));
    for run in runs {
        let out = run.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }

    let record = fs::read_to_string(d.join("issued.jsonl")).unwrap();
    let cards: Vec<serde_json::Value> = record.lines().skip(1).map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(cards.len(), 1 + ISSUES + BATCH, "every card issued is in the record once");
    let serials: std::collections::HashSet<_> = cards.iter().map(|c| c["serial"].as_str().unwrap()).collect();
    assert_eq!(serials.len(), cards.len());

    let said = run_ok(d, &["directory", "--record", "issued.jsonl", "--out", "directory-MPS.cbor"]);
    assert!(said.contains(&format!("{} cards", cards.len())), "{said}");
    let directory = Directory::read(&fs::read(d.join("directory-MPS.cbor")).unwrap()).unwrap();
    for card in &cards {
        let code = CheckCode::parse(card["check_code"].as_str().unwrap()).unwrap();
        let Lookup::Found(cose) = directory.find(&derive_entry_keys(&code)) else { panic!("{} not found", card["serial"]) };
        assert_eq!(warrant_core::token::encode(&cose), card["token"].as_str().unwrap());
    }
}
