//! Codes made with each data mode people meet, drawn as a photo of them is and read back
//! through `scan`: numeric, alphanumeric, byte; byte with an ECI naming UTF-8, ISO-8859-1 or
//! Shift_JIS; Kanji; bytes with no ECI in UTF-8, Shift_JIS or ISO-8859-1. And codes with a
//! Hanzi segment, which no encoder here makes, crafted bit by bit: read when the segment is
//! GB 2312, refused whole (never read as the text before it) when it is of another subset.

use qr_scan::find_qr_text;
use qrcode::bits::Bits;
use qrcode::canvas::Canvas;
use qrcode::types::{Color, Version};
use qrcode::{ec, EcLevel, QrCode};

const VERSION: Version = Version::Normal(3);
const LEVEL: EcLevel = EcLevel::M;

/// A code's modules drawn 6 px each with a 4-module quiet zone, as in a sharp photo.
fn photo(modules: &[Color], width: usize) -> (usize, Vec<u8>) {
    const PX: usize = 6;
    let side = (width + 8) * PX;
    let pixels = (0..side * side)
        .map(|i| {
            let (x, y) = ((i % side / PX).wrapping_sub(4), (i / side / PX).wrapping_sub(4));
            let dark = x < width && y < width && modules[y * width + x] == Color::Dark;
            if dark { 20 } else { 235 }
        })
        .collect();
    (side, pixels)
}

/// The text read from a code made of the segments `push` writes.
fn read_back(push: impl FnOnce(&mut Bits) -> qrcode::types::QrResult<()>) -> Option<String> {
    let mut bits = Bits::new(VERSION);
    push(&mut bits).expect("the segments fit");
    bits.push_terminator(LEVEL).expect("room for the terminator");
    let code = QrCode::with_bits(bits, LEVEL).expect("a code");
    let (side, pixels) = photo(&code.to_colors(), code.width());
    find_qr_text(side, side, &pixels)
}

#[test]
fn numeric_alphanumeric_and_byte_segments() {
    let text = read_back(|b| {
        b.push_numeric_data(b"0123456789")?;
        b.push_alphanumeric_data(b"AD:SUB: $%*+-./")?;
        b.push_byte_data(b"lower case, too")
    });
    assert_eq!(text.as_deref(), Some("0123456789AD:SUB: $%*+-./lower case, too"));
}

#[test]
fn byte_segments_in_the_character_set_their_eci_names() {
    let utf8 = read_back(|b| {
        b.push_eci_designator(26)?;
        b.push_byte_data("Siân Llŷr, 東京".as_bytes())
    });
    assert_eq!(utf8.as_deref(), Some("Siân Llŷr, 東京"));
    let latin1 = read_back(|b| {
        b.push_eci_designator(3)?;
        b.push_byte_data(b"Ma\xeetre d'h\xf4tel \xa9")
    });
    assert_eq!(latin1.as_deref(), Some("Maître d'hôtel ©"));
    let shift_jis = read_back(|b| {
        b.push_eci_designator(20)?;
        b.push_byte_data(b"\x93\x8c\x8b\x9e\x93\x73 \x82\xb1\x82\xf1")
    });
    assert_eq!(shift_jis.as_deref(), Some("東京都 こん"));
    // Named as UTF-8 but not: unreadable, not read as something else.
    let false_utf8 = read_back(|b| {
        b.push_eci_designator(26)?;
        b.push_byte_data(b"caf\xe9")
    });
    assert_eq!(false_utf8, None);
}

#[test]
fn kanji_segments_read_as_unicode() {
    // 警察 (police) and 点茗 (the standard's example), in Shift_JIS, in Kanji mode.
    let text = read_back(|b| {
        b.push_kanji_data(b"\x8c\x78\x8e\x40\x93\x5f\xe4\xaa")?;
        b.push_alphanumeric_data(b" 110")
    });
    assert_eq!(text.as_deref(), Some("警察点茗 110"));
}

#[test]
fn bytes_with_no_eci_are_utf8_then_shift_jis_then_latin1() {
    let read = |bytes: &'static [u8]| read_back(|b| b.push_byte_data(bytes));
    assert_eq!(read("Grüß Gott".as_bytes()).as_deref(), Some("Grüß Gott"));
    assert_eq!(read(b"\x8c\x78\x8e\x40\x8f\x90").as_deref(), Some("警察署"));
    assert_eq!(read(b"H\xe9l\xe8ne").as_deref(), Some("Hélène"));
}

/// A code whose data codewords are `fields` (value, bits) then a terminator and padding,
/// as an encoder would make them.
fn crafted(fields: &[(u32, usize)]) -> Option<String> {
    let capacity = Bits::new(VERSION).max_len(LEVEL).expect("a version-3 capacity");
    let mut bits: Vec<u8> = fields.iter().flat_map(|&(value, n)| (0..n).rev().map(move |k| (value >> k & 1) as u8)).collect();
    assert!(bits.len() + 4 <= capacity);
    bits.extend([0; 4]);
    while bits.len() % 8 != 0 {
        bits.push(0);
    }
    let mut data: Vec<u8> = bits.chunks(8).map(|byte| byte.iter().fold(0, |acc, &b| acc << 1 | b)).collect();
    for pad in [0xEC, 0x11].into_iter().cycle().take(capacity / 8 - data.len()) {
        data.push(pad);
    }
    let (data, ecc) = ec::construct_codewords(&data, VERSION, LEVEL).expect("codewords");
    let mut canvas = Canvas::new(VERSION, LEVEL);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ecc);
    let width = VERSION.width() as usize;
    let (side, pixels) = photo(&canvas.apply_best_mask().into_colors(), width);
    find_qr_text(side, side, &pixels)
}

/// "AD:SUB:" in alphanumeric mode (version 1–9 counts: 9 bits).
fn alphanumeric_ad_sub() -> Vec<(u32, usize)> {
    let value = |c: u8| b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".iter().position(|&a| a == c).unwrap() as u32;
    let mut fields = vec![(0b0010, 4), (7, 9)];
    for pair in b"AD:SUB:".chunks(2) {
        fields.push(match pair {
            [a, b] => (value(*a) * 45 + value(*b), 11),
            [a] => (value(*a), 6),
            _ => unreachable!(),
        });
    }
    fields
}

#[test]
fn hanzi_segments_are_read_and_an_unknown_subset_is_refused_whole() {
    // The same crafted code with a byte segment where the Hanzi one will be is read: the
    // code is found and decoded, so what decides the next ones is their Hanzi segment.
    let mut readable = alphanumeric_ad_sub();
    readable.extend([(0b0100, 4), (2, 8), (u32::from(b'o'), 8), (u32::from(b'k'), 8)]);
    assert_eq!(crafted(&readable).as_deref(), Some("AD:SUB:ok"));
    // Hanzi mode (1101), GB 2312 subset (0001), two characters: 中 (GB 0xD6D0) and 国
    // (0xB9FA), 13 bits each (ISO/IEC 18004 has no Hanzi mode; GB/T 18284 adds it).
    // GB 2312 codes from 0xA1A1 to 0xAAFE less 0xA1A1, from 0xB0A1 less 0xA6A1; then the
    // high byte times 0x60 plus the low byte.
    let gb = |code: u32| {
        let offset = code - if code <= 0xAAFE { 0xA1A1 } else { 0xA6A1 };
        ((offset >> 8) * 0x60 + (offset & 0xFF), 13)
    };
    let mut hanzi = alphanumeric_ad_sub();
    hanzi.extend([(0b1101, 4), (0b0001, 4), (2, 8), gb(0xD6D0), gb(0xB9FA)]);
    assert_eq!(crafted(&hanzi).as_deref(), Some("AD:SUB:中国"));
    let mut first = vec![(0b1101, 4), (0b0001, 4), (1, 8), gb(0xD6D0)];
    first.extend(alphanumeric_ad_sub());
    assert_eq!(crafted(&first).as_deref(), Some("中AD:SUB:"));
    // A subset indicator other than GB 2312's: refused whole, before or after the text.
    let mut other = alphanumeric_ad_sub();
    other.extend([(0b1101, 4), (0b0010, 4), (2, 8), gb(0xD6D0), gb(0xB9FA)]);
    assert_eq!(crafted(&other), None);
    let mut other_first = vec![(0b1101, 4), (0b0010, 4), (1, 8), gb(0xD6D0)];
    other_first.extend(alphanumeric_ad_sub());
    assert_eq!(crafted(&other_first), None);
}
