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

/// The trust list with one force, MPS, whose key is `mps.pub.pem` in `dir` (made by any
/// tool), signed by a new root key: as the national body would make it.
pub fn trust_list_for_mps(dir: &Path) {
    run_ok(dir, &["keygen", "root"]);
    fs::write(
        dir.join("forces.json"),
        r#"{"forces":[{"id":"MPS","name":"Metropolitan Police Service","keys":[{"public_key":"mps.pub.pem","not_before":"2020-01-01","not_after":"2040-01-01"}]}]}"#,
    )
    .unwrap();
    run_ok(dir, &["trust-list", "--root-key", "root.key.pem", "--forces", "forces.json", "--out", "trust.cose"]);
}

/// Keys made by the tool and a trust list with one force, MPS.
pub fn one_force(dir: &Path) {
    run_ok(dir, &["keygen", "mps"]);
    trust_list_for_mps(dir);
}

/// Issues one card with `mps.key.pem` into `dir/cards`; the tool's output, whose last line
/// is the card's QR text.
pub fn issue(dir: &Path, name: &str, rank: &str, number: &str) -> String {
    run_ok(
        dir,
        &["issue", "--key", "mps.key.pem", "--issuer", "MPS", "--checker-address", "https://check.police.uk/", "--record", "issued.jsonl",
          "--name", name, "--rank", rank, "--number", number, "--role", "police-officer", "--expires", "2031-01-01", "--out-dir", "cards"],
    )
}

/// The serial (hex) in `issue`'s output, its second word ("serial <hex>, QR version …").
pub fn serial_of(issued: &str) -> String {
    issued.split_whitespace().nth(1).unwrap().trim_end_matches(',').to_string()
}

/// The key of the officer's phone in enrolment tests (on a phone it is a non-extractable
/// WebCrypto key; here, a fixed test key).
pub fn phone_key() -> warrant_core::SigningKey {
    warrant_core::SigningKey::from_bytes(&[42; 32])
}

/// The phone's enrolment request for `card` (its QR text), as the officer page makes it.
pub fn enrol_request(card: &str) -> String {
    serde_json::json!({ "device_key": warrant_core::token::encode(phone_key().verifying_key().as_bytes()), "card": card }).to_string()
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

/// Reads the check code printed under the QR code in a card's PNG, character by character:
/// the band of ink below the code is cut into the font's cells, and each cell must be
/// exactly one character of the alphabet as the 10×20 fixed font draws it, at 3 pixels a
/// font pixel. Fails the test if the band is blank or any cell is not a character.
pub fn read_check_code_from_png(path: &Path) -> String {
    const SCALE: usize = 3;
    const CELL: (usize, usize) = (10, 20);
    const CHARS: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ-";
    let (w, h, dark) = png_pixels(path);
    let ink_row = |y: usize| (0..w).any(|x| dark[y * w + x]);
    // The text is the last run of rows with ink, below a white gap after the QR code.
    let bottom = (0..h).rev().find(|&y| ink_row(y)).unwrap_or_else(|| panic!("{}: blank", path.display()));
    let top = (0..=bottom).rev().take_while(|&y| ink_row(y)).last().unwrap();
    assert!(top > 0 && !ink_row(top - 1), "{}: no white gap above the text", path.display());
    let left = (0..w).find(|&x| (top..=bottom).any(|y| dark[y * w + x])).unwrap();
    // Down to font pixels, on the grid the ink's top-left corner lies on.
    let (sw, sh) = ((w - left % SCALE) / SCALE, (h - top % SCALE) / SCALE);
    let small = |x: usize, y: usize| dark[(y * SCALE + top % SCALE) * w + x * SCALE + left % SCALE];
    let templates: Vec<(char, Vec<bool>)> = CHARS.chars().map(|c| (c, glyph(c))).collect();
    let (ink_x, ink_y) = (left / SCALE, top / SCALE);
    for cy in ink_y.saturating_sub(CELL.1 - 1)..=ink_y {
        'cell: for cx in ink_x.saturating_sub(CELL.0 - 1)..=ink_x {
            let mut text = String::new();
            for i in 0.. {
                let x0 = cx + i * CELL.0;
                if x0 + CELL.0 > sw || cy + CELL.1 > sh {
                    break;
                }
                let cell: Vec<bool> = (0..CELL.1).flat_map(|y| (0..CELL.0).map(move |x| (x0 + x, cy + y))).map(|(x, y)| small(x, y)).collect();
                if !cell.contains(&true) {
                    break;
                }
                match templates.iter().find(|(_, t)| *t == cell) {
                    Some((c, _)) => text.push(*c),
                    None => continue 'cell,
                }
            }
            if !text.is_empty() {
                return text;
            }
        }
    }
    panic!("{}: the band under the QR code does not read as characters of the font", path.display());
}

/// A 1-bit PNG as (width, height, dark pixels).
pub fn png_pixels(path: &Path) -> (usize, usize, Vec<bool>) {
    let decoder = png::Decoder::new(fs::File::open(path).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.bit_depth, png::BitDepth::One);
    let (w, h) = (info.width as usize, info.height as usize);
    let dark = (0..w * h).map(|i| buf[(i / w) * info.line_size + (i % w) / 8] & (0x80 >> (i % w % 8)) == 0).collect();
    (w, h, dark)
}

/// One character as the 10×20 fixed font draws it, a bool per pixel.
fn glyph(c: char) -> Vec<bool> {
    use embedded_graphics::mono_font::{ascii::FONT_10X20, MonoTextStyle};
    use embedded_graphics::pixelcolor::BinaryColor;
    use embedded_graphics::prelude::*;
    use embedded_graphics::text::{Baseline, Text};

    struct Cell(Vec<bool>);
    impl OriginDimensions for Cell {
        fn size(&self) -> Size {
            Size::new(10, 20)
        }
    }
    impl DrawTarget for Cell {
        type Color = BinaryColor;
        type Error = std::convert::Infallible;
        fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(&mut self, pixels: I) -> Result<(), Self::Error> {
            for Pixel(p, color) in pixels {
                if (0..10).contains(&p.x) && (0..20).contains(&p.y) {
                    self.0[p.y as usize * 10 + p.x as usize] = color.is_on();
                }
            }
            Ok(())
        }
    }
    let mut cell = Cell(vec![false; 200]);
    let Ok(_) = Text::with_baseline(&c.to_string(), Point::zero(), MonoTextStyle::new(&FONT_10X20, BinaryColor::On), Baseline::Top).draw(&mut cell);
    cell.0
}
