//! Ed25519 keys in PKCS#8 / SPKI PEM, key ids, and the one strict signature check every
//! document goes through.

use alloc::string::String;
use alloc::vec::Vec;
use ed25519_dalek::pkcs8::{spki::der::pem::LineEnding, DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, KeypairBytes};
use ed25519_dalek::{Signature, SignatureError, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// Length of key ids the tool derives.
pub const KEY_ID_BYTES: usize = 2;

/// A key could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyError(pub &'static str);

impl core::fmt::Display for KeyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.0)
    }
}

impl core::error::Error for KeyError {}

/// A private key from PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`): v1 (RFC 8410), as
/// written by this tool and `openssl genpkey -algorithm ed25519`, or v2 with the public key
/// attached, as this tool wrote before. A v2 public key that does not match the private key
/// is refused.
pub fn signing_key_from_pem(pem: &str) -> Result<SigningKey, KeyError> {
    SigningKey::from_pkcs8_pem(pem.trim()).map_err(|_| KeyError("not an Ed25519 PKCS#8 private key"))
}

/// A public key from SPKI PEM (`-----BEGIN PUBLIC KEY-----`).
pub fn verifying_key_from_pem(pem: &str) -> Result<VerifyingKey, KeyError> {
    let key = VerifyingKey::from_public_key_pem(pem.trim()).map_err(|_| KeyError("not an Ed25519 SPKI public key"))?;
    reject_weak(key)
}

/// A public key from its 32 raw bytes, as carried in the trust list.
pub fn verifying_key_from_bytes(bytes: &[u8]) -> Result<VerifyingKey, KeyError> {
    let bytes: &[u8; 32] = bytes.try_into().map_err(|_| KeyError("an Ed25519 public key is 32 bytes"))?;
    let key = VerifyingKey::from_bytes(bytes).map_err(|_| KeyError("not a point on Ed25519"))?;
    reject_weak(key)
}

fn reject_weak(key: VerifyingKey) -> Result<VerifyingKey, KeyError> {
    if key.is_weak() {
        return Err(KeyError("small-order Ed25519 key"));
    }
    Ok(key)
}

/// PKCS#8 v1 PEM (RFC 8410): the 32-byte seed only. Not v2 with the public key attached,
/// which OpenSSL 3.0 ("Could not read key") and Python's `cryptography` ("extra data")
/// refuse; the public key is derived from the seed anyway.
pub fn signing_key_to_pem(key: &SigningKey) -> String {
    let seed_only = KeypairBytes { secret_key: key.to_bytes(), public_key: None };
    // Encoding a well-formed key into PEM cannot fail.
    seed_only.to_pkcs8_pem(LineEnding::LF).map(|pem| String::from(pem.as_str())).unwrap_or_default()
}

pub fn verifying_key_to_pem(key: &VerifyingKey) -> String {
    key.to_public_key_pem(LineEnding::LF).unwrap_or_default()
}

/// The key id a tool assigns: the first two bytes of SHA-256 of the raw public key.
/// Key ids only need to be unique within one force's handful of keys (the trust-list builder refuses duplicates), and every byte enlarges the QR code.
pub fn derive_key_id(key: &VerifyingKey) -> Vec<u8> {
    Sha256::digest(key.as_bytes())[..KEY_ID_BYTES].to_vec()
}

/// Strict Ed25519 (RFC 8032 with canonical S, and no small-order keys or R): the only
/// signature check in the crate.
pub fn verify_strict(key: &VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    let Ok(signature) = Signature::from_slice(signature) else { return false };
    key.verify_strict(message, &signature).is_ok()
}

/// Signs with any Ed25519 signer: a key held in memory, or one the caller keeps elsewhere
/// (an HSM), whose signing can fail.
pub(crate) fn sign<S: Signer<Signature> + ?Sized>(key: &S, message: &[u8]) -> Result<Vec<u8>, SignatureError> {
    Ok(key.try_sign(message)?.to_bytes().to_vec())
}
