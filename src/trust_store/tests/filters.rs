//! Revocation filters (docs/FORMAT.md §14) in the store: the same rules as lists, per force,
//! with marks of their own; and cards judged through them as the page judges them.

use super::*;
use crate::checking::{check_text, Outcome};
use crate::saved_lists;
use warrant_core::{card_qr_text, FilterInput, Holder, Role};

const DAY: i64 = 86_400;

/// Two forces: MPS (whose filters these are) and GMP, whose key must not sign for MPS.
struct Forces {
    world: World,
    other_force: SigningKey,
    trust: TrustList,
}

impl Forces {
    fn new() -> Forces {
        let world = World::new();
        let other_force = SigningKey::from_bytes(&[4; 32]);
        let mut trust = world.trust.clone();
        trust.expires = NOW + 400 * DAY;
        trust.forces.push(Force { id: "GMP".into(), name: "Greater Manchester".into(), keys: vec![issuer_key(&other_force)] });
        Forces { world, other_force, trust }
    }

    fn store(&self) -> TrustStore {
        let mut store = self.world.store();
        assert_eq!(store.accept_trust_list(&self.world.signed_trust(&self.trust), NOW), Ok(true));
        store
    }
}

/// MPS's filter signed at `iat` by `key`, over `issued` (serial, iat), revoking `revoked`,
/// exact over the cards issued by `coverage`.
fn filter(key: &SigningKey, iat: i64, coverage: i64, issued: &[(&[u8], i64)], revoked: &[&[u8]]) -> Vec<u8> {
    let (exact, recent) = FilterInput { issued, revoked, coverage, seeds: warrant_core::filter::SEEDS }.build();
    let filter = RevocationFilter { issuer: "MPS".into(), issued_at: iat, next_update: iat + DAY, expires: iat + 7 * DAY, coverage, filter: exact, recent };
    filter.sign(key, &keys::derive_key_id(&key.verifying_key())).unwrap()
}

fn card(serial: &[u8], issued_at: i64) -> Card {
    Card {
        issuer: "MPS".into(),
        serial: serial.to_vec(),
        issued_at,
        not_before: issued_at,
        expires_at: NOW + 300 * DAY,
        holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(), number: "1234".into(), role: Role::PoliceOfficer },
    }
}

fn verdict_of(store: &TrustStore, key: &SigningKey, card: &Card) -> &'static str {
    let text = card_qr_text(card, key, &keys::derive_key_id(&key.verifying_key()), "https://check.example/").unwrap();
    match check_text(&text, store, "https://check.example/", NOW) {
        Outcome::Checked(c) => c.check.verdict.name(),
        other => panic!("not checked: {other:?}"),
    }
}

use warrant_core::Card;

const LOST: &[u8] = b"lost-car";
const KEPT: &[u8] = b"kept-car";

fn issued() -> Vec<(&'static [u8], i64)> {
    vec![(LOST, NOW - 90 * DAY), (KEPT, NOW - 90 * DAY)]
}

#[test]
fn a_newer_filter_replaces_an_older_one_and_never_the_reverse_after_a_reload() {
    let f = Forces::new();
    let key = &f.world.force;
    let older = filter(key, NOW - 100, NOW - DAY, &issued(), &[]);
    let newer = filter(key, NOW - 50, NOW - DAY, &issued(), &[LOST]);
    let mut first = f.store();
    assert_eq!(first.accept_revocation_filter(&older, NOW), Ok(true));
    assert_eq!(verdict_of(&first, key, &card(LOST, NOW - 90 * DAY)), "genuine");
    assert_eq!(first.accept_revocation_filter(&newer, NOW), Ok(true));
    assert_eq!(verdict_of(&first, key, &card(LOST, NOW - 90 * DAY)), "revoked");
    assert_eq!(verdict_of(&first, key, &card(KEPT, NOW - 90 * DAY)), "genuine");
    assert_eq!(first.accept_revocation_filter(&older, NOW), Ok(false), "an older filter served later");
    assert_eq!(first.oldest_revocation_list(), Some(NOW - 50));

    // Saved as the page saves it (one text), read back by a reload or another tab.
    let text = saved_lists::write(&first.saved());
    let mut reloaded = f.world.store();
    reloaded.restore(&saved_lists::read(&text).unwrap(), NOW);
    assert_eq!(reloaded.filters.len(), 1);
    assert_eq!(reloaded.accept_revocation_filter(&older, NOW), Ok(false));
    assert_eq!(verdict_of(&reloaded, key, &card(LOST, NOW - 90 * DAY)), "revoked");

    // Only the marks survived: the older filter is still refused, the one that set the mark taken.
    let mut marks_only = f.world.store();
    marks_only.restore(&Saved { marks: first.saved().marks, ..Saved::default() }, NOW);
    marks_only.accept_trust_list(&f.world.signed_trust(&f.trust), NOW).unwrap();
    assert_eq!(marks_only.accept_revocation_filter(&older, NOW), Ok(false));
    assert!(marks_only.filters.is_empty());
    assert_eq!(marks_only.accept_revocation_filter(&newer, NOW), Ok(true));

    // A filter's mark is its own: a revocation list of the same force, older than the
    // filter, is still taken as a list (it can only add revocations), and neither undoes the other.
    assert_eq!(marks_only.accept_revocation_list(&f.world.signed_revocations(key, NOW - 70, &[]), NOW), Ok(true));
    assert_eq!(verdict_of(&marks_only, key, &card(LOST, NOW - 90 * DAY)), "revoked");
}

#[test]
fn bad_filters_are_refused_by_name_and_the_good_copy_kept() {
    let f = Forces::new();
    let key = &f.world.force;
    let good = filter(key, NOW - 50, NOW - DAY, &issued(), &[LOST]);
    let mut store = f.store();
    store.accept_revocation_filter(&good, NOW).unwrap();
    let held = store.saved();

    let mut tampered = filter(key, NOW - 10, NOW - DAY, &issued(), &[]);
    let last = tampered.len() - 1;
    tampered[last] ^= 1; // in the signature
    let stranger = SigningKey::from_bytes(&[9; 32]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("a portal's login page", b"<html><body>Log in to use the Wi-Fi</body></html>".to_vec(), "malformed"),
        ("truncated", good[..good.len() / 2].to_vec(), "malformed"),
        ("empty", Vec::new(), "malformed"),
        ("tampered", tampered, "invalid-signature"),
        ("signed by a key of no force", filter(&stranger, NOW - 10, NOW - DAY, &issued(), &[]), "unknown-signer"),
        ("signed by another force's key", filter(&f.other_force, NOW - 10, NOW - DAY, &issued(), &[]), "unknown-signer"),
        ("expired", filter(key, NOW - 8 * DAY, NOW - 9 * DAY, &issued(), &[]), "expired"),
        ("dated a year ahead", filter(key, NOW + YEAR, NOW - DAY, &issued(), &[]), "issued-in-future"),
        ("a revocation list, not a filter", f.world.signed_revocations(key, NOW - 10, &[]), "wrong-content-type"),
    ];
    for (what, bytes, code) in cases {
        let refused = store.accept_revocation_filter(&bytes, NOW);
        assert_eq!(refused.map_err(|e| e.code()), Err(code), "{what}");
        assert_eq!(store.saved(), held, "{what}: the good copy is kept");
        assert_eq!(verdict_of(&store, key, &card(LOST, NOW - 90 * DAY)), "revoked", "{what}");
    }
    // Bundles: junk in place of the bundle is refused whole, by name.
    assert_eq!(warrant_core::read_filter_bundle(b"<html>portal</html>").map_err(|e| e.code()), Err("malformed"));
}

#[test]
fn a_card_issued_after_the_coverage_time_is_judged_by_the_recent_list_only() {
    let f = Forces::new();
    let key = &f.world.force;
    let coverage = NOW - DAY;
    let late_revoked: &[u8] = b"new-lost";
    let signed = filter(key, NOW - 60, coverage, &issued(), &[LOST, late_revoked]);
    let mut store = f.store();
    store.accept_revocation_filter(&signed, NOW).unwrap();
    let opened = &store.filters[0];
    assert_eq!(opened.recent, vec![late_revoked.to_vec()], "the card issued after the coverage time is listed plainly");

    assert_eq!(verdict_of(&store, key, &card(LOST, NOW - 90 * DAY)), "revoked");
    assert_eq!(verdict_of(&store, key, &card(late_revoked, NOW - 3600)), "revoked");
    assert_eq!(verdict_of(&store, key, &card(KEPT, NOW - 90 * DAY)), "genuine");
    // A serial the force issued after the coverage time, which the filter's bits would answer
    // "revoked" if asked (the bits mean nothing outside the cards they cover): never asked.
    let unlucky = (0u32..10_000).map(|i| format!("new{i:05}").into_bytes()).find(|s| opened.filter.contains(s)).expect("some serial hits the bits");
    assert_eq!(verdict_of(&store, key, &card(&unlucky, coverage + 1)), "genuine");
    assert_eq!(verdict_of(&store, key, &card(&unlucky, NOW - 60)), "genuine");
}

#[test]
fn a_withdrawal_drops_the_filter_the_stolen_key_signed_and_its_mark() {
    let f = Forces::new();
    let key = &f.world.force;
    let mut store = f.store();
    assert_eq!(store.accept_revocation_filter(&filter(key, NOW + 200, NOW - DAY, &issued(), &[]), NOW), Ok(true));
    let new_key = SigningKey::from_bytes(&[3; 32]);
    let mut withdrawn = f.trust.clone();
    withdrawn.issued_at = NOW + 100;
    withdrawn.forces[0].keys[0].withdrawn_from = Some(NOW - 10);
    withdrawn.forces[0].keys.push(issuer_key(&new_key));
    assert_eq!(store.accept_trust_list(&f.world.signed_trust(&withdrawn), NOW + 100), Ok(true));
    assert!(store.filters.is_empty(), "the stolen key's filter goes with the withdrawal");
    assert_eq!(store.accept_revocation_filter(&filter(&new_key, NOW + 150, NOW - DAY, &issued(), &[LOST]), NOW + 150), Ok(true));
    assert_eq!(store.filters.len(), 1);
}
