//! Bounds on everything the checker accepts, so that hostile input costs little and
//! nothing downstream (a screen, a log line) has to cope with unbounded text.

/// Longest QR text accepted, in bytes. A real card's QR text is about 220 bytes.
pub const MAX_QR_TEXT_BYTES: usize = 2048;
/// Longest base64url token accepted, in characters.
pub const MAX_TOKEN_CHARS: usize = 1024;
/// Longest signed trust list or revocation list accepted, in bytes (room for ~100k serials).
pub const MAX_LIST_BYTES: usize = 4 * 1024 * 1024;
/// Largest revocation bundle accepted, in bytes, and most lists in one (the UK has about 50
/// issuers).
pub const MAX_BUNDLE_BYTES: usize = 16 * 1024 * 1024;
pub const MAX_BUNDLE_LISTS: usize = 1024;

/// Longest force identifier (`iss`), in characters.
pub const MAX_ISSUER_CHARS: usize = 16;
/// Longest name as printed, in characters.
pub const MAX_NAME_CHARS: usize = 64;
/// Longest rank as printed, in characters.
pub const MAX_RANK_CHARS: usize = 32;
/// Longest warrant or collar number, in characters.
pub const MAX_NUMBER_CHARS: usize = 16;
/// Longest card serial (`cti`), in bytes.
pub const MAX_SERIAL_BYTES: usize = 32;
/// Length of serials the issuer tool makes, in bytes: random, so 64 bits keep
/// collisions negligible across all forces' cards while keeping the QR small.
pub const SERIAL_BYTES: usize = 8;

/// Allowance for a phone clock that runs slow, applied to a card's not-before (a card
/// issued minutes ago must not be called "not yet valid" at the door) and to a signed
/// list's `iat` (a list published minutes ago must not be refused as dated ahead).
pub const CLOCK_SKEW_SECONDS: i64 = 300;

/// How far from the checker's clock a live code's time may be for the verdict `live`
/// (docs/FORMAT.md §12.3): the phone remakes its code every few seconds, two phones that
/// keep network time agree within a second or two, and reading a code takes a few more;
/// a photo of a screen, or a code relayed from elsewhere, is usually older than this.
pub const LIVE_CODE_WINDOW_SECONDS: i64 = 30;
