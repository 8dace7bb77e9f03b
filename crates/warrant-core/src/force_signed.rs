//! What the documents a force signs about its own cards share (the revocation list, §8, and
//! the revocation filter, §14): how they are opened against the trust list, the payload's
//! common fields, and the unsigned bundles that carry every force's document in one file.

use alloc::string::String;
use alloc::vec::Vec;

use crate::card::{check_text, UnixTime};
use crate::cbor::Value;
use crate::cbor_map::{self, int, map, MapReader};
use crate::envelope::Envelope;
use crate::labels::LIST_VERSION;
use crate::limits::{MAX_BUNDLE_BYTES, MAX_BUNDLE_LISTS, MAX_ISSUER_CHARS, MAX_LIST_BYTES, MAX_SERIAL_BYTES};
use crate::list_error::ListError;
use crate::trust::{check_dates, TrustList};

/// The fields by which a force-signed document is opened.
pub(crate) trait ForceSigned {
    fn issuer(&self) -> &str;
    fn issued_at(&self) -> UnixTime;
    fn expires(&self) -> UnixTime;
}

/// Opens a document a force signed, accepting it only if it has the expected content type,
/// a key of the named force in the trust list signed it, that key vouched for the document's
/// issue time, and it is neither expired nor dated ahead at `now`.
pub(crate) fn open<T: ForceSigned>(
    bytes: &[u8],
    content_type: &str,
    trust: &TrustList,
    now: UnixTime,
    read_payload: impl FnOnce(&[u8]) -> Result<T, ListError>,
) -> Result<T, ListError> {
    if bytes.len() > MAX_LIST_BYTES {
        return Err(ListError::Oversized);
    }
    let envelope = Envelope::open(bytes)?;
    if envelope.content_type.as_deref() != Some(content_type) {
        return Err(ListError::WrongContentType);
    }
    let document = read_payload(envelope.payload())?;
    let key = trust.force(document.issuer()).and_then(|f| f.key(&envelope.kid)).ok_or(ListError::UnknownSigner)?;
    if !envelope.is_signed_by(&key.public_key) {
        return Err(ListError::InvalidSignature);
    }
    if key.vouches_for(document.issued_at()).is_err() {
        return Err(ListError::UnknownSigner);
    }
    check_dates(document.issued_at(), document.expires(), now)?;
    Ok(document)
}

/// Reads a payload's map, checks its version and reads its force id (`issuer`).
pub(crate) fn read_payload_head(payload: &[u8]) -> Result<(MapReader, String), ListError> {
    let value = cbor_map::decode(payload).ok_or(ListError::Malformed("payload"))?;
    let mut m = MapReader::new(value, "payload")?;
    let version = m.uint("v")?;
    if version != LIST_VERSION {
        return Err(ListError::UnsupportedVersion(version));
    }
    let issuer = m.text("issuer")?;
    if check_text(&issuer, MAX_ISSUER_CHARS).is_err() {
        return Err(ListError::Malformed("issuer"));
    }
    Ok((m, issuer))
}

/// Reads an array of serials (each 1–32 bytes) under `key`.
pub(crate) fn read_serials(m: &mut MapReader, key: &'static str) -> Result<Vec<Vec<u8>>, ListError> {
    m.array(key)?
        .into_iter()
        .map(|v| match v {
            Value::Bytes(b) if !b.is_empty() && b.len() <= MAX_SERIAL_BYTES => Ok(b),
            _ => Err(ListError::Malformed(key)),
        })
        .collect()
}

/// Writes a bundle of signed documents, each given with its force's id, under `key`
/// (`{"v": 1, key: [...]}`). Sorted by force id, so the same documents always make the same
/// bytes. Refuses two documents for one force, with the `duplicate` message.
pub(crate) fn write_bundle(key: &'static str, duplicate: &'static str, mut documents: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ListError> {
    documents.sort_by(|a, b| a.0.cmp(&b.0));
    if documents.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(ListError::Malformed(duplicate));
    }
    if documents.len() > MAX_BUNDLE_LISTS || documents.iter().any(|(_, d)| d.len() > MAX_LIST_BYTES) {
        return Err(ListError::Oversized);
    }
    let documents = documents.into_iter().map(|(_, bytes)| Value::Bytes(bytes)).collect();
    let bundle = cbor_map::encode(&map(alloc::vec![("v", int(LIST_VERSION as i64)), (key, Value::Array(documents))]));
    if bundle.len() > MAX_BUNDLE_BYTES {
        return Err(ListError::Oversized);
    }
    Ok(bundle)
}

/// Reads a bundle into its signed documents under `key`, not yet opened.
pub(crate) fn read_bundle(key: &'static str, bytes: &[u8]) -> Result<Vec<Vec<u8>>, ListError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(ListError::Oversized);
    }
    let value = cbor_map::decode(bytes).ok_or(ListError::Malformed("bundle"))?;
    let mut m = MapReader::new(value, "bundle")?;
    let version = m.uint("v")?;
    if version != LIST_VERSION {
        return Err(ListError::UnsupportedVersion(version));
    }
    let documents = m.array(key)?;
    if documents.len() > MAX_BUNDLE_LISTS {
        return Err(ListError::Oversized);
    }
    documents
        .into_iter()
        .map(|v| match v {
            Value::Bytes(b) if !b.is_empty() && b.len() <= MAX_LIST_BYTES => Ok(b),
            _ => Err(ListError::Malformed(key)),
        })
        .collect()
}
