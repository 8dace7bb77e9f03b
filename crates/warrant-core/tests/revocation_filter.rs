//! Revocation filters (docs/FORMAT.md §14): opened as revocation lists are, judging cards as a
//! list would, beside lists during the transition, and exact over every serial a force issued.

mod common;

use common::{World, DAY, NOW};
use warrant_core::filter::ExactFilter;
use warrant_core::{
    read_filter_bundle, sign_card, token, verify, verify_with_filters, write_filter_bundle, Card, FilterInput, ListError, RevocationFilter, SigningKey,
    Verdict, Warning,
};

fn serial(n: u64) -> Vec<u8> {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)).to_be_bytes().to_vec()
}

/// MPS's filter over `issued` (each issued 30 days ago) with `revoked` revoked, covering
/// cards issued up to two days ago.
fn filter(issued: &[Vec<u8>], revoked: &[Vec<u8>]) -> RevocationFilter {
    let issued: Vec<(&[u8], i64)> = issued.iter().map(|s| (s.as_slice(), NOW - 30 * DAY)).collect();
    let revoked: Vec<&[u8]> = revoked.iter().map(Vec::as_slice).collect();
    let coverage = NOW - 2 * DAY;
    let (filter, recent) = FilterInput { issued: &issued, revoked: &revoked, coverage, seeds: warrant_core::filter::SEEDS }.build();
    RevocationFilter { issuer: "MPS".into(), issued_at: NOW - DAY, next_update: NOW + DAY, expires: NOW + 7 * DAY, coverage, filter, recent }
}

fn card(world: &World, serial: Vec<u8>, issued_at: i64) -> Card {
    Card { serial, issued_at, not_before: issued_at, ..world.card() }
}

#[test]
fn a_signed_filter_round_trips() {
    let world = World::new();
    let issued: Vec<Vec<u8>> = (0..500).map(serial).collect();
    let f = filter(&issued, &issued[..20]);
    let signed = f.sign(&world.force_key, &world.kid).unwrap();
    assert_eq!(RevocationFilter::open(&signed, &world.trust, NOW).unwrap(), f);
    assert!(f.recent.is_empty(), "every revoked serial is covered");
}

#[test]
fn cards_are_judged_as_a_list_would_judge_them() {
    let world = World::new();
    let mut issued: Vec<Vec<u8>> = (0..400).map(serial).collect();
    let old_revoked = world.card().serial;
    issued.push(old_revoked.clone());
    let f = filter(&issued, &[old_revoked.clone(), issued[3].clone()]);
    let filters = [f.clone()];
    let judge = |c: &Card| verify_with_filters(&world.qr(c), &world.trust, &[], &filters, NOW);
    assert!(matches!(judge(&card(&world, old_revoked.clone(), NOW - 30 * DAY)).verdict, Verdict::Revoked(_)));
    assert!(judge(&card(&world, issued[4].clone(), NOW - 30 * DAY)).verdict.is_genuine());
    // A card issued after the coverage time is never asked of the filter: whatever it would
    // say for a serial outside its universe, the card is judged by the recent list alone.
    let outsider = (1000..).map(serial).find(|s| f.filter.contains(s)).unwrap();
    let check = judge(&card(&world, outsider.clone(), NOW - DAY / 2));
    assert!(check.verdict.is_genuine(), "{:?}", check.verdict);
    assert!(check.warnings.is_empty());
    // The same serial on a card claiming to be issued before the coverage time is asked
    // of the filter: the force says it covers every card it issued by then.
    assert!(matches!(judge(&card(&world, outsider, NOW - 30 * DAY)).verdict, Verdict::Revoked(_)));
}

#[test]
fn revocations_the_filter_does_not_cover_are_listed() {
    let _ = World::new();
    let issued: Vec<(Vec<u8>, i64)> = vec![(serial(1), NOW - 30 * DAY), (serial(2), NOW - DAY / 2), (serial(3), NOW - DAY / 2)];
    let phone = vec![0xaa; 8];
    let unknown = vec![0xbb; 8];
    let revoked: Vec<&[u8]> = vec![&issued[0].0, &issued[1].0, &phone, &unknown];
    let issued_refs: Vec<(&[u8], i64)> = issued.iter().map(|(s, t)| (s.as_slice(), *t)).collect();
    let (exact, recent) = FilterInput { issued: &issued_refs, revoked: &revoked, coverage: NOW - DAY, seeds: warrant_core::filter::SEEDS }.build();
    // Card 1 is covered; card 2 was issued after the coverage time; the phone's credential
    // and a serial with no record are not cards the filter knows.
    let mut expected = vec![issued[1].0.clone(), phone.clone(), unknown.clone()];
    expected.sort();
    assert_eq!(recent, expected);
    assert!(exact.contains(&issued[0].0) && exact.contains(&issued[1].0) && !exact.contains(&issued[2].0));
    let f = RevocationFilter { issuer: "MPS".into(), issued_at: NOW - 60, next_update: NOW + DAY, expires: NOW + 7 * DAY, coverage: NOW - DAY, filter: exact, recent };
    assert!(f.revokes_card(&issued[1].0, NOW - DAY / 2));
    assert!(f.revokes_card(&unknown, NOW - 300 * DAY));
    assert!(!f.revokes_card(&issued[2].0, NOW - DAY / 2));
    // A live code: its credential revoked, or its card.
    assert!(f.revokes_live(&issued[2].0, &phone, NOW - 5 * DAY));
    assert!(f.revokes_live(&issued[0].0, &[0xcc; 8], NOW - 5 * DAY));
    assert!(!f.revokes_live(&issued[2].0, &[0xcc; 8], NOW - 5 * DAY));
    // A credential signed after the filter was enrolled for a card not then revoked (an
    // issuer refuses to enrol a revoked card), so the filter is not asked about its card.
    assert!(!f.revokes_live(&issued[0].0, &[0xcc; 8], NOW));
}

#[test]
fn during_the_transition_a_list_and_a_filter_for_one_force_both_count() {
    let world = World::new();
    let issued: Vec<Vec<u8>> = (0..300).map(serial).collect();
    let f = filter(&issued, &issued[..10]);
    let by_list = world.revocations(&[&issued[20]]);
    let judge = |s: &Vec<u8>, lists: &[warrant_core::RevocationList], filters: &[RevocationFilter]| {
        verify_with_filters(&world.qr(&card(&world, s.clone(), NOW - 30 * DAY)), &world.trust, lists, filters, NOW)
    };
    assert!(matches!(judge(&issued[0], std::slice::from_ref(&by_list), std::slice::from_ref(&f)).verdict, Verdict::Revoked(_)));
    assert!(matches!(judge(&issued[20], std::slice::from_ref(&by_list), std::slice::from_ref(&f)).verdict, Verdict::Revoked(_)));
    assert!(judge(&issued[30], std::slice::from_ref(&by_list), std::slice::from_ref(&f)).verdict.is_genuine());
    // A filter alone is revocation data for the force: no "no revocation list" warning.
    let check = judge(&issued[30], &[], std::slice::from_ref(&f));
    assert!(check.verdict.is_genuine() && check.warnings.is_empty(), "{:?}", check.warnings);
    let check = judge(&issued[30], &[], &[]);
    assert_eq!(check.warnings, vec![Warning::NoRevocationList]);
    // Out of date only when everything held for the force is.
    let stale = RevocationFilter { next_update: NOW - 10, ..f.clone() };
    assert!(judge(&issued[30], std::slice::from_ref(&by_list), std::slice::from_ref(&stale)).warnings.is_empty());
    assert_eq!(judge(&issued[30], &[], std::slice::from_ref(&stale)).warnings, vec![Warning::RevocationListOutOfDate { next_update: NOW - 10 }]);
    // verify() with lists alone is unchanged.
    assert!(matches!(verify(&world.qr(&card(&world, issued[20].clone(), NOW - 30 * DAY)), &world.trust, &[by_list], NOW).verdict, Verdict::Revoked(_)));
}

#[test]
fn opening_a_filter_follows_the_rules_of_a_list() {
    let mut world = World::new();
    let issued: Vec<Vec<u8>> = (0..200).map(serial).collect();
    let f = filter(&issued, &issued[..5]);
    let sign = |f: &RevocationFilter, key: &SigningKey, kid: &[u8]| f.sign(key, kid).unwrap();
    let good = sign(&f, &world.force_key, &world.kid);
    // Every changed byte is refused.
    for i in 0..good.len() {
        let mut bad = good.clone();
        bad[i] ^= 0x01;
        assert!(RevocationFilter::open(&bad, &world.trust, NOW).is_err(), "byte {i}");
    }
    let other = SigningKey::from_bytes(&[9; 32]);
    assert_eq!(RevocationFilter::open(&sign(&f, &other, &world.kid), &world.trust, NOW), Err(ListError::InvalidSignature));
    assert_eq!(RevocationFilter::open(&sign(&f, &other, b"zz"), &world.trust, NOW), Err(ListError::UnknownSigner));
    let elsewhere = RevocationFilter { issuer: "WMP".into(), ..f.clone() };
    assert_eq!(RevocationFilter::open(&sign(&elsewhere, &world.force_key, &world.kid), &world.trust, NOW), Err(ListError::UnknownSigner));
    assert_eq!(RevocationFilter::open(&good, &world.trust, f.expires), Err(ListError::Expired { expires: f.expires }));
    let ahead = RevocationFilter { issued_at: NOW + 301, coverage: NOW, ..f.clone() };
    assert_eq!(RevocationFilter::open(&sign(&ahead, &world.force_key, &world.kid), &world.trust, NOW), Err(ListError::IssuedInFuture { issued_at: NOW + 301 }));
    let late_coverage = RevocationFilter { coverage: f.issued_at + 1, ..f.clone() };
    assert_eq!(RevocationFilter::open(&sign(&late_coverage, &world.force_key, &world.kid), &world.trust, NOW), Err(ListError::Malformed("coverage")));
    let bad_bits = RevocationFilter { filter: ExactFilter { m2: f.filter.m2 + 64, ..f.filter.clone() }, ..f.clone() };
    assert_eq!(RevocationFilter::open(&sign(&bad_bits, &world.force_key, &world.kid), &world.trust, NOW), Err(ListError::Malformed("bits")));
    // A revocation list, a trust list or a card is not a filter, and a filter is not a list.
    let list = world.revocations(&[b"x"]).sign(&world.force_key, &world.kid).unwrap();
    assert_eq!(RevocationFilter::open(&list, &world.trust, NOW), Err(ListError::WrongContentType));
    assert_eq!(RevocationFilter::open(&world.signed_trust(), &world.trust, NOW), Err(ListError::WrongContentType));
    assert_eq!(warrant_core::RevocationList::open(&good, &world.trust, NOW), Err(ListError::WrongContentType));
    let cose = sign_card(&world.card(), &world.force_key, &world.kid).unwrap();
    assert_eq!(RevocationFilter::open(&cose, &world.trust, NOW), Err(ListError::WrongContentType));
    assert_eq!(RevocationFilter::open(&vec![0; warrant_core::limits::MAX_LIST_BYTES + 1], &world.trust, NOW), Err(ListError::Oversized));
    // A key withdrawn before the filter was signed may not sign it.
    world.trust.forces[0].keys[0].withdrawn_from = Some(f.issued_at - 1);
    assert_eq!(RevocationFilter::open(&good, &world.trust, NOW), Err(ListError::UnknownSigner));
    // A filter shown as a card is not a card.
    assert!(matches!(verify(&token::qr_text("https://x/", &good), &world.trust, &[], NOW).verdict, Verdict::Malformed(_)));
}

#[test]
fn filter_bundles_round_trip_and_refuse_what_they_must() {
    let world = World::new();
    let issued: Vec<Vec<u8>> = (0..100).map(serial).collect();
    let signed = filter(&issued, &issued[..3]).sign(&world.force_key, &world.kid).unwrap();
    let bundle = write_filter_bundle(vec![("MPS".into(), signed.clone())]).unwrap();
    assert_eq!(read_filter_bundle(&bundle).unwrap(), vec![signed.clone()]);
    assert_eq!(write_filter_bundle(vec![("MPS".into(), signed.clone()), ("MPS".into(), signed.clone())]), Err(ListError::Malformed("two filters for one force")));
    let lists_bundle = warrant_core::write_revocation_bundle(vec![("MPS".into(), signed)]).unwrap();
    assert_eq!(read_filter_bundle(&lists_bundle), Err(ListError::Malformed("filters")));
    assert_eq!(read_filter_bundle(b"\xa0"), Err(ListError::Malformed("v")));
}

/// Every serial of a national-sized set of forces, not a sample: 50 forces, 299,987 cards,
/// 3% revoked, each force's filter asked about each of its own cards, and the count of wrong
/// answers must be 0. (The release-mode example `national_filters` does the same and times it.)
#[test]
fn no_false_answer_over_every_issued_serial_at_national_scale() {
    let mut next = 0u64;
    let mut wrong = 0usize;
    let mut asked = 0usize;
    for force in 0..50 {
        let cards = if force == 0 { 47_000 } else { (300_000 - 47_000) / 49 };
        let revoked = cards * 30 / 1000;
        let serials: Vec<Vec<u8>> = (next..next + cards as u64).map(serial).collect();
        next += cards as u64;
        let issued: Vec<(&[u8], i64)> = serials.iter().map(|s| (s.as_slice(), NOW - 30 * DAY)).collect();
        // Revoked spread through the issue order, not the first ones.
        let register: Vec<&[u8]> = serials.iter().step_by(cards / revoked).take(revoked).map(Vec::as_slice).collect();
        // One seed: the smallest filter is not the point here, and a debug build is slow.
        let (exact, recent) = FilterInput { issued: &issued, revoked: &register, coverage: NOW - DAY, seeds: 1 }.build();
        assert!(recent.is_empty());
        let f = RevocationFilter { issuer: "MPS".into(), issued_at: NOW, next_update: NOW + DAY, expires: NOW + 7 * DAY, coverage: NOW - DAY, filter: exact, recent };
        let mut register_sorted = register.clone();
        register_sorted.sort_unstable();
        for s in &serials {
            asked += 1;
            if f.revokes_card(s, NOW - 30 * DAY) != register_sorted.binary_search(&s.as_slice()).is_ok() {
                wrong += 1;
            }
        }
    }
    assert_eq!(asked, 299_987);
    assert_eq!(wrong, 0);
}
