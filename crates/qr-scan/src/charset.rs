//! From a QR code's bytes to text. A byte segment's character set is named by the ECI
//! before it, if any; Kanji segments are Shift_JIS and Hanzi segments GB 2312 whatever the
//! ECI. Bytes that do not
//! decode in their character set, or a character set not known here, give no text: the
//! code is then unreadable, never read as something else.

use super::{gb2312, shift_jis};

/// How a run of bytes is to be read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Charset {
    /// No ECI named one: see `guessed`.
    Unnamed,
    Latin1,
    ShiftJis,
    Gb2312,
    Utf8,
    Ascii,
}

impl Charset {
    /// The character set an ECI designator names, among those people meet in QR codes;
    /// `None` for any other (the code is then refused, not guessed at).
    pub fn of_eci(designator: u32) -> Option<Charset> {
        match designator {
            // 1 is ISO-8859-1 in the 1999 edition of the standard, 3 since.
            1 | 3 => Some(Charset::Latin1),
            20 => Some(Charset::ShiftJis),
            26 => Some(Charset::Utf8),
            // AIM's "GB 2312" designator. Read as GB 2312 itself, not as a superset: a
            // character outside it makes the code unreadable, never another text.
            29 => Some(Charset::Gb2312),
            27 | 170 => Some(Charset::Ascii),
            _ => None,
        }
    }

    /// The text of `bytes` in this character set, if they are valid in it.
    pub fn decode(self, bytes: &[u8]) -> Option<String> {
        match self {
            Charset::Unnamed => guessed(bytes),
            Charset::Latin1 => Some(latin1(bytes)),
            Charset::ShiftJis => shift_jis::decode(bytes),
            Charset::Gb2312 => gb2312::decode(bytes),
            Charset::Utf8 => String::from_utf8(bytes.to_vec()).ok(),
            Charset::Ascii => bytes.is_ascii().then(|| latin1(bytes)),
        }
    }
}

/// Bytes with no ECI. The standard's default is ISO-8859-1, but most encoders (phones'
/// apps, libraries) write UTF-8 without saying so, and Japanese ones Shift_JIS; ZXing reads
/// them the same way. So:
/// 1. valid UTF-8 is UTF-8 (Latin-1 text with accents is almost never valid UTF-8);
/// 2. else Shift_JIS, if the bytes decode in it cleanly and either hold a byte from 0x80
///    to 0x9F (control characters in ISO-8859-1, never in text; in Shift_JIS they begin
///    every kana and common kanji) or a word of three or more half-width katakana (single
///    bytes 0xA1–0xDF: "ﾃﾞｻﾞｲﾝ" is "ÃÞ»Þ²Ý" in ISO-8859-1, three accented capitals or
///    signs in a row that Latin-1 text does not have; ZXing's guess asks the same);
/// 3. else ISO-8859-1, if no byte is such a control character;
/// 4. else none: text in some other character set, which cannot be told.
///
/// Latin-1 text such as "Hélène" is also valid Shift_JIS (two rare kanji), which is why
/// step 2 asks for those signs rather than trying Shift_JIS first.
fn guessed(bytes: &[u8]) -> Option<String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let has_controls = bytes.iter().any(|b| (0x80..=0x9F).contains(b));
    if has_controls {
        shift_jis::decode(bytes)
    } else if longest_katakana_word(bytes) >= 3 {
        shift_jis::decode(bytes).or_else(|| Some(latin1(bytes)))
    } else {
        Some(latin1(bytes))
    }
}

/// The most half-width katakana in a row when `bytes` are read as Shift_JIS (a lead byte
/// 0x81–0x9F or 0xE0–0xFC takes the byte after it with it, and ends a word).
fn longest_katakana_word(bytes: &[u8]) -> usize {
    let (mut longest, mut word, mut i) = (0, 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            0xA1..=0xDF => {
                word += 1;
                longest = longest.max(word);
            }
            0x81..=0x9F | 0xE0..=0xFC => {
                word = 0;
                i += 1;
            }
            _ => word = 0,
        }
        i += 1;
    }
    longest
}

/// ISO-8859-1: each byte is the code point of the same number.
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_character_sets() {
        assert_eq!(Charset::of_eci(26).unwrap().decode("Zoë".as_bytes()).as_deref(), Some("Zoë"));
        assert_eq!(Charset::of_eci(26).unwrap().decode(b"Zo\xeb"), None);
        assert_eq!(Charset::of_eci(3).unwrap().decode(b"Zo\xeb").as_deref(), Some("Zoë"));
        assert_eq!(Charset::of_eci(1), Charset::of_eci(3));
        assert_eq!(Charset::of_eci(20).unwrap().decode(b"\x93\xfa\x96\x7b").as_deref(), Some("日本"));
        assert_eq!(Charset::of_eci(20).unwrap().decode(b"\x93"), None);
        assert_eq!(Charset::of_eci(29).unwrap().decode(b"\xd6\xd0\xce\xc4").as_deref(), Some("中文"));
        assert_eq!(Charset::of_eci(29).unwrap().decode(b"\xd6"), None);
        assert_eq!(Charset::of_eci(27).unwrap().decode(b"abc").as_deref(), Some("abc"));
        assert_eq!(Charset::of_eci(27).unwrap().decode(b"\xe9"), None);
        // Code page 437, ISO-8859-2, Big5, binary: not read here.
        for unknown in [0, 2, 4, 28, 899] {
            assert_eq!(Charset::of_eci(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn unnamed_bytes_are_utf8_then_shift_jis_then_latin1() {
        let read = |bytes: &[u8]| Charset::Unnamed.decode(bytes);
        assert_eq!(read("Grüße, 日本".as_bytes()).as_deref(), Some("Grüße, 日本"));
        // Shift_JIS: kana and common kanji begin with bytes Latin-1 text never holds.
        assert_eq!(read(b"\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd").as_deref(), Some("こんにちは"));
        assert_eq!(read(b"\x93\x8c\x8b\x9e").as_deref(), Some("東京"));
        // Latin-1, though "Hélène" is also valid Shift_JIS.
        assert_eq!(read(b"H\xe9l\xe8ne").as_deref(), Some("Hélène"));
        assert_eq!(read(b"M\xfcller").as_deref(), Some("Müller"));
        // Half-width katakana alone ("ﾃﾞｻﾞｲﾝQR", Japanese "design" codes): no byte 0x80–0x9F.
        assert_eq!(read(b"*\xc3\xde\xbb\xde\xb2\xdd\x51\x52*").as_deref(), Some("*ﾃﾞｻﾞｲﾝQR*"));
        // Two such bytes in a row are still Latin-1 ("ÀÉ"), as are capitals apart.
        assert_eq!(read(b"\xc0\xc9 \xc9T\xc9").as_deref(), Some("ÀÉ ÉTÉ"));
        assert_eq!(read(b"\xc4RGER \xdcBER \xd6L").as_deref(), Some("ÄRGER ÜBER ÖL"));
        // Windows-1252 quotes (control characters in Latin-1), not valid Shift_JIS: refused.
        assert_eq!(read(b"\x93quoted\x94 \xe9"), None);
    }
}
