//! The revocation bundle (FORMAT.md §8.1): every force's list in one file, each list still
//! opened on its own against its own force's keys.

mod common;

use common::{World, NOW};
use warrant_core::{limits, read_revocation_bundle, write_revocation_bundle, ListError, RevocationList, SigningKey};

/// The world's force (MPS) and a second one, KENT, with its own key, each with a list.
fn two_forces() -> (World, Vec<(String, Vec<u8>)>) {
    let mut world = World::new();
    let kent_key = SigningKey::from_bytes(&[5; 32]);
    let kent_kid = world.add_force("KENT", &kent_key);
    let mps_list = world.revocations(&[&[1; 8]]);
    let kent_list = RevocationList { issuer: "KENT".into(), ..world.revocations(&[&[2; 8], &[3; 8]]) };
    let lists = vec![
        ("KENT".to_string(), kent_list.sign(&kent_key, &kent_kid).unwrap()),
        (mps_list.issuer.clone(), mps_list.sign(&world.force_key, &world.kid).unwrap()),
    ];
    (world, lists)
}

#[test]
fn a_bundle_gives_back_every_list_each_opening_against_its_own_force() {
    let (world, lists) = two_forces();
    let bundle = write_revocation_bundle(lists.clone()).unwrap();
    let read = read_revocation_bundle(&bundle).unwrap();
    assert_eq!(read.len(), 2);
    let opened: Vec<RevocationList> = read.iter().map(|l| RevocationList::open(l, &world.trust, NOW).unwrap()).collect();
    // Ordered by force id, whatever order they were given in.
    assert_eq!(opened.iter().map(|l| l.issuer.as_str()).collect::<Vec<_>>(), ["KENT", "MPS"]);
    assert!(opened[0].is_revoked(&[2; 8]) && opened[1].is_revoked(&[1; 8]));
    assert!(!opened[0].is_revoked(&[1; 8]), "a list revokes only its own force's cards");
    // The same lists in any order make the same bytes: the same file for everyone.
    let mut reversed = lists;
    reversed.reverse();
    assert_eq!(write_revocation_bundle(reversed).unwrap(), bundle);
}

#[test]
fn a_list_changed_inside_a_bundle_is_refused_alone() {
    let (world, lists) = two_forces();
    let mut bundle = write_revocation_bundle(lists).unwrap();
    let last = bundle.len() - 1; // the last byte of the last list's signature (MPS)
    bundle[last] ^= 1;
    let read = read_revocation_bundle(&bundle).unwrap();
    assert!(RevocationList::open(&read[0], &world.trust, NOW).is_ok());
    assert_eq!(RevocationList::open(&read[1], &world.trust, NOW), Err(ListError::InvalidSignature));
}

#[test]
fn two_lists_for_one_force_are_refused_when_writing() {
    let (_, lists) = two_forces();
    let twice = vec![lists[1].clone(), lists[1].clone()];
    assert_eq!(write_revocation_bundle(twice), Err(ListError::Malformed("two lists for one force")));
}

#[test]
fn malformed_truncated_and_oversized_bundles_are_refused() {
    let (_, lists) = two_forces();
    let bundle = write_revocation_bundle(lists).unwrap();
    for cut in [0, 1, bundle.len() / 2, bundle.len() - 1] {
        assert!(matches!(read_revocation_bundle(&bundle[..cut]), Err(ListError::Malformed(_))), "cut at {cut}");
    }
    assert_eq!(read_revocation_bundle(&vec![0; limits::MAX_BUNDLE_BYTES + 1]), Err(ListError::Oversized));
    // Not a map, a text in place of a list, an empty list, another version.
    for (bytes, expected) in [
        (&[0x80][..], ListError::Malformed("bundle")),
        (b"\xa2av\x01elists\x81\x61x", ListError::Malformed("lists")),
        (b"\xa2av\x01elists\x81\x40", ListError::Malformed("lists")),
        (b"\xa2av\x02elists\x80", ListError::UnsupportedVersion(2)),
    ] {
        assert_eq!(read_revocation_bundle(bytes), Err(expected));
    }
    assert_eq!(read_revocation_bundle(b"\xa2av\x01elists\x80"), Ok(vec![]));
}
