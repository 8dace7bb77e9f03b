//! Revocation filters at national scale (docs/FORMAT.md §14), on the figures of
//! `national_scale`: 50 forces, 299,987 cards, 3% of each force's revoked, the same serials.
//! Builds and signs each force's filter, writes them and their bundle into a folder, times
//! the build, opening them all and a card's verification, then asks each force's filter about
//! every card the force issued and counts the wrong answers (a card called revoked that is
//! not, or not revoked that is): exhaustive, not sampled, and it must be 0.
//! `cargo run --release -p warrant-core --example national_filters -- OUT_DIR` (see benches/national.sh)

use std::time::Instant;

use warrant_core::{
    keys, read_filter_bundle, sign_card, token, verify_with_filters, write_filter_bundle, Card, FilterInput, Force, Holder, IssuerKey, RevocationFilter,
    Role, RootKey, SigningKey, TrustList,
};

const FORCES: usize = 50;
const CARDS: usize = 300_000;
const REVOKED_PER_THOUSAND: usize = 30;

/// As `national_scale`: one force of 47,000 cards and 49 sharing the rest.
fn cards_of(force: usize) -> usize {
    if force == 0 { 47_000 } else { (CARDS - 47_000) / (FORCES - 1) }
}

/// As `national_scale`: reproducible random-looking serials (splitmix64).
fn serial(n: u64) -> Vec<u8> {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)).to_be_bytes().to_vec()
}

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).expect("usage: national_filters OUT_DIR"));
    std::fs::create_dir_all(out.join("per-force")).expect("output folder");
    // NOW (Unix seconds) as the second argument, as `national_scale` takes it, for filters that
    // are current (benches/national-checker.sh).
    let now: warrant_core::UnixTime = std::env::args().nth(2).map_or(1_790_000_000, |n| n.parse().expect("NOW: Unix seconds"));
    // Two days before `now`: every card here was issued long before, and `national_scale`'s
    // sample card (issued a day before `now`) comes after it, so no filter is asked about it.
    let coverage = now - 2 * 86_400;
    let issued_at = now - 100 * 86_400;
    let root = SigningKey::from_bytes(&[1; 32]);
    let root_key = RootKey::new(root.verifying_key());
    let force_keys: Vec<SigningKey> = (0..FORCES).map(|f| SigningKey::from_bytes(&[(2 * f + 2) as u8; 32])).collect();
    let id = |f: usize| format!("F{f:02}");
    let trust = TrustList {
        issued_at: now,
        next_update: now + 7 * 86_400,
        expires: now + 30 * 86_400,
        forces: (0..FORCES)
            .map(|f| Force {
                id: id(f),
                name: format!("Example Constabulary number {f} (a typical force name)"),
                keys: vec![IssuerKey {
                    kid: keys::derive_key_id(&force_keys[f].verifying_key()),
                    public_key: force_keys[f].verifying_key(),
                    not_before: now - 365 * 86_400,
                    not_after: now + 365 * 86_400,
                    withdrawn_from: None,
                }],
            })
            .collect(),
    };
    let signed_trust = trust.sign(&root, &root_key.kid).expect("a key in memory signs");
    std::fs::write(out.join("trust-list.cose"), &signed_trust).expect("write");

    // Each force's filter, built from its issued serials and its register, and signed.
    let mut forces = Vec::new();
    let mut signed = Vec::new();
    let mut next_serial = 0u64;
    let mut build_ms = Vec::new();
    let mut filter_bits = 0;
    for f in 0..FORCES {
        let cards = cards_of(f);
        let revoked = cards * REVOKED_PER_THOUSAND / 1000;
        let serials: Vec<Vec<u8>> = (0..cards).map(|i| serial(next_serial + i as u64)).collect();
        next_serial += cards as u64;
        let started = Instant::now();
        let issued: Vec<(&[u8], i64)> = serials.iter().map(|s| (s.as_slice(), issued_at)).collect();
        let register: Vec<&[u8]> = serials[..revoked].iter().map(Vec::as_slice).collect();
        let (exact, recent) = FilterInput { issued: &issued, revoked: &register, coverage, seeds: warrant_core::filter::SEEDS }.build();
        build_ms.push(started.elapsed().as_secs_f64() * 1e3);
        filter_bits += exact.bits.len();
        let filter = RevocationFilter { issuer: id(f), issued_at: now, next_update: now + 86_400, expires: now + 7 * 86_400, coverage, filter: exact, recent };
        let bytes = filter.sign(&force_keys[f], &keys::derive_key_id(&force_keys[f].verifying_key())).expect("a key in memory signs");
        std::fs::write(out.join("per-force").join(format!("revocation-filter-{}.cose", id(f))), &bytes).expect("write");
        signed.push((id(f), bytes));
        forces.push((serials, revoked));
    }
    let bundle = write_filter_bundle(signed).expect("bundle");
    std::fs::write(out.join("revocation-filters.cbor"), &bundle).expect("write");

    // What a checker does on load: open the trust list, read the bundle, open every filter.
    let opened = Instant::now();
    let trust = TrustList::open(&signed_trust, &[root_key], now).expect("trust list opens");
    let filters: Vec<RevocationFilter> = read_filter_bundle(&bundle).expect("bundle reads").iter().map(|b| RevocationFilter::open(b, &trust, now).expect("filter opens")).collect();
    let open_ms = opened.elapsed().as_secs_f64() * 1e3;

    // Every issued serial, asked of its own force's filter.
    let asked_at = Instant::now();
    let (mut asked, mut false_revoked, mut false_not_revoked) = (0usize, 0usize, 0usize);
    for (filter, (serials, revoked)) in filters.iter().zip(&forces) {
        for (i, s) in serials.iter().enumerate() {
            asked += 1;
            match (filter.revokes_card(s, issued_at), i < *revoked) {
                (true, false) => false_revoked += 1,
                (false, true) => false_not_revoked += 1,
                _ => {}
            }
        }
    }
    let lookup_ns = asked_at.elapsed().as_secs_f64() * 1e9 / asked as f64;

    // And one card end to end, from the largest force, not revoked, with every filter held.
    let card = Card {
        issuer: id(0),
        serial: forces[0].0[forces[0].1].clone(),
        issued_at,
        not_before: issued_at,
        expires_at: now + 365 * 86_400,
        holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(), number: "1234".into(), role: Role::PoliceOfficer },
    };
    let qr = token::qr_text("https://check.police.uk/", &sign_card(&card, &force_keys[0], &keys::derive_key_id(&force_keys[0].verifying_key())).expect("valid card"));
    let rounds = 200;
    let verified = Instant::now();
    for _ in 0..rounds {
        assert!(verify_with_filters(std::hint::black_box(&qr), &trust, &[], &filters, now).verdict.is_genuine());
    }
    let verify_us = verified.elapsed().as_secs_f64() * 1e6 / f64::from(rounds);

    let revoked: usize = forces.iter().map(|(_, r)| r).sum();
    let (r, n) = (revoked as f64, asked as f64);
    let bound_bytes: f64 = forces
        .iter()
        .map(|(s, r)| {
            let (n, p) = (s.len() as f64, *r as f64 / s.len() as f64);
            n * (-(p * p.log2()) - (1.0 - p) * (1.0 - p).log2()) / 8.0
        })
        .sum();
    let total_ms: f64 = build_ms.iter().sum();
    println!("filters: forces {FORCES}, cards {asked}, revoked {revoked} ({:.1}%)", 100.0 * r / n);
    println!(
        "filter bits {filter_bits} bytes in all (information bound log2 C(n,r) summed over forces: {bound_bytes:.0} bytes; {:.2}x); signed filters {} bytes; bundle {} bytes",
        filter_bits as f64 / bound_bytes,
        read_filter_bundle(&bundle).expect("reads").iter().map(Vec::len).sum::<usize>(),
        bundle.len()
    );
    println!(
        "build: {total_ms:.0} ms for all 50 (F00, 47,000 cards: {:.0} ms; others {:.1}-{:.1} ms); open all filters: {open_ms:.1} ms; lookup {lookup_ns:.0} ns a card; verify one card with all held: {verify_us:.1} µs (mean of {rounds}, native, release)",
        build_ms[0],
        build_ms[1..].iter().cloned().fold(f64::MAX, f64::min),
        build_ms[1..].iter().cloned().fold(0.0, f64::max)
    );
    println!("exhaustive over every issued serial: {asked} asked, {false_revoked} false revoked, {false_not_revoked} false not revoked");
    println!("wrong answers: {}", false_revoked + false_not_revoked);
    if false_revoked + false_not_revoked != 0 {
        std::process::exit(1);
    }
}
