//! # warrant-core
//!
//! The warrant-card credential: a COSE_Sign1 (RFC 9052), signed with Ed25519, over a CWT
//! claims set (RFC 8392) naming the force, the card's validity and the holder's printed
//! details. This crate holds the format, signing, strict verification, the signed trust
//! list and the signed revocation list. It does no I/O and has no clock: callers pass the
//! bytes and the time. It builds for native targets and `wasm32-unknown-unknown`.
//!
//! The specification is `docs/FORMAT.md`; `tests/vectors/` holds test vectors.
//!
//! ```
//! use warrant_core::{keys, sign_card, token, verify, Card, Holder, IssuerKey, Force, Role, RootKey,
//!     RevocationList, TrustList, Verdict};
//! use ed25519_dalek::SigningKey;
//!
//! // A national root and one force key (real keys come from PEM files).
//! let root = SigningKey::from_bytes(&[1; 32]);
//! let force_key = SigningKey::from_bytes(&[2; 32]);
//! let kid = keys::derive_key_id(&force_key.verifying_key());
//! let now = 1_790_000_000;
//!
//! let trust = TrustList {
//!     issued_at: now, next_update: now + 7 * 86_400, expires: now + 30 * 86_400,
//!     forces: vec![Force { id: "MPS".into(), name: "Metropolitan Police Service".into(),
//!         keys: vec![IssuerKey { kid: kid.clone(), public_key: force_key.verifying_key(),
//!             not_before: now - 86_400, not_after: now + 365 * 86_400, withdrawn_from: None }] }],
//! };
//! let root_key = RootKey::new(root.verifying_key());
//! let signed_trust = trust.sign(&root, &root_key.kid).unwrap();
//!
//! let card = Card {
//!     issuer: "MPS".into(), serial: vec![7; 8], issued_at: now, not_before: now,
//!     expires_at: now + 3 * 365 * 86_400,
//!     holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(),
//!         number: "1234".into(), role: Role::PoliceOfficer },
//! };
//! let qr = token::qr_text("https://check.example/", &sign_card(&card, &force_key, &kid).unwrap());
//!
//! // A checker: open the list with the built-in root, then check the scanned text.
//! let trust = TrustList::open(&signed_trust, &[root_key], now).unwrap();
//! let check = verify(&qr, &trust, &[], now);
//! assert_eq!(check.verdict, Verdict::Genuine(card));
//! assert_eq!(check.verdict.name(), "genuine");
//! ```
#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;

mod card;
pub mod check_code;
mod cbor;
mod cbor_map;
mod device;
#[cfg(feature = "directory")]
pub mod directory;
mod envelope;
pub mod filter;
mod force_signed;
mod issue;
pub mod keys;
pub mod labels;
pub mod limits;
mod list_error;
mod live;
pub mod ranks;
mod revocation;
mod revocation_bundle;
mod revocation_filter;
pub mod token;
mod trust;
mod verdict;
mod verify;

pub use check_code::{CheckCode, CodeError};
pub use card::{parse_hex, Card, Holder, InvalidCard, Role, UnixTime};
pub use device::{device_credential_text, read_device_credential, DeviceCredential};
pub use live::{sign_live_code, UnsignedLiveCode};
pub use ed25519_dalek::{Signature, SignatureError, Signer, SigningKey, VerifyingKey};
pub use issue::{card_qr_text, sign_card, SignError};
pub use list_error::ListError;
pub use revocation::RevocationList;
pub use revocation_bundle::{read_revocation_bundle, write_revocation_bundle};
pub use revocation_filter::{read_filter_bundle, write_filter_bundle, FilterInput, RevocationFilter};
pub use trust::{Force, IssuerKey, RootKey, TrustList};
pub use verdict::{Check, KeyProblem, MalformedReason, Verdict, Warning};
pub use verify::{read_unverified, verify, verify_with_filters, Unverified};

/// Lower-case hex of bytes (serials, key ids).
pub fn to_hex(bytes: &[u8]) -> alloc::string::String {
    card::hex_string(bytes)
}
