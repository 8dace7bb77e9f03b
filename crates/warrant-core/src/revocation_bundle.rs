//! Every force's revocation list in one file, so that a checker makes one request for them
//! all instead of one per force (fifty across the UK). The bundle is not signed: each list in
//! it is still opened on its own, against its own force's keys, so whoever assembles the
//! bundle can leave a list out (as a failed request could) but cannot change one.

use alloc::string::String;
use alloc::vec::Vec;

use crate::cbor::Value;
use crate::cbor_map::{self, int, map, MapReader};
use crate::labels::LIST_VERSION;
use crate::limits::{MAX_BUNDLE_BYTES, MAX_BUNDLE_LISTS, MAX_LIST_BYTES};
use crate::list_error::ListError;

/// Writes a bundle of signed revocation lists, each given with its force's id. Sorted by
/// force id, so the same lists always make the same bytes. Refuses two lists for one force.
pub fn write_revocation_bundle(mut lists: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ListError> {
    lists.sort_by(|a, b| a.0.cmp(&b.0));
    if lists.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(ListError::Malformed("two lists for one force"));
    }
    if lists.len() > MAX_BUNDLE_LISTS || lists.iter().any(|(_, l)| l.len() > MAX_LIST_BYTES) {
        return Err(ListError::Oversized);
    }
    let lists = lists.into_iter().map(|(_, bytes)| Value::Bytes(bytes)).collect();
    let bundle = cbor_map::encode(&map(alloc::vec![("v", int(LIST_VERSION as i64)), ("lists", Value::Array(lists))]));
    if bundle.len() > MAX_BUNDLE_BYTES {
        return Err(ListError::Oversized);
    }
    Ok(bundle)
}

/// Reads a bundle into its signed revocation lists, not yet opened (see
/// `RevocationList::open`, for each one).
pub fn read_revocation_bundle(bytes: &[u8]) -> Result<Vec<Vec<u8>>, ListError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(ListError::Oversized);
    }
    let value = cbor_map::decode(bytes).ok_or(ListError::Malformed("bundle"))?;
    let mut m = MapReader::new(value, "bundle")?;
    let version = m.uint("v")?;
    if version != LIST_VERSION {
        return Err(ListError::UnsupportedVersion(version));
    }
    let lists = m.array("lists")?;
    if lists.len() > MAX_BUNDLE_LISTS {
        return Err(ListError::Oversized);
    }
    lists
        .into_iter()
        .map(|v| match v {
            Value::Bytes(b) if !b.is_empty() && b.len() <= MAX_LIST_BYTES => Ok(b),
            _ => Err(ListError::Malformed("lists")),
        })
        .collect()
}
