//! Bakes the trust snapshot into the checker: the root public key (the one thing a checker
//! must hold from the start), and the signed trust list and revocation filters (or lists) so
//! that the first check works offline. They come from the folder named by `WARRANT_TRUST_DIR`
//! (`demo-out/` from `warrant-issuer demo`, or a force's published files). Without it the
//! checker builds with no snapshot and says it cannot check cards yet.
//!
//! It also compiles the Fluent files in `i18n/` into tables (see `build/messages.rs`).

#[path = "build/messages.rs"]
mod messages;

use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-env-changed=WARRANT_TRUST_DIR");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("trust_snapshot.rs");
    let dir = env::var("WARRANT_TRUST_DIR").ok().filter(|d| !d.is_empty()).map(PathBuf::from);
    let code = match dir {
        Some(dir) => snapshot(&dir),
        None => "pub const ROOT_KEY: Option<([u8; 32], [u8; 2])> = None;\npub const IS_DEMO: bool = false;\npub const TRUST_LIST: &[u8] = &[];\npub const REVOCATIONS: &[&[u8]] = &[];\npub const FILTERS: &[&[u8]] = &[];\n".into(),
    };
    fs::write(out, code).unwrap();

    let i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let tables = messages::compile(&[
        ("ENGLISH", &i18n.join("en.ftl")),
        ("WELSH", &i18n.join("cy.ftl")),
        ("OFFICER_ENGLISH", &i18n.join("officer-en.ftl")),
        ("OFFICER_WELSH", &i18n.join("officer-cy.ftl")),
        ("DESK_ENGLISH", &i18n.join("desk-en.ftl")),
        ("DESK_WELSH", &i18n.join("desk-cy.ftl")),
    ]);
    fs::write(PathBuf::from(env::var("OUT_DIR").unwrap()).join("messages.rs"), tables).unwrap();
}

fn snapshot(dir: &Path) -> String {
    println!("cargo:rerun-if-changed={}", dir.display());
    let dir = dir.canonicalize().unwrap_or_else(|e| panic!("WARRANT_TRUST_DIR {}: {e}", dir.display()));
    let (root, is_demo) = match (dir.join("root.pub.pem"), dir.join("demo-root.pub.pem")) {
        (real, _) if real.exists() => (real, false),
        (_, demo) if demo.exists() => (demo, true),
        _ => panic!("{} has neither root.pub.pem nor demo-root.pub.pem", dir.display()),
    };
    let trust = dir.join("trust-list.cose");
    assert!(trust.exists(), "{} has no trust-list.cose", dir.display());
    // Each force's revocation filter (docs/FORMAT.md §14), as the page fetches them; a force's
    // revocation list only where it has no filter (the page does not fetch lists, and at
    // national scale they are ten times the filters' size).
    let named = |prefix: &str| -> Vec<(String, PathBuf)> {
        let mut found: Vec<(String, PathBuf)> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter_map(|p| {
                let force = p.file_name()?.to_str()?.strip_prefix(prefix)?.strip_suffix(".cose")?.to_owned();
                Some((force, p))
            })
            .collect();
        found.sort();
        found
    };
    let filters = named("revocation-filter-");
    let revocations: Vec<PathBuf> =
        named("revocations-").into_iter().filter(|(force, _)| !filters.iter().any(|(f, _)| f == force)).map(|(_, p)| p).collect();
    let mut code = String::new();
    // The key's 32 raw bytes, not its PEM: reading PEM and DER in the page would add about
    // 7 KB of Wasm (brotli) to every first visit for one key known at build time.
    let pem = fs::read_to_string(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display()));
    let key = ed25519_spki_key(&pem, &root);
    // With its key id (docs/FORMAT.md §6: the first two bytes of SHA-256 of the raw key),
    // so that the page needs no SHA-256 of its own for it.
    let kid: [u8; 2] = [Sha256::digest(key)[0], Sha256::digest(key)[1]];
    writeln!(code, "pub const ROOT_KEY: Option<([u8; 32], [u8; 2])> = Some(({key:?}, {kid:?}));").unwrap();
    writeln!(code, "pub const IS_DEMO: bool = {is_demo};").unwrap();
    writeln!(code, "pub const TRUST_LIST: &[u8] = include_bytes!({:?});", trust.display().to_string()).unwrap();
    code.push_str("pub const REVOCATIONS: &[&[u8]] = &[\n");
    for r in &revocations {
        writeln!(code, "    include_bytes!({:?}),", r.display().to_string()).unwrap();
        println!("cargo:rerun-if-changed={}", r.display());
    }
    code.push_str("];\n");
    code.push_str("pub const FILTERS: &[&[u8]] = &[\n");
    for (_, f) in &filters {
        writeln!(code, "    include_bytes!({:?}),", f.display().to_string()).unwrap();
        println!("cargo:rerun-if-changed={}", f.display());
    }
    code.push_str("];\n");
    println!("cargo:rerun-if-changed={}", trust.display());
    println!("cargo:rerun-if-changed={}", root.display());
    code
}

/// The raw key inside an Ed25519 SPKI PEM (RFC 8410: a fixed 12-byte prefix, then the key).
fn ed25519_spki_key(pem: &str, path: &Path) -> [u8; 32] {
    use base64ct::{Base64, Encoding};
    const PREFIX: [u8; 12] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).map(str::trim).collect();
    let der = Base64::decode_vec(&body).unwrap_or_else(|_| panic!("{}: not PEM", path.display()));
    match der.strip_prefix(&PREFIX[..]).map(<[u8; 32]>::try_from) {
        Some(Ok(key)) => key,
        _ => panic!("{} is not an Ed25519 public key (SPKI PEM)", path.display()),
    }
}
