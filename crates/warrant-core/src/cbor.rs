//! The part of CBOR (RFC 8949) the format uses: one data item read from bytes, and written
//! back in the shortest form with definite lengths.
//!
//! Written here rather than taken from a general CBOR library because the checker ships this
//! crate as Wasm on a page's first visit: coset with ciborium and serde cost about 18 KB
//! brotli there (measured with `benches/first-visit.mjs`), a fifth of the page budget. The
//! reader takes only what a document may hold and says which rule an input breaks.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

/// One CBOR data item. Integers cover the whole CBOR range (−2⁶⁴ … 2⁶⁴−1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    Int(i128),
    Bytes(Vec<u8>),
    Text(String),
    Array(Vec<Value>),
    Map(Vec<(Value, Value)>),
    Tag(u64, Box<Value>),
    /// false (20), true (21), null (22), undefined (23) and the other simple values.
    Simple(u8),
    /// Any floating-point number: the format never uses one, so its value is not kept.
    Float,
}

/// The simple value `null`.
pub(crate) const NULL: Value = Value::Simple(22);

/// Why bytes are not one acceptable CBOR item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CborError {
    /// The input ends inside an item.
    Truncated,
    /// Bytes follow the item.
    TrailingBytes,
    /// Not well-formed, or a construct the format never uses (indefinite lengths, nesting
    /// deeper than any document).
    Invalid,
}

/// No document nests deeper than a trust list's key (list → forces → force → keys → key).
const MAX_DEPTH: usize = 16;

/// Reads one item that must fill the whole of `bytes`.
pub(crate) fn decode(bytes: &[u8]) -> Result<Value, CborError> {
    let mut reader = Reader { bytes, at: 0 };
    let value = reader.item(0)?;
    if reader.at != bytes.len() {
        return Err(CborError::TrailingBytes);
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], CborError> {
        let end = self.at.checked_add(n).filter(|end| *end <= self.bytes.len()).ok_or(CborError::Truncated)?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    /// The argument of a head: the value, length or tag number after the major type.
    fn argument(&mut self, info: u8) -> Result<u64, CborError> {
        let width = match info {
            0..=23 => return Ok(u64::from(info)),
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            // 28–30 are reserved; 31 is an indefinite length, which documents never use.
            _ => return Err(CborError::Invalid),
        };
        Ok(self.take(width)?.iter().fold(0, |n, b| n << 8 | u64::from(*b)))
    }

    /// A length that cannot exceed what is left: each element or byte needs at least one.
    fn length(&mut self, info: u8) -> Result<usize, CborError> {
        let n = self.argument(info)?;
        usize::try_from(n).ok().filter(|n| *n <= self.remaining()).ok_or(CborError::Truncated)
    }

    fn item(&mut self, depth: usize) -> Result<Value, CborError> {
        if depth > MAX_DEPTH {
            return Err(CborError::Invalid);
        }
        let initial = self.take(1)?[0];
        let (major, info) = (initial >> 5, initial & 0x1f);
        Ok(match major {
            0 => Value::Int(i128::from(self.argument(info)?)),
            1 => Value::Int(-1 - i128::from(self.argument(info)?)),
            2 => {
                let n = self.length(info)?;
                Value::Bytes(self.take(n)?.to_vec())
            }
            3 => {
                let n = self.length(info)?;
                let text = core::str::from_utf8(self.take(n)?).map_err(|_| CborError::Invalid)?;
                Value::Text(text.into())
            }
            4 => {
                let n = self.length(info)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.item(depth + 1)?);
                }
                Value::Array(items)
            }
            5 => {
                let n = self.length(info)?;
                let mut entries = Vec::with_capacity(n);
                for _ in 0..n {
                    let key = self.item(depth + 1)?;
                    entries.push((key, self.item(depth + 1)?));
                }
                Value::Map(entries)
            }
            6 => {
                let tag = self.argument(info)?;
                Value::Tag(tag, Box::new(self.item(depth + 1)?))
            }
            _ => match info {
                0..=23 => Value::Simple(info),
                // Two-byte simple values below 32 are not well-formed (RFC 8949 §3.3).
                24 => match self.take(1)?[0] {
                    simple @ 32.. => Value::Simple(simple),
                    _ => return Err(CborError::Invalid),
                },
                25..=27 => {
                    self.take(1 << (info - 24))?;
                    Value::Float
                }
                _ => return Err(CborError::Invalid),
            },
        })
    }
}

/// Writes an item in the shortest form with definite lengths, map entries in the order given.
pub(crate) fn encode(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Int(i) if *i >= 0 => head(out, 0, *i as u64),
        Value::Int(i) => head(out, 1, (-1 - *i) as u64),
        Value::Bytes(b) => bytes(out, b),
        Value::Text(t) => text(out, t),
        Value::Array(items) => {
            head(out, 4, items.len() as u64);
            items.iter().for_each(|item| write(item, out));
        }
        Value::Map(entries) => {
            head(out, 5, entries.len() as u64);
            for (k, v) in entries {
                write(k, out);
                write(v, out);
            }
        }
        Value::Tag(tag, inner) => {
            head(out, 6, *tag);
            write(inner, out);
        }
        Value::Simple(s) if *s < 24 => out.push(0xe0 | s),
        Value::Simple(s) => out.extend_from_slice(&[0xf8, *s]),
        // The format has no floating point; writers never build one.
        Value::Float => out.push(0xf7),
    }
}

/// Writes a head: major type and argument, in the fewest bytes.
pub(crate) fn head(out: &mut Vec<u8>, major: u8, n: u64) {
    let major = major << 5;
    match n {
        0..=23 => out.push(major | n as u8),
        24..=0xff => out.extend_from_slice(&[major | 24, n as u8]),
        0x100..=0xffff => {
            out.push(major | 25);
            out.extend_from_slice(&(n as u16).to_be_bytes());
        }
        0x1_0000..=0xffff_ffff => {
            out.push(major | 26);
            out.extend_from_slice(&(n as u32).to_be_bytes());
        }
        _ => {
            out.push(major | 27);
            out.extend_from_slice(&n.to_be_bytes());
        }
    }
}

pub(crate) fn bytes(out: &mut Vec<u8>, b: &[u8]) {
    head(out, 2, b.len() as u64);
    out.extend_from_slice(b);
}

pub(crate) fn text(out: &mut Vec<u8>, t: &str) {
    head(out, 3, t.len() as u64);
    out.extend_from_slice(t.as_bytes());
}

/// True when two entries of a map share a key.
pub(crate) fn has_duplicate_key(entries: &[(Value, Value)]) -> bool {
    entries.iter().enumerate().any(|(i, (k, _))| entries[..i].iter().any(|(seen, _)| seen == k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn hex(s: &str) -> Vec<u8> {
        crate::card::parse_hex(s).unwrap()
    }

    #[test]
    fn round_trips_the_shapes_documents_use() {
        let value = Value::Tag(
            18,
            Box::new(Value::Array(vec![
                Value::Int(0),
                Value::Int(23),
                Value::Int(24),
                Value::Int(-8),
                Value::Int(-65537),
                Value::Int(1_790_000_000),
                Value::Int(u64::MAX.into()),
                Value::Int(-1 - i128::from(u64::MAX)),
                Value::Bytes(vec![7; 300]),
                Value::Text("Siân Ap Rhys".into()),
                Value::Map(vec![(Value::Text("v".into()), Value::Int(1))]),
                NULL,
            ])),
        );
        assert_eq!(decode(&encode(&value)), Ok(value));
    }

    #[test]
    fn writes_the_shortest_form() {
        // RFC 8949 Appendix A examples.
        assert_eq!(encode(&Value::Int(23)), hex("17"));
        assert_eq!(encode(&Value::Int(24)), hex("1818"));
        assert_eq!(encode(&Value::Int(1000)), hex("1903e8"));
        assert_eq!(encode(&Value::Int(1_000_000)), hex("1a000f4240"));
        assert_eq!(encode(&Value::Int(1_000_000_000_000)), hex("1b000000e8d4a51000"));
        assert_eq!(encode(&Value::Int(-1000)), hex("3903e7"));
        assert_eq!(encode(&Value::Text("IETF".into())), hex("6449455446"));
    }

    #[test]
    fn reads_longer_than_needed_integer_forms() {
        // Readers must not depend on the writer's choices (docs/FORMAT.md §3.1).
        assert_eq!(decode(&hex("1b0000000000000017")), Ok(Value::Int(23)));
    }

    #[test]
    fn names_what_is_wrong() {
        assert_eq!(decode(&hex("")), Err(CborError::Truncated));
        assert_eq!(decode(&hex("1903")), Err(CborError::Truncated));
        assert_eq!(decode(&hex("5a00010000")), Err(CborError::Truncated), "a long length is not allocated up front");
        assert_eq!(decode(&hex("9bffffffffffffffff")), Err(CborError::Truncated));
        assert_eq!(decode(&hex("0101")), Err(CborError::TrailingBytes));
        assert_eq!(decode(&hex("9f01ff")), Err(CborError::Invalid), "indefinite length");
        assert_eq!(decode(&hex("1c")), Err(CborError::Invalid), "reserved");
        assert_eq!(decode(&hex("62c328")), Err(CborError::Invalid), "text that is not UTF-8");
        assert_eq!(decode(&hex("f810")), Err(CborError::Invalid), "two-byte simple value below 32");
        assert_eq!(decode(&hex("ff")), Err(CborError::Invalid), "a lone break");
        assert_eq!(decode(&hex("f93c00")), Ok(Value::Float));
        assert_eq!(decode(&[0x81; 40].iter().copied().chain([0]).collect::<Vec<_>>()), Err(CborError::Invalid), "too deep");
    }

    #[test]
    fn finds_duplicate_keys() {
        let Ok(Value::Map(entries)) = decode(&hex("a2616101616102")) else { panic!("a map") };
        assert!(has_duplicate_key(&entries));
        let Ok(Value::Map(entries)) = decode(&hex("a2616101616202")) else { panic!("a map") };
        assert!(!has_duplicate_key(&entries));
    }
}
