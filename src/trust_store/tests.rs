use super::*;
use warrant_core::{Force, IssuerKey, SigningKey};

mod filters;

const NOW: i64 = 1_790_000_000;
const YEAR: i64 = 365 * 86_400;

struct World {
    root: SigningKey,
    root_key: RootKey,
    force: SigningKey,
    trust: TrustList,
}

impl World {
    fn new() -> World {
        let root = SigningKey::from_bytes(&[1; 32]);
        let force = SigningKey::from_bytes(&[2; 32]);
        let trust = TrustList {
            issued_at: NOW,
            next_update: NOW + 10,
            expires: NOW + 1000,
            forces: vec![Force { id: "MPS".into(), name: "Met".into(), keys: vec![issuer_key(&force)] }],
        };
        World { root_key: RootKey::new(root.verifying_key()), root, force, trust }
    }

    fn store(&self) -> TrustStore {
        TrustStore::with_root(self.root_key.clone())
    }

    fn signed_trust(&self, trust: &TrustList) -> Vec<u8> {
        trust.sign(&self.root, &self.root_key.kid).unwrap()
    }

    fn trust_issued(&self, iat: i64) -> TrustList {
        TrustList { issued_at: iat, next_update: iat + 10, expires: iat + 1000, ..self.trust.clone() }
    }

    fn signed_revocations(&self, key: &SigningKey, iat: i64, serials: &[&[u8]]) -> Vec<u8> {
        revocations(iat, serials).sign(key, &keys::derive_key_id(&key.verifying_key())).unwrap()
    }
}

fn issuer_key(key: &SigningKey) -> IssuerKey {
    IssuerKey { kid: keys::derive_key_id(&key.verifying_key()), public_key: key.verifying_key(), not_before: 0, not_after: i64::MAX, withdrawn_from: None }
}

fn revocations(iat: i64, serials: &[&[u8]]) -> RevocationList {
    RevocationList { issuer: "MPS".into(), issued_at: iat, next_update: iat + 10, expires: iat + 1000, serials: serials.iter().map(|s| s.to_vec()).collect() }
}

#[test]
fn newer_lists_replace_older_and_never_the_reverse() {
    let world = World::new();
    let mut store = world.store();
    assert_eq!(store.accept_trust_list(&world.signed_trust(&world.trust), NOW), Ok(true));
    assert_eq!(store.accept_trust_list(&world.signed_trust(&world.trust_issued(NOW - 5)), NOW), Ok(false));
    assert_eq!(store.accept_trust_list(&world.signed_trust(&world.trust_issued(NOW + 5)), NOW + 5), Ok(true));
    assert_eq!(store.trust.as_ref().unwrap().issued_at, NOW + 5);

    assert_eq!(store.accept_revocation_list(&world.signed_revocations(&world.force, NOW, &[]), NOW), Ok(true));
    assert_eq!(store.accept_revocation_list(&world.signed_revocations(&world.force, NOW - 1, &[]), NOW), Ok(false));
    assert_eq!(store.oldest_revocation_list(), Some(NOW));
}

#[test]
fn lists_signed_by_others_are_refused() {
    let world = World::new();
    let mut store = world.store();
    let stranger = SigningKey::from_bytes(&[9; 32]);
    assert!(store.accept_trust_list(&world.trust.sign(&stranger, &[1, 2]).unwrap(), NOW).is_err());
    assert!(store.trust.is_none());
    // No trust list yet: a revocation list cannot be judged.
    assert!(store.accept_revocation_list(&world.signed_revocations(&world.force, NOW, &[]), NOW).is_err());
}

#[test]
fn expired_lists_are_dropped_and_say_when_they_ran_out() {
    let world = World::new();
    let mut store = world.store();
    store.accept_trust_list(&world.signed_trust(&world.trust), NOW).unwrap();
    assert_eq!(store.ran_out(), None);
    store.expire(world.trust.expires);
    assert!(store.trust.is_none());
    assert_eq!(store.ran_out(), Some(world.trust.expires));
}

#[test]
fn an_older_revocation_list_is_refused_after_a_reload() {
    // The newer list revokes a card; a stale cache or hostile network then serves the older
    // one to a page loaded again from what the device saved.
    let world = World::new();
    let mut first = world.store();
    first.accept_trust_list(&world.signed_trust(&world.trust), NOW).unwrap();
    let older = world.signed_revocations(&world.force, NOW - 100, &[]);
    let newer = world.signed_revocations(&world.force, NOW - 50, &[b"lost-card"]);
    first.accept_revocation_list(&newer, NOW).unwrap();

    let mut reloaded = world.store();
    reloaded.restore(&first.saved(), NOW);
    // The built-in snapshot (here: the older list) comes after what was saved.
    reloaded.accept_trust_list(&world.signed_trust(&world.trust), NOW).unwrap();
    assert_eq!(reloaded.accept_revocation_list(&older, NOW), Ok(false));
    assert!(reloaded.revocations[0].is_revoked(b"lost-card"));

    // Only the marks survived (the lists were lost): the older list is still refused.
    let mut marks_only = world.store();
    marks_only.restore(&Saved { marks: first.saved().marks, ..Saved::default() }, NOW);
    marks_only.accept_trust_list(&world.signed_trust(&world.trust), NOW).unwrap();
    assert_eq!(marks_only.accept_revocation_list(&older, NOW), Ok(false));
    assert!(marks_only.revocations.is_empty());
    // The very list that set the mark is taken.
    assert_eq!(marks_only.accept_revocation_list(&newer, NOW), Ok(true));
}

#[test]
fn an_older_trust_list_is_refused_after_a_reload() {
    // The newer trust list withdraws the force's key; the older one, still unexpired, did not.
    let world = World::new();
    let mut withdrawn = world.trust_issued(NOW + 20);
    withdrawn.forces[0].keys[0].withdrawn_from = Some(NOW + 10);
    let mut first = world.store();
    first.accept_trust_list(&world.signed_trust(&world.trust), NOW + 30).unwrap();
    first.accept_trust_list(&world.signed_trust(&withdrawn), NOW + 30).unwrap();

    let mut reloaded = world.store();
    reloaded.restore(&first.saved(), NOW + 30);
    assert_eq!(reloaded.accept_trust_list(&world.signed_trust(&world.trust), NOW + 30), Ok(false));
    assert_eq!(reloaded.trust.as_ref().unwrap().forces[0].keys[0].withdrawn_from, Some(NOW + 10));
}

#[test]
fn saved_lists_are_opened_again_not_trusted() {
    let world = World::new();
    let mut first = world.store();
    first.accept_trust_list(&world.signed_trust(&world.trust), NOW).unwrap();
    let mut saved = first.saved();
    saved.trust_list.as_mut().unwrap()[40] ^= 1;
    let mut reloaded = world.store();
    reloaded.restore(&saved, NOW);
    assert!(reloaded.trust.is_none());
}

#[test]
fn a_list_dated_ahead_is_refused_and_a_withdrawal_drops_what_the_stolen_key_signed() {
    let world = World::new();
    let mut store = world.store();
    store.accept_trust_list(&world.signed_trust(&world.trust), NOW).unwrap();
    // Two years ahead: refused outright, so it cannot outrank the force's real lists.
    let ahead = world.signed_revocations(&world.force, NOW + 2 * YEAR, &[]);
    assert_eq!(store.accept_revocation_list(&ahead, NOW), Err(ListError::IssuedInFuture { issued_at: NOW + 2 * YEAR }));
    assert!(store.revocations.is_empty());

    // Within the clock allowance: taken. The key was stolen at NOW - 10, though.
    let thief = world.signed_revocations(&world.force, NOW + 200, &[]);
    assert_eq!(store.accept_revocation_list(&thief, NOW), Ok(true));
    // The force withdraws the key and publishes a new one and a list revoking the card.
    let new_key = SigningKey::from_bytes(&[3; 32]);
    let mut withdrawn = world.trust_issued(NOW + 100);
    withdrawn.forces[0].keys[0].withdrawn_from = Some(NOW - 10);
    withdrawn.forces[0].keys.push(issuer_key(&new_key));
    assert_eq!(store.accept_trust_list(&world.signed_trust(&withdrawn), NOW + 100), Ok(true));
    assert!(store.revocations.is_empty(), "the stolen key's list goes with the withdrawal");
    let real = world.signed_revocations(&new_key, NOW + 150, &[b"the-card"]);
    assert_eq!(store.accept_revocation_list(&real, NOW + 150), Ok(true));
    assert!(store.revocations[0].is_revoked(b"the-card"));
}

#[test]
fn a_force_dropped_from_the_trust_list_loses_its_revocation_list() {
    let world = World::new();
    let mut store = world.store();
    store.accept_trust_list(&world.signed_trust(&world.trust), NOW).unwrap();
    store.accept_revocation_list(&world.signed_revocations(&world.force, NOW, &[]), NOW).unwrap();
    let mut without = world.trust_issued(NOW + 1);
    without.forces.clear();
    store.accept_trust_list(&world.signed_trust(&without), NOW + 1).unwrap();
    assert!(store.revocations.is_empty());
    assert!(store.saved().revocation_lists.is_empty());
}

#[test]
fn a_clock_behind_what_the_root_signed_is_not_used_to_judge() {
    let world = World::new();
    let mut store = world.store();
    let slow_clock = NOW - 3 * YEAR;
    // The root signed this list at NOW, so it is at least NOW, whatever the clock says.
    assert_eq!(store.accept_trust_list(&world.signed_trust(&world.trust), slow_clock), Ok(true));
    assert_eq!(store.judging_time(slow_clock), NOW);
    assert_eq!(store.clock_behind(slow_clock), Some(NOW));
    // A clock a little behind (within the allowance) is not called wrong.
    assert_eq!(store.clock_behind(NOW - CLOCK_SKEW_SECONDS), None);
    assert_eq!(store.clock_behind(NOW + 60), None);
    // What it proved survives a reload.
    let mut reloaded = world.store();
    reloaded.restore(&store.saved(), slow_clock);
    assert_eq!(reloaded.judging_time(slow_clock), NOW);
}

#[test]
fn a_clock_far_ahead_finds_every_list_run_out() {
    let world = World::new();
    let mut store = world.store();
    let fast_clock = NOW + 3 * YEAR;
    assert!(store.accept_trust_list(&world.signed_trust(&world.trust), fast_clock).is_err());
    assert_eq!(store.ran_out(), Some(world.trust.expires));
    assert_eq!(store.clock_behind(fast_clock), None);
}

#[test]
fn marks_merge_to_the_later_of_each() {
    let mut a = Marks { trust: Some(5), revocations: [("MPS".to_string(), 7)].into(), filters: [("MPS".to_string(), 2)].into(), time_floor: 5 };
    let b = Marks {
        trust: Some(9),
        revocations: [("MPS".to_string(), 3), ("DPP".to_string(), 4)].into(),
        filters: [("MPS".to_string(), 6), ("DPP".to_string(), 1)].into(),
        time_floor: 2,
    };
    a.merge(&b);
    assert_eq!(
        a,
        Marks {
            trust: Some(9),
            revocations: [("MPS".to_string(), 7), ("DPP".to_string(), 4)].into(),
            filters: [("MPS".to_string(), 6), ("DPP".to_string(), 1)].into(),
            time_floor: 5
        }
    );
}
