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
use warrant_core::{keys, token, CheckCode};

use crate::record::{self, RecordedCard};
use crate::samples::{Sample, SampleWorld};
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
