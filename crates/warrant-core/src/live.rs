//! The live code an enrolled phone shows (docs/FORMAT.md §12.2): its device credential and
//! the time, signed by the phone's own key, remade every few seconds. A photo of a card, or
//! of a phone's screen, cannot make a fresh one.

use alloc::vec;
use alloc::vec::Vec;
use ed25519_dalek::{Signer, SigningKey};

use crate::card::UnixTime;
use crate::cbor::{self, Value};
use crate::device::{self, DeviceCredential};
use crate::envelope::{assemble, protected_header, sig_structure, Envelope};
use crate::labels::LIVE_CODE_CONTENT_TYPE;
use crate::verdict::MalformedReason;

/// Payload keys: the device credential (its COSE_Sign1 bytes) and when the code was made.
const CREDENTIAL: i128 = 1;
const MADE_AT: i128 = 2;

/// A live code that is ready to be signed by the phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsignedLiveCode {
    protected: Vec<u8>,
    payload: Vec<u8>,
}

impl UnsignedLiveCode {
    /// A live code for the device credential `credential` (its COSE_Sign1 bytes), made at
    /// `made_at`. The key id is the credential's serial.
    pub fn new(credential: &[u8], made_at: UnixTime) -> Result<UnsignedLiveCode, MalformedReason> {
        let serial = device::read_device_credential(credential)?.serial;
        let payload = cbor::encode(&Value::Map(vec![
            (Value::Int(CREDENTIAL), Value::Bytes(credential.to_vec())),
            (Value::Int(MADE_AT), Value::Int(made_at.into())),
        ]));
        Ok(UnsignedLiveCode { protected: protected_header(Some(LIVE_CODE_CONTENT_TYPE), &serial), payload })
    }

    /// The bytes the phone signs with its Ed25519 key.
    pub fn to_be_signed(&self) -> Vec<u8> {
        sig_structure(&self.protected, &self.payload)
    }

    /// The live code's COSE_Sign1 bytes, with the phone's signature.
    pub fn with_signature(self, signature: &[u8]) -> Vec<u8> {
        assemble(self.protected, self.payload, signature.to_vec())
    }
}

/// Makes a live code with a device key held here (tests, vectors; a phone uses WebCrypto).
pub fn sign_live_code(credential: &[u8], made_at: UnixTime, device_key: &SigningKey) -> Result<Vec<u8>, MalformedReason> {
    let unsigned = UnsignedLiveCode::new(credential, made_at)?;
    let signature = device_key.sign(&unsigned.to_be_signed()).to_bytes();
    Ok(unsigned.with_signature(&signature))
}

/// A live code read from its envelope, its signatures not yet checked.
pub(crate) struct LiveCode {
    pub credential: DeviceCredential,
    /// The device credential's own envelope, which the force signed.
    pub credential_envelope: Envelope,
    /// The live code's envelope, which the phone signed.
    pub envelope: Envelope,
    pub made_at: UnixTime,
}

impl LiveCode {
    /// Reads the payload of a live code's envelope (content type already checked).
    pub fn read(envelope: Envelope) -> Result<LiveCode, MalformedReason> {
        use MalformedReason::{BadClaim, BadStructure, MissingClaim};
        let Ok(Value::Map(entries)) = cbor::decode(envelope.payload()) else { return Err(BadStructure("payload")) };
        if cbor::has_duplicate_key(&entries) {
            return Err(BadStructure("payload"));
        }
        let (mut credential, mut made_at) = (None, None);
        for (key, value) in entries {
            match (key, value) {
                (Value::Int(CREDENTIAL), Value::Bytes(bytes)) => credential = Some(bytes),
                (Value::Int(MADE_AT), Value::Int(t)) => made_at = Some(UnixTime::try_from(t).ok().filter(|t| *t >= 0).ok_or(BadClaim("made-at"))?),
                (Value::Int(CREDENTIAL | MADE_AT), _) => return Err(BadStructure("payload")),
                _ => return Err(BadClaim("unexpected claim")),
            }
        }
        let made_at = made_at.ok_or(MissingClaim("made-at"))?;
        let (credential, credential_envelope) = device::open(&credential.ok_or(MissingClaim("device-credential"))?)?;
        if envelope.kid != credential.serial {
            return Err(BadStructure("key id"));
        }
        Ok(LiveCode { credential, credential_envelope, envelope, made_at })
    }

}
