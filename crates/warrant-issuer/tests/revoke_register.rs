//! The revocation register is plain text a person can read and edit, one serial per line:
//! nothing given to `revoke` may add a line, and a line the tool cannot read exactly stops
//! it, by number, rather than being guessed at.

mod common;

use std::fs;
use std::path::Path;

use common::{one_force, run_ok, tool};

const FIRST: &str = "0a0b0c0d0e0f1011";
const INJECTED: &str = "deadbeefdeadbeef";

fn revoke(dir: &Path, serial: &str, note: &str) -> std::process::Output {
    tool()
        .current_dir(dir)
        .args(["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", serial, "--note", note, "--out", "revocations.cose"])
        .output()
        .unwrap()
}

/// Expects `revoke` to refuse (exit 2), leaving the register and the list as they were;
/// returns what it said.
fn refused_leaving_files_alone(dir: &Path, serial: &str, note: &str) -> String {
    let read = |name: &str| fs::read(dir.join(name)).ok();
    let before = (read("register.txt"), read("revocations.cose"));
    let out = revoke(dir, serial, note);
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "expected a refusal, got {said}");
    assert_eq!((read("register.txt"), read("revocations.cose")), before, "files changed by a refused revoke");
    said
}

#[test]
fn a_note_with_a_line_break_or_other_control_character_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", FIRST, "--note", "lost", "--out", "revocations.cose"]);
    let injections = [
        format!("lost\n{INJECTED}"),
        format!("lost\r\n{INJECTED}"),
        format!("lost\r{INJECTED}"),
        "stolen\nfrom a car".to_string(),
        format!("lost\u{2028}{INJECTED}"),
        "lost\u{1b}[2J".to_string(),
    ];
    for note in &injections {
        let said = refused_leaving_files_alone(d, "1213141516171819", note);
        assert!(said.contains("the note has a control character"), "{note:?}: {said}");
    }
    // The register still reads, and later revokes work.
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", "1213141516171819", "--note", "lost 2026-11-20", "--out", "revocations.cose"]);
    let register = fs::read_to_string(d.join("register.txt")).unwrap();
    assert_eq!(register, format!("{FIRST}  # lost\n1213141516171819  # lost 2026-11-20\n"));
}

#[test]
fn a_register_line_that_cannot_be_read_exactly_is_named_and_nothing_is_signed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    one_force(d);
    let cases = [
        // A lone carriage return, which an editor shows as a break but a reader of lines does not.
        (format!("{FIRST}  # lost\r{INJECTED}\n"), "line 1: control character U+000D"),
        // What a note with a line break used to leave: its second half as a line of its own.
        (format!("{FIRST}  # stolen\nfrom a car\n"), "line 2: not a card serial"),
        (format!("# register\n{FIRST}\n+a+b+c+d\n"), "line 3: not a card serial"),
    ];
    for (text, named) in cases {
        fs::write(d.join("register.txt"), &text).unwrap();
        let said = refused_leaving_files_alone(d, "1213141516171819", "lost");
        assert!(said.contains("the register register.txt") && said.contains(named), "{text:?}: {said}");
        assert!(!d.join("revocations.cose").exists());
    }
}
