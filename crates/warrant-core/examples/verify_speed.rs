//! Time to verify one card, and one live code from an enrolled phone, natively, from QR
//! text to verdict (what a checker does per scan).
//! `cargo run --release -p warrant-core --example verify_speed`
//! Prints the median and spread over rounds; no thresholds, machines are noisy.

use std::time::Instant;

use warrant_core::{
    keys, sign_card, sign_live_code, token, verify, Card, DeviceCredential, Force, Holder, IssuerKey, RevocationList, Role, SigningKey,
    TrustList, Verdict,
};

fn main() {
    let now = 1_790_000_000;
    let key = SigningKey::from_bytes(&[2; 32]);
    let kid = keys::derive_key_id(&key.verifying_key());
    let trust = TrustList {
        issued_at: now,
        next_update: now + 1,
        expires: now + 1_000_000,
        forces: vec![Force {
            id: "MPS".into(),
            name: "Metropolitan Police Service".into(),
            keys: vec![IssuerKey { kid: kid.clone(), public_key: key.verifying_key(), not_before: 0, not_after: i64::MAX, withdrawn_from: None }],
        }],
    };
    // A revocation list the size of a big force's: 5,000 serials.
    let serials = (0u32..5_000).map(|i| i.to_be_bytes().repeat(2)).collect();
    let revocations = vec![RevocationList { issuer: "MPS".into(), issued_at: now, next_update: now + 1, expires: now + 1_000_000, serials }];
    let card = Card {
        issuer: "MPS".into(),
        serial: vec![7; 8],
        issued_at: now,
        not_before: now,
        expires_at: now + 100_000_000,
        holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(), number: "1234".into(), role: Role::PoliceOfficer },
    };
    let qr = token::qr_text("https://check.police.uk/", &sign_card(&card, &key, &kid).unwrap());

    let phone = SigningKey::from_bytes(&[9; 32]);
    let credential = DeviceCredential { card: card.clone(), serial: vec![5; 8], device_key: phone.verifying_key() };
    let live = token::qr_text("https://check.police.uk/", &sign_live_code(&credential.sign(&key, &kid).unwrap(), now, &phone).unwrap());

    for (what, qr, expected) in [("card", &qr, "genuine"), ("live code", &live, "live")] {
        let rounds = time(|| {
            let check = verify(std::hint::black_box(qr), &trust, &revocations, now);
            assert_eq!(check.verdict.name(), expected);
            matches!(check.verdict, Verdict::Genuine(_) | Verdict::Live(_))
        });
        println!(
            "verify one {what} ({} chars of QR text): median {:.1} µs, min {:.1} µs, max {:.1} µs ({} rounds of {PER_ROUND})",
            qr.len(),
            rounds[rounds.len() / 2],
            rounds[0],
            rounds[rounds.len() - 1],
            rounds.len()
        );
    }
}

const PER_ROUND: u32 = 2_000;

/// Microseconds per call over 15 rounds, sorted.
fn time(mut check: impl FnMut() -> bool) -> Vec<f64> {
    let mut rounds: Vec<f64> = (0..15)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..PER_ROUND {
                assert!(check());
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(PER_ROUND)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds
}
