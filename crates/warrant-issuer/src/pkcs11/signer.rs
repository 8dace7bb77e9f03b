//! Signing with an Ed25519 key that stays on the token (CKM_EDDSA, pure Ed25519): the issuer
//! holds a handle to the key, never its bytes.

use std::sync::{Mutex, PoisonError};

use anyhow::{bail, Context, Result};
use cryptoki::mechanism::eddsa::{EddsaParams, EddsaSignatureScheme};
use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;
use warrant_core::{Signature, SignatureError, Signer, VerifyingKey};

use super::uri::Pkcs11Uri;
use super::{find_key, read_public_key, Token};

pub struct Pkcs11Signer {
    token: Token,
    key: ObjectHandle,
    public_key: VerifyingKey,
    /// Sessions not in use. A session serves one thread at a time, and a batch signs on
    /// every rayon thread: each takes an idle session or opens one. The first session,
    /// logged in, stays here, which keeps the login for the others.
    idle: Mutex<Vec<Session>>,
}

impl Pkcs11Signer {
    /// Opens the key the URI names: finds the token, logs in and finds the key pair.
    pub fn open(uri: &Pkcs11Uri) -> Result<Pkcs11Signer> {
        let token = Token::open(uri)?;
        token.require(MechanismType::EDDSA, "this token cannot sign with Ed25519 (CKM_EDDSA)")?;
        let session = token.open_session(false)?;
        token.login(&session)?;
        let missing = |what: &str| format!("no {what} {} on token {:?}", uri.key_name(), token.label());
        let Some(key) = find_key(&session, uri, ObjectClass::PRIVATE_KEY)? else { bail!(missing("private key")) };
        let key_type = session.get_attributes(key, &[AttributeType::KeyType]).context("reading the key's type")?;
        if !matches!(key_type[..], [Attribute::KeyType(KeyType::EC_EDWARDS)]) {
            bail!("the private key {} on token {:?} is not an Ed25519 key", uri.key_name(), token.label());
        }
        // The key id in every card and list is derived from the public key, so it must be there.
        let Some(public) = find_key(&session, uri, ObjectClass::PUBLIC_KEY)? else {
            bail!("{}, beside the private key (the key id is derived from it)", missing("public key"))
        };
        let public_key = read_public_key(&session, public)?;
        let signer = Pkcs11Signer { token, key, public_key, idle: Mutex::new(vec![session]) };
        // Halves that do not match would sign cards that no checker accepts; one signature tells.
        let probe = b"warrant-issuer: does the private key match the public key?";
        let signature = signer.try_sign(probe).map_err(anyhow::Error::from)?;
        if signer.public_key.verify_strict(probe, &signature).is_err() {
            bail!("the private and public keys {} on token {:?} are not one pair", uri.key_name(), signer.token.label());
        }
        Ok(signer)
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.public_key
    }

    fn take_session(&self) -> Result<Session> {
        let idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        idle.map_or_else(|| self.token.open_session(false), Ok)
    }
}

impl Signer<Signature> for Pkcs11Signer {
    fn try_sign(&self, message: &[u8]) -> Result<Signature, SignatureError> {
        let failed = |e: String| SignatureError::from_source(format!("token {:?}: {e}", self.token.label()));
        let session = self.take_session().map_err(|e| failed(format!("{e:#}")))?;
        let signed = session.sign(&Mechanism::Eddsa(EddsaParams::new(EddsaSignatureScheme::Pure)), self.key, message);
        self.idle.lock().unwrap_or_else(PoisonError::into_inner).push(session);
        Signature::from_slice(&signed.map_err(|e| failed(e.to_string()))?)
    }
}
