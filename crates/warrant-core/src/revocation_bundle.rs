//! Every force's revocation list in one file, so that a checker makes one request for them
//! all instead of one per force (fifty across the UK). The bundle is not signed: each list in
//! it is still opened on its own, against its own force's keys, so whoever assembles the
//! bundle can leave a list out (as a failed request could) but cannot change one.

use alloc::string::String;
use alloc::vec::Vec;

use crate::force_signed;
use crate::list_error::ListError;

/// Writes a bundle of signed revocation lists, each given with its force's id. Sorted by
/// force id, so the same lists always make the same bytes. Refuses two lists for one force.
pub fn write_revocation_bundle(lists: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ListError> {
    force_signed::write_bundle("lists", "two lists for one force", lists)
}

/// Reads a bundle into its signed revocation lists, not yet opened (see
/// `RevocationList::open`, for each one).
pub fn read_revocation_bundle(bytes: &[u8]) -> Result<Vec<Vec<u8>>, ListError> {
    force_signed::read_bundle("lists", bytes)
}
