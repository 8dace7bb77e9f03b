//! Why a signed list (trust list or revocation list) was refused.

use crate::verdict::MalformedReason;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// Larger than any list a checker accepts.
    Oversized,
    /// Not a signed list, or a field is missing or of the wrong type.
    Malformed(&'static str),
    /// A different kind of document (for example a card, or the other kind of list).
    WrongContentType,
    /// A list version this checker does not understand.
    UnsupportedVersion(u64),
    /// Signed with a key that may not sign this list.
    UnknownSigner,
    /// The signature does not match: tampered or forged.
    InvalidSignature,
    /// Past its expiry: no longer to be relied on at all.
    Expired { expires: i64 },
    /// Signed later than now (beyond the clock allowance): either a key was stolen and a list
    /// dated ahead to outrank every real one, or this device's clock is behind.
    IssuedInFuture { issued_at: i64 },
}

impl ListError {
    pub fn code(&self) -> &'static str {
        match self {
            ListError::Oversized => "oversized",
            ListError::Malformed(_) => "malformed",
            ListError::WrongContentType => "wrong-content-type",
            ListError::UnsupportedVersion(_) => "unsupported-version",
            ListError::UnknownSigner => "unknown-signer",
            ListError::InvalidSignature => "invalid-signature",
            ListError::Expired { .. } => "expired",
            ListError::IssuedInFuture { .. } => "issued-in-future",
        }
    }
}

impl core::fmt::Display for ListError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ListError::Oversized => f.write_str("list is too large"),
            ListError::Malformed(what) => write!(f, "list is malformed ({what})"),
            ListError::WrongContentType => f.write_str("not this kind of list"),
            ListError::UnsupportedVersion(v) => write!(f, "list version {v} is not supported"),
            ListError::UnknownSigner => f.write_str("list is signed by a key that may not sign it"),
            ListError::InvalidSignature => f.write_str("list signature does not match (tampered or forged)"),
            ListError::Expired { .. } => f.write_str("list has expired"),
            ListError::IssuedInFuture { .. } => f.write_str("list is dated after now (or this clock is behind)"),
        }
    }
}

impl core::error::Error for ListError {}

impl From<MalformedReason> for ListError {
    fn from(reason: MalformedReason) -> Self {
        match reason {
            MalformedReason::Oversized => ListError::Oversized,
            MalformedReason::Truncated => ListError::Malformed("truncated"),
            MalformedReason::UnsupportedAlgorithm => ListError::Malformed("algorithm is not EdDSA"),
            MalformedReason::BadStructure(what) | MalformedReason::MissingClaim(what) | MalformedReason::BadClaim(what) => {
                ListError::Malformed(what)
            }
            MalformedReason::BadEncoding => ListError::Malformed("encoding"),
        }
    }
}
