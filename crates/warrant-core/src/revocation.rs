//! A force's revocation list: serials of cards it has cancelled, signed by one of the
//! force's keys. Serials are random, so the list says nothing about officers, and a
//! checker fetches it whole, so nobody learns which card was checked.

use alloc::string::String;
use alloc::vec::Vec;
use crate::cbor::Value;
use ed25519_dalek::{Signature, SignatureError, Signer};

use crate::card::UnixTime;
use crate::cbor_map::{self, int, map};
use crate::envelope::seal;
use crate::force_signed::{self, ForceSigned};
use crate::labels::{LIST_VERSION, REVOCATION_LIST_CONTENT_TYPE};
use crate::list_error::ListError;
use crate::trust::TrustList;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevocationList {
    /// The force whose cards this list revokes (its trust-list id).
    pub issuer: String,
    pub issued_at: UnixTime,
    /// After this, the checker warns that the list is out of date (but still uses it).
    pub next_update: UnixTime,
    /// After this, the list is refused.
    pub expires: UnixTime,
    /// The cancelled serials. A plain list rather than a set: a checker only looks serials
    /// up, a force's list holds thousands at most (a scan takes microseconds), and a set's
    /// code is about 2 KB of every first visit's Wasm. The signed list is written sorted.
    pub serials: Vec<Vec<u8>>,
}

impl RevocationList {
    pub fn is_revoked(&self, serial: &[u8]) -> bool {
        self.serials.iter().any(|s| s == serial)
    }

    pub fn is_out_of_date(&self, now: UnixTime) -> bool {
        now >= self.next_update
    }

    /// Signs the list with one of the force's card-signing keys.
    pub fn sign<S: Signer<Signature> + ?Sized>(&self, key: &S, kid: &[u8]) -> Result<Vec<u8>, SignatureError> {
        // Sorted and without repeats, so that the same list always has the same bytes.
        let mut sorted = self.serials.clone();
        sorted.sort();
        sorted.dedup();
        let serials = sorted.into_iter().map(Value::Bytes).collect();
        let payload = map(alloc::vec![
            ("v", int(LIST_VERSION as i64)),
            ("exp", int(self.expires)),
            ("iat", int(self.issued_at)),
            ("issuer", Value::Text(self.issuer.clone())),
            ("serials", Value::Array(serials)),
            ("next_update", int(self.next_update)),
        ]);
        seal(cbor_map::encode(&payload), Some(REVOCATION_LIST_CONTENT_TYPE), kid, key)
    }

    /// Opens a signed revocation list, accepting it only if a key of the named force in the
    /// trust list signed it, that key vouched for the list's issue time, and it has not
    /// expired at `now`.
    pub fn open(bytes: &[u8], trust: &TrustList, now: UnixTime) -> Result<RevocationList, ListError> {
        force_signed::open(bytes, REVOCATION_LIST_CONTENT_TYPE, trust, now, RevocationList::from_payload)
    }

    fn from_payload(payload: &[u8]) -> Result<RevocationList, ListError> {
        let (mut m, issuer) = force_signed::read_payload_head(payload)?;
        let serials = force_signed::read_serials(&mut m, "serials")?;
        Ok(RevocationList {
            issuer,
            issued_at: m.time("iat")?,
            next_update: m.time("next_update")?,
            expires: m.time("exp")?,
            serials,
        })
    }
}

impl ForceSigned for RevocationList {
    fn issuer(&self) -> &str {
        &self.issuer
    }
    fn issued_at(&self) -> UnixTime {
        self.issued_at
    }
    fn expires(&self) -> UnixTime {
        self.expires
    }

}
