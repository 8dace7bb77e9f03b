//! Pictures of a warrant card as a phone camera sees it: a credit-card-sized card with its
//! 25 mm QR code, held up at a door, tilted, turned, out of focus, moving, in poor light or
//! under a lamp's glare. Used to choose and test the QR decoder, to benchmark it against
//! other web scanners (`corpus`), and to feed Chromium's fake camera (`write_y4m`).
//! Deterministic: the same conditions give the same pixels, natively and in Wasm.

mod corpus;
mod geometry;
mod optics;
mod rng;
mod scene;
mod y4m;

pub use corpus::{corpus, Card, Condition, Sample};
pub use scene::{empty_frame, frame, module_count, scale_for_module_px, Conditions};
pub use y4m::write_y4m;

/// The QR text of a typical card (version 10 at level M) and of a card with a long name
/// (version 12), signed with the DEMO keys.
pub const TYPICAL_CARD: &str = "https://check.police.uk/#0oRHogEnBELkZKBYNaUBZERFTU8EGm_BDsAGGmmmzUAHSAYwBPO5VuyrOgABAACEAQFkMTIzNGpKYW5lIFNtaXRoWEDvQixBgHDR6KSewtQJFW4XZ3UHeEwe5nntN7q6ipTJCdmZciTuCtV4h7m-UwB7ayjfaHbpDs2WQM6sqrtxfs8A";
pub const LONG_NAME_CARD: &str = "https://check.police.uk/#0oRHogEnBELkZKBYcKUBZERFTU8EGm_BDsAGGmmmzUAHSMLlKupVnzMAOgABAACEAQxrRENTIDEyMzQ1Njd4PUFsZXhhbmRyYSBDYXRoZXJpbmUgTW9udGdvbWVyeS1GaXR6d2lsbGlhbSBBc2h3b3J0aC1CZWF1Y2hhbXBYQCtYP4Y7mWT1yUjJbzpeGgvz4ehTPxVQwmxuAUqvZoM3WsmAuVB0zfbje9pERthDjcCZ9GAFFEbk1xPDMqIeTg4";
