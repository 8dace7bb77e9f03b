//! The door: one function from QR text to verdict. The order of the checks is part of the
//! format (docs/FORMAT.md §5), so that every implementation names the same verdict.

use alloc::vec::Vec;

use crate::card::{Card, UnixTime};
use crate::cbor;
use crate::envelope::Envelope;
use crate::labels::LIVE_CODE_CONTENT_TYPE;
use crate::limits::{CLOCK_SKEW_SECONDS, LIVE_CODE_WINDOW_SECONDS};
use crate::live::LiveCode;
use crate::revocation::RevocationList;
use crate::revocation_filter::RevocationFilter;
use crate::token::{self, NotOurs};
use crate::trust::TrustList;
use crate::verdict::{Check, MalformedReason, Verdict, Warning};

/// Checks a QR text (or bare token) against an opened trust list and the revocation lists
/// to hand, at time `now` (Unix seconds). Never panics; every input gets a verdict.
pub fn verify(qr_text: &str, trust: &TrustList, revocations: &[RevocationList], now: UnixTime) -> Check {
    verify_with_filters(qr_text, trust, revocations, &[], now)
}

/// As [`verify`], with forces' revocation filters (docs/FORMAT.md §14) as well as their lists.
/// A card is revoked if any list or filter held for its force says so; during the move from
/// lists to filters a checker may hold both for one force.
pub fn verify_with_filters(qr_text: &str, trust: &TrustList, revocations: &[RevocationList], filters: &[RevocationFilter], now: UnixTime) -> Check {
    let mut warnings = Vec::new();
    if trust.is_out_of_date(now) {
        warnings.push(Warning::TrustListOutOfDate { next_update: trust.next_update });
    }
    let verdict = verdict(qr_text, trust, revocations, filters, now, &mut warnings);
    Check { verdict, warnings }
}

fn verdict(qr_text: &str, trust: &TrustList, revocations: &[RevocationList], filters: &[RevocationFilter], now: UnixTime, warnings: &mut Vec<Warning>) -> Verdict {
    let (card, envelope, live) = match read(qr_text) {
        Ok(Read::Card(card, envelope)) => (card, envelope, None),
        Ok(Read::Live(live)) => (live.credential.card.clone(), live.credential_envelope, Some((live.envelope, live.credential, live.made_at))),
        Err(unread) => return unread.into(),
    };
    let Some(key) = trust.force(&card.issuer).and_then(|force| force.key(&envelope.kid)) else {
        return Verdict::UnknownIssuer { issuer: card.issuer };
    };
    if !envelope.is_signed_by(&key.public_key) {
        return Verdict::InvalidSignature;
    }
    // A live code must be signed by the phone its credential names: a credential copied
    // from another phone's screen, signed by any other key, is a forgery.
    if let Some((live_envelope, credential, _)) = &live {
        if !live_envelope.is_signed_by(&credential.device_key) {
            return Verdict::InvalidSignature;
        }
    }
    if let Err(problem) = key.vouches_for(card.issued_at) {
        return Verdict::IssuerKeyInvalid { card, problem };
    }
    // A phone is retired by revoking its credential, and with the card it belongs to.
    let device_serial = live.as_ref().map(|(_, credential, _)| credential.serial.as_slice());
    let list = revocations.iter().find(|list| list.issuer == card.issuer);
    let filter = filters.iter().find(|filter| filter.issuer == card.issuer);
    if list.is_none() && filter.is_none() {
        warnings.push(Warning::NoRevocationList);
    } else {
        let listed = list.is_some_and(|list| list.is_revoked(&card.serial) || device_serial.is_some_and(|s| list.is_revoked(s)));
        // A live code's card carries the credential's dates (FORMAT.md §12.3, §14.3).
        let filtered = filter.is_some_and(|filter| match device_serial {
            None => filter.revokes_card(&card.serial, card.issued_at),
            Some(device) => filter.revokes_live(&card.serial, device, card.issued_at),
        });
        if listed || filtered {
            return Verdict::Revoked(card);
        }
        // Out of date only if nothing held for the force is current.
        let next_update = list.map(|l| l.next_update).into_iter().chain(filter.map(|f| f.next_update)).max().unwrap_or(UnixTime::MIN);
        if now >= next_update {
            warnings.push(Warning::RevocationListOutOfDate { next_update });
        }
    }
    if now >= card.expires_at {
        return Verdict::Expired(card);
    }
    if now.saturating_add(CLOCK_SKEW_SECONDS) < card.not_before {
        return Verdict::NotYetValid(card);
    }
    match live {
        Some((_, _, made_at)) if made_at.abs_diff(now) <= LIVE_CODE_WINDOW_SECONDS.unsigned_abs() => Verdict::Live(card),
        Some(_) => Verdict::LiveStale(card),
        None => Verdict::Genuine(card),
    }
}

/// A card read from a QR text whose signature has NOT been checked: for inspection only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unverified {
    pub card: Card,
    /// Key id from the protected header.
    pub kid: Vec<u8>,
}

/// Reads a card without checking its signature or dates (for `inspect`). Never use the
/// result to decide whether a card is genuine.
pub fn read_unverified(qr_text: &str) -> Result<Unverified, Verdict> {
    match read(qr_text).map_err(Verdict::from)? {
        Read::Card(card, envelope) => Ok(Unverified { card, kid: envelope.kid }),
        Read::Live(live) => Ok(Unverified { card: live.credential.card, kid: live.credential_envelope.kid }),
    }
}

/// What a QR text held: a card, or an enrolled phone's live code.
enum Read {
    Card(Card, Envelope),
    Live(LiveCode),
}

/// Why a QR text did not yield a card.
enum Unread {
    NotACard,
    Malformed(MalformedReason),
}

impl From<Unread> for Verdict {
    fn from(unread: Unread) -> Verdict {
        match unread {
            Unread::NotACard => Verdict::NotACard,
            Unread::Malformed(reason) => Verdict::Malformed(reason),
        }
    }
}

/// Decodes a QR text as far as a card, or a live code, whose signatures are still to be checked.
fn read(qr_text: &str) -> Result<Read, Unread> {
    let located = token::locate(qr_text).map_err(|e| match e {
        NotOurs::NotACard => Unread::NotACard,
        NotOurs::Oversized => Unread::Malformed(MalformedReason::Oversized),
    })?;
    let read = || -> Result<Read, MalformedReason> {
        let bytes = token::decode(located.token)?;
        let envelope = Envelope::open(&bytes)?;
        match envelope.content_type.as_deref() {
            None => {
                // Whatever stops the payload being one CBOR item, it is not a claims set.
                let claims = cbor::decode(envelope.payload()).map_err(|_| MalformedReason::BadStructure("payload"))?;
                Ok(Read::Card(Card::from_claims(claims)?, envelope))
            }
            Some(LIVE_CODE_CONTENT_TYPE) => Ok(Read::Live(LiveCode::read(envelope)?)),
            // A signed list, a device credential on its own, or some other document.
            Some(_) => Err(MalformedReason::BadStructure("content type")),
        }
    };
    read().map_err(Unread::Malformed)
}
