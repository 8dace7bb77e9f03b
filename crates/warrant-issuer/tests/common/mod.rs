//! What every test of the tool needs: the built binary, and other programs it must work with.
#![allow(dead_code)]

use std::fs;
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

/// Decodes the QR code in a PNG the tool wrote, as a camera would see the printed card.
pub fn decode_png(path: &Path) -> String {
    let decoder = png::Decoder::new(fs::File::open(path).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.bit_depth, png::BitDepth::One);
    let (w, h) = (info.width as usize, info.height as usize);
    let luma: Vec<u8> = (0..w * h)
        .map(|i| {
            let (x, y) = (i % w, i / w);
            if buf[y * info.line_size + x / 8] & (0x80 >> (x % 8)) != 0 { 255 } else { 0 }
        })
        .collect();
    let mut decoder = quircs::Quirc::default();
    let codes: Vec<_> = decoder.identify(w, h, &luma).collect();
    assert_eq!(codes.len(), 1, "{}", path.display());
    String::from_utf8(codes[0].as_ref().unwrap().decode().unwrap().payload).unwrap()
}
