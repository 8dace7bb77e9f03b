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

use crate::card::UnixTime;
use crate::cbor::Value;
use crate::cbor_map::{self, int, map};
use crate::envelope::seal;
use crate::filter::ExactFilter;
use crate::force_signed::{self, ForceSigned};
use crate::labels::{LIST_VERSION, REVOCATION_FILTER_CONTENT_TYPE};
use crate::list_error::ListError;
use crate::trust::TrustList;

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
        force_signed::open(bytes, REVOCATION_FILTER_CONTENT_TYPE, trust, now, RevocationFilter::from_payload)
    }

    fn from_payload(payload: &[u8]) -> Result<RevocationFilter, ListError> {
        let (mut m, issuer) = force_signed::read_payload_head(payload)?;
        let recent = force_signed::read_serials(&mut m, "recent")?;
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
pub fn write_filter_bundle(filters: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ListError> {
    force_signed::write_bundle("filters", "two filters for one force", filters)
}

/// Reads a bundle into its signed filters, not yet opened (see [`RevocationFilter::open`]).
pub fn read_filter_bundle(bytes: &[u8]) -> Result<Vec<Vec<u8>>, ListError> {
    force_signed::read_bundle("filters", bytes)
}

impl ForceSigned for RevocationFilter {
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
