//! What every test of the tool needs: the built binary, and other programs it must work with.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

pub fn tool() -> Command {
    Command::cargo_bin("warrant-issuer").unwrap()
}

/// Runs the tool in `dir` and returns its standard output, failing the test on any error.
pub fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = tool().current_dir(dir).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs another program (openssl, python3) in `dir` and returns its standard output.
/// A missing program fails the test by name: these tests exist to prove interoperability,
/// so they must not pass by skipping. `scripts/setup.sh` installs them.
pub fn run_external(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = match std::process::Command::new(program).current_dir(dir).args(args).output() {
        Ok(out) => out,
        Err(e) => panic!("cannot run `{program}` ({e}); install it with scripts/setup.sh"),
    };
    assert!(out.status.success(), "`{program} {args:?}` failed (if a program or Python module is missing, scripts/setup.sh installs it): {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
