//! The trust list: which forces may issue cards, with which keys, and when. Signed by a
//! national root key whose public half is built into every checker.

use alloc::string::String;
use alloc::vec::Vec;
use crate::cbor::Value;
use ed25519_dalek::{Signature, SignatureError, Signer, VerifyingKey};

use crate::card::{check_text, UnixTime};
use crate::cbor_map::{self, int, map, FieldError, MapReader};
use crate::envelope::{seal, Envelope};
use crate::keys;
use crate::labels::{LIST_VERSION, TRUST_LIST_CONTENT_TYPE};
use crate::limits::{CLOCK_SKEW_SECONDS, MAX_ISSUER_CHARS, MAX_LIST_BYTES};
use crate::list_error::ListError;
use crate::verdict::KeyProblem;

/// A root public key built into a checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RootKey {
    pub kid: Vec<u8>,
    pub key: VerifyingKey,
}

impl RootKey {
    /// A root key with the derived key id.
    pub fn new(key: VerifyingKey) -> RootKey {
        RootKey { kid: keys::derive_key_id(&key), key }
    }
}

/// One of a force's card-signing keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuerKey {
    /// Unique among this force's keys.
    pub kid: Vec<u8>,
    pub public_key: VerifyingKey,
    /// Cards issued before this time are not vouched for by this key.
    pub not_before: UnixTime,
    /// Cards issued at or after this time are not vouched for by this key.
    pub not_after: UnixTime,
    /// Set when the key is compromised: cards issued at or after this time are refused,
    /// cards issued before it still stand.
    pub withdrawn_from: Option<UnixTime>,
}

impl IssuerKey {
    /// Whether this key may vouch for a document issued at `issued_at`.
    pub fn vouches_for(&self, issued_at: UnixTime) -> Result<(), KeyProblem> {
        if self.withdrawn_from.is_some_and(|w| issued_at >= w) {
            return Err(KeyProblem::Withdrawn);
        }
        if issued_at < self.not_before {
            return Err(KeyProblem::NotYetValid);
        }
        if issued_at >= self.not_after {
            return Err(KeyProblem::Expired);
        }
        Ok(())
    }
}

/// A force that issues cards.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Force {
    /// Short identifier, the `iss` of its cards (e.g. "MPS").
    pub id: String,
    /// Name as shown to the public (e.g. "Metropolitan Police Service").
    pub name: String,
    pub keys: Vec<IssuerKey>,
}

impl Force {
    pub fn key(&self, kid: &[u8]) -> Option<&IssuerKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }
}

/// The signed list of forces and their keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustList {
    pub issued_at: UnixTime,
    /// After this, the checker warns that the list is out of date (but still uses it).
    pub next_update: UnixTime,
    /// After this, the list is refused.
    pub expires: UnixTime,
    pub forces: Vec<Force>,
}

impl TrustList {
    pub fn force(&self, id: &str) -> Option<&Force> {
        self.forces.iter().find(|f| f.id == id)
    }

    pub fn is_out_of_date(&self, now: UnixTime) -> bool {
        now >= self.next_update
    }

    /// Signs the list with a root key; the result is the file a force hosts.
    pub fn sign<S: Signer<Signature> + ?Sized>(&self, root: &S, root_kid: &[u8]) -> Result<Vec<u8>, SignatureError> {
        seal(cbor_map::encode(&self.to_value()), Some(TRUST_LIST_CONTENT_TYPE), root_kid, root)
    }

    /// Opens a signed trust list, accepting it only if one of `roots` signed it and it has
    /// not expired at `now`.
    pub fn open(bytes: &[u8], roots: &[RootKey], now: UnixTime) -> Result<TrustList, ListError> {
        if bytes.len() > MAX_LIST_BYTES {
            return Err(ListError::Oversized);
        }
        let envelope = Envelope::open(bytes)?;
        if envelope.content_type.as_deref() != Some(TRUST_LIST_CONTENT_TYPE) {
            return Err(ListError::WrongContentType);
        }
        let root = roots.iter().find(|r| r.kid == envelope.kid).ok_or(ListError::UnknownSigner)?;
        if !envelope.is_signed_by(&root.key) {
            return Err(ListError::InvalidSignature);
        }
        let list = TrustList::from_payload(envelope.payload())?;
        check_dates(list.issued_at, list.expires, now)?;
        Ok(list)
    }

    fn from_payload(payload: &[u8]) -> Result<TrustList, ListError> {
        let value = cbor_map::decode(payload).ok_or(ListError::Malformed("payload"))?;
        let mut m = MapReader::new(value, "payload")?;
        let version = m.uint("v")?;
        if version != LIST_VERSION {
            return Err(ListError::UnsupportedVersion(version));
        }
        let forces = m.array("forces")?.into_iter().map(force_from_value).collect::<Result<Vec<_>, _>>()?;
        for (i, f) in forces.iter().enumerate() {
            if forces[..i].iter().any(|g| g.id == f.id) {
                return Err(ListError::Malformed("duplicate force id"));
            }
        }
        Ok(TrustList { issued_at: m.time("iat")?, next_update: m.time("next_update")?, expires: m.time("exp")?, forces })
    }

    fn to_value(&self) -> Value {
        let forces = self.forces.iter().map(force_to_value).collect();
        map(vec_of([
            ("v", int(LIST_VERSION as i64)),
            ("exp", int(self.expires)),
            ("iat", int(self.issued_at)),
            ("forces", Value::Array(forces)),
            ("next_update", int(self.next_update)),
        ]))
    }
}

/// The dates every signed list must pass at `now` (docs/FORMAT.md §7.3, §8): not expired, and
/// not signed after now beyond the clock allowance. A list dated ahead would outrank every
/// real list that follows it (checkers keep only newer lists), so it is refused outright.
pub(crate) fn check_dates(issued_at: UnixTime, expires: UnixTime, now: UnixTime) -> Result<(), ListError> {
    if now >= expires {
        return Err(ListError::Expired { expires });
    }
    if issued_at > now.saturating_add(CLOCK_SKEW_SECONDS) {
        return Err(ListError::IssuedInFuture { issued_at });
    }
    Ok(())
}

fn vec_of<const N: usize>(entries: [(&'static str, Value); N]) -> Vec<(&'static str, Value)> {
    entries.into_iter().collect()
}

fn force_to_value(force: &Force) -> Value {
    let keys = force.keys.iter().map(key_to_value).collect();
    map(vec_of([("id", Value::Text(force.id.clone())), ("keys", Value::Array(keys)), ("name", Value::Text(force.name.clone()))]))
}

fn key_to_value(key: &IssuerKey) -> Value {
    let mut entries = vec_of([
        ("exp", int(key.not_after)),
        ("kid", Value::Bytes(key.kid.clone())),
        ("nbf", int(key.not_before)),
        ("ed25519", Value::Bytes(key.public_key.as_bytes().to_vec())),
    ]);
    if let Some(w) = key.withdrawn_from {
        entries.push(("withdrawn", int(w)));
    }
    map(entries)
}

fn force_from_value(value: Value) -> Result<Force, ListError> {
    let mut m = MapReader::new(value, "force")?;
    let id = m.text("id")?;
    if check_text(&id, MAX_ISSUER_CHARS).is_err() {
        return Err(ListError::Malformed("force id"));
    }
    let name = m.text("name")?;
    if check_text(&name, 128).is_err() {
        return Err(ListError::Malformed("force name"));
    }
    let keys = m.array("keys")?.into_iter().map(key_from_value).collect::<Result<Vec<_>, _>>()?;
    for (i, k) in keys.iter().enumerate() {
        if keys[..i].iter().any(|j| j.kid == k.kid) {
            return Err(ListError::Malformed("duplicate key id"));
        }
    }
    Ok(Force { id, name, keys })
}

fn key_from_value(value: Value) -> Result<IssuerKey, ListError> {
    let mut m = MapReader::new(value, "key")?;
    let kid = m.bytes("kid")?;
    if kid.is_empty() || kid.len() > 16 {
        return Err(ListError::Malformed("kid"));
    }
    let public_key = keys::verifying_key_from_bytes(&m.bytes("ed25519")?).map_err(|_| ListError::Malformed("ed25519"))?;
    Ok(IssuerKey {
        kid,
        public_key,
        not_before: m.time("nbf")?,
        not_after: m.time("exp")?,
        withdrawn_from: m.optional_time("withdrawn")?,
    })
}

impl From<FieldError> for ListError {
    fn from(e: FieldError) -> Self {
        ListError::Malformed(e.0)
    }
}
