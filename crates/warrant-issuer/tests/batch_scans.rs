//! Every card in a batch scans: the PNG the printer gets decodes to the card's QR text, at
//! each QR version a batch produces (short to longest names).

mod common;

use std::collections::BTreeSet;
use std::fs;

use common::{decode_png, run_ok};

const CARDS: usize = 120;

#[test]
fn every_png_of_a_batch_with_names_of_every_length_decodes_to_its_qr_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    run_ok(d, &["keygen", "mps"]);
    // Names from 2 to 61 characters, some not ASCII, so the codes span versions 10 to 12 and more.
    let mut csv = String::from("name,rank,number,role\n");
    for i in 0..CARDS {
        let name: String = "Zoë Fernández-López Ap Rhys O'Brien Kowalczyk Oluwaseun Adeyemi".chars().take(2 + i % 60).collect();
        csv.push_str(&format!("\"{}\",Police Constable,{},police-officer\n", name.trim(), 100_000 + i));
    }
    fs::write(d.join("staff.csv"), csv).unwrap();
    run_ok(d, &["batch", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", "out"]);

    let mut manifest = csv::Reader::from_path(d.join("out/manifest.csv")).unwrap();
    let headers = manifest.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut versions = BTreeSet::new();
    let mut decoded = 0;
    for row in manifest.records().map(Result::unwrap) {
        assert_eq!(decode_png(&d.join("out").join(&row[col("png")])), &row[col("qr_text")], "line {}", &row[col("line")]);
        versions.insert(row[col("qr_version")].parse::<u32>().unwrap());
        decoded += 1;
    }
    assert_eq!(decoded, CARDS);
    assert!(versions.is_superset(&BTreeSet::from([10, 11, 12])), "{versions:?}");
}
