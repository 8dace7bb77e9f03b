//! Registered and private numbers used by the format, in one place (see docs/FORMAT.md).

/// Private-use CWT claim (RFC 8392 §9.1: keys below -65536) holding the card holder's
/// printed details as `[role, rank, number, name]`.
pub const HOLDER_CLAIM: i64 = -65537;

/// COSE content type (header label 3) of a signed trust list.
pub const TRUST_LIST_CONTENT_TYPE: &str = "application/warrant-trust-list+cbor";

/// COSE content type (header label 3) of a signed revocation list.
pub const REVOCATION_LIST_CONTENT_TYPE: &str = "application/warrant-revocation-list+cbor";

/// Version number carried by both lists; a checker rejects versions it does not know.
pub const LIST_VERSION: u64 = 1;
