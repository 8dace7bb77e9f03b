//! The demo: public demo keys, a DEMO trust list, revocation register and list, and one
//! sample card per verdict as QR images plus a machine-readable `samples.json`; then one
//! card is verified from the written files, exactly as `verify` would.
//!
//! The samples the DEMO force issued are in its record of issued cards (`issued-DEMO.jsonl`)
//! with check codes derived from public labels (`codes::demo`: reproducible, so anyone can
//! work them out; real cards' codes come from the operating system's CSPRNG), printed under
//! their QR codes; the force's card directory (`directory-DEMO.cbor`) and the bundle of it
//! the desk fetches (`directories.cbor`) are built from that record as `directory` and
//! `bundle --directories` build them.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::json;
use warrant_core::directory::{derive_entry_keys, find_in, read_directory_bundle, write_directory_bundle, Directory, Lookup};
use warrant_core::{
    keys, read_filter_bundle, token, verify_with_filters, write_filter_bundle, CheckCode, FilterInput, RevocationFilter, RootKey, TrustList,
};

use crate::record::{self, RecordedCard};
use crate::samples::{Sample, SampleWorld};
use crate::time_arg::DAY;
use crate::{card_directory, codes, key_files, qr_render, register, time_arg};

/// The samples the DEMO force issued itself, which are in its record of issued cards and so
/// carry check codes. (The others are forged, altered, not cards, or signed with a key after
/// the force withdrew it: no force ever recorded them.)
const ISSUED_SAMPLES: [&str; 7] =
    ["genuine", "genuine-long-name", "genuine-staff", "genuine-before-withdrawal", "revoked", "expired", "not-yet-valid"];

/// The demo's files for the card directory.
pub const RECORD: &str = "issued-DEMO.jsonl";
pub const DIRECTORY: &str = "directory-DEMO.cbor";
pub const DIRECTORY_BUNDLE: &str = "directories.cbor";
/// The demo's revocation filter (`filter` writes one per force) and the bundle of every
/// force's filter that the checker page fetches (`filter-bundle`).
pub const FILTER: &str = "revocation-filter-DEMO.cose";
pub const FILTER_BUNDLE: &str = "revocation-filters.cbor";

pub fn write(out: &Path, checker_address: &str, now: i64) -> Result<()> {
    if out.exists() {
        // Replace an earlier demo, but never a folder that is something else.
        if !out.join("samples.json").exists() {
            bail!("{} exists and is not an earlier demo; choose another --out", out.display());
        }
        fs::remove_dir_all(out)?;
    }
    let world = SampleWorld::new(now, checker_address);
    fs::create_dir_all(out.join("samples"))?;
    let pem = |k: &warrant_core::SigningKey| keys::verifying_key_to_pem(&k.verifying_key());
    fs::write(out.join("demo-root.pub.pem"), pem(&world.root))?;
    fs::write(out.join("demo-force.pub.pem"), pem(&world.force_key))?;
    key_files::write_new(&out.join("demo-force.key.pem"), keys::signing_key_to_pem(&world.force_key).as_bytes(), true)?;
    fs::write(out.join("trust-list.cose"), &world.signed_trust_list)?;
    fs::write(out.join("revocations-DEMO.cose"), &world.signed_revocation_list)?;
    // The register the list was made from, as `revoke` keeps it; `enrol` checks cards against it.
    fs::write(out.join("revoked-DEMO.txt"), register::append("", &world.revoked_serials, "a DEMO sample")?)?;
    let bundle = warrant_core::write_revocation_bundle(vec![("DEMO".into(), world.signed_revocation_list.clone())])?;
    fs::write(out.join("revocations.cbor"), bundle)?;

    let all = world.samples();
    let issued = record_issued(out, &all)?;
    write_filter(out, &world, &issued_cards(&all)?)?;
    check_filter_bundle(out, &world, &all)?;
    let built = card_directory::build(&out.join(RECORD), now)?;
    fs::write(out.join(DIRECTORY), &built.bytes)?;
    fs::write(out.join(DIRECTORY_BUNDLE), write_directory_bundle(vec![(built.force.clone(), built.bytes.clone())]).map_err(|e| anyhow::anyhow!("bundling the demo's directory: {e:?}"))?)?;
    let genuine_code = issued.iter().find(|(name, _)| *name == "genuine").map(|(_, code)| *code).context("no genuine sample")?;
    let unknown_code = codes::demo("in no directory");
    check_directory_bundle(out, &all, &issued, &unknown_code)?;

    let mut samples = Vec::new();
    for s in &all {
        let code = issued.iter().find(|(name, _)| *name == s.name).map(|(_, code)| code);
        let qr = qr_render::render_card(&s.qr_text, code)?;
        fs::write(out.join("samples").join(format!("{}.svg", s.name)), &qr.svg)?;
        fs::write(out.join("samples").join(format!("{}.png", s.name)), &qr.png)?;
        let mut sample = json!({
            "name": s.name,
            "description": s.description,
            "qr_text": s.qr_text,
            "expected": s.expected,
            "expected_reason": s.expected_reason,
            "qr_version": qr.version,
            "svg": format!("samples/{}.svg", s.name),
            "png": format!("samples/{}.png", s.name),
            "image_size": [qr.size_modules.0, qr.size_modules.1],
        });
        if let Some(code) = code {
            sample["check_code"] = json!(code.grouped());
            // Expired cards are left out of the directory: the desk does not find them.
            sample["in_directory"] = json!(s.card.as_ref().is_some_and(|c| c.expires_at > now));
        }
        samples.push(sample);
    }
    let index = json!({
        "demo": true,
        "warning": "DEMO keys derived from public labels: anyone can sign with them. Never trust them for real cards.",
        "generated_at": time_arg::format(now),
        "checker_address": checker_address,
        "root_public_key": "demo-root.pub.pem",
        "trust_list": "trust-list.cose",
        "revocation_lists": ["revocations-DEMO.cose"],
        "revocation_bundle": "revocations.cbor",
        "revocation_filters": [FILTER],
        "revocation_filter_bundle": FILTER_BUNDLE,
        "record_of_issued_cards": RECORD,
        "card_directory": DIRECTORY,
        "directory_bundle": DIRECTORY_BUNDLE,
        "check_codes": {
            "unknown": unknown_code.grouped(),
            "mistyped": codes::mistyped(&genuine_code),
        },
        "samples": samples,
    });
    fs::write(out.join("samples.json"), serde_json::to_string_pretty(&index)? + "\n")?;
    fs::write(out.join("samples").join("index.html"), samples_page(&samples))?;
    if samples.is_empty() {
        bail!("no samples written");
    }
    Ok(())
}

/// Adds the samples the DEMO force issued to its record, each with its demo check code, as
/// `issue` would have; returns their names and codes.
fn record_issued(out: &Path, samples: &[Sample]) -> Result<Vec<(&'static str, CheckCode)>> {
    let mut issued = Vec::new();
    let mut recorded = Vec::new();
    for name in ISSUED_SAMPLES {
        let sample = samples.iter().find(|s| s.name == name).with_context(|| format!("no {name} sample"))?;
        let card = sample.card.as_ref().with_context(|| format!("the {name} sample has no card"))?;
        let code = codes::demo(name);
        recorded.push(RecordedCard::new(&card.serial, &code, card.issued_at, card.expires_at, &cose_of(sample)?));
        issued.push((name, code));
    }
    record::append(&out.join(RECORD), crate::samples::DEMO_FORCE_ID, &recorded)?;
    Ok(issued)
}

/// The serial and issue time of every card the DEMO force issued (its record).
fn issued_cards(samples: &[Sample]) -> Result<Vec<(Vec<u8>, i64)>> {
    ISSUED_SAMPLES
        .iter()
        .map(|name| {
            let card = samples.iter().find(|s| s.name == *name).and_then(|s| s.card.as_ref()).with_context(|| format!("no {name} card"))?;
            Ok((card.serial.clone(), card.issued_at))
        })
        .collect()
}

/// The DEMO force's revocation filter, signed as `filter` signs one, from the cards it issued
/// and its register, dated as its revocation list is; its coverage time a day before that, so
/// that the revoked sample (issued months ago) is judged by the filter's bits, and the
/// revoked phone (in no record) by its list of recent revocations. And the bundle of it.
fn write_filter(out: &Path, world: &SampleWorld, issued: &[(Vec<u8>, i64)]) -> Result<()> {
    let issued_at = world.now - DAY;
    let coverage = issued_at - DAY;
    let issued_refs: Vec<(&[u8], i64)> = issued.iter().map(|(s, t)| (s.as_slice(), *t)).collect();
    let revoked: Vec<&[u8]> = world.revoked_serials.iter().map(Vec::as_slice).collect();
    let (filter, recent) = FilterInput { issued: &issued_refs, revoked: &revoked, coverage, seeds: warrant_core::filter::SEEDS }.build();
    let filter = RevocationFilter {
        issuer: crate::samples::DEMO_FORCE_ID.into(),
        issued_at,
        next_update: world.now + 6 * DAY,
        expires: world.now + 30 * DAY,
        coverage,
        filter,
        recent,
    };
    let signed = filter.sign(&world.force_key, &keys::derive_key_id(&world.force_key.verifying_key()))?;
    fs::write(out.join(FILTER), &signed)?;
    let bundle = write_filter_bundle(vec![(filter.issuer.clone(), signed)]).map_err(|e| anyhow::anyhow!("bundling the demo's filter: {e}"))?;
    fs::write(out.join(FILTER_BUNDLE), bundle)?;
    Ok(())
}

/// Reads the filters bundle back as the checker page does and judges every sample with it
/// alone (no revocation list): each verdict is the one expected of it, and the revoked card
/// is revoked by the filter's bits, not by its list of recent revocations.
fn check_filter_bundle(out: &Path, world: &SampleWorld, samples: &[Sample]) -> Result<()> {
    let root = RootKey::new(world.root.verifying_key());
    let trust = TrustList::open(&world.signed_trust_list, &[root], world.now).map_err(|e| anyhow::anyhow!("the demo's trust list: {e}"))?;
    let filters = read_filter_bundle(&fs::read(out.join(FILTER_BUNDLE))?)
        .map_err(|e| anyhow::anyhow!("the demo's filters bundle: {e}"))?
        .iter()
        .map(|bytes| RevocationFilter::open(bytes, &trust, world.now))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("the demo's filter: {e}"))?;
    for s in samples {
        let got = verify_with_filters(&s.qr_text, &trust, &[], &filters, world.now);
        if got.verdict.name() != s.expected {
            bail!("the {} sample, judged by the demo's filter, is {} (expected {})", s.name, got.verdict.name(), s.expected);
        }
    }
    let revoked = samples.iter().find(|s| s.name == "revoked").and_then(|s| s.card.as_ref()).context("no revoked card")?;
    if filters.iter().any(|f| f.recent.contains(&revoked.serial)) || !filters.iter().any(|f| f.filter.contains(&revoked.serial)) {
        bail!("the demo's revoked card is not revoked by the filter's bits");
    }
    Ok(())
}

fn cose_of(sample: &Sample) -> Result<Vec<u8>> {
    let located = token::locate(&sample.qr_text).map_err(|_| anyhow::anyhow!("the {} sample has no token", sample.name))?;
    token::decode(located.token).map_err(|e| anyhow::anyhow!("the {} sample's token: {e:?}", sample.name))
}

/// Reads the bundle back as the desk does: every issued sample's code finds its own token
/// (the expired one excepted), and the unknown code finds nothing.
fn check_directory_bundle(out: &Path, samples: &[Sample], issued: &[(&str, CheckCode)], unknown: &CheckCode) -> Result<()> {
    let files = read_directory_bundle(&fs::read(out.join(DIRECTORY_BUNDLE))?).map_err(|e| anyhow::anyhow!("the demo's bundle: {e:?}"))?;
    let directories = files.iter().map(|f| Directory::read(f)).collect::<Result<Vec<_>, _>>().map_err(|e| anyhow::anyhow!("the demo's directory: {e:?}"))?;
    for (name, code) in issued {
        let sample = samples.iter().find(|s| s.name == *name).context("sample")?;
        let expected = if *name == "expired" { Lookup::NotFound } else { Lookup::Found(cose_of(sample)?) };
        if find_in(&directories, &derive_entry_keys(code)) != expected {
            bail!("the demo's directory does not give the {name} sample's card for its code");
        }
    }
    if find_in(&directories, &derive_entry_keys(unknown)) != Lookup::NotFound {
        bail!("the demo's unknown code was found");
    }
    Ok(())
}

/// A page of sample cards for people trying the checker: each QR image, its link, and the
/// verdict it should give. Plain HTML, no script or inline style, so the checker's CSP holds.
fn samples_page(samples: &[serde_json::Value]) -> String {
    let text = |v: &serde_json::Value| escape(v.as_str().unwrap_or_default());
    let mut items = String::new();
    for s in samples {
        let file = |key: &str| escape(s[key].as_str().unwrap_or_default().trim_start_matches("samples/"));
        let (w, h) = (s["image_size"][0].as_u64().unwrap_or(1).max(1), s["image_size"][1].as_u64().unwrap_or(1));
        let code = match s["check_code"].as_str() {
            Some(code) => format!("  <p>Check code (for the call-centre desk): <strong>{}</strong></p>\n", escape(code)),
            None => String::new(),
        };
        items.push_str(&format!(
            "<li data-sample=\"{name}\" data-expected=\"{expected}\">\n  <h2>{name}</h2>\n  <p>{description}</p>\n  <p>Expected verdict: <strong>{expected}</strong></p>\n  <img src=\"{svg}\" width=\"240\" height=\"{height}\" alt=\"QR code of the {name} sample card\">\n{code}  <p><a href=\"{link}\">Open the {name} sample in the checker</a> &middot; <a href=\"{png}\">PNG</a></p>\n</li>\n",
            name = text(&s["name"]),
            description = text(&s["description"]),
            expected = text(&s["expected"]),
            svg = file("svg"),
            png = file("png"),
            link = text(&s["qr_text"]),
            height = 240 * h / w,
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Sample warrant cards (DEMO)</title>\n</head>\n<body>\n<main>\n<h1>Sample warrant cards (DEMO)</h1>\n<p><strong>These are demonstration cards from a DEMO force whose keys are public. They say nothing about real police cards.</strong></p>\n<p>Scan a code with the checker, or open its link. Each says which verdict it should give. The same list is in <a href=\"../samples.json\">samples.json</a>.</p>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n"
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
