//! Key files: PKCS#8 v1 PEM private keys (mode 0600; v2 is read too) and SPKI PEM public keys.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};
use warrant_core::{keys, SigningKey, VerifyingKey};

pub fn read_verifying_key(path: &Path) -> Result<VerifyingKey> {
    let pem = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    // A private key file also names its public half.
    if let Ok(private) = keys::signing_key_from_pem(&pem) {
        return Ok(private.verifying_key());
    }
    keys::verifying_key_from_pem(&pem).with_context(|| format!("{}", path.display()))
}

/// Writes a new key pair as `<stem>.key.pem` and `<stem>.pub.pem`, refusing to overwrite.
pub fn write_key_pair(stem: &Path, key: &SigningKey) -> Result<()> {
    let private = stem.with_extension("key.pem");
    let public = stem.with_extension("pub.pem");
    for p in [&private, &public] {
        if p.exists() {
            bail!("{} already exists; refusing to overwrite a key", p.display());
        }
    }
    write_new(&private, keys::signing_key_to_pem(key).as_bytes(), true)?;
    write_new(&public, keys::verifying_key_to_pem(&key.verifying_key()).as_bytes(), false)?;
    Ok(())
}

/// Creates a file that must not exist yet; private files are readable by the owner only.
pub fn write_new(path: &Path, bytes: &[u8], private: bool) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let _ = private;
    let mut f = options.open(path).with_context(|| format!("creating {}", path.display()))?;
    f.write_all(bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Replaces a file's content atomically (write beside it, then rename), so a reader never
/// sees half a list. The file is readable by everyone, as a published list must be by the
/// web server (a temporary file is made owner-only); nothing written this way is secret.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("writing in {}", dir.display()))?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    tmp.persist(path).with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}

/// A fresh random key.
pub fn generate() -> Result<SigningKey> {
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed).context("no randomness available")?;
    Ok(SigningKey::from_bytes(&seed))
}

/// A fresh random card serial.
pub fn random_serial() -> Result<Vec<u8>> {
    let mut serial = vec![0u8; warrant_core::limits::SERIAL_BYTES];
    getrandom::getrandom(&mut serial).context("no randomness available")?;
    Ok(serial)
}
