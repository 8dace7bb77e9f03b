//! The private key a command signs with, named where a key file used to be: a PKCS#8 PEM
//! file's path, or a `pkcs11:` URI for a key that stays in an HSM.

use std::path::PathBuf;

use anyhow::Result;
use warrant_core::{keys, Signature, SignatureError, Signer, SigningKey, VerifyingKey};

use crate::key_files;
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
        if arg.starts_with(uri::SCHEME) {
            KeyArg::Pkcs11(arg)
        } else {
            KeyArg::File(PathBuf::from(arg))
        }
    }
}

impl KeyArg {
    pub fn open(&self) -> Result<PrivateKey> {
        Ok(match self {
            KeyArg::File(path) => PrivateKey::InMemory(key_files::read_signing_key(path)?),
            KeyArg::Pkcs11(text) => PrivateKey::OnToken(Pkcs11Signer::open(&Pkcs11Uri::parse(text)?)?),
        })
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
