//! Trust lists and revocation lists: only the exact bytes a trusted key signed are used.

mod common;

use common::{World, DAY, NOW};
use warrant_core::{keys, limits, ListError, RevocationList, RootKey, SigningKey, TrustList};

#[test]
fn trust_list_round_trips() {
    let world = World::new();
    let opened = TrustList::open(&world.signed_trust(), &[world.root_key.clone()], NOW).unwrap();
    assert_eq!(opened, world.trust);
}

#[test]
fn trust_list_with_withdrawn_key_round_trips() {
    let mut world = World::new();
    world.trust.forces[0].keys[0].withdrawn_from = Some(NOW - 5 * DAY);
    let opened = TrustList::open(&world.signed_trust(), &[world.root_key.clone()], NOW).unwrap();
    assert_eq!(opened.forces[0].keys[0].withdrawn_from, Some(NOW - 5 * DAY));
}

#[test]
fn every_changed_byte_of_a_trust_list_is_refused() {
    let world = World::new();
    let signed = world.signed_trust();
    for i in 0..signed.len() {
        let mut bad = signed.clone();
        bad[i] ^= 0x01;
        assert!(TrustList::open(&bad, &[world.root_key.clone()], NOW).is_err(), "byte {i}");
    }
}

#[test]
fn trust_list_signed_by_another_root_is_refused() {
    let world = World::new();
    let other = SigningKey::from_bytes(&[9; 32]);
    // Same key id as the real root, so the signature itself is what refuses it.
    let forged = world.trust.sign(&other, &world.root_key.kid).unwrap();
    assert_eq!(TrustList::open(&forged, &[world.root_key.clone()], NOW), Err(ListError::InvalidSignature));
    let unknown = world.trust.sign(&other, &keys::derive_key_id(&other.verifying_key())).unwrap();
    assert_eq!(TrustList::open(&unknown, &[world.root_key.clone()], NOW), Err(ListError::UnknownSigner));
}

#[test]
fn a_second_root_can_be_trusted_during_rollover() {
    let world = World::new();
    let next = SigningKey::from_bytes(&[10; 32]);
    let next_root = RootKey::new(next.verifying_key());
    let signed = world.trust.sign(&next, &next_root.kid).unwrap();
    assert!(TrustList::open(&signed, &[world.root_key.clone(), next_root], NOW).is_ok());
}

#[test]
fn expired_trust_list_is_refused_and_out_of_date_one_is_flagged() {
    let world = World::new();
    let signed = world.signed_trust();
    let roots = [world.root_key.clone()];
    let expires = world.trust.expires;
    assert_eq!(TrustList::open(&signed, &roots, expires), Err(ListError::Expired { expires }));
    let late = TrustList::open(&signed, &roots, expires - 1).unwrap();
    assert!(late.is_out_of_date(expires - 1));
    assert!(!late.is_out_of_date(world.trust.next_update - 1));
    assert!(late.is_out_of_date(world.trust.next_update));
}

#[test]
fn a_card_or_revocation_list_is_not_a_trust_list() {
    let world = World::new();
    let roots = [world.root_key.clone()];
    assert_eq!(TrustList::open(&world.cose(&world.card()), &roots, NOW), Err(ListError::WrongContentType));
    let revocations = world.revocations(&[]).sign(&world.force_key, &world.kid).unwrap();
    assert_eq!(TrustList::open(&revocations, &roots, NOW), Err(ListError::WrongContentType));
    let trust = world.signed_trust();
    assert_eq!(RevocationList::open(&trust, &world.trust, NOW), Err(ListError::WrongContentType));
}

#[test]
fn garbage_and_oversized_lists_are_refused() {
    let world = World::new();
    let roots = [world.root_key.clone()];
    for bytes in [&b""[..], b"\xd2", b"not cbor at all", b"\xd2\x84\x40\xa0\xf6\x40"] {
        assert!(matches!(TrustList::open(bytes, &roots, NOW), Err(ListError::Malformed(_))), "{bytes:?}");
        assert!(matches!(RevocationList::open(bytes, &world.trust, NOW), Err(ListError::Malformed(_))), "{bytes:?}");
    }
    let huge = vec![0u8; limits::MAX_LIST_BYTES + 1];
    assert_eq!(TrustList::open(&huge, &roots, NOW), Err(ListError::Oversized));
    assert_eq!(RevocationList::open(&huge, &world.trust, NOW), Err(ListError::Oversized));
}

#[test]
fn revocation_list_round_trips() {
    let world = World::new();
    let list = world.revocations(&[&[1; 8], &[2; 8], &[3; 16]]);
    let signed = list.sign(&world.force_key, &world.kid).unwrap();
    assert_eq!(RevocationList::open(&signed, &world.trust, NOW), Ok(list));
}

#[test]
fn every_changed_byte_of_a_revocation_list_is_refused() {
    let world = World::new();
    let signed = world.revocations(&[&[1; 8]]).sign(&world.force_key, &world.kid).unwrap();
    for i in 0..signed.len() {
        let mut bad = signed.clone();
        bad[i] ^= 0x01;
        assert!(RevocationList::open(&bad, &world.trust, NOW).is_err(), "byte {i}");
    }
}

#[test]
fn revocation_list_from_another_force_or_key_is_refused() {
    let mut world = World::new();
    let other_key = SigningKey::from_bytes(&[5; 32]);
    let other_kid = world.add_force("KENT", &other_key);

    // Kent's key signing a list that claims to be the Met's: refused.
    let claims_mps = world.revocations(&[]).sign(&other_key, &other_kid).unwrap();
    assert_eq!(RevocationList::open(&claims_mps, &world.trust, NOW), Err(ListError::UnknownSigner));
    // The Met's key id, a stranger's signature: refused.
    let forged = world.revocations(&[]).sign(&other_key, &world.kid).unwrap();
    assert_eq!(RevocationList::open(&forged, &world.trust, NOW), Err(ListError::InvalidSignature));
}

#[test]
fn revocation_list_signed_after_key_withdrawal_is_refused() {
    let mut world = World::new();
    world.trust.forces[0].keys[0].withdrawn_from = Some(NOW - 2 * DAY);
    let signed = world.revocations(&[]).sign(&world.force_key, &world.kid).unwrap(); // issued NOW - 1 day
    assert_eq!(RevocationList::open(&signed, &world.trust, NOW), Err(ListError::UnknownSigner));
}

#[test]
fn expired_revocation_list_is_refused() {
    let world = World::new();
    let list = world.revocations(&[]);
    let signed = list.sign(&world.force_key, &world.kid).unwrap();
    assert_eq!(RevocationList::open(&signed, &world.trust, list.expires), Err(ListError::Expired { expires: list.expires }));
    assert!(RevocationList::open(&signed, &world.trust, list.expires - 1).is_ok());
}

#[test]
fn lists_dated_after_now_are_refused_beyond_the_clock_allowance() {
    // A stolen key could date a list years ahead so that it outranks every real list that
    // follows; a checker that keeps only newer lists would then never take the real one.
    let world = World::new();
    let roots = [world.root_key.clone()];
    let allowance = limits::CLOCK_SKEW_SECONDS;
    let mut trust = world.trust.clone();
    trust.issued_at = NOW + allowance + 1;
    let signed = trust.sign(&world.root, &world.root_key.kid).unwrap();
    assert_eq!(TrustList::open(&signed, &roots, NOW), Err(ListError::IssuedInFuture { issued_at: NOW + allowance + 1 }));
    assert!(TrustList::open(&signed, &roots, NOW + 1).is_ok(), "within the allowance");

    // A day ahead (the force key vouches for that day, so only the date refuses it).
    let mut list = world.revocations(&[]);
    list.issued_at = NOW + DAY;
    list.expires = NOW + 30 * DAY;
    let signed = list.sign(&world.force_key, &world.kid).unwrap();
    assert_eq!(RevocationList::open(&signed, &world.trust, NOW), Err(ListError::IssuedInFuture { issued_at: list.issued_at }));
    assert_eq!(ListError::IssuedInFuture { issued_at: 0 }.code(), "issued-in-future");
}
