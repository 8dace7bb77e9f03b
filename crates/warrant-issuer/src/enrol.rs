//! Enrolling an officer's work phone (docs/FORMAT.md §12.1): the force signs a device
//! credential binding the phone's public key to the officer's card, after checking that
//! the card is one of its own, genuine, and not in the force's revocation register.
//!
//! The phone's enrolment request is JSON, shown by the officer page as a file or QR code:
//! `{"device_key": "<base64url of the 32-byte Ed25519 public key>", "card": "<the card's QR text>"}`.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use warrant_core::{keys, token, verify, DeviceCredential, Force, IssuerKey, RevocationList, TrustList, UnixTime, Verdict, VerifyingKey};

use crate::register;

/// A phone asking to be enrolled for a card.
pub struct Request {
    pub device_key: VerifyingKey,
    pub card_qr_text: String,
}

pub fn read_request(json: &str) -> Result<Request> {
    let request: Value = serde_json::from_str(json).context("the enrolment request is not JSON")?;
    let text = |field: &str| request[field].as_str().with_context(|| format!("the enrolment request has no {field:?}"));
    let raw = token::decode(text("device_key")?).ok().context("device_key is not base64url")?;
    let device_key = keys::verifying_key_from_bytes(&raw).ok().context("device_key is not an Ed25519 public key")?;
    Ok(Request { device_key, card_qr_text: text("card")?.to_string() })
}

/// The serials in the force's revocation register, which must exist: unlike `revoke`,
/// which starts a register, enrolling against a mistyped path would pass a revoked card.
pub fn revoked_serials(register_path: &Path) -> Result<BTreeSet<Vec<u8>>> {
    if !register_path.is_file() {
        bail!(
            "the revocation register {} does not exist; give the force's register (the one `revoke` keeps), \
             so that a revoked card is not enrolled",
            register_path.display()
        );
    }
    Ok(register::read(register_path)?.serials)
}

/// The credential for `request`, if its card is a genuine card signed by `force_key`'s
/// private half for `issuer` and not among the `revoked` serials. It lasts until `until` or
/// the card's own expiry, whichever comes first.
pub fn credential(
    request: &Request,
    issuer: &str,
    force_key: &VerifyingKey,
    revoked: BTreeSet<Vec<u8>>,
    now: UnixTime,
    until: Option<UnixTime>,
    serial: Vec<u8>,
) -> Result<DeviceCredential> {
    let kid = keys::derive_key_id(force_key);
    // Only this force's own key is trusted here: a phone is enrolled for the force's cards.
    let ours = TrustList {
        issued_at: now,
        next_update: now + 1,
        expires: now + 1,
        forces: vec![Force {
            id: issuer.into(),
            name: issuer.into(),
            keys: vec![IssuerKey { kid, public_key: *force_key, not_before: i64::MIN, not_after: i64::MAX, withdrawn_from: None }],
        }],
    };
    // The register as the checker would see its signed list, so the verdict is the checker's.
    let register = RevocationList { issuer: issuer.into(), issued_at: now, next_update: now + 1, expires: now + 1, serials: revoked.into_iter().collect() };
    let mut card = match verify(&request.card_qr_text, &ours, &[register], now).verdict {
        Verdict::Genuine(card) => card,
        Verdict::Revoked(card) => bail!("the request's card {} is revoked in the force's register: a phone is not enrolled for a cancelled card", card.serial_hex()),
        other => bail!("the request's card is not a genuine card of {issuer} signed with this key: {}", other.name()),
    };
    let expires_at = until.map_or(card.expires_at, |u| u.min(card.expires_at));
    if expires_at <= now {
        bail!("the credential would expire before it starts");
    }
    (card.issued_at, card.not_before, card.expires_at) = (now, now, expires_at);
    Ok(DeviceCredential { card, serial, device_key: request.device_key })
}
