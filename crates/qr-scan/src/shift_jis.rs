//! Shift_JIS to Unicode, as browsers read it (the WHATWG Encoding Standard's decoder), for
//! Kanji segments and Shift_JIS bytes. The double-byte table is written at build time from
//! encoding_rs (`build.rs`), which a test checks this against for every byte pair.

include!(concat!(env!("OUT_DIR"), "/shift_jis_table.rs"));

use super::double_byte::{self, Alone};

/// The text of `bytes` in Shift_JIS; `None` if they are not valid in it.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let alone = |byte: u8| match byte {
        0x00..=0x80 => Alone::Char(char::from(byte)),
        // Half-width katakana.
        0xA1..=0xDF => Alone::Char(char::from_u32(0xFF61 + u32::from(byte - 0xA1)).expect("in the BMP")),
        0x81..=0x9F | 0xE0..=0xFC => Alone::Lead,
        _ => Alone::Invalid,
    };
    let pointer = |lead: u8, trail: u8| {
        let lead_offset = if lead < 0xA0 { 0x81 } else { 0xC1 };
        let trail_offset = match trail {
            0x40..=0x7E => 0x40,
            0x80..=0xFC => 0x41,
            _ => return None,
        };
        Some(usize::from(lead - lead_offset) * 188 + usize::from(trail - trail_offset))
    };
    double_byte::decode(bytes, alone, pointer, &CODE_POINTS)
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
        crate::double_byte::tests::every_byte_and_pair_as(decode, expected);
    }

    #[test]
    fn text() {
        assert_eq!(decode(b"\x8c\x78\x8e\x40 110 \xb6\xb0\xc4\xde").as_deref(), Some("警察 110 ｶｰﾄﾞ"));
        assert_eq!(decode(b"\x8c\x78\x8e"), None);
    }
}
