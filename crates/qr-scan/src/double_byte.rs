//! Decoding a character set of single bytes and byte pairs (Shift_JIS, GB 2312) with a
//! table of the pairs' code points, written at build time (`build.rs`).

/// What a byte is on its own in such a character set.
pub enum Alone {
    Char(char),
    /// The first byte of a pair.
    Lead,
    Invalid,
}

/// The text of `bytes`: `alone` says what each byte is by itself, `pointer` where a pair
/// (lead, trail) is in `table` (`None`: no such pair), and `table` holds each pair's code
/// point (0: none). `None` if any byte or pair is not valid.
pub fn decode(bytes: &[u8], alone: impl Fn(u8) -> Alone, pointer: impl Fn(u8, u8) -> Option<usize>, table: &[u16]) -> Option<String> {
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut bytes = bytes.iter().copied();
    while let Some(byte) = bytes.next() {
        let c = match alone(byte) {
            Alone::Char(c) => c,
            Alone::Lead => match table[pointer(byte, bytes.next()?)?] {
                0 => return None,
                code_point => char::from_u32(u32::from(code_point))?,
            },
            Alone::Invalid => return None,
        };
        text.push(c);
    }
    Some(text)
}

#[cfg(test)]
pub mod tests {
    /// Checks `decode` against `expected` for every byte and every pair of bytes.
    pub fn every_byte_and_pair_as(decode: fn(&[u8]) -> Option<String>, expected: fn(&[u8]) -> Option<String>) {
        for first in 0..=255u8 {
            assert_eq!(decode(&[first]), expected(&[first]), "{first:02x}");
            for second in 0..=255u8 {
                assert_eq!(decode(&[first, second]), expected(&[first, second]), "{first:02x} {second:02x}");
            }
        }
    }
}
