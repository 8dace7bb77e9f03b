//! Test vectors for revocation filters (docs/FORMAT.md §14.7), written to
//! `tests/vectors/revocation-filter/`: cards judged against the DEMO force's signed filter
//! alone (no revocation list), old cards through the filter, new ones through its list of
//! recent revocations, and a live code.

use anyhow::{Context, Result};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use warrant_core::{card_qr_text, keys, to_hex, token, Card, FilterInput, Holder, RevocationFilter, Role, SigningKey};

use crate::report;
use crate::samples::{Sample, SampleWorld, DEMO_FORCE_ID};
use crate::time_arg::DAY;
use crate::vectors::vector_json;

/// Cards of the filter's universe other than the samples': enough for the filter to have
/// two levels, a few of them revoked.
const OTHER_CARDS: u64 = 60;
const OTHER_REVOKED_EVERY: u64 = 12;

fn serial(label: &str) -> Vec<u8> {
    Sha256::digest(format!("warrant-check demo serial: {label}"))[..8].to_vec()
}

/// What the DEMO force's record and register hold when it signs its filter, ten minutes
/// before the vectors' `now`, covering every card issued up to a day before.
struct FilterWorld {
    signed: Vec<u8>,
    filter: RevocationFilter,
    revoked: Vec<Vec<u8>>,
    not_revoked: Vec<Vec<u8>>,
}

fn filter_world(world: &SampleWorld, samples: &[Sample], recent_card: &Card) -> Result<FilterWorld> {
    let now = world.now;
    let sample_card = |name: &str| samples.iter().find(|s| s.name == name).and_then(|s| s.card.clone()).with_context(|| format!("no {name} sample card"));
    let (genuine, revoked) = (sample_card("genuine")?, sample_card("revoked")?);
    let mut issued: Vec<(Vec<u8>, i64)> = vec![(genuine.serial.clone(), genuine.issued_at), (revoked.serial.clone(), revoked.issued_at)];
    let mut register = vec![revoked.serial.clone(), serial("revoked phone"), recent_card.serial.clone()];
    for i in 0..OTHER_CARDS {
        let s = serial(&format!("filter universe {i}"));
        if i % OTHER_REVOKED_EVERY == 0 {
            register.push(s.clone());
        }
        issued.push((s, now - 200 * DAY + i as i64 * DAY));
    }
    issued.push((recent_card.serial.clone(), recent_card.issued_at));
    let issued_refs: Vec<(&[u8], i64)> = issued.iter().map(|(s, t)| (s.as_slice(), *t)).collect();
    let register_refs: Vec<&[u8]> = register.iter().map(Vec::as_slice).collect();
    let coverage = now - DAY;
    let (exact, recent) = FilterInput { issued: &issued_refs, revoked: &register_refs, coverage, seeds: warrant_core::filter::SEEDS }.build();
    let filter = RevocationFilter {
        issuer: DEMO_FORCE_ID.into(),
        issued_at: now - 600,
        next_update: now + DAY,
        expires: now + 7 * DAY,
        coverage,
        filter: exact,
        recent,
    };
    let signed = filter.sign(&world.force_key, &keys::derive_key_id(&world.force_key.verifying_key()))?;
    let (revoked, not_revoked): (Vec<_>, Vec<_>) = issued.into_iter().map(|(s, _)| s).partition(|s| register.contains(s));
    Ok(FilterWorld { signed, filter, revoked, not_revoked })
}

fn demo_card(world: &SampleWorld, label: &str, name: &str, number: &str, issued_at: i64) -> Card {
    Card {
        issuer: DEMO_FORCE_ID.into(),
        serial: serial(label),
        issued_at,
        not_before: issued_at,
        expires_at: world.now + 3 * 365 * DAY,
        holder: Holder { name: name.into(), rank: "Police Constable".into(), number: number.into(), role: Role::PoliceOfficer },
    }
}

fn qr(world: &SampleWorld, card: &Card, key: &SigningKey) -> Result<String> {
    Ok(card_qr_text(card, key, &keys::derive_key_id(&key.verifying_key()), &world.checker_address)?)
}

/// The filter vectors.
pub fn filter_vectors(world: &SampleWorld, samples: &[Sample]) -> Result<Vec<Value>> {
    let now = world.now;
    // Issued two hours ago (after the coverage time, before the filter was signed), then revoked.
    let recent_card = demo_card(world, "filter recent revoked", "Sam Lee", "5150", now - 2 * 3600);
    let fw = filter_world(world, samples, &recent_card)?;
    // Issued a minute ago, after the filter was signed: not in its universe. Of the
    // candidate serials, the first that the filter would call revoked if asked, so that an
    // implementation that asks it about a card issued after the coverage time fails here.
    let new_card = (0..)
        .map(|i| demo_card(world, &format!("filter new card {i}"), "Ali Khan", "6021", now - 60))
        .find(|c| fw.filter.filter.contains(&c.serial))
        .context("some serial reads as revoked")?;

    let universe = json!({
        "revoked": fw.revoked.iter().map(|s| to_hex(s)).collect::<Vec<_>>(),
        "not_revoked": fw.not_revoked.iter().map(|s| to_hex(s)).collect::<Vec<_>>(),
    });
    let base = |name: &str, description: &str, qr_text: String, expected: &str, card: Option<&Card>, sample: &Sample| {
        let mut v = vector_json(world, sample);
        v["name"] = json!(name);
        v["description"] = json!(description);
        v["qr_text"] = json!(qr_text);
        v["revocation_lists"] = json!([]);
        v["revocation_filters"] = json!([token::encode(&fw.signed)]);
        v["filter_universe"] = universe.clone();
        v["expected"] = json!(expected);
        match card {
            Some(card) => v["card"] = report::card_json(card),
            None => {
                v.as_object_mut().expect("an object").remove("card");
            }
        }
        v
    };
    let sample = |name: &str| samples.iter().find(|s| s.name == name).with_context(|| format!("no {name} sample"));
    let (genuine, revoked, live, live_revoked) = (sample("genuine")?, sample("revoked")?, sample("live")?, sample("live-revoked-device")?);
    let fresh = |s: &Sample| s.card.clone();
    Ok(vec![
        base(
            "filter-revoked",
            "A card issued before the filter's coverage time and revoked: the filter says so (its serial is not in the recent list).",
            revoked.qr_text.clone(),
            "revoked",
            fresh(revoked).as_ref(),
            revoked,
        ),
        base(
            "filter-not-revoked",
            "A card issued before the filter's coverage time and not revoked: the filter says so.",
            genuine.qr_text.clone(),
            "genuine",
            fresh(genuine).as_ref(),
            genuine,
        ),
        base(
            "filter-new-card-revoked",
            "A card issued after the filter's coverage time and revoked: its serial is in the filter's list of recent revocations.",
            qr(world, &recent_card, &world.force_key)?,
            "revoked",
            Some(&recent_card),
            genuine,
        ),
        base(
            "filter-new-card-not-revoked",
            "A card issued a minute ago, after the filter was signed: the filter is not asked (it would answer revoked for this serial, which is outside the serials it covers), and the recent list does not hold it.",
            qr(world, &new_card, &world.force_key)?,
            "genuine",
            Some(&new_card),
            genuine,
        ),
        base(
            "filter-live",
            "A live code from the enrolled phone: its credential was signed before the filter, so the filter is asked about the card, which is not revoked.",
            live.qr_text.clone(),
            "live",
            fresh(live).as_ref(),
            live,
        ),
        base(
            "filter-live-revoked-device",
            "A live code from a phone whose credential is revoked: phones' credentials are not in the filter, so the recent list holds it.",
            live_revoked.qr_text.clone(),
            "revoked",
            fresh(live_revoked).as_ref(),
            live_revoked,
        ),
    ])
}
