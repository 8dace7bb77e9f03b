//! A QR code's data (its codewords after error correction) read as its segments: numeric,
//! alphanumeric, byte, Kanji and Hanzi, with ECI designators naming the character set of
//! the bytes that follow (ISO/IEC 18004:2015, 7.4; Hanzi: GB/T 18284-2000). All of it or
//! nothing: a segment of a mode not read here (FNC1, structured append, which holds only
//! part of a message; a reserved mode; Hanzi of a subset other than GB 2312), a count longer than the data, a value out of range or bytes invalid in
//! their character set make the code unreadable. Text read before such a segment is never
//! given as if it were the whole.

use super::charset::Charset;

/// The text a code of `version` holds in its data codewords `data`; `None` unless every
/// segment reads, or if it holds no text.
pub fn text(version: usize, data: &[u8]) -> Option<String> {
    let mut bits = Bits { data, at: 0 };
    let mut pieces = Pieces::default();
    let mut charset = Charset::Unnamed;
    // Fewer than four bits left is the end, with or without a terminator.
    while bits.left() >= 4 {
        match bits.take(4)? {
            0b0000 => break,
            0b0001 => numeric(&mut bits, version, &mut pieces, charset)?,
            0b0010 => alphanumeric(&mut bits, version, &mut pieces, charset)?,
            0b0100 => {
                let count = bits.take(count_bits(version, [8, 16, 16]))?;
                for _ in 0..count {
                    pieces.push(charset, bits.take(8)? as u8);
                }
            }
            0b1000 => kanji(&mut bits, version, &mut pieces)?,
            0b1101 => hanzi(&mut bits, version, &mut pieces)?,
            0b0111 => charset = Charset::of_eci(eci_designator(&mut bits)?)?,
            // FNC1 (0b0101, 0b1001), structured append (0b0011), reserved.
            _ => return None,
        }
    }
    let text = pieces.decode()?;
    (!text.is_empty()).then_some(text)
}

/// The data's bits, most significant first.
struct Bits<'a> {
    data: &'a [u8],
    at: usize,
}

impl Bits<'_> {
    fn left(&self) -> usize {
        self.data.len() * 8 - self.at
    }

    /// The next `n` bits (at most 32) as a number; `None` past the end.
    fn take(&mut self, n: usize) -> Option<u32> {
        if n > self.left() {
            return None;
        }
        let mut value = 0u32;
        for _ in 0..n {
            let bit = self.data[self.at / 8] >> (7 - self.at % 8) & 1;
            value = value << 1 | u32::from(bit);
            self.at += 1;
        }
        Some(value)
    }
}

/// Bits of a segment's character count: `by_range` for versions 1–9, 10–26 and 27–40.
fn count_bits(version: usize, by_range: [usize; 3]) -> usize {
    by_range[match version {
        ..=9 => 0,
        10..=26 => 1,
        _ => 2,
    }]
}

/// Digits in groups of three (10 bits), then two (7) or one (4).
fn numeric(bits: &mut Bits, version: usize, pieces: &mut Pieces, charset: Charset) -> Option<()> {
    let mut count = bits.take(count_bits(version, [10, 12, 14]))? as usize;
    while count > 0 {
        let digits = count.min(3);
        let value = bits.take([4, 7, 10][digits - 1])?;
        if value >= [10, 100, 1000][digits - 1] {
            return None;
        }
        for k in (0..digits).rev() {
            pieces.push(charset, b'0' + (value / 10u32.pow(k as u32) % 10) as u8);
        }
        count -= digits;
    }
    Some(())
}

/// The 45 characters of alphanumeric mode, in pairs (11 bits), then one (6).
fn alphanumeric(bits: &mut Bits, version: usize, pieces: &mut Pieces, charset: Charset) -> Option<()> {
    const CHARACTERS: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    let mut count = bits.take(count_bits(version, [9, 11, 13]))? as usize;
    while count > 0 {
        let (n, value) = if count >= 2 { (2, bits.take(11)? as usize) } else { (1, bits.take(6)? as usize) };
        if value >= 45usize.pow(n as u32) {
            return None;
        }
        if n == 2 {
            pieces.push(charset, CHARACTERS[value / 45]);
        }
        pieces.push(charset, CHARACTERS[value % 45]);
        count -= n;
    }
    Some(())
}

/// Shift_JIS double-byte characters, 13 bits each (ISO/IEC 18004:2015, 7.4.6).
fn kanji(bits: &mut Bits, version: usize, pieces: &mut Pieces) -> Option<()> {
    let count = bits.take(count_bits(version, [8, 10, 12]))?;
    for _ in 0..count {
        let value = bits.take(13)?;
        let packed = (value / 0xC0) << 8 | value % 0xC0;
        let code = if packed + 0x8140 <= 0x9FFC { packed + 0x8140 } else { packed + 0xC140 };
        pieces.push(Charset::ShiftJis, (code >> 8) as u8);
        pieces.push(Charset::ShiftJis, code as u8);
    }
    Some(())
}

/// GB 2312 double-byte characters, 13 bits each, after a subset indicator (GB/T 18284-2000;
/// 0001, GB 2312, is the only subset in use): rows 0xA1–0xAA and 0xB0–0xF7 packed as
/// Kanji mode packs Shift_JIS, 0x60 to a row.
fn hanzi(bits: &mut Bits, version: usize, pieces: &mut Pieces) -> Option<()> {
    const GB2312_SUBSET: u32 = 0b0001;
    if bits.take(4)? != GB2312_SUBSET {
        return None;
    }
    let count = bits.take(count_bits(version, [8, 10, 12]))?;
    for _ in 0..count {
        let value = bits.take(13)?;
        let packed = (value / 0x60) << 8 | value % 0x60;
        let code = packed + if packed < 0x0A00 { 0xA1A1 } else { 0xA6A1 };
        pieces.push(Charset::Gb2312, (code >> 8) as u8);
        pieces.push(Charset::Gb2312, code as u8);
    }
    Some(())
}

/// An ECI designator: 7, 14 or 21 bits, after a prefix of 0, 10 or 110.
fn eci_designator(bits: &mut Bits) -> Option<u32> {
    let first = bits.take(8)?;
    match first {
        0x00..=0x7F => Some(first),
        0x80..=0xBF => Some((first & 0x3F) << 8 | bits.take(8)?),
        0xC0..=0xDF => Some((first & 0x1F) << 16 | bits.take(16)?),
        _ => None,
    }
}

/// The bytes read so far, in runs of one character set each.
#[derive(Default)]
struct Pieces(Vec<(Charset, Vec<u8>)>);

impl Pieces {
    fn push(&mut self, charset: Charset, byte: u8) {
        match self.0.last_mut() {
            Some((last, bytes)) if *last == charset => bytes.push(byte),
            _ => self.0.push((charset, vec![byte])),
        }
    }

    fn decode(&self) -> Option<String> {
        self.0.iter().map(|(charset, bytes)| charset.decode(bytes)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Data codewords from segments given as (value, bits), zero-padded to whole bytes.
    fn codewords(fields: &[(u32, usize)]) -> Vec<u8> {
        let mut bits: Vec<u8> = fields.iter().flat_map(|&(value, n)| (0..n).rev().map(move |k| (value >> k & 1) as u8)).collect();
        while bits.len() % 8 != 0 {
            bits.push(0);
        }
        bits.chunks(8).map(|byte| byte.iter().fold(0, |acc, &b| acc << 1 | b)).collect()
    }

    #[test]
    fn numeric_alphanumeric_and_byte_segments_in_one_code() {
        // "01234567" numeric, "AC-42" alphanumeric (ISO/IEC 18004 annex I examples), "é" bytes.
        let data = codewords(&[
            (0b0001, 4), (8, 10), (12, 10), (345, 10), (67, 7),
            (0b0010, 4), (5, 9), (10 * 45 + 12, 11), (41 * 45 + 4, 11), (2, 6),
            (0b0100, 4), (2, 8), (0xC3, 8), (0xA9, 8),
            (0, 4),
        ]);
        assert_eq!(text(1, &data).as_deref(), Some("01234567AC-42é"));
    }

    #[test]
    fn count_lengths_follow_the_version() {
        let byte = |count_bits: usize| codewords(&[(0b0100, 4), (1, count_bits), (b'x'.into(), 8)]);
        assert_eq!(text(9, &byte(8)).as_deref(), Some("x"));
        assert_eq!(text(10, &byte(16)).as_deref(), Some("x"));
        assert_eq!(text(27, &byte(16)).as_deref(), Some("x"));
        let numeric = |count_bits: usize| codewords(&[(0b0001, 4), (1, count_bits), (7, 4)]);
        assert_eq!(text(27, &numeric(14)).as_deref(), Some("7"));
        assert_eq!(text(26, &numeric(12)).as_deref(), Some("7"));
    }

    #[test]
    fn eci_names_the_character_set_of_the_bytes_after_it() {
        let bytes = |eci: u32, eci_bits: usize, content: &[u8]| {
            let mut fields = vec![(0b0111, 4), (eci, eci_bits), (0b0100, 4), (content.len() as u32, 8)];
            fields.extend(content.iter().map(|&b| (u32::from(b), 8)));
            codewords(&fields)
        };
        assert_eq!(text(1, &bytes(3, 8, b"Zo\xeb")).as_deref(), Some("Zoë"));
        assert_eq!(text(1, &bytes(26, 8, "Zoë".as_bytes())).as_deref(), Some("Zoë"));
        assert_eq!(text(1, &bytes(20, 8, b"\x93\xfa\x96\x7b")).as_deref(), Some("日本"));
        // The same designator in two bytes (prefix 10).
        assert_eq!(text(1, &bytes(0x8000 | 26, 16, "Zoë".as_bytes())).as_deref(), Some("Zoë"));
        // UTF-8 named but not valid; a character set not read here (Big5).
        assert_eq!(text(1, &bytes(26, 8, b"Zo\xeb")), None);
        assert_eq!(text(1, &bytes(28, 8, b"\xa4\xa4")), None);
    }

    #[test]
    fn kanji_segments_are_read_as_unicode() {
        // 点 is Shift_JIS 0x935F and 茗 0xE4AA (the standard's examples, 7.4.6).
        let data = codewords(&[(0b1000, 4), (2, 8), (0x0D9F, 13), (0x1AAA, 13), (0, 4)]);
        assert_eq!(text(1, &data).as_deref(), Some("点茗"));
    }

    #[test]
    fn hanzi_segments_are_read_as_unicode() {
        // 中 is GB 2312 0xD6D0: 0xD6D0 − 0xA6A1 = 0x302F, 0x30 × 0x60 + 0x2F = 4655. 、 is
        // 0xA1A2, in the first rows: 0xA1A2 − 0xA1A1 = 1.
        let data = codewords(&[(0b1101, 4), (0b0001, 4), (2, 8), (4655, 13), (1, 13), (0, 4)]);
        assert_eq!(text(1, &data).as_deref(), Some("中、"));
        // The count is as long as Kanji mode's: 10 bits from version 10.
        let data = codewords(&[(0b1101, 4), (0b0001, 4), (1, 10), (4655, 13), (0, 4)]);
        assert_eq!(text(10, &data).as_deref(), Some("中"));
        // Values that land where GB 2312 has no character: row 0xAA, which it leaves empty;
        // a column past 0xFE (0x5F in a row of 0x60).
        for nothing in [(0xAA - 0xA1) * 0x60, 0x5F] {
            assert_eq!(text(1, &codewords(&[(0b1101, 4), (0b0001, 4), (1, 8), (nothing, 13)])), None, "{nothing}");
        }
    }

    #[test]
    fn a_mode_not_read_here_refuses_the_whole_code() {
        let before = [(0b0010, 4), (2, 9), (10 * 45 + 12, 11)];
        // Hanzi of a subset other than GB 2312, after readable text: never the text before
        // it alone.
        let hanzi = [&before[..], &[(0b1101, 4), (0b0010, 4), (1, 8), (4655, 13), (0, 4)]].concat();
        assert_eq!(text(1, &codewords(&before)).as_deref(), Some("AC"));
        assert_eq!(text(1, &codewords(&hanzi)), None);
        for mode in [0b0011, 0b0101, 0b1001, 0b0110, 0b1010, 0b1111] {
            let data = codewords(&[&before[..], &[(mode, 4), (0xFFFF, 16)]].concat());
            assert_eq!(text(1, &data), None, "mode {mode:04b}");
        }
    }

    #[test]
    fn short_or_out_of_range_data_is_refused() {
        // Five bytes promised, one given; digits "999" as 1000; an alphanumeric pair past 45².
        assert_eq!(text(1, &codewords(&[(0b0100, 4), (5, 8), (b'x'.into(), 8)])), None);
        assert_eq!(text(1, &codewords(&[(0b0001, 4), (3, 10), (1000, 10)])), None);
        assert_eq!(text(1, &codewords(&[(0b0010, 4), (2, 9), (2025, 11)])), None);
        // An ECI designator with the reserved prefix 111.
        assert_eq!(text(1, &codewords(&[(0b0111, 4), (0xE0, 8), (0b0100, 4), (0, 8)])), None);
        // Nothing but a terminator: no text.
        assert_eq!(text(1, &codewords(&[(0, 4)])), None);
        assert_eq!(text(1, &[]), None);
    }

    #[test]
    fn padding_after_the_terminator_is_not_read() {
        let mut data = codewords(&[(0b0100, 4), (1, 8), (b'x'.into(), 8), (0, 4)]);
        data.extend([0xEC, 0x11, 0xEC]);
        assert_eq!(text(1, &data).as_deref(), Some("x"));
    }
}
