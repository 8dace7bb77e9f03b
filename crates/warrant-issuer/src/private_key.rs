//! The private key a command signs with, named where a key file used to be: a PKCS#8 PEM
//! file's path, or a `pkcs11:` URI for a key that stays in an HSM.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use warrant_core::{keys, Signature, SignatureError, Signer, SigningKey, VerifyingKey};

use crate::pkcs11::signer::Pkcs11Signer;
use crate::pkcs11::uri::{self, Pkcs11Uri};

/// A `--key` value as given.
#[derive(Clone, Debug)]
pub enum KeyArg {
    File(PathBuf),
    /// Parsed when opened, not by the argument parser, which would echo a refused URI
    /// (one carrying a PIN) back in its message.
    Pkcs11(String),
}

impl From<String> for KeyArg {
    fn from(arg: String) -> KeyArg {
        if uri::after_scheme(&arg).is_some() {
            KeyArg::Pkcs11(arg)
        } else {
            KeyArg::File(PathBuf::from(arg))
        }
    }
}

impl KeyArg {
    pub fn open(&self) -> Result<PrivateKey> {
        Ok(match self {
            KeyArg::File(path) => PrivateKey::InMemory(read_key_file(path)?),
            KeyArg::Pkcs11(text) => PrivateKey::OnToken(Pkcs11Signer::open(&Pkcs11Uri::parse(text)?)?),
        })
    }
}

fn read_key_file(path: &Path) -> Result<SigningKey> {
    let shown = shown(path);
    let pem = fs::read_to_string(path).with_context(|| format!("reading the key file {shown}"))?;
    keys::signing_key_from_pem(&pem).with_context(|| shown)
}

/// How a key file's path is named in a message. A path with a URI's attribute syntax in it
/// is more likely a mistyped pkcs11 URI (`pkcs11 :token=…?pin-value=…`) than a file, and may
/// hold a PIN: it is not repeated.
fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if text.contains(['=', ';', '?', '&']) {
        String::from("given to --key (not repeated: it is neither a pkcs11: URI nor a plain file name, and may hold a PIN)")
    } else {
        text
    }
}

pub enum PrivateKey {
    InMemory(SigningKey),
    OnToken(Pkcs11Signer),
}

impl PrivateKey {
    pub fn verifying_key(&self) -> VerifyingKey {
        match self {
            PrivateKey::InMemory(key) => key.verifying_key(),
            PrivateKey::OnToken(key) => key.verifying_key(),
        }
    }

    /// The key's id in the trust list.
    pub fn key_id(&self) -> Vec<u8> {
        keys::derive_key_id(&self.verifying_key())
    }
}

impl Signer<Signature> for PrivateKey {
    fn try_sign(&self, message: &[u8]) -> Result<Signature, SignatureError> {
        match self {
            PrivateKey::InMemory(key) => key.try_sign(message),
            PrivateKey::OnToken(key) => key.try_sign(message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pkcs11_uri_in_any_case_or_with_space_around_is_a_uri_and_anything_else_a_file() {
        for arg in ["pkcs11:token=force;object=k", "PKCS11:token=force;object=k", " pkcs11:token=force;object=k"] {
            assert!(matches!(KeyArg::from(arg.to_string()), KeyArg::Pkcs11(_)), "{arg:?}");
        }
        for arg in ["keys/mps-2026.key.pem", "pkcs11-mps.key.pem", "pkcs11 :token=force"] {
            assert!(matches!(KeyArg::from(arg.to_string()), KeyArg::File(_)), "{arg:?}");
        }
    }

    #[test]
    fn a_missing_key_file_is_named_unless_it_looks_like_a_uri() {
        let message = |arg: &str| format!("{:#}", KeyArg::from(arg.to_string()).open().err().unwrap());
        assert!(message("keys/no-such.key.pem").contains("reading the key file keys/no-such.key.pem"), "{}", message("keys/no-such.key.pem"));
        for arg in ["pkcs11 :token=force;object=k?pin-value=739182", "pkcs#11:token=force;pin-value=739182"] {
            let said = message(arg);
            assert!(!said.contains("739182") && said.contains("not repeated"), "{arg:?}: {said}");
        }
    }
}
