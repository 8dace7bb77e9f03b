//! GB 2312 (as EUC-CN bytes) to Unicode, for Hanzi segments and bytes an ECI names GB 2312.
//! The table is written at build time from encoding_rs (`build.rs`), which a test checks
//! this against for every byte pair.

include!(concat!(env!("OUT_DIR"), "/gb2312_table.rs"));

/// The text of `bytes` in GB 2312; `None` if they are not valid in it.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut bytes = bytes.iter().copied();
    while let Some(byte) = bytes.next() {
        let c = match byte {
            0x00..=0x7F => char::from(byte),
            0xA1..=0xFE => {
                let trail = bytes.next().filter(|t| (0xA1..=0xFE).contains(t))?;
                match CODE_POINTS[usize::from(byte - 0xA1) * 94 + usize::from(trail - 0xA1)] {
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
        for first in 0..=255u8 {
            assert_eq!(decode(&[first]), expected(&[first]), "{first:02x}");
            for second in 0..=255u8 {
                assert_eq!(decode(&[first, second]), expected(&[first, second]), "{first:02x} {second:02x}");
            }
        }
    }

    #[test]
    fn text() {
        assert_eq!(decode(b"\xbe\xaf\xb2\xec 110").as_deref(), Some("警察 110"));
        assert_eq!(decode(b"\xbe\xaf\xb2"), None);
        // A pair GBK has and GB 2312 has not.
        assert_eq!(decode(b"\x81\x40"), None);
    }
}
