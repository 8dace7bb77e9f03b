//! Registered and private numbers used by the format, in one place (see docs/FORMAT.md).

/// Private-use CWT claim (RFC 8392 §9.1: keys below -65536) holding the card holder's
/// printed details as `[role, rank, number, name]`.
pub const HOLDER_CLAIM: i64 = -65537;

/// COSE content type (header label 3) of a signed trust list.
pub const TRUST_LIST_CONTENT_TYPE: &str = "application/warrant-trust-list+cbor";

/// COSE content type (header label 3) of a signed revocation list.
pub const REVOCATION_LIST_CONTENT_TYPE: &str = "application/warrant-revocation-list+cbor";

/// COSE content type (header label 3) of a signed revocation filter (docs/FORMAT.md §14).
pub const REVOCATION_FILTER_CONTENT_TYPE: &str = "application/warrant-revocation-filter+cbor";

/// Version number carried by both lists; a checker rejects versions it does not know.
pub const LIST_VERSION: u64 = 1;

/// Private-use CWT claim of a device credential holding the serial (`cti`) of the card the
/// phone was enrolled for.
pub const CARD_CLAIM: i64 = -65538;

/// CWT confirmation claim (RFC 8747 §3.1): the device's public key as a COSE_Key.
pub const CNF_CLAIM: i64 = 8;

/// COSE content type of a device credential: binds an officer's phone key to their card.
pub const DEVICE_CREDENTIAL_CONTENT_TYPE: &str = "application/warrant-device+cbor";

/// COSE content type of a live code: a device credential and the time, signed by the phone.
pub const LIVE_CODE_CONTENT_TYPE: &str = "application/warrant-live+cbor";
