//! Test vectors for check codes and the card directory (docs/FORMAT.md §13.5), written to
//! `tests/vectors/check-codes/`: a code typed as a caller might read it, a directory, and
//! what a desk must conclude.

use anyhow::{Context, Result};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use warrant_core::check_code::{CheckCode, RANDOM_BYTES};
use warrant_core::directory::{self, derive_entry_keys, padded_size_for, seal_entry, write_directory, LOOKUP_BYTES};
use warrant_core::{to_hex, token};

use crate::samples::{Sample, SampleWorld};
use crate::vectors::vector_json;

/// A fixed code per label, so the vectors' bytes never change.
fn vector_code(label: &str) -> CheckCode {
    let digest = Sha256::digest(format!("warrant-check vector code: {label}").as_bytes());
    let mut random = [0_u8; RANDOM_BYTES];
    random.copy_from_slice(&digest[..RANDOM_BYTES]);
    CheckCode::from_random(random)
}

fn cose_of(sample: &Sample) -> Result<Vec<u8>> {
    let located = token::locate(&sample.qr_text).map_err(|_| anyhow::anyhow!("{}: no token", sample.name))?;
    token::decode(located.token).map_err(|e| anyhow::anyhow!("{}: {e:?}", sample.name))
}

/// The directory vectors: the genuine, revoked and expired samples filed under their codes.
pub fn check_code_vectors(world: &SampleWorld, samples: &[Sample]) -> Result<Vec<Value>> {
    let filed = ["genuine", "revoked", "expired"];
    let mut cards = Vec::new();
    for name in filed {
        let sample = samples.iter().find(|s| s.name == name).with_context(|| format!("no {name} sample"))?;
        cards.push((sample, vector_code(name), cose_of(sample)?));
    }
    // The genuine card's code is typed with O for 0 and l for 1: take the first fixed code
    // that has both.
    cards[0].1 = (0..)
        .map(|n| vector_code(&format!("genuine {n}")))
        .find(|c| c.characters().contains(&'0') && c.characters().contains(&'1'))
        .expect("some code has a 0 and a 1");
    let padded = padded_size_for(cards.iter().map(|(_, _, cose)| cose.len()).max().unwrap_or(0));
    let entries = cards
        .iter()
        .map(|(_, code, cose)| seal_entry(&derive_entry_keys(code), cose, padded))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("sealing: {e:?}"))?;
    let file = write_directory("DEMO", padded, entries).map_err(|e| anyhow::anyhow!("directory: {e:?}"))?;

    let base = |sample: &Sample, name: &str, description: &str, typed: &str, expected: &str| {
        let mut v = vector_json(world, sample);
        let object = v.as_object_mut().expect("a vector is an object");
        object.remove("qr_text");
        v["name"] = json!(name);
        v["description"] = json!(description);
        v["check_code"] = json!(typed);
        v["directory"] = json!(token::encode(&file));
        v["expected"] = json!(expected);
        if !matches!(expected, "genuine" | "revoked" | "expired") {
            v.as_object_mut().expect("an object").remove("card");
        }
        v
    };
    let with_keys = |mut v: Value, code: &CheckCode| {
        let keys = derive_entry_keys(code);
        v["derived"] = json!({ "lookup": to_hex(&keys.lookup), "key": to_hex(&keys.key) });
        v
    };
    let (genuine, genuine_code, _) = &cards[0];
    let mut vectors = Vec::new();
    // As a caller reads it and staff type it: lower case, spaces, O for 0 and l for 1.
    let typed = genuine_code.grouped().to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
    vectors.push(with_keys(base(genuine, "code-genuine", "A genuine card found by its check code, typed in lower case with spaces, O for 0 and l for 1.", &typed, "genuine"), genuine_code));
    for (sample, code, _) in &cards[1..] {
        let name = format!("code-{}", sample.name);
        let description = format!("The {} card found by its check code, then judged as a scanned card is: {}.", sample.name, sample.expected);
        vectors.push(with_keys(base(sample, &name, &description, &code.grouped(), sample.expected), code));
    }
    vectors.push(base(genuine, "code-mistyped", "The genuine card's code with one symbol misheard: the check symbol catches it before any directory is searched.", &mistyped(genuine_code), "check-failed"));
    let unknown = vector_code("in no directory");
    vectors.push(with_keys(base(genuine, "code-not-found", "A well-formed code under which the directory files no entry (a forged card's, or another force's).", &unknown.grouped(), "not-found"), &unknown));
    let mut damaged = with_keys(base(genuine, "code-entry-damaged", "The genuine card's code, in a directory whose entry for it was changed (one bit of the sealed token): the entry does not open, and nothing else is shown.", &genuine_code.grouped(), "damaged"), genuine_code);
    damaged["directory"] = json!(token::encode(&flip_sealed_bit(&file, genuine_code)?));
    vectors.push(damaged);
    Ok(vectors)
}

/// The code with its second group's first symbol replaced by another, so that its check
/// symbol no longer matches.
fn mistyped(code: &CheckCode) -> String {
    let mut characters = code.grouped().chars().collect::<Vec<_>>();
    characters[5] = if characters[5] == 'X' { 'Y' } else { 'X' };
    characters.into_iter().collect()
}

/// The directory file with one bit of the code's sealed token flipped.
fn flip_sealed_bit(file: &[u8], code: &CheckCode) -> Result<Vec<u8>> {
    let lookup = derive_entry_keys(code).lookup;
    let at = file.windows(LOOKUP_BYTES).position(|w| w == lookup).context("the entry is in the file")?;
    let mut changed = file.to_vec();
    changed[at + LOOKUP_BYTES + 20] ^= 0x01;
    directory::Directory::read(&changed).map_err(|e| anyhow::anyhow!("the changed file still reads: {e:?}"))?;
    Ok(changed)
}
