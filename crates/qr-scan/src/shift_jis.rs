//! Shift_JIS to Unicode, as browsers read it (the WHATWG Encoding Standard's decoder), for
//! Kanji segments and Shift_JIS bytes. The double-byte table is written at build time from
//! encoding_rs (`build.rs`), which a test checks this against for every byte pair.

include!(concat!(env!("OUT_DIR"), "/shift_jis_table.rs"));

/// The text of `bytes` in Shift_JIS; `None` if they are not valid in it.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut bytes = bytes.iter().copied();
    while let Some(byte) = bytes.next() {
        let c = match byte {
            0x00..=0x80 => char::from(byte),
            // Half-width katakana.
            0xA1..=0xDF => char::from_u32(0xFF61 + u32::from(byte - 0xA1))?,
            0x81..=0x9F | 0xE0..=0xFC => {
                let trail = bytes.next()?;
                let lead_offset = if byte < 0xA0 { 0x81 } else { 0xC1 };
                let trail_offset = match trail {
                    0x40..=0x7E => 0x40,
                    0x80..=0xFC => 0x41,
                    _ => return None,
                };
                let pointer = usize::from(byte - lead_offset) * 188 + usize::from(trail - trail_offset);
                match CODE_POINTS[pointer] {
                    0 => return None,
                    code_point => char::from_u32(u32::from(code_point))?,
                }
            }
            _ => return None,
        };
        text.push(c);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::SHIFT_JIS;

    fn expected(bytes: &[u8]) -> Option<String> {
        SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes).map(|text| text.into_owned())
    }

    #[test]
    fn every_byte_and_byte_pair_reads_as_encoding_rs_reads_it() {
        for first in 0..=255u8 {
            assert_eq!(decode(&[first]), expected(&[first]), "{first:02x}");
            for second in 0..=255u8 {
                assert_eq!(decode(&[first, second]), expected(&[first, second]), "{first:02x} {second:02x}");
            }
        }
    }

    #[test]
    fn text() {
        assert_eq!(decode(b"\x8c\x78\x8e\x40 110 \xb6\xb0\xc4\xde").as_deref(), Some("警察 110 ｶｰﾄﾞ"));
        assert_eq!(decode(b"\x8c\x78\x8e"), None);
    }
}
