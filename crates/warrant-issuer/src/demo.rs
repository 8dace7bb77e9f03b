//! The demo: public demo keys, a DEMO trust list, revocation register and list, and one
//! sample card per verdict as QR images plus a machine-readable `samples.json`; then one
//! card is verified from the written files, exactly as `verify` would.

use std::fs;
use std::path::Path;

use anyhow::{bail, Result};
use serde_json::json;
use warrant_core::keys;

use crate::samples::SampleWorld;
use crate::{key_files, qr_render, register, time_arg};

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

    let mut samples = Vec::new();
    for s in world.samples() {
        let qr = qr_render::render(&s.qr_text)?;
        fs::write(out.join("samples").join(format!("{}.svg", s.name)), &qr.svg)?;
        fs::write(out.join("samples").join(format!("{}.png", s.name)), &qr.png)?;
        samples.push(json!({
            "name": s.name,
            "description": s.description,
            "qr_text": s.qr_text,
            "expected": s.expected,
            "expected_reason": s.expected_reason,
            "qr_version": qr.version,
            "svg": format!("samples/{}.svg", s.name),
            "png": format!("samples/{}.png", s.name),
        }));
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
        "samples": samples,
    });
    fs::write(out.join("samples.json"), serde_json::to_string_pretty(&index)? + "\n")?;
    fs::write(out.join("samples").join("index.html"), samples_page(&samples))?;
    if samples.is_empty() {
        bail!("no samples written");
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
        items.push_str(&format!(
            "<li data-sample=\"{name}\" data-expected=\"{expected}\">\n  <h2>{name}</h2>\n  <p>{description}</p>\n  <p>Expected verdict: <strong>{expected}</strong></p>\n  <img src=\"{svg}\" width=\"240\" height=\"240\" alt=\"QR code of the {name} sample card\">\n  <p><a href=\"{link}\">Open the {name} sample in the checker</a> &middot; <a href=\"{png}\">PNG</a></p>\n</li>\n",
            name = text(&s["name"]),
            description = text(&s["description"]),
            expected = text(&s["expected"]),
            svg = file("svg"),
            png = file("png"),
            link = text(&s["qr_text"]),
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Sample warrant cards (DEMO)</title>\n</head>\n<body>\n<main>\n<h1>Sample warrant cards (DEMO)</h1>\n<p><strong>These are demonstration cards from a DEMO force whose keys are public. They say nothing about real police cards.</strong></p>\n<p>Scan a code with the checker, or open its link. Each says which verdict it should give. The same list is in <a href=\"../samples.json\">samples.json</a>.</p>\n<ul>\n{items}</ul>\n</main>\n</body>\n</html>\n"
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
