//! Fetched list files are untrusted bytes until their signature checks out.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warrant_core::{RevocationList, RootKey, SigningKey, TrustList};

fuzz_target!(|data: &[u8]| {
    let root = RootKey::new(SigningKey::from_bytes(&[1; 32]).verifying_key());
    assert!(TrustList::open(data, &[root], 0).is_err());
    let trust = TrustList { issued_at: 0, next_update: 0, expires: i64::MAX, forces: vec![] };
    assert!(RevocationList::open(data, &trust, 0).is_err());
});
