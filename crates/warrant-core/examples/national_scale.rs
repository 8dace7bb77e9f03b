//! The lists at national scale (issue 13): about 50 issuers and 300,000 cards, 3% of them
//! revoked. Writes the signed trust list and one revocation list per force into a folder,
//! as a checker would fetch them, and times what a checker does with them: open every list,
//! then verify one card with all of them held.
//! `cargo run --release -p warrant-core --example national_scale -- OUT_DIR [NOW]` (see
//! benches/national.sh). NOW (Unix seconds, default a fixed 1,790,000,000) dates the lists, so
//! that a checker built with them (benches/national-checker.sh) finds them current; the folder
//! also gets the root's public key (root.pub.pem) and one genuine card of the largest force
//! (card.token, the token after a link's `#`), as a checker's build and a first visit need.

use std::time::Instant;

use warrant_core::{
    keys, read_revocation_bundle, sign_card, token, verify, write_revocation_bundle, Card, Force, Holder, IssuerKey, RevocationList, Role, RootKey, SigningKey, TrustList,
};

const FORCES: usize = 50;
const CARDS: usize = 300_000;
const REVOKED_PER_THOUSAND: usize = 30;

/// Cards per force: one force of 47,000 (the Metropolitan Police's size) and the rest
/// sharing what is left, as the 43 forces of England and Wales, Scotland, PSNI, BTP and
/// others roughly do.
fn cards_of(force: usize) -> usize {
    if force == 0 { 47_000 } else { (CARDS - 47_000) / (FORCES - 1) }
}

/// A reproducible pseudo-random serial (splitmix64): serials are random in real life.
fn serial(n: u64) -> Vec<u8> {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)).to_be_bytes().to_vec()
}

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: national_scale OUT_DIR"));
    std::fs::create_dir_all(&out).expect("output folder");
    let now: warrant_core::UnixTime = std::env::args().nth(2).map_or(1_790_000_000, |n| n.parse().expect("NOW: Unix seconds"));
    let root = SigningKey::from_bytes(&[1; 32]);
    let root_key = RootKey::new(root.verifying_key());
    std::fs::write(out.join("root.pub.pem"), keys::verifying_key_to_pem(&root.verifying_key())).expect("write");
    // Two keys a force, as during a key rollover.
    let force_keys: Vec<[SigningKey; 2]> =
        (0..FORCES).map(|f| [SigningKey::from_bytes(&[(2 * f + 2) as u8; 32]), SigningKey::from_bytes(&[(2 * f + 3) as u8; 32])]).collect();
    let id = |f: usize| format!("F{f:02}");
    let trust = TrustList {
        issued_at: now,
        next_update: now + 7 * 86_400,
        expires: now + 30 * 86_400,
        forces: (0..FORCES)
            .map(|f| Force {
                id: id(f),
                name: format!("Example Constabulary number {f} (a typical force name)"),
                keys: force_keys[f]
                    .iter()
                    .map(|k| IssuerKey {
                        kid: keys::derive_key_id(&k.verifying_key()),
                        public_key: k.verifying_key(),
                        not_before: now - 365 * 86_400,
                        not_after: now + 365 * 86_400,
                        withdrawn_from: None,
                    })
                    .collect(),
            })
            .collect(),
    };
    let signed_trust = trust.sign(&root, &root_key.kid).expect("a key in memory signs");
    std::fs::write(out.join("trust-list.cose"), &signed_trust).expect("write");

    // Each force's own list (as published for other systems), and the bundle of all of them
    // that the checker fetches (FORMAT.md §8.1).
    std::fs::create_dir_all(out.join("per-force")).expect("mkdir");
    let mut signed_lists = Vec::new();
    let mut next_serial = 0u64;
    for f in 0..FORCES {
        let cards = cards_of(f);
        let revoked = cards * REVOKED_PER_THOUSAND / 1000;
        let serials = (0..revoked).map(|i| serial(next_serial + i as u64)).collect();
        next_serial += cards as u64;
        let list = RevocationList { issuer: id(f), issued_at: now, next_update: now + 86_400, expires: now + 14 * 86_400, serials };
        let key = &force_keys[f][0];
        let signed = list.sign(key, &keys::derive_key_id(&key.verifying_key())).expect("a key in memory signs");
        std::fs::write(out.join("per-force").join(format!("revocations-{}.cose", id(f))), &signed).expect("write");
        signed_lists.push((id(f), signed));
    }
    let bundle = write_revocation_bundle(signed_lists).expect("bundle");
    std::fs::write(out.join("revocations.cbor"), &bundle).expect("write");

    // What a checker does on load: open the trust list, read the bundle and open every
    // force's revocation list in it.
    let opened = Instant::now();
    let trust = TrustList::open(&signed_trust, &[root_key], now).expect("trust list opens");
    let signed_lists = read_revocation_bundle(&bundle).expect("bundle reads");
    let lists: Vec<RevocationList> = signed_lists.iter().map(|l| RevocationList::open(l, &trust, now).expect("list opens")).collect();
    let open_ms = opened.elapsed().as_secs_f64() * 1e3;

    // Then one card, from the biggest force, checked against all of them.
    let card = Card {
        issuer: id(0),
        serial: serial(u64::MAX),
        issued_at: now - 86_400,
        not_before: now - 86_400,
        expires_at: now + 365 * 86_400,
        holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(), number: "1234".into(), role: Role::PoliceOfficer },
    };
    let key = &force_keys[0][0];
    let signed_card = sign_card(&card, key, &keys::derive_key_id(&key.verifying_key())).expect("valid card");
    let qr = token::qr_text("https://check.police.uk/", &signed_card);
    std::fs::write(out.join("card.token"), qr.split_once('#').expect("a link").1).expect("write");
    let rounds = 200;
    let verified = Instant::now();
    for _ in 0..rounds {
        assert!(verify(std::hint::black_box(&qr), &trust, &lists, now).verdict.is_genuine());
    }
    let verify_us = verified.elapsed().as_secs_f64() * 1e6 / f64::from(rounds);
    let revoked: usize = lists.iter().map(|l| l.serials.len()).sum();
    println!("forces {FORCES}, cards {CARDS}, revoked {revoked}");
    println!("trust list {} bytes; revocation lists {} bytes in {} files; bundle {} bytes", signed_trust.len(), signed_lists.iter().map(Vec::len).sum::<usize>(), signed_lists.len(), bundle.len());
    println!("open all lists: {open_ms:.1} ms; verify one card with all held: {verify_us:.1} µs (mean of {rounds}, native, release)");
}
