//! The issuer tool as a force's identity team runs it: real files, real processes.

mod common;

use std::fs;
use std::path::Path;

use common::{decode_png, enrol_request, issue, one_force, phone_key, run_ok, serial_of, tool, trust_list_for_mps};
use serde_json::Value;

/// Runs `verify --json` and returns (exit code, JSON).
fn verify_json(dir: &Path, qr: &str, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["verify", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--json"];
    args.extend_from_slice(extra);
    args.push(qr);
    let out = tool().current_dir(dir).args(&args).output().unwrap();
    (out.status.code().unwrap(), serde_json::from_slice(&out.stdout).unwrap_or(Value::Null))
}

#[test]
fn private_keys_are_written_owner_only_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(dir.path(), &["keygen", "k"]);
    let private = fs::read_to_string(dir.path().join("k.key.pem")).unwrap();
    assert!(private.starts_with("-----BEGIN PRIVATE KEY-----"));
    assert!(fs::read_to_string(dir.path().join("k.pub.pem")).unwrap().starts_with("-----BEGIN PUBLIC KEY-----"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(dir.path().join("k.key.pem")).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let again = tool().current_dir(dir.path()).args(["keygen", "k"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(fs::read_to_string(dir.path().join("k.key.pem")).unwrap(), private);
}

#[test]
fn issue_verify_revoke_flow() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let out = issue(d, "Jane Smith", "Police Constable", "1234");
    let serial = serial_of(&out);
    let qr = fs::read_to_string(d.join("cards").join(format!("{serial}.txt"))).unwrap().trim().to_string();
    assert!(qr.starts_with("https://check.police.uk/#0o"));
    assert_eq!(decode_png(&d.join("cards").join(format!("{serial}.png"))), qr);
    assert!(fs::read_to_string(d.join("cards").join(format!("{serial}.svg"))).unwrap().contains("<svg"));

    let (code, json) = verify_json(d, &qr, &[]);
    assert_eq!(code, 0);
    assert_eq!(json["verdict"], "genuine");
    assert_eq!(json["card"]["name"], "Jane Smith");
    assert_eq!(json["card"]["serial"], serial.as_str());

    // Inspect reads without verifying, and says so.
    let inspected: Value = serde_json::from_str(&run_ok(d, &["inspect", &qr])).unwrap();
    assert_eq!(inspected["verified"], false);
    assert_eq!(inspected["number"], "1234");

    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", &serial, "--note", "lost", "--out", "revocations.cose"]);
    assert!(fs::read_to_string(d.join("register.txt")).unwrap().contains(&serial));
    let (code, json) = verify_json(d, &qr, &["--revocations", "revocations.cose"]);
    assert_eq!(code, 1);
    assert_eq!(json["verdict"], "revoked");

    // Past the trust list's expiry the checker refuses to judge at all.
    let (code, _) = verify_json(d, &qr, &["--now", "2031-01-02"]);
    assert_eq!(code, 2);

    // A card that expires in three days, checked in five (the trust list lasts 30).
    let day = std::time::Duration::from_secs(86_400);
    let at = |days: u32| humantime::format_rfc3339_seconds(std::time::SystemTime::now() + day * days).to_string();
    let out = run_ok(
        d,
        &["issue", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl", "--name", "Jane Smith",
          "--rank", "Police Constable", "--number", "1234", "--role", "police-officer", "--expires", &at(3), "--out-dir", "cards"],
    );
    let short = out.lines().last().unwrap();
    assert_eq!(verify_json(d, short, &[]).1["verdict"], "genuine");
    let (code, json) = verify_json(d, short, &["--now", &at(5)]);
    assert_eq!((code, json["verdict"].as_str()), (1, Some("expired")));
}

#[test]
fn verify_gives_named_verdicts_and_exit_codes_for_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    one_force(dir.path());
    let (code, json) = verify_json(dir.path(), "https://shop.example/", &[]);
    assert_eq!((code, json["verdict"].as_str()), (1, Some("not-a-card")));
    let (code, json) = verify_json(dir.path(), "https://check.police.uk/#0o!!", &[]);
    assert_eq!((code, json["verdict"].as_str(), json["reason"].as_str()), (1, Some("malformed"), Some("bad-encoding")));
    // A trust list that does not open is an error (2), not a verdict.
    fs::write(dir.path().join("trust.cose"), b"tampered").unwrap();
    let (code, _) = verify_json(dir.path(), "https://shop.example/", &[]);
    assert_eq!(code, 2);
}

#[test]
fn openssl_made_key_issues_cards() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout`.
    fs::write(d.join("mps.key.pem"), "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAVhZN4ZjUKHLDBwUhZg9yXuRl13LyQ5vzhncNBJdcEQ\n-----END PRIVATE KEY-----\n").unwrap();
    fs::write(d.join("mps.pub.pem"), "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA8zZqX5FS1QsqsCZqJsyceJkKYMW60h9lcYNaC4q6q2A=\n-----END PUBLIC KEY-----\n").unwrap();
    trust_list_for_mps(d);
    let out = issue(d, "Sam Jones", "Sergeant", "77");
    let qr = out.lines().last().unwrap();
    assert_eq!(verify_json(d, qr, &[]).1["verdict"], "genuine");
}

#[test]
fn batch_writes_every_card_and_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    fs::write(
        d.join("staff.csv"),
        "name,rank,number,role,expires\nJane Smith,Police Constable,1234,police-officer,\nSiân Ap Rhys,PCSO,88,pcso,2030-06-30\nAlex Moreau,Fingerprint Officer,S-4411,police-staff,\n",
    )
    .unwrap();
    run_ok(d, &["batch", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", "out"]);
    let mut manifest = csv::Reader::from_path(d.join("out/manifest.csv")).unwrap();
    let headers = manifest.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = manifest.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    for row in &rows {
        let serial = &row[col("serial")];
        let qr = &row[col("qr_text")];
        assert_eq!(decode_png(&d.join("out/cards").join(format!("{serial}.png"))), qr);
        assert!(d.join("out/cards").join(format!("{serial}.svg")).exists());
        let (code, json) = verify_json(d, qr, &[]);
        assert_eq!(code, 0);
        assert_eq!(json["card"]["name"], &row[col("name")]);
    }
    assert_eq!(&rows[1][col("name")], "Siân Ap Rhys");
    assert_eq!(&rows[1][col("line")], "3");
}

#[test]
fn batch_with_a_bad_row_names_the_line_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    fs::write(d.join("staff.csv"), "name,rank,number,role\nJane Smith,Police Constable,1234,police-officer\nBob,Sergeant,12,wizard\n").unwrap();
    let before: Vec<_> = fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name()).collect();
    let out = tool()
        .current_dir(d)
        .args(["batch", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 3"), "{stderr}");
    let after: Vec<_> = fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(before, after, "the batch left files behind");
}

#[test]
fn committed_vectors_are_what_the_tool_generates() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(dir.path(), &["vectors", "v"]);
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let names = vector_files(&committed);
    assert!(names.iter().any(|n| n.starts_with("check-codes/")), "no check-code vectors");
    assert_eq!(names, vector_files(&dir.path().join("v")));
    for name in names {
        assert_eq!(fs::read_to_string(committed.join(&name)).unwrap(), fs::read_to_string(dir.path().join("v").join(&name)).unwrap(), "{name:?}");
    }
}

/// The vector files under `dir` and its one level of folders, as relative paths.
fn vector_files(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        if entry.file_type().unwrap().is_dir() {
            names.extend(fs::read_dir(entry.path()).unwrap().map(|e| format!("{name}/{}", e.unwrap().file_name().into_string().unwrap())));
        } else {
            names.push(name);
        }
    }
    names.sort();
    names
}

#[test]
fn demo_writes_samples_and_verifies_its_genuine_card() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(dir.path(), &["demo", "--out", "demo"]);
    assert!(out.contains("GENUINE"), "{out}");
    let samples: Value = serde_json::from_str(&fs::read_to_string(dir.path().join("demo/samples.json")).unwrap()).unwrap();
    let samples = samples["samples"].as_array().unwrap();
    // Every verdict but `live`, which only a phone can make, and only for the moment.
    for name in warrant_core::Verdict::NAMES.into_iter().filter(|n| *n != "live") {
        assert!(samples.iter().any(|s| s["expected"] == name), "no demo sample for {name}");
    }
}

/// Writes a test vector's lists and root key into `dir`, as `verify` reads them.
fn lists_of_vector(dir: &Path, vector: &Value) {
    let bytes = |token: &Value| warrant_core::token::decode(token.as_str().unwrap()).unwrap();
    fs::write(dir.join("trust.cose"), bytes(&vector["trust_list"])).unwrap();
    fs::write(dir.join("revocations.cose"), bytes(&vector["revocation_lists"][0])).unwrap();
    fs::write(dir.join("root.pub.pem"), vector["root_public_key_pem"].as_str().unwrap()).unwrap();
}

#[test]
fn a_live_code_shown_two_minutes_later_is_stale_never_live() {
    let dir = tempfile::tempdir().unwrap();
    let vectors = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    let live: Value = serde_json::from_str(&fs::read_to_string(vectors.join("live.json")).unwrap()).unwrap();
    lists_of_vector(dir.path(), &live);
    let qr = live["qr_text"].as_str().unwrap();
    let now = live["now"].as_str().unwrap();
    let (code, json) = verify_json(dir.path(), qr, &["--revocations", "revocations.cose", "--now", now]);
    assert_eq!((code, json["verdict"].as_str()), (0, Some("live")), "fresh: {json}");
    assert_eq!(json["card"]["name"], "Jane Smith");
    // The same code, captured and shown again two minutes later (the vectors are made at
    // a fixed moment).
    assert_eq!(now, "2026-06-01T12:00:00Z");
    let later = "2026-06-01T12:02:00Z".to_string();
    let (code, json) = verify_json(dir.path(), qr, &["--revocations", "revocations.cose", "--now", &later]);
    assert_eq!((code, json["verdict"].as_str()), (1, Some("live-stale")), "two minutes later: {json}");
    let text = run_text(dir.path(), &["verify", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--revocations", "revocations.cose", "--now", &later, qr]);
    assert!(text.starts_with("LIVE CODE TOO OLD"), "{text}");
}

/// Runs the tool and returns its standard output whatever its exit code.
fn run_text(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(tool().current_dir(dir).args(args).output().unwrap().stdout).unwrap()
}

#[test]
fn an_enrolled_phones_live_code_is_live_and_a_forged_request_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let out = issue(d, "Sam Jones", "Sergeant", "77");
    let card = out.lines().last().unwrap();
    let phone = phone_key();
    fs::write(d.join("request.json"), enrol_request(card)).unwrap();
    fs::write(d.join("register.txt"), "").unwrap();
    let said = run_ok(d, &["enrol", "--key", "mps.key.pem", "--issuer", "MPS", "--request", "request.json", "--register", "register.txt", "--expires", "2030-01-01", "--out", "phone.txt"]);
    assert!(said.contains("enrolled a phone for Sergeant 77 Sam Jones"), "{said}");

    let credential = warrant_core::token::decode(fs::read_to_string(d.join("phone.txt")).unwrap().trim()).unwrap();
    let read = warrant_core::read_device_credential(&credential).unwrap();
    assert_eq!(read.device_key, phone.verifying_key());
    assert_eq!(read.card.holder.name, "Sam Jones");
    assert_eq!(warrant_core::to_hex(&read.card.serial), said.split("(card ").nth(1).unwrap()[..16]);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let live = warrant_core::token::qr_text("https://check.police.uk/", &warrant_core::sign_live_code(&credential, now, &phone).unwrap());
    let (code, json) = verify_json(d, &live, &[]);
    assert_eq!((code, json["verdict"].as_str()), (0, Some("live")), "{json}");
    assert_eq!(json["card"]["expires_at"], "2030-01-01T00:00:00Z", "the credential ends when asked, before the card");

    // A request for a card this force did not sign is refused, and nothing is written.
    // One character of the signature changed: still a card's shape, no longer its bytes.
    let mut forged = card.to_string();
    let at = forged.len() - 40;
    forged.replace_range(at..at + 1, if &forged[at..at + 1] == "A" { "B" } else { "A" });
    fs::write(d.join("forged.json"), enrol_request(&forged)).unwrap();
    let refused = tool().current_dir(d).args(["enrol", "--key", "mps.key.pem", "--issuer", "MPS", "--request", "forged.json", "--register", "register.txt", "--out", "forged.txt"]).output().unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a genuine card"), "{}", String::from_utf8_lossy(&refused.stderr));
    assert!(!d.join("forged.txt").exists());

    // Requests that are not requests are refused in words, and nothing is written.
    for (body, said) in [
        ("not json".to_string(), "not JSON"),
        (serde_json::json!({ "card": card }).to_string(), "no \"device_key\""),
        (serde_json::json!({ "device_key": "!!", "card": card }).to_string(), "not base64url"),
        (serde_json::json!({ "device_key": warrant_core::token::encode(&[1; 31]), "card": card }).to_string(), "not an Ed25519 public key"),
    ] {
        fs::write(d.join("bad.json"), body).unwrap();
        let refused = tool().current_dir(d).args(["enrol", "--key", "mps.key.pem", "--issuer", "MPS", "--request", "bad.json", "--register", "register.txt", "--out", "bad.txt"]).output().unwrap();
        assert!(!refused.status.success());
        assert!(String::from_utf8_lossy(&refused.stderr).contains(said), "{said}: {}", String::from_utf8_lossy(&refused.stderr));
        assert!(!d.join("bad.txt").exists());
    }
}

#[test]
fn enrol_refuses_a_card_revoked_in_the_register_and_a_register_that_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let enrol = |register: &str, out: &str| {
        tool().current_dir(d).args(["enrol", "--key", "mps.key.pem", "--issuer", "MPS", "--request", "request.json", "--register", register, "--out", out]).output().unwrap()
    };
    let lost = issue(d, "Sam Jones", "Sergeant", "77");
    let kept = issue(d, "Jane Smith", "Police Constable", "1234");
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", &serial_of(&lost), "--note", "lost", "--out", "revocations.cose"]);

    fs::write(d.join("request.json"), enrol_request(lost.lines().last().unwrap())).unwrap();
    let refused = enrol("register.txt", "phone.txt");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{said}");
    assert!(said.contains(&format!("card {} is revoked in the force's register", serial_of(&lost))), "{said}");
    assert!(!d.join("phone.txt").exists());

    // A mistyped register is not taken for an empty one.
    let refused = enrol("registr.txt", "phone.txt");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("the revocation register registr.txt does not exist"), "{said}");
    assert!(!d.join("phone.txt").exists() && !d.join("registr.txt").exists());

    // The card that still stands is enrolled against the same register.
    fs::write(d.join("request.json"), enrol_request(kept.lines().last().unwrap())).unwrap();
    let enrolled = enrol("register.txt", "phone.txt");
    assert!(enrolled.status.success(), "{}", String::from_utf8_lossy(&enrolled.stderr));
    assert!(String::from_utf8_lossy(&enrolled.stdout).contains(&format!("(card {})", serial_of(&kept))));
}

#[test]
fn batch_refuses_a_name_a_spreadsheet_would_run_and_the_manifest_quotes_every_formula_cell() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let batch = |checker_address: &str, out_dir: &str| {
        tool()
            .current_dir(d)
            .args(["batch", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", checker_address, "--record", "issued.jsonl", "--csv", "staff.csv", "--expires", "2031-01-01", "--out-dir", out_dir])
            .output()
            .unwrap()
    };
    fs::write(d.join("staff.csv"), "name,rank,number,role\nJane Smith,Police Constable,1234,police-officer\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",Sergeant,12,police-officer\n").unwrap();
    let refused = batch("https://check.police.uk/", "out");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{said}");
    assert!(said.contains("line 3") && said.contains("name \"=HYPERLINK(") && said.contains("as a formula"), "{said}");
    for field in ["rank", "number"] {
        let row = if field == "rank" { "Jane Smith,@SUM(A1),1234,police-officer" } else { "Jane Smith,Sergeant,+1234,police-officer" };
        fs::write(d.join("staff.csv"), format!("name,rank,number,role\n{row}\n")).unwrap();
        let said = String::from_utf8(batch("https://check.police.uk/", "out").stderr).unwrap();
        assert!(said.contains(&format!("line 2: {field} ")) && said.contains("as a formula"), "{said}");
    }
    assert!(!d.join("out").exists());

    // A cell the tool makes itself (the QR text begins with the checker address as typed)
    // is written as text: no cell of the manifest begins a formula.
    fs::write(d.join("staff.csv"), "name,rank,number,role\nJane Smith,Police Constable,1234,police-officer\n").unwrap();
    let address = "=HYPERLINK(\"http://evil\",\"x\")/";
    assert!(batch(address, "out").status.success());
    let mut manifest = csv::Reader::from_path(d.join("out/manifest.csv")).unwrap();
    let headers = manifest.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (serial_column, qr_column) = (col("serial"), col("qr_text"));
    let rows: Vec<csv::StringRecord> = manifest.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    for cell in &rows[0] {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
    }
    let serial = &rows[0][serial_column];
    assert_eq!(format!("'{}", decode_png(&d.join("out/cards").join(format!("{serial}.png")))), &rows[0][qr_column]);
    assert!(rows[0][qr_column].starts_with(&format!("'{address}#")));
}

#[test]
fn issue_refuses_a_name_rank_or_number_a_spreadsheet_would_run_and_signs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    for (name, rank, number, field) in [
        ("=HYPERLINK(\"http://evil\",\"x\")", "Police Constable", "1234", "name"),
        ("Jane Smith", "+Sergeant", "1234", "rank"),
        ("Jane Smith", "Police Constable", "@12", "number"),
    ] {
        let out = tool()
            .current_dir(d)
            .args(["issue", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl",
                   "--name", name, "--rank", rank, "--number", number, "--role", "police-officer", "--expires", "2031-01-01", "--out-dir", "cards"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{field}: accepted");
        assert!(said.contains(&format!("{field} ")) && said.contains("as a formula"), "{said}");
    }
    assert!(!d.join("cards").exists(), "a refused card was written");
    let record = fs::read_to_string(d.join("issued.jsonl")).unwrap_or_default();
    assert!(record.trim().is_empty(), "a refused card was recorded: {record}");
}
