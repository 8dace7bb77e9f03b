//! What the checker concludes about a QR text: the one type every screen, test and
//! script reads.

use alloc::string::String;
use alloc::vec::Vec;

use crate::card::Card;

/// Why a credential that looks like ours could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MalformedReason {
    /// Longer than any real card's code.
    Oversized,
    /// Not valid unpadded base64url.
    BadEncoding,
    /// The bytes stop before the credential ends.
    Truncated,
    /// Not a COSE_Sign1 in the shape this format allows.
    BadStructure(&'static str),
    /// Signed with something other than EdDSA.
    UnsupportedAlgorithm,
    /// A required claim is absent.
    MissingClaim(&'static str),
    /// A claim has the wrong type or breaks a limit.
    BadClaim(&'static str),
}

impl MalformedReason {
    /// Stable machine code, as used in JSON output and test vectors.
    pub fn code(&self) -> &'static str {
        match self {
            MalformedReason::Oversized => "oversized",
            MalformedReason::BadEncoding => "bad-encoding",
            MalformedReason::Truncated => "truncated",
            MalformedReason::BadStructure(_) => "bad-structure",
            MalformedReason::UnsupportedAlgorithm => "unsupported-algorithm",
            MalformedReason::MissingClaim(_) => "missing-claim",
            MalformedReason::BadClaim(_) => "bad-claim",
        }
    }
}

impl core::fmt::Display for MalformedReason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            MalformedReason::Oversized => f.write_str("too long to be a warrant card code"),
            MalformedReason::BadEncoding => f.write_str("not valid base64url"),
            MalformedReason::Truncated => f.write_str("the code is cut short"),
            MalformedReason::BadStructure(what) => write!(f, "not a valid signed credential ({what})"),
            MalformedReason::UnsupportedAlgorithm => f.write_str("signature algorithm is not EdDSA"),
            MalformedReason::MissingClaim(c) => write!(f, "missing claim {c}"),
            MalformedReason::BadClaim(c) => write!(f, "invalid claim {c}"),
        }
    }
}

/// Why a force's key that signed a card may not vouch for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    /// The card says it was issued before the key's validity window opened.
    NotYetValid,
    /// The card says it was issued after the key's validity window closed.
    Expired,
    /// The key was withdrawn (compromised) on or before the card's issue time.
    Withdrawn,
}

impl KeyProblem {
    pub fn code(self) -> &'static str {
        match self {
            KeyProblem::NotYetValid => "key-not-yet-valid",
            KeyProblem::Expired => "key-expired",
            KeyProblem::Withdrawn => "key-withdrawn",
        }
    }
}

/// The outcome of checking one QR text. Each variant is one screen in the checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Signed by a trusted force key, in date, not revoked.
    Genuine(Card),
    /// Genuinely issued, but the force has cancelled it (lost, stolen, replaced).
    Revoked(Card),
    /// Genuinely issued, but past its expiry.
    Expired(Card),
    /// Genuinely issued, but its validity has not started.
    NotYetValid(Card),
    /// A live code, just made by the phone enrolled for this genuine card: the person
    /// showing it holds that phone.
    Live(Card),
    /// A good live code, but not made just now: replayed, or a photo of a screen.
    LiveStale(Card),
    /// The force, or the force's key, is not in the trust list.
    UnknownIssuer { issuer: String },
    /// The signature is good but the key may not vouch for this card.
    IssuerKeyInvalid { card: Card, problem: KeyProblem },
    /// Claims to be from a trusted key, but the signature does not match: forged or altered.
    InvalidSignature,
    /// Looks like a warrant-card code but is broken.
    Malformed(MalformedReason),
    /// Some other QR code (a web address, a payment code, text).
    NotACard,
}

impl Verdict {
    /// Stable machine name: `data-verdict`, JSON `verdict`, vector `expected`.
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Genuine(_) => "genuine",
            Verdict::Revoked(_) => "revoked",
            Verdict::Expired(_) => "expired",
            Verdict::NotYetValid(_) => "not-yet-valid",
            Verdict::Live(_) => "live",
            Verdict::LiveStale(_) => "live-stale",
            Verdict::UnknownIssuer { .. } => "unknown-issuer",
            Verdict::IssuerKeyInvalid { .. } => "issuer-key-invalid",
            Verdict::InvalidSignature => "invalid-signature",
            Verdict::Malformed(_) => "malformed",
            Verdict::NotACard => "not-a-card",
        }
    }

    /// Every verdict name, in the order of the specification.
    pub const NAMES: [&'static str; 11] = [
        "genuine",
        "revoked",
        "expired",
        "not-yet-valid",
        "live",
        "live-stale",
        "unknown-issuer",
        "issuer-key-invalid",
        "invalid-signature",
        "malformed",
        "not-a-card",
    ];

    pub fn is_genuine(&self) -> bool {
        matches!(self, Verdict::Genuine(_))
    }

    /// The card's details, where its signature was verified.
    pub fn card(&self) -> Option<&Card> {
        match self {
            Verdict::Genuine(c) | Verdict::Revoked(c) | Verdict::Expired(c) | Verdict::NotYetValid(c) | Verdict::Live(c) | Verdict::LiveStale(c) => {
                Some(c)
            }
            Verdict::IssuerKeyInvalid { card, .. } => Some(card),
            _ => None,
        }
    }
}

/// Something the person checking should know even when the verdict stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The trust list is past its next-update time.
    TrustListOutOfDate { next_update: i64 },
    /// The card's force's revocation list is past its next-update time.
    RevocationListOutOfDate { next_update: i64 },
    /// No revocation list for the card's force was available: a lost card would pass.
    NoRevocationList,
}

impl Warning {
    pub fn code(&self) -> &'static str {
        match self {
            Warning::TrustListOutOfDate { .. } => "trust-list-out-of-date",
            Warning::RevocationListOutOfDate { .. } => "revocation-list-out-of-date",
            Warning::NoRevocationList => "no-revocation-list",
        }
    }
}

/// A verdict and the warnings that go with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub verdict: Verdict,
    pub warnings: Vec<Warning>,
}
