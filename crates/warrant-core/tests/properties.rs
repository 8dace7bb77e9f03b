//! Properties over many inputs: round trips hold, and nothing but the exact signed bytes
//! is ever genuine.

mod common;

use common::{World, ADDRESS, DAY, NOW};
use proptest::prelude::*;
use warrant_core::{token, verify, Card, Holder, Role, Verdict};

fn check(world: &World, qr: &str) -> Verdict {
    verify(qr, &world.trust, &[world.revocations(&[])], NOW).verdict
}

#[test]
fn every_single_bit_flip_in_a_card_is_refused() {
    let world = World::new();
    let cose = world.cose(&world.card());
    assert!(check(&world, &token::qr_text(ADDRESS, &cose)).is_genuine());
    for i in 0..cose.len() {
        for bit in 0..8 {
            let mut bad = cose.clone();
            bad[i] ^= 1 << bit;
            let verdict = check(&world, &token::qr_text(ADDRESS, &bad));
            assert!(!verdict.is_genuine(), "byte {i} bit {bit} flipped still genuine");
        }
    }
}

#[test]
fn every_truncation_of_a_card_is_refused() {
    let world = World::new();
    let qr = world.qr(&world.card());
    let start = qr.find('#').unwrap() + 1;
    for end in start..qr.len() {
        let verdict = check(&world, &qr[..end]);
        assert!(!verdict.is_genuine(), "cut at {end} still genuine");
        assert!(matches!(verdict, Verdict::Malformed(_) | Verdict::NotACard), "cut at {end}: {verdict:?}");
    }
}

fn holder_text(max: usize) -> impl Strategy<Value = String> {
    // Printable text including non-ASCII letters, as names on cards have.
    proptest::string::string_regex(&format!("[A-Za-z0-9ÀÉÖÿŁł' .-]{{1,{max}}}")).unwrap().prop_filter("no outer spaces", |s| s.trim() == s && !s.is_empty())
}

fn card() -> impl Strategy<Value = Card> {
    (holder_text(64), holder_text(32), holder_text(16), 0usize..4, proptest::collection::vec(any::<u8>(), 1..=32), 0i64..(40 * 365 * DAY), 1i64..(10 * 365 * DAY), 0i64..DAY)
        .prop_map(|(name, rank, number, role, serial, issued, valid_for, delay)| Card {
            issuer: "MPS".into(),
            serial,
            issued_at: issued,
            not_before: issued + delay,
            expires_at: issued + delay + valid_for,
            holder: Holder { name, rank, number, role: Role::ALL[role] },
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_valid_card_round_trips(card in card()) {
        let world = World::new();
        let qr = world.qr(&card);
        let now = card.not_before;
        let mut trust = world.trust.clone();
        trust.forces[0].keys[0].not_before = i64::MIN;
        trust.forces[0].keys[0].not_after = i64::MAX;
        let got = verify(&qr, &trust, &[], now).verdict;
        prop_assert_eq!(got, Verdict::Genuine(card.clone()));
        // And the bare token, as typed by call-centre staff.
        let bare = &qr[qr.find('#').unwrap() + 1..];
        prop_assert_eq!(verify(bare, &trust, &[], now).verdict, Verdict::Genuine(card));
    }

    #[test]
    fn any_byte_changed_anywhere_is_never_genuine(index in any::<prop::sample::Index>(), mask in 1u8..=255) {
        let world = World::new();
        let mut cose = world.cose(&world.card());
        let i = index.index(cose.len());
        cose[i] ^= mask;
        prop_assert!(!check(&world, &token::qr_text(ADDRESS, &cose)).is_genuine());
    }

    #[test]
    fn any_token_character_changed_is_never_genuine(index in any::<prop::sample::Index>(), c in proptest::char::any()) {
        let world = World::new();
        let qr = world.qr(&world.card());
        let start = qr.find('#').unwrap() + 1;
        let chars: Vec<char> = qr[start..].chars().collect();
        let i = index.index(chars.len());
        prop_assume!(chars[i] != c);
        let mut changed = chars.clone();
        changed[i] = c;
        let bad = format!("{}{}", &qr[..start], changed.into_iter().collect::<String>());
        prop_assert!(!check(&world, &bad).is_genuine());
    }

    #[test]
    fn arbitrary_text_gets_a_verdict_without_panicking(text in ".{0,3000}") {
        let world = World::new();
        let verdict = check(&world, &text);
        prop_assert!(!verdict.is_genuine());
    }

    #[test]
    fn arbitrary_bytes_behind_our_prefix_are_never_genuine(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        // 0xD2 0x84: tag 18 and an array of four, so the decoder gets past the prefix check.
        let mut cose = vec![0xD2, 0x84];
        cose.extend(bytes);
        let world = World::new();
        let verdict = check(&world, &token::qr_text(ADDRESS, &cose));
        prop_assert!(matches!(verdict, Verdict::Malformed(_) | Verdict::UnknownIssuer { .. } | Verdict::InvalidSignature), "{:?}", verdict);
    }
}
