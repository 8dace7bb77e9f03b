//! One test per verdict and warning, at the boundaries the specification names.

mod common;

use common::{World, ADDRESS, DAY, NOW};
use warrant_core::{keys, limits, token, verify, Card, KeyProblem, MalformedReason, SigningKey, Verdict, Warning};

fn verdict_at(world: &World, card: &Card, now: i64) -> Verdict {
    verify(&world.qr(card), &world.trust, &[world.revocations(&[])], now).verdict
}

#[test]
fn genuine_card_gives_its_details() {
    let world = World::new();
    let card = world.card();
    let check = verify(&world.qr(&card), &world.trust, &[world.revocations(&[])], NOW);
    assert_eq!(check.verdict, Verdict::Genuine(card));
    assert!(check.warnings.is_empty());
}

#[test]
fn genuine_with_surrounding_whitespace_and_bare_token() {
    let world = World::new();
    let card = world.card();
    let qr = world.qr(&card);
    let bare = qr.split_once('#').unwrap().1;
    for text in [format!("  {qr}\n"), bare.to_string(), format!("\t{bare} ")] {
        assert_eq!(verify(&text, &world.trust, &[], NOW).verdict, Verdict::Genuine(card.clone()), "{text:?}");
    }
}

#[test]
fn expiry_is_exclusive() {
    let world = World::new();
    let card = world.card();
    assert!(verdict_at(&world, &card, card.expires_at - 1).is_genuine());
    assert_eq!(verdict_at(&world, &card, card.expires_at), Verdict::Expired(card));
}

#[test]
fn not_before_allows_five_minutes_of_clock_skew() {
    let world = World::new();
    let mut card = world.card();
    card.not_before = NOW + DAY;
    let skew = limits::CLOCK_SKEW_SECONDS;
    assert_eq!(verdict_at(&world, &card, card.not_before - skew - 1), Verdict::NotYetValid(card.clone()));
    assert!(verdict_at(&world, &card, card.not_before - skew).is_genuine());
}

#[test]
fn revoked_serial_is_revoked_even_when_expired() {
    let world = World::new();
    let card = world.card();
    let list = world.revocations(&[&card.serial]);
    assert_eq!(verify(&world.qr(&card), &world.trust, &[list.clone()], NOW).verdict, Verdict::Revoked(card.clone()));
    assert_eq!(verify(&world.qr(&card), &world.trust, &[list], card.expires_at + DAY).verdict, Verdict::Revoked(card));
}

#[test]
fn another_forces_revocation_list_does_not_revoke() {
    let world = World::new();
    let card = world.card();
    let mut list = world.revocations(&[&card.serial]);
    list.issuer = "KENT".into();
    let check = verify(&world.qr(&card), &world.trust, &[list], NOW);
    assert!(check.verdict.is_genuine());
    assert_eq!(check.warnings, vec![Warning::NoRevocationList]);
}

#[test]
fn out_of_date_lists_are_used_with_warnings() {
    let world = World::new();
    let card = world.card();
    let list = world.revocations(&[]);
    let now = world.trust.next_update;
    let check = verify(&world.qr(&card), &world.trust, &[list.clone()], now);
    assert!(check.verdict.is_genuine());
    assert_eq!(
        check.warnings,
        vec![Warning::TrustListOutOfDate { next_update: world.trust.next_update }, Warning::RevocationListOutOfDate { next_update: list.next_update }]
    );
}

#[test]
fn unknown_force_and_unknown_key_id() {
    let world = World::new();
    let mut card = world.card();
    card.issuer = "XYZ".into();
    assert_eq!(verdict_at(&world, &card, NOW), Verdict::UnknownIssuer { issuer: "XYZ".into() });

    let stranger = SigningKey::from_bytes(&[3; 32]);
    let card = world.card();
    let cose = warrant_core::sign_card(&card, &stranger, &[0xAB, 0xCD]).unwrap();
    assert_eq!(verify(&token::qr_text(ADDRESS, &cose), &world.trust, &[], NOW).verdict, Verdict::UnknownIssuer { issuer: "MPS".into() });
}

#[test]
fn forged_with_the_forces_key_id_is_invalid_signature() {
    let world = World::new();
    let forger = SigningKey::from_bytes(&[3; 32]);
    let cose = warrant_core::sign_card(&world.card(), &forger, &world.kid).unwrap();
    assert_eq!(verify(&token::qr_text(ADDRESS, &cose), &world.trust, &[], NOW).verdict, Verdict::InvalidSignature);
}

#[test]
fn key_withdrawal_splits_cards_by_issue_time() {
    let mut world = World::new();
    let withdrawn = NOW - 5 * DAY;
    world.trust.forces[0].keys[0].withdrawn_from = Some(withdrawn);
    let mut before = world.card();
    before.issued_at = withdrawn - 1;
    before.not_before = withdrawn - 1;
    assert!(verdict_at(&world, &before, NOW).is_genuine());
    let mut at = before.clone();
    at.issued_at = withdrawn;
    at.not_before = withdrawn;
    assert_eq!(verdict_at(&world, &at, NOW), Verdict::IssuerKeyInvalid { card: at, problem: KeyProblem::Withdrawn });
}

#[test]
fn key_validity_window_bounds_issue_time() {
    let world = World::new();
    let key = &world.trust.forces[0].keys[0];
    let mut early = world.card();
    early.issued_at = key.not_before - 1;
    early.not_before = key.not_before - 1;
    assert_eq!(verdict_at(&world, &early, NOW), Verdict::IssuerKeyInvalid { card: early, problem: KeyProblem::NotYetValid });
    let mut late = world.card();
    late.issued_at = key.not_after;
    late.not_before = key.not_after;
    late.expires_at = key.not_after + DAY;
    assert_eq!(verdict_at(&world, &late, NOW), Verdict::IssuerKeyInvalid { card: late, problem: KeyProblem::Expired });
}

#[test]
fn other_qr_codes_are_not_cards() {
    let world = World::new();
    for text in [
        "",
        "   ",
        "https://shop.example/offer",
        "https://shop.example/#section",
        "WIFI:S:Home;T:WPA;P:secret;;",
        "BEGIN:VCARD\nFN:Jane\nEND:VCARD",
        "ftp://check.example/#0oabc",
        "ḫttps://check.example/#0oabc",
        "0",
        "hello world",
    ] {
        assert_eq!(verify(text, &world.trust, &[], NOW).verdict, Verdict::NotACard, "{text:?}");
    }
}

#[test]
fn malformed_reasons() {
    let world = World::new();
    let cose = world.cose(&world.card());
    let qr = token::qr_text(ADDRESS, &cose);
    let check = |text: &str| verify(text, &world.trust, &[], NOW).verdict;

    let long = format!("{ADDRESS}#0o{}", "A".repeat(limits::MAX_TOKEN_CHARS));
    assert_eq!(check(&long), Verdict::Malformed(MalformedReason::Oversized));
    assert_eq!(check(&format!("{qr}!")), Verdict::Malformed(MalformedReason::BadEncoding));
    assert_eq!(check(&format!("{ADDRESS}#0o+/")), Verdict::Malformed(MalformedReason::BadEncoding));
    assert_eq!(check(&token::qr_text(ADDRESS, &cose[..cose.len() - 10])), Verdict::Malformed(MalformedReason::Truncated));
    let mut trailing = cose.clone();
    trailing.push(0);
    assert!(matches!(check(&token::qr_text(ADDRESS, &trailing)), Verdict::Malformed(_)));
}

#[test]
fn card_with_control_or_bidi_characters_is_never_signed() {
    let world = World::new();
    for name in ["Jane\u{202E}htimS", "Jane\nSmith", "Jane\u{200B}Smith", " Jane", "Jane ", ""] {
        let mut card = world.card();
        card.holder.name = name.into();
        assert!(warrant_core::sign_card(&card, &world.force_key, &world.kid).is_err(), "{name:?}");
    }
    let mut card = world.card();
    card.holder.name = "N".repeat(limits::MAX_NAME_CHARS + 1);
    assert!(warrant_core::sign_card(&card, &world.force_key, &world.kid).is_err());
    card.holder.name = "Ł".repeat(limits::MAX_NAME_CHARS);
    assert!(warrant_core::sign_card(&card, &world.force_key, &world.kid).is_ok());
}

#[test]
fn ranks_outside_the_table_travel_as_text() {
    let world = World::new();
    let mut card = world.card();
    card.holder.rank = "Head of Forensic Imaging".into();
    assert_eq!(verdict_at(&world, &card, NOW), Verdict::Genuine(card));
}

#[test]
fn pem_keys_from_openssl_are_read() {
    // Made with `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout`.
    let private = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAVhZN4ZjUKHLDBwUhZg9yXuRl13LyQ5vzhncNBJdcEQ\n-----END PRIVATE KEY-----\n";
    let public = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA8zZqX5FS1QsqsCZqJsyceJkKYMW60h9lcYNaC4q6q2A=\n-----END PUBLIC KEY-----\n";
    let signing = keys::signing_key_from_pem(private).unwrap();
    assert_eq!(signing.verifying_key(), keys::verifying_key_from_pem(public).unwrap());
    // Our own PEM round trips too.
    assert_eq!(keys::signing_key_from_pem(&keys::signing_key_to_pem(&signing)).unwrap(), signing);
    assert_eq!(keys::verifying_key_to_pem(&signing.verifying_key()), public);
}

#[test]
fn small_order_and_malformed_keys_are_refused() {
    // The identity point (order 1) and the point (0, -1) of order 2.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    assert!(keys::verifying_key_from_bytes(&identity).is_err());
    let mut order_two = [0xFF; 32];
    order_two[0] = 0xEC;
    order_two[31] = 0x7F;
    assert!(keys::verifying_key_from_bytes(&order_two).is_err());
    assert!(keys::verifying_key_from_bytes(&[1; 31]).is_err());
    assert!(keys::verifying_key_from_pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").is_err());
    assert!(keys::signing_key_from_pem("not a key").is_err());
}
