//! The device credential: a force's signature binding an officer's phone key to their card
//! (docs/FORMAT.md §12.1). It is what lets a live code prove that the card is being shown
//! by the phone enrolled for it, which a photographed card cannot do.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use ed25519_dalek::{Signature, Signer, VerifyingKey};

use crate::card::{Card, InvalidCard};
use crate::cbor::{self, Value};
use crate::envelope::{seal, Envelope};
use crate::issue::SignError;
use crate::keys;
use crate::labels::{CARD_CLAIM, CNF_CLAIM, DEVICE_CREDENTIAL_CONTENT_TYPE, HOLDER_CLAIM};
use crate::limits::MAX_SERIAL_BYTES;
use crate::verdict::MalformedReason;

/// COSE_Key labels and values for an Ed25519 public key (RFC 9052 §7, RFC 9053 §7.2).
const KTY: i128 = 1;
const KTY_OKP: i128 = 1;
const CRV: i128 = -1;
const CRV_ED25519: i128 = 6;
const X: i128 = -2;
/// The confirmation claim's member holding a COSE_Key (RFC 8747 §3.2).
const COSE_KEY: i128 = 1;

/// What a device credential asserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceCredential {
    /// The card the phone was enrolled for: its force, serial and printed details. Its
    /// dates are the credential's own, which end no later than the card's.
    pub card: Card,
    /// The credential's own random serial (`cti`): revoking it retires the phone.
    pub serial: Vec<u8>,
    /// The phone's public key (`cnf`); its private key never leaves the phone.
    pub device_key: VerifyingKey,
}

impl DeviceCredential {
    /// Signs the credential with the force's issuing key.
    pub fn sign<S: Signer<Signature> + ?Sized>(&self, force_key: &S, kid: &[u8]) -> Result<Vec<u8>, SignError> {
        self.card.validate()?;
        if self.serial.is_empty() || self.serial.len() > MAX_SERIAL_BYTES {
            return Err(InvalidCard("serial must be 1-32 bytes").into());
        }
        Ok(seal(cbor::encode(&self.to_claims()), Some(DEVICE_CREDENTIAL_CONTENT_TYPE), kid, force_key)?)
    }

    /// The card's claims with `cti` the credential's serial, then `cnf` and the card's
    /// serial, keys in the core deterministic order (1, 4, [5,] 6, 7, 8, -65537, -65538).
    fn to_claims(&self) -> Value {
        let as_card = Card { serial: self.serial.clone(), ..self.card.clone() };
        let mut claims = as_card.claim_entries();
        let cose_key = Value::Map(vec![
            (Value::Int(KTY), Value::Int(KTY_OKP)),
            (Value::Int(CRV), Value::Int(CRV_ED25519)),
            (Value::Int(X), Value::Bytes(self.device_key.as_bytes().to_vec())),
        ]);
        let holder_at = claims.iter().position(|(k, _)| *k == Value::Int(HOLDER_CLAIM.into())).unwrap_or(claims.len());
        claims.insert(holder_at, (Value::Int(CNF_CLAIM.into()), Value::Map(vec![(Value::Int(COSE_KEY), cose_key)])));
        claims.push((Value::Int(CARD_CLAIM.into()), Value::Bytes(self.card.serial.clone())));
        Value::Map(claims)
    }

    /// Reads a credential's claims, enforcing the card's limits and the shape of `cnf`.
    pub(crate) fn from_claims(claims: Value) -> Result<DeviceCredential, MalformedReason> {
        use MalformedReason::{BadClaim, MissingClaim};
        let (card, extras) = Card::from_claims_with(claims, &[CNF_CLAIM.into(), CARD_CLAIM.into()])?;
        let extra = |key: i64| extras.iter().find(|(k, _)| *k == i128::from(key)).map(|(_, v)| v);
        let device_key = device_key(extra(CNF_CLAIM).ok_or(MissingClaim("cnf"))?).ok_or(BadClaim("cnf"))?;
        let card_serial = match extra(CARD_CLAIM).ok_or(MissingClaim("card"))? {
            Value::Bytes(s) if !s.is_empty() && s.len() <= MAX_SERIAL_BYTES => s.clone(),
            _ => return Err(BadClaim("card")),
        };
        Ok(DeviceCredential { serial: card.serial.clone(), card: Card { serial: card_serial, ..card }, device_key })
    }
}

/// The Ed25519 key in `{1: COSE_Key}`; nothing else in either map.
fn device_key(cnf: &Value) -> Option<VerifyingKey> {
    let Value::Map(cnf) = cnf else { return None };
    let [(Value::Int(COSE_KEY), Value::Map(key))] = cnf.as_slice() else { return None };
    if key.len() != 3 || cbor::has_duplicate_key(key) {
        return None;
    }
    let field = |label: i128| key.iter().find(|(k, _)| *k == Value::Int(label)).map(|(_, v)| v);
    match (field(KTY)?, field(CRV)?, field(X)?) {
        (Value::Int(KTY_OKP), Value::Int(CRV_ED25519), Value::Bytes(x)) => keys::verifying_key_from_bytes(x).ok(),
        _ => None,
    }
}

/// Opens a device credential's envelope and reads it; the force's signature is not checked.
pub(crate) fn open(bytes: &[u8]) -> Result<(DeviceCredential, Envelope), MalformedReason> {
    let envelope = Envelope::open(bytes)?;
    if envelope.content_type.as_deref() != Some(DEVICE_CREDENTIAL_CONTENT_TYPE) {
        return Err(MalformedReason::BadStructure("content type"));
    }
    let claims = cbor::decode(envelope.payload()).map_err(|_| MalformedReason::BadStructure("payload"))?;
    Ok((DeviceCredential::from_claims(claims)?, envelope))
}

/// A device credential read without checking its signature: for the officer's phone,
/// which shows whose card it holds, and for `warrant-issuer inspect`.
pub fn read_device_credential(bytes: &[u8]) -> Result<DeviceCredential, MalformedReason> {
    open(bytes).map(|(credential, _)| credential)
}

/// Text form of a device credential, as the identity team sends it to the phone.
pub fn device_credential_text(bytes: &[u8]) -> String {
    crate::token::encode(bytes)
}
