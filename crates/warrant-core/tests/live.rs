//! Live codes from an enrolled phone (docs/FORMAT.md §12): replay, a wrong device, revoked
//! phones and cards, clocks either side, and the bytes a phone signs.

mod common;

use common::{World, ADDRESS, DAY, NOW};
use warrant_core::{
    read_device_credential, sign_live_code, token, verify, DeviceCredential, MalformedReason, SigningKey, UnsignedLiveCode, Verdict,
};

const PHONE: [u8; 32] = [9; 32];
const DEVICE_SERIAL: [u8; 8] = [5; 8];

fn credential(world: &World) -> DeviceCredential {
    let mut card = world.card();
    card.issued_at = NOW - DAY;
    card.not_before = NOW - DAY;
    card.expires_at = NOW + 365 * DAY;
    DeviceCredential { card, serial: DEVICE_SERIAL.to_vec(), device_key: SigningKey::from_bytes(&PHONE).verifying_key() }
}

fn signed_credential(world: &World) -> Vec<u8> {
    credential(world).sign(&world.force_key, &world.kid).expect("valid credential")
}

fn live_qr(world: &World, made_at: i64, phone: &SigningKey) -> String {
    token::qr_text(ADDRESS, &sign_live_code(&signed_credential(world), made_at, phone).expect("credential reads"))
}

fn verdict(world: &World, qr: &str, revoked: &[&[u8]], now: i64) -> Verdict {
    verify(qr, &world.trust, &[world.revocations(revoked)], now).verdict
}

fn phone() -> SigningKey {
    SigningKey::from_bytes(&PHONE)
}

#[test]
fn a_fresh_code_from_the_enrolled_phone_is_live_with_the_cards_details() {
    let world = World::new();
    let Verdict::Live(card) = verdict(&world, &live_qr(&world, NOW - 3, &phone()), &[], NOW) else { panic!("live") };
    assert_eq!(card.holder, world.card().holder);
    assert_eq!(card.serial, world.card().serial, "the card's serial, not the phone's");
    assert_eq!(card.expires_at, NOW + 365 * DAY, "the credential's own expiry");
}

#[test]
fn a_code_shown_two_minutes_after_it_was_made_is_stale_never_live() {
    let world = World::new();
    let captured = live_qr(&world, NOW, &phone());
    assert_eq!(verdict(&world, &captured, &[], NOW).name(), "live");
    for later in [31, 60, 120, 3600, 30 * DAY] {
        assert_eq!(verdict(&world, &captured, &[], NOW + later).name(), "live-stale", "{later} s later");
    }
}

#[test]
fn clocks_may_differ_by_thirty_seconds_either_way() {
    let world = World::new();
    for (skew, expected) in [(-31, "live-stale"), (-30, "live"), (0, "live"), (30, "live"), (31, "live-stale")] {
        // The phone's clock is `skew` seconds ahead of the checker's.
        assert_eq!(verdict(&world, &live_qr(&world, NOW + skew, &phone()), &[], NOW).name(), expected, "phone {skew} s ahead");
    }
}

#[test]
fn a_credential_signed_by_another_phone_is_a_forgery() {
    let world = World::new();
    let other = SigningKey::from_bytes(&[10; 32]);
    assert_eq!(verdict(&world, &live_qr(&world, NOW, &other), &[], NOW), Verdict::InvalidSignature);
}

#[test]
fn a_changed_time_breaks_the_phones_signature() {
    let world = World::new();
    let cose = sign_live_code(&signed_credential(&world), NOW - 600, &phone()).unwrap();
    // Move the time forward inside the signed bytes: 0x02 (made-at) then a 4-byte integer.
    let at = cose.windows(2).rposition(|w| w == [0x02, 0x1a]).expect("made-at in payload") + 2;
    let mut forged = cose.clone();
    forged[at..at + 4].copy_from_slice(&u32::try_from(NOW).unwrap().to_be_bytes());
    assert_eq!(verdict(&world, &token::qr_text(ADDRESS, &forged), &[], NOW), Verdict::InvalidSignature);
}

#[test]
fn revoking_the_phone_or_the_card_revokes_its_live_codes() {
    let world = World::new();
    let qr = live_qr(&world, NOW, &phone());
    assert_eq!(verdict(&world, &qr, &[&DEVICE_SERIAL], NOW).name(), "revoked");
    assert_eq!(verdict(&world, &qr, &[&world.card().serial], NOW).name(), "revoked");
    assert_eq!(verdict(&world, &qr, &[&[1, 2, 3]], NOW).name(), "live");
}

#[test]
fn an_expired_credential_or_an_unknown_force_fails_as_a_card_would() {
    let world = World::new();
    let qr = live_qr(&world, NOW + 366 * DAY, &phone());
    assert_eq!(verdict(&world, &qr, &[], NOW + 366 * DAY).name(), "expired");
    let mut other = credential(&world);
    other.card.issuer = "BTP".into();
    let cose = other.sign(&world.force_key, &world.kid).unwrap();
    let qr = token::qr_text(ADDRESS, &sign_live_code(&cose, NOW, &phone()).unwrap());
    assert_eq!(verdict(&world, &qr, &[], NOW), Verdict::UnknownIssuer { issuer: "BTP".into() });
}

#[test]
fn a_device_credential_shown_on_its_own_is_not_a_card() {
    let world = World::new();
    let qr = token::qr_text(ADDRESS, &signed_credential(&world));
    assert_eq!(verdict(&world, &qr, &[], NOW), Verdict::Malformed(MalformedReason::BadStructure("content type")));
}

#[test]
fn a_phone_signs_exactly_what_the_checker_verifies() {
    // The officer's page builds the bytes with the core and signs them with WebCrypto.
    let world = World::new();
    let unsigned = UnsignedLiveCode::new(&signed_credential(&world), NOW).unwrap();
    let signature = {
        use ed25519_dalek::Signer;
        phone().sign(&unsigned.to_be_signed()).to_bytes()
    };
    let cose = unsigned.with_signature(&signature);
    assert_eq!(cose, sign_live_code(&signed_credential(&world), NOW, &phone()).unwrap());
    assert_eq!(verdict(&world, &token::qr_text(ADDRESS, &cose), &[], NOW).name(), "live");
}

#[test]
fn the_credential_round_trips() {
    let world = World::new();
    assert_eq!(read_device_credential(&signed_credential(&world)), Ok(credential(&world)));
    assert!(read_device_credential(&world.cose(&world.card())).is_err(), "a card is not a device credential");
}

/// CBOR by hand, for live codes no phone would make: a head, then the bytes.
fn head(major: u8, n: usize) -> Vec<u8> {
    match n {
        0..=23 => vec![major << 5 | n as u8],
        24..=0xff => vec![major << 5 | 24, n as u8],
        _ => [vec![major << 5 | 25], (n as u16).to_be_bytes().to_vec()].concat(),
    }
}

fn bstr(b: &[u8]) -> Vec<u8> {
    [head(2, b.len()), b.to_vec()].concat()
}

/// A live code's envelope around `payload` (a CBOR map's bytes), with key id `kid` and a
/// signature of zeros: every case below is refused before any signature is checked.
fn live_envelope(payload: &[u8], kid: &[u8]) -> String {
    let ct = "application/warrant-live+cbor";
    let protected = [vec![0xa3, 0x01, 0x27, 0x03], head(3, ct.len()), ct.as_bytes().to_vec(), vec![0x04], bstr(kid)].concat();
    let cose = [vec![0xd2, 0x84], bstr(&protected), vec![0xa0], bstr(payload), bstr(&[0; 64])].concat();
    token::qr_text(ADDRESS, &cose)
}

#[test]
fn malformed_live_codes_get_their_own_reasons() {
    let world = World::new();
    let credential = bstr(&signed_credential(&world));
    let time = [vec![0x1a], (NOW as u32).to_be_bytes().to_vec()].concat();
    let check = |payload: Vec<u8>, kid: &[u8]| verdict(&world, &live_envelope(&payload, kid), &[], NOW);
    let malformed = |reason| Verdict::Malformed(reason);
    // As a phone makes it, but unsigned: the envelope is fine, the signature is not.
    assert_eq!(check([vec![0xa2, 0x01], credential.clone(), vec![0x02], time.clone()].concat(), &DEVICE_SERIAL), Verdict::InvalidSignature);
    assert_eq!(
        check([vec![0xa3, 0x01], credential.clone(), vec![0x02], time.clone(), vec![0x03, 0x00]].concat(), &DEVICE_SERIAL),
        malformed(MalformedReason::BadClaim("unexpected claim"))
    );
    assert_eq!(check([vec![0xa1, 0x01], credential.clone()].concat(), &DEVICE_SERIAL), malformed(MalformedReason::MissingClaim("made-at")));
    assert_eq!(check([vec![0xa1, 0x02], time.clone()].concat(), &DEVICE_SERIAL), malformed(MalformedReason::MissingClaim("device-credential")));
    assert_eq!(
        check([vec![0xa2, 0x01], credential.clone(), vec![0x02, 0x24]].concat(), &DEVICE_SERIAL),
        malformed(MalformedReason::BadClaim("made-at")),
        "a time before 1970"
    );
    assert_eq!(
        check([vec![0xa2, 0x01, 0x61, b'x', 0x02], time.clone()].concat(), &DEVICE_SERIAL),
        malformed(MalformedReason::BadStructure("payload")),
        "the credential as text"
    );
    assert_eq!(
        check([vec![0xa2, 0x01], credential.clone(), vec![0x02], time.clone()].concat(), &[1, 2]),
        malformed(MalformedReason::BadStructure("key id")),
        "a key id that is not the credential's serial"
    );
    assert_eq!(check(vec![0x80], &DEVICE_SERIAL), malformed(MalformedReason::BadStructure("payload")), "not a map");
}
