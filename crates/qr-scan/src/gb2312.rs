//! GB 2312 (as EUC-CN bytes) to Unicode, for Hanzi segments and bytes an ECI names GB 2312.
//! The table is written at build time from encoding_rs (`build.rs`), which a test checks
//! this against for every byte pair.

include!(concat!(env!("OUT_DIR"), "/gb2312_table.rs"));

use super::double_byte::{self, Alone};

/// The text of `bytes` in GB 2312; `None` if they are not valid in it.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let alone = |byte: u8| match byte {
        0x00..=0x7F => Alone::Char(char::from(byte)),
        0xA1..=0xFE => Alone::Lead,
        _ => Alone::Invalid,
    };
    let pointer = |lead: u8, trail: u8| (0xA1..=0xFE).contains(&trail).then(|| usize::from(lead - 0xA1) * 94 + usize::from(trail - 0xA1));
    double_byte::decode(bytes, alone, pointer, &CODE_POINTS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GBK;

    /// GBK's reading, where it is also GB 2312's: both bytes 0xA1–0xFE, and not one of the
    /// private-use characters GBK gives GB 2312's empty rows.
    fn expected(bytes: &[u8]) -> Option<String> {
        let in_gb2312 = match bytes {
            [b] => b.is_ascii(),
            [a, b] => (0xA1..=0xFE).contains(a) && (0xA1..=0xFE).contains(b) || a.is_ascii() && b.is_ascii(),
            _ => unreachable!(),
        };
        let text = GBK.decode_without_bom_handling_and_without_replacement(bytes)?.into_owned();
        (in_gb2312 && !text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c))).then_some(text)
    }

    #[test]
    fn every_byte_and_byte_pair_reads_as_gbk_reads_gb2312() {
        crate::double_byte::tests::every_byte_and_pair_as(decode, expected);
    }

    #[test]
    fn text() {
        assert_eq!(decode(b"\xbe\xaf\xb2\xec 110").as_deref(), Some("警察 110"));
        assert_eq!(decode(b"\xbe\xaf\xb2"), None);
        // A pair GBK has and GB 2312 has not.
        assert_eq!(decode(b"\x81\x40"), None);
    }
}
