//! A force's revocation filter (docs/FORMAT.md §14): the same answer as its revocation list,
//! in a few hundred bytes instead of eight per revoked card. Signed by one of the force's
//! keys, opened as a revocation list is.
//!
//! The filter is exact over the serials the force issued up to its *coverage* time, and
//! means nothing for any other serial, so a checker asks it only about cards issued by then.
//! Everything revoked that the filter does not cover (a card issued after the coverage time,
//! a phone's credential, a serial the force has no record of issuing) is listed plainly in
//! `recent`, which is consulted for every card: a new card is never called revoked by chance.

use alloc::string::String;
use alloc::vec::Vec;
use ed25519_dalek::{Signature, SignatureError, Signer};

use crate::card::{check_text, UnixTime};
use crate::cbor::Value;
use crate::cbor_map::{self, int, map, MapReader};
use crate::envelope::{seal, Envelope};
use crate::filter::ExactFilter;
use crate::labels::{LIST_VERSION, REVOCATION_FILTER_CONTENT_TYPE};
use crate::limits::{MAX_BUNDLE_BYTES, MAX_BUNDLE_LISTS, MAX_ISSUER_CHARS, MAX_LIST_BYTES, MAX_SERIAL_BYTES};
use crate::list_error::ListError;
use crate::trust::{check_dates, TrustList};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevocationFilter {
    /// The force whose cards this filter revokes (its trust-list id).
    pub issuer: String,
    pub issued_at: UnixTime,
    /// After this, the checker warns that its revocation data is out of date.
    pub next_update: UnixTime,
    /// At and after this, the filter is refused.
    pub expires: UnixTime,
    /// The filter is exact over every card the force issued at or before this time
    /// (never later than `issued_at`).
    pub coverage: UnixTime,
    pub filter: ExactFilter,
    /// Revoked serials the filter does not cover, judged exactly for every card.
    pub recent: Vec<Vec<u8>>,
}

impl RevocationFilter {
    /// Whether a card with this serial, signed at `issued_at` (its `iat`), is revoked.
    pub fn revokes_card(&self, serial: &[u8], issued_at: UnixTime) -> bool {
        self.lists(serial) || (issued_at <= self.coverage && self.filter.contains(serial))
    }

    /// Whether a live code is revoked: its credential's own serial, or the card it was
    /// enrolled for. The card's issue time is not in a live code; a credential signed no
    /// later than this filter's `iat` was enrolled for a card already handed out, which the
    /// force's filter covers (FORMAT.md §14.3).
    pub fn revokes_live(&self, card_serial: &[u8], credential_serial: &[u8], credential_issued_at: UnixTime) -> bool {
        self.lists(card_serial) || self.lists(credential_serial) || (credential_issued_at <= self.issued_at && self.filter.contains(card_serial))
    }

    fn lists(&self, serial: &[u8]) -> bool {
        self.recent.iter().any(|s| s == serial)
    }

    pub fn is_out_of_date(&self, now: UnixTime) -> bool {
        now >= self.next_update
    }

    /// Signs the filter with one of the force's keys.
    pub fn sign<S: Signer<Signature> + ?Sized>(&self, key: &S, kid: &[u8]) -> Result<Vec<u8>, SignatureError> {
        let mut recent = self.recent.clone();
        recent.sort();
        recent.dedup();
        let f = &self.filter;
        // Keys sorted by length, then bytewise (FORMAT.md §7.1).
        let payload = map(alloc::vec![
            ("k", int(i64::from(f.k))),
            ("v", int(LIST_VERSION as i64)),
            ("m1", int(i64::from(f.m1))),
            ("m2", int(i64::from(f.m2))),
            ("exp", int(self.expires)),
            ("iat", int(self.issued_at)),
            ("bits", Value::Bytes(f.bits.clone())),
            ("seed", int(i64::from(f.seed))),
            ("issuer", Value::Text(self.issuer.clone())),
            ("recent", Value::Array(recent.into_iter().map(Value::Bytes).collect())),
            ("coverage", int(self.coverage)),
            ("next_update", int(self.next_update)),
        ]);
        seal(cbor_map::encode(&payload), Some(REVOCATION_FILTER_CONTENT_TYPE), kid, key)
    }

    /// Opens a signed filter as a revocation list is opened (FORMAT.md §8, §14.4): signed by
    /// a key of the named force that vouched for its issue time, not expired at `now`, not
    /// dated ahead of it.
    pub fn open(bytes: &[u8], trust: &TrustList, now: UnixTime) -> Result<RevocationFilter, ListError> {
        if bytes.len() > MAX_LIST_BYTES {
            return Err(ListError::Oversized);
        }
        let envelope = Envelope::open(bytes)?;
        if envelope.content_type.as_deref() != Some(REVOCATION_FILTER_CONTENT_TYPE) {
            return Err(ListError::WrongContentType);
        }
        let filter = RevocationFilter::from_payload(envelope.payload())?;
        let key = trust.force(&filter.issuer).and_then(|f| f.key(&envelope.kid)).ok_or(ListError::UnknownSigner)?;
        if !envelope.is_signed_by(&key.public_key) {
            return Err(ListError::InvalidSignature);
        }
        if key.vouches_for(filter.issued_at).is_err() {
            return Err(ListError::UnknownSigner);
        }
        check_dates(filter.issued_at, filter.expires, now)?;
        Ok(filter)
    }

    fn from_payload(payload: &[u8]) -> Result<RevocationFilter, ListError> {
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
        let recent = m
            .array("recent")?
            .into_iter()
            .map(|v| match v {
                Value::Bytes(b) if !b.is_empty() && b.len() <= MAX_SERIAL_BYTES => Ok(b),
                _ => Err(ListError::Malformed("recent")),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let small = |v: u64, what: &'static str| u32::try_from(v).map_err(|_| ListError::Malformed(what));
        let filter = ExactFilter {
            k: u8::try_from(m.uint("k")?).map_err(|_| ListError::Malformed("k"))?,
            m1: small(m.uint("m1")?, "m1")?,
            m2: small(m.uint("m2")?, "m2")?,
            seed: small(m.uint("seed")?, "seed")?,
            bits: m.bytes("bits")?,
        };
        filter.check().map_err(|e| ListError::Malformed(e.0))?;
        let issued_at = m.time("iat")?;
        let coverage = m.time("coverage")?;
        if coverage > issued_at {
            return Err(ListError::Malformed("coverage"));
        }
        Ok(RevocationFilter { issuer, issued_at, next_update: m.time("next_update")?, expires: m.time("exp")?, coverage, filter, recent })
    }
}

/// Writes a bundle of signed revocation filters, each given with its force's id
/// (FORMAT.md §14.5): `{"v": 1, "filters": [...]}`, sorted by force id, one per force.
pub fn write_filter_bundle(mut filters: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ListError> {
    filters.sort_by(|a, b| a.0.cmp(&b.0));
    if filters.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(ListError::Malformed("two filters for one force"));
    }
    if filters.len() > MAX_BUNDLE_LISTS || filters.iter().any(|(_, f)| f.len() > MAX_LIST_BYTES) {
        return Err(ListError::Oversized);
    }
    let filters = filters.into_iter().map(|(_, bytes)| Value::Bytes(bytes)).collect();
    let bundle = cbor_map::encode(&map(alloc::vec![("v", int(LIST_VERSION as i64)), ("filters", Value::Array(filters))]));
    if bundle.len() > MAX_BUNDLE_BYTES {
        return Err(ListError::Oversized);
    }
    Ok(bundle)
}

/// Reads a bundle into its signed filters, not yet opened (see [`RevocationFilter::open`]).
pub fn read_filter_bundle(bytes: &[u8]) -> Result<Vec<Vec<u8>>, ListError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(ListError::Oversized);
    }
    let value = cbor_map::decode(bytes).ok_or(ListError::Malformed("bundle"))?;
    let mut m = MapReader::new(value, "bundle")?;
    let version = m.uint("v")?;
    if version != LIST_VERSION {
        return Err(ListError::UnsupportedVersion(version));
    }
    let filters = m.array("filters")?;
    if filters.len() > MAX_BUNDLE_LISTS {
        return Err(ListError::Oversized);
    }
    filters
        .into_iter()
        .map(|v| match v {
            Value::Bytes(b) if !b.is_empty() && b.len() <= MAX_LIST_BYTES => Ok(b),
            _ => Err(ListError::Malformed("filters")),
        })
        .collect()
}

/// What a force builds its filter from: every serial it has issued with its issue time, and
/// its revoked serials.
pub struct FilterInput<'a> {
    /// Every card the force has issued (serial, `iat`) that it knows of.
    pub issued: &'a [(&'a [u8], UnixTime)],
    /// Every revoked serial (cards, phones' credentials, and any it has no record of).
    pub revoked: &'a [&'a [u8]],
    /// The filter's coverage time: every card issued at or before it MUST be in `issued`.
    pub coverage: UnixTime,
    /// Seeds the builder tries ([`ExactFilter::build_trying`]); [`crate::filter::SEEDS`] by default.
    pub seeds: u32,
}

impl FilterInput<'_> {
    /// The filter (exact over every issued serial given) and the `recent` list: every revoked
    /// serial that is not a card issued by the coverage time.
    pub fn build(&self) -> (ExactFilter, Vec<Vec<u8>>) {
        let mut revoked: Vec<&[u8]> = self.revoked.to_vec();
        revoked.sort_unstable();
        revoked.dedup();
        let mut issued: Vec<(&[u8], UnixTime)> = self.issued.to_vec();
        issued.sort_unstable();
        issued.dedup_by(|a, b| a.0 == b.0);
        let is_revoked = |s: &[u8]| revoked.binary_search(&s).is_ok();
        let (members, others): (Vec<_>, Vec<_>) = issued.iter().map(|(s, _)| *s).partition(|s| is_revoked(s));
        let filter = ExactFilter::build_trying(&members, &others, self.seeds);
        let covered = |s: &[u8]| issued.binary_search_by(|(t, _)| (*t).cmp(s)).is_ok_and(|i| issued[i].1 <= self.coverage);
        let recent = revoked.iter().filter(|s| !covered(s)).map(|s| s.to_vec()).collect();
        (filter, recent)
    }
}
