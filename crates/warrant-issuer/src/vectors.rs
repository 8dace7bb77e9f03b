//! Writes the samples as test vectors (docs/FORMAT.md §11): one JSON file per sample,
//! self-contained, for this and any other implementation.

use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Value};
use warrant_core::{keys, token};

use crate::samples::{Sample, SampleWorld};
use crate::{report, time_arg};

/// The fixed moment of the vectors, so that their bytes never change.
pub const VECTORS_NOW: &str = "2026-06-01T12:00:00Z";
/// The checker address printed in the vectors' QR texts.
pub const VECTORS_ADDRESS: &str = "https://check.example.police.uk/";

pub fn vector_json(world: &SampleWorld, sample: &Sample) -> Value {
    let mut v = json!({
        "name": sample.name,
        "description": sample.description,
        "qr_text": sample.qr_text,
        "now": time_arg::format(world.now),
        "issuer_public_key_pem": keys::verifying_key_to_pem(&sample.issuer_key.verifying_key()),
        "root_public_key_pem": keys::verifying_key_to_pem(&world.root.verifying_key()),
        "trust_list": token::encode(&world.signed_trust_list),
        "revocation_lists": [token::encode(&world.signed_revocation_list)],
        "expected": sample.expected,
    });
    if let Some(reason) = sample.expected_reason {
        v["expected_reason"] = json!(reason);
    }
    if let Some(card) = &sample.card {
        v["card"] = report::card_json(card);
    }
    v
}

pub fn write(dir: &Path) -> Result<usize> {
    let world = SampleWorld::new(time_arg::parse(VECTORS_NOW)?, VECTORS_ADDRESS);
    std::fs::create_dir_all(dir)?;
    let mut samples = world.samples();
    samples.extend(world.live_samples());
    let mut vectors: Vec<Value> = samples.iter().map(|s| vector_json(&world, s)).collect();
    vectors.push(revoked_through_bundle(&world, &samples)?);
    write_all(dir, &vectors)?;
    let codes = crate::code_vectors::check_code_vectors(&world, &samples)?;
    write_all(&dir.join("check-codes"), &codes)?;
    let filters = crate::filter_vectors::filter_vectors(&world, &samples)?;
    write_all(&dir.join("revocation-filter"), &filters)?;
    Ok(vectors.len() + codes.len() + filters.len())
}

fn write_all(dir: &Path, vectors: &[Value]) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for vector in vectors {
        let path = dir.join(format!("{}.json", vector["name"].as_str().unwrap_or_default()));
        let text = serde_json::to_string_pretty(vector)? + "\n";
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The revoked card again, its force's list given inside a revocation bundle (FORMAT.md
/// §8.1) rather than on its own.
fn revoked_through_bundle(world: &SampleWorld, samples: &[Sample]) -> Result<Value> {
    let revoked = samples.iter().find(|s| s.name == "revoked").context("no revoked sample")?;
    let bundle = warrant_core::write_revocation_bundle(vec![("DEMO".into(), world.signed_revocation_list.clone())])?;
    let mut v = vector_json(world, revoked);
    v["name"] = json!("revoked-through-bundle");
    v["description"] = json!("The revoked card, its force's revocation list read from a revocation bundle (§8.1).");
    v["revocation_lists"] = json!([]);
    v["revocation_bundle"] = json!(token::encode(&bundle));
    Ok(v)
}
