//! Check codes and the card directory (docs/FORMAT.md §13) as the identity team makes them:
//! `issue` and `batch` print the code and record the card, `directory` files the force's
//! cards, `bundle --directories` gathers forces' directories for the desk.

mod common;

use std::fs;
use std::path::Path;
use std::time::Instant;

use common::{decode_png, issue, one_force, read_check_code_from_png, run_ok, serial_of, tool};
use serde_json::Value;
use warrant_core::directory::{derive_entry_keys, read_directory_bundle, Directory, Lookup};
use warrant_core::{keys, verify, CheckCode, RevocationList, RootKey, TrustList};

const CHECKER: &str = "https://check.police.uk/";

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

fn trust(d: &Path) -> TrustList {
    let root = RootKey::new(keys::verifying_key_from_pem(&fs::read_to_string(d.join("root.pub.pem")).unwrap()).unwrap());
    TrustList::open(&fs::read(d.join("trust.cose")).unwrap(), &[root], now()).unwrap()
}

/// The COSE bytes a QR text carries.
fn cose_of(qr: &str) -> Vec<u8> {
    warrant_core::token::decode(qr.trim_start_matches('\'').split_once('#').unwrap().1).unwrap()
}

/// The manifest's rows as (column name → value) maps, and its header.
fn manifest(path: &Path) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(|r| headers.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect();
    (headers, rows)
}

fn batch(d: &Path, csv: &str, out_dir: &str) {
    fs::write(d.join("staff.csv"), csv).unwrap();
    run_ok(d, &["batch", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", CHECKER, "--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", out_dir]);
}

#[test]
fn issue_prints_the_code_records_the_card_and_prints_the_code_under_the_qr_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let out = issue(d, "Jane Smith", "Police Constable", "1234");
    let serial = serial_of(&out);
    let printed = out.split("check code ").nth(1).unwrap().split(',').next().unwrap();
    let code = CheckCode::parse(printed).unwrap();
    assert_eq!(printed, code.grouped(), "printed in groups: {out}");

    let card = d.join("cards").join(&serial);
    assert!(fs::read_to_string(card.with_extension("svg")).unwrap().contains(&format!(">{printed}</text>")));
    assert_eq!(read_check_code_from_png(&card.with_extension("png")), printed);
    let qr = out.lines().last().unwrap();
    assert_eq!(decode_png(&card.with_extension("png")), qr, "the QR code still scans with the code under it");

    let record = fs::read_to_string(d.join("issued.jsonl")).unwrap();
    let lines: Vec<Value> = record.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["force"], "MPS");
    assert_eq!((lines[1]["serial"].as_str(), lines[1]["check_code"].as_str()), (Some(serial.as_str()), Some(printed)));
    assert_eq!(warrant_core::token::decode(lines[1]["token"].as_str().unwrap()).unwrap(), cose_of(qr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(d.join("issued.jsonl")).unwrap().permissions().mode() & 0o777, 0o600, "the record is private");
    }
}

#[test]
fn batch_puts_the_code_beside_the_serial_in_the_manifest_and_under_every_cards_qr_code() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    batch(d, "name,rank,number,role\nJane Smith,Police Constable,1234,police-officer\nSiân Ap Rhys,PCSO,88,pcso\nAl,Sergeant,7,police-officer\n", "out");
    let (headers, rows) = manifest(&d.join("out/manifest.csv"));
    let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(at("check_code"), at("serial") + 1, "{headers:?}");
    let mut codes = std::collections::HashSet::new();
    for row in &rows {
        let code = &row["check_code"];
        assert_eq!(&CheckCode::parse(code).unwrap().grouped(), code);
        assert!(codes.insert(code.clone()), "codes differ");
        let svg = fs::read_to_string(d.join("out").join(&row["svg"])).unwrap();
        assert!(svg.contains(&format!(">{code}</text>")), "{}", row["svg"]);
        assert_eq!(&read_check_code_from_png(&d.join("out").join(&row["png"])), code, "{}", row["png"]);
    }
    let record = fs::read_to_string(d.join("issued.jsonl")).unwrap();
    for row in &rows {
        assert!(record.contains(&format!("\"serial\":\"{}\",\"check_code\":\"{}\"", row["serial"], row["check_code"])));
    }
}

#[test]
fn a_record_of_another_force_is_refused_before_anything_is_signed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    issue(d, "Jane Smith", "Police Constable", "1234");
    let before = fs::read_to_string(d.join("issued.jsonl")).unwrap();
    let out = tool()
        .current_dir(d)
        .args(["issue", "--key", "mps.key.pem", "--issuer", "WMP", "--checker-address", CHECKER, "--record", "issued.jsonl", "--name", "Sam Jones"])
        .args(["--rank", "Sergeant", "--number", "77", "--role", "police-officer", "--expires", "2031-01-01", "--out-dir", "wmp-cards"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("force MPS's, not WMP's"), "{said}");
    assert!(!d.join("wmp-cards").exists());
    assert_eq!(fs::read_to_string(d.join("issued.jsonl")).unwrap(), before);

    let out = tool().current_dir(d).args(["directory", "--record", "issud.jsonl", "--out", "directory-MPS.cbor"]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("the record issud.jsonl does not exist"), "{said}");
    assert!(!d.join("directory-MPS.cbor").exists());
}

/// Names of every length from 5 to 61 characters, some not ASCII, and numbers of eight
/// characters: long enough that none turns up by chance among the file's random bytes (a
/// two-byte one would, one time in ten).
fn staff(cards: usize) -> (String, Vec<(String, String)>) {
    let mut csv = String::from("name,rank,number,role\n");
    let mut people = Vec::new();
    for i in 0..cards {
        let name: String = "Zoë Fernández-López Ap Rhys O'Brien Kowalczyk Oluwaseun Adeyemi".chars().take(5 + i * 56 / cards.max(2)).collect();
        let name = name.trim().to_string();
        let number = format!("PC {}", 48_210 + i * 7);
        csv.push_str(&format!("\"{name}\",Police Constable,{number},police-officer\n"));
        people.push((name, number));
    }
    (csv, people)
}

#[test]
fn a_batchs_directory_finds_every_card_by_its_code_and_shows_nothing_of_any_card() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let (csv, people) = staff(40);
    batch(d, &csv, "out");
    let (_, rows) = manifest(&d.join("out/manifest.csv"));
    // One card revoked: it stays in the directory, to be judged revoked.
    let revoked = rows[3]["serial"].clone();
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "revoked.txt", "--serial", &revoked, "--out", "revocations-MPS.cose"]);
    // One card that has expired by the time the directory is built (--now).
    let short = tool()
        .current_dir(d)
        .args(["issue", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", CHECKER, "--record", "issued.jsonl", "--name", "Ann Expiring"])
        .args(["--rank", "Sergeant", "--number", "SGT 90210", "--role", "police-officer", "--expires", "2030-01-01", "--out-dir", "cards"])
        .output()
        .unwrap();
    assert!(short.status.success());
    let expiring_code = String::from_utf8(short.stdout).unwrap().split("check code ").nth(1).unwrap()[..14].to_string();

    let said = run_ok(d, &["directory", "--record", "issued.jsonl", "--out", "directory-MPS.cbor", "--now", "2030-06-01"]);
    assert!(said.contains("40 cards (1 expired left out)") && said.contains("derived 40 new codes' keys"), "{said}");
    let file = fs::read(d.join("directory-MPS.cbor")).unwrap();

    // Nothing of any card shows: no name, number or serial, as text or raw bytes.
    let shows = |needle: &[u8]| file.windows(needle.len()).any(|w| w == needle);
    for ((name, number), row) in people.iter().zip(&rows) {
        assert_eq!((&row["name"], &row["number"]), (name, number));
        let serial = warrant_core::parse_hex(&row["serial"]).unwrap();
        for needle in [name.as_bytes(), number.as_bytes(), row["serial"].as_bytes(), row["serial"].to_uppercase().as_bytes(), &serial] {
            assert!(!shows(needle), "the directory shows {:?}", String::from_utf8_lossy(needle));
        }
    }
    assert!(!shows(b"Police Constable") && !shows(b"Ann Expiring"));

    // Entries are all one size, whatever the name's length.
    let value: coset::cbor::Value = coset::cbor::from_reader(file.as_slice()).unwrap();
    let field = |key: &str| value.as_map().unwrap().iter().find(|(k, _)| k.as_text() == Some(key)).unwrap().1.clone();
    let padded = field("padded").as_integer().map(|i| u64::try_from(i).unwrap() as usize).unwrap();
    let entries = field("entries").into_bytes().unwrap();
    assert_eq!(entries.len(), rows.len() * (padded + 32), "{} entries of {} bytes", rows.len(), padded + 32);
    let longest = rows.iter().map(|r| cose_of(&r["qr_text"]).len()).max().unwrap();
    assert!(padded >= longest + 2 && padded < longest + 2 + 16, "padded {padded} for tokens up to {longest} bytes");

    // Every code finds its own card, judged as a scanned card is.
    let directory = Directory::read(&file).unwrap();
    assert_eq!(directory.len(), rows.len());
    let trust = trust(d);
    let lists = [RevocationList::open(&fs::read(d.join("revocations-MPS.cose")).unwrap(), &trust, now()).unwrap()];
    for row in &rows {
        let Lookup::Found(cose) = directory.find(&derive_entry_keys(&CheckCode::parse(&row["check_code"]).unwrap())) else {
            panic!("{} not found", row["check_code"])
        };
        assert_eq!(cose, cose_of(&row["qr_text"]));
        let verdict = verify(&warrant_core::token::encode(&cose), &trust, &lists, now()).verdict;
        assert_eq!(verdict.name(), if row["serial"] == revoked { "revoked" } else { "genuine" }, "{}", row["serial"]);
    }
    assert_eq!(directory.find(&derive_entry_keys(&CheckCode::parse(&expiring_code).unwrap())), Lookup::NotFound, "expired: left out");

    // One more card: the rebuild derives its code alone.
    issue(d, "Jane Smith", "Police Constable", "PC 77123");
    let started = Instant::now();
    let said = run_ok(d, &["directory", "--record", "issued.jsonl", "--out", "directory-MPS.cbor", "--now", "2030-06-01"]);
    println!("rebuilt after one new card in {:.2} s (debug build): {said}", started.elapsed().as_secs_f64());
    assert!(said.contains("41 cards") && said.contains("derived 1 new codes' keys"), "{said}");
    assert_eq!(Directory::read(&fs::read(d.join("directory-MPS.cbor")).unwrap()).unwrap().len(), 41);
}

#[test]
fn bundle_directories_gathers_the_forces_directories_and_refuses_what_a_desk_could_not_use() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let out = issue(d, "Jane Smith", "Police Constable", "1234");
    let code = CheckCode::parse(out.split("check code ").nth(1).unwrap().split(',').next().unwrap()).unwrap();
    run_ok(d, &["directory", "--record", "issued.jsonl", "--out", "directory-MPS.cbor"]);
    let bundle = |files: &[&str]| {
        let mut args = vec!["bundle", "--directories", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--out", "directories.cbor"];
        args.extend(files);
        tool().current_dir(d).args(&args).output().unwrap()
    };
    let made = bundle(&["directory-MPS.cbor"]);
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    assert!(String::from_utf8_lossy(&made.stdout).contains("1 card directories (MPS)"));
    let files = read_directory_bundle(&fs::read(d.join("directories.cbor")).unwrap()).unwrap();
    assert_eq!(files, vec![fs::read(d.join("directory-MPS.cbor")).unwrap()], "the force's directory, byte for byte");
    let Lookup::Found(cose) = Directory::read(&files[0]).unwrap().find(&derive_entry_keys(&code)) else { panic!("not found") };
    assert_eq!(cose, cose_of(out.lines().last().unwrap()));
    fs::remove_file(d.join("directories.cbor")).unwrap();

    // A force the trust list does not know (its own record), a revocation list, two of one force.
    run_ok(d, &["issue", "--key", "mps.key.pem", "--issuer", "WMP", "--checker-address", CHECKER, "--record", "issued-WMP.jsonl", "--name", "Sam Jones", "--rank", "Sergeant", "--number", "77", "--role", "police-officer", "--expires", "2031-01-01", "--out-dir", "wmp"]);
    run_ok(d, &["directory", "--record", "issued-WMP.jsonl", "--out", "directory-WMP.cbor"]);
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "revoked.txt", "--out", "revocations-MPS.cose"]);
    for (files, why) in [
        (&["directory-MPS.cbor", "directory-WMP.cbor"][..], "directory-WMP.cbor is the directory of \"WMP\", which is not a force in the trust list"),
        (&["revocations-MPS.cose"][..], "revocations-MPS.cose is not a card directory"),
        (&["directory-MPS.cbor", "directory-MPS.cbor"][..], "two directories for one force (MPS)"),
    ] {
        let out = bundle(files);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{said}");
        assert!(said.contains(why), "{why}: {said}");
        assert!(!d.join("directories.cbor").exists(), "nothing written when refused");
    }
}
