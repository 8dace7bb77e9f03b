//! Two batches into one output folder at the same moment: one must issue the whole batch,
//! and the other be refused before it signs anything, leaving nothing behind (once, the
//! loser left thousands of signed cards in a hidden folder).

mod common;

use std::fs;
use std::process::{Command, Stdio};

use common::one_force;

/// Enough cards that each run takes a good while, so that the two overlap.
const CARDS: usize = 400;

#[test]
fn two_batches_into_one_folder_at_once_leave_one_whole_batch_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let rows: String = (0..CARDS).map(|i| format!("Officer {i},Police Constable,{i},police-officer\n")).collect();
    fs::write(d.join("staff.csv"), format!("name,rank,number,role\n{rows}")).unwrap();
    let names = || {
        let mut names: Vec<String> = fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    };
    let mut expected = names();
    // The batch's folder, and the record of issued cards the winner adds its cards to.
    expected.extend(["print-run".into(), "issued.jsonl".into(), "issued.jsonl.lock".into()]);
    expected.sort();

    let binary = assert_cmd::cargo::cargo_bin("warrant-issuer");
    // Both started before either is waited for.
    let runs: Vec<_> = (0..2)
        .map(|_| {
            Command::new(&binary)
                .current_dir(d)
                .args(["batch", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/"])
                .args(["--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", "print-run"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let outcomes: Vec<_> = runs.into_iter().map(|run| run.wait_with_output().unwrap()).collect();
    assert_eq!(names(), expected, "only the batch's folder is added: no staging folder is left");
    let (won, lost): (Vec<_>, Vec<_>) = outcomes.iter().partition(|out| out.status.success());
    assert_eq!((won.len(), lost.len()), (1, 1), "one run issues, one is refused");
    let said = String::from_utf8_lossy(&lost[0].stderr);
    assert!(said.contains("print-run already exists"), "{said}");
    let manifest = csv::Reader::from_path(d.join("print-run/manifest.csv")).unwrap().into_records().count();
    assert_eq!(manifest, CARDS);
    assert_eq!(fs::read_dir(d.join("print-run/cards")).unwrap().count(), 2 * CARDS, "an SVG and a PNG per card");
    let recorded = fs::read_to_string(d.join("issued.jsonl")).unwrap().lines().count();
    assert_eq!(recorded, 1 + CARDS, "the record holds the winner's cards only (after its first line)");
}
