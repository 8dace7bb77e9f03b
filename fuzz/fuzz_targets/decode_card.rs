//! Any scanned text, and any COSE bytes behind a checker address, must get a verdict
//! without panicking, and nothing a fuzzer makes is genuine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warrant_core::{keys, token, verify, Force, IssuerKey, SigningKey, TrustList};

fn trust() -> TrustList {
    let key = SigningKey::from_bytes(&[2; 32]).verifying_key();
    TrustList {
        issued_at: 0,
        next_update: i64::MAX,
        expires: i64::MAX,
        forces: vec![Force {
            id: "MPS".into(),
            name: "Metropolitan Police Service".into(),
            keys: vec![IssuerKey { kid: keys::derive_key_id(&key), public_key: key, not_before: 0, not_after: i64::MAX, withdrawn_from: None }],
        }],
    }
}

fuzz_target!(|data: &[u8]| {
    let trust = trust();
    let now = 1_790_000_000;
    // As text: the QR decoder hands us a string.
    let text = String::from_utf8_lossy(data);
    assert!(!verify(&text, &trust, &[], now).verdict.is_genuine());
    // As COSE bytes: reach the CBOR and claims parsers directly.
    let qr = token::qr_text("https://check.example/", data);
    assert!(!verify(&qr, &trust, &[], now).verdict.is_genuine());
    let _ = warrant_core::read_unverified(&qr);
});
