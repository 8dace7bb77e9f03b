//! The trust list's source: a JSON file the national body keeps, naming each force and
//! the public key files of its issuing keys.
//!
//! ```json
//! { "forces": [ { "id": "MPS", "name": "Metropolitan Police Service",
//!     "keys": [ { "public_key": "mps-2026.pub.pem", "not_before": "2026-01-01",
//!                 "not_after": "2031-01-01", "withdrawn_from": null } ] } ] }
//! ```
//! Key file paths are relative to the JSON file.

use std::path::Path;

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use warrant_core::{keys, Force, IssuerKey, TrustList};

use crate::{key_files, time_arg};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Config {
    forces: Vec<ForceConfig>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ForceConfig {
    id: String,
    name: String,
    keys: Vec<KeyConfig>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyConfig {
    public_key: String,
    not_before: String,
    not_after: String,
    #[serde(default)]
    withdrawn_from: Option<String>,
}

/// Reads the configuration and builds the (unsigned) trust list.
pub fn load(path: &Path, issued_at: i64, next_update: i64, expires: i64) -> Result<TrustList> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let config: Config = serde_json::from_str(&text).with_context(|| format!("{}", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut forces = Vec::new();
    for force in config.forces {
        let mut force_keys = Vec::new();
        for key in force.keys {
            let public_key = key_files::read_verifying_key(&base.join(&key.public_key))?;
            let issuer_key = IssuerKey {
                kid: keys::derive_key_id(&public_key),
                public_key,
                not_before: time_arg::parse(&key.not_before)?,
                not_after: time_arg::parse(&key.not_after)?,
                withdrawn_from: key.withdrawn_from.as_deref().map(time_arg::parse).transpose()?,
            };
            if force_keys.iter().any(|k: &IssuerKey| k.kid == issuer_key.kid) {
                bail!("force {}: key {} is listed twice", force.id, key.public_key);
            }
            force_keys.push(issuer_key);
        }
        if forces.iter().any(|f: &Force| f.id == force.id) {
            bail!("force {} is listed twice", force.id);
        }
        forces.push(Force { id: force.id, name: force.name, keys: force_keys });
    }
    Ok(TrustList { issued_at, next_update, expires, forces })
}
