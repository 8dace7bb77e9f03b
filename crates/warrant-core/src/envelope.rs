//! The COSE_Sign1 envelope shared by cards, trust lists and revocation lists: sealing a
//! payload and opening one, with the structural rules of docs/FORMAT.md §2.

use alloc::string::String;
use alloc::vec::Vec;
use ed25519_dalek::{Signature, SignatureError, Signer, VerifyingKey};

use crate::cbor::{self, CborError, Value};
use crate::keys;
use crate::verdict::MalformedReason;

/// CBOR tag of a COSE_Sign1 (RFC 9052 §2).
const COSE_SIGN1_TAG: u64 = 18;
/// Header labels (RFC 9052 §3.1) and the EdDSA algorithm number.
const ALG: i128 = 1;
const CONTENT_TYPE: i128 = 3;
const KID: i128 = 4;
const EDDSA: i128 = -8;

/// A parsed but not yet verified COSE_Sign1.
pub(crate) struct Envelope {
    /// The protected header's bytes exactly as received: the signature covers these.
    protected: Vec<u8>,
    payload: Vec<u8>,
    signature: Vec<u8>,
    pub kid: Vec<u8>,
    pub content_type: Option<String>,
}

/// The protected header's fields, before the rules on them are checked.
#[derive(Default)]
struct Header {
    alg: Option<Value>,
    kid: Vec<u8>,
    content_type: Option<Value>,
    unexpected: bool,
}

impl Envelope {
    /// Parses a tagged COSE_Sign1 and checks its headers: EdDSA, a key id, an attached
    /// payload, nothing critical and nothing unprotected.
    pub fn open(bytes: &[u8]) -> Result<Envelope, MalformedReason> {
        let not_sign1 = MalformedReason::BadStructure("not COSE_Sign1");
        let Value::Tag(COSE_SIGN1_TAG, message) = cbor::decode(bytes).map_err(cbor_reason)? else { return Err(not_sign1) };
        let Value::Array(parts) = *message else { return Err(not_sign1) };
        let Ok::<[Value; 4], _>([protected, unprotected, payload, signature]) = parts.try_into() else { return Err(not_sign1) };
        let (Value::Bytes(protected), Value::Map(unprotected), Value::Bytes(signature)) = (protected, unprotected, signature) else {
            return Err(not_sign1);
        };
        let payload = match payload {
            Value::Bytes(payload) => Some(payload),
            cbor::NULL => None,
            _ => return Err(not_sign1),
        };
        let header = Header::read(&protected)?;

        match header.alg {
            Some(Value::Int(EDDSA)) => {}
            Some(_) => return Err(MalformedReason::UnsupportedAlgorithm),
            None => return Err(MalformedReason::BadStructure("no algorithm")),
        }
        if header.unexpected {
            return Err(MalformedReason::BadStructure("unexpected protected header"));
        }
        if !unprotected.is_empty() {
            return Err(MalformedReason::BadStructure("unprotected header not empty"));
        }
        if header.kid.is_empty() {
            return Err(MalformedReason::BadStructure("no key id"));
        }
        let Some(payload) = payload else { return Err(MalformedReason::BadStructure("no payload")) };
        let content_type = match header.content_type {
            None => None,
            Some(Value::Text(t)) => Some(t),
            Some(_) => return Err(MalformedReason::BadStructure("content type")),
        };
        Ok(Envelope { protected, payload, signature, kid: header.kid, content_type })
    }

    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// Checks the signature over the exact bytes received (RFC 9052 Sig_structure with
    /// the protected header as it arrived, empty external AAD).
    pub fn is_signed_by(&self, key: &VerifyingKey) -> bool {
        keys::verify_strict(key, &sig_structure(&self.protected, &self.payload), &self.signature)
    }
}

impl Header {
    /// Reads the protected header map; an empty bstr is an empty header (RFC 9052 §3).
    fn read(protected: &[u8]) -> Result<Header, MalformedReason> {
        let mut header = Header::default();
        if protected.is_empty() {
            return Ok(header);
        }
        let not_sign1 = MalformedReason::BadStructure("not COSE_Sign1");
        let Value::Map(entries) = cbor::decode(protected).map_err(cbor_reason)? else { return Err(not_sign1) };
        if cbor::has_duplicate_key(&entries) {
            return Err(MalformedReason::BadStructure("duplicate map key"));
        }
        for (label, value) in entries {
            match (label, value) {
                // An algorithm may be a number or a name; any but EdDSA is unsupported.
                (Value::Int(ALG), alg @ (Value::Int(_) | Value::Text(_))) => header.alg = Some(alg),
                (Value::Int(KID), Value::Bytes(kid)) => header.kid = kid,
                (Value::Int(CONTENT_TYPE), ct @ (Value::Int(_) | Value::Text(_))) => header.content_type = Some(ct),
                (Value::Int(ALG | KID | CONTENT_TYPE), _) => return Err(not_sign1),
                (Value::Int(_) | Value::Text(_), _) => header.unexpected = true,
                _ => return Err(not_sign1),
            }
        }
        Ok(header)
    }
}

/// The bytes an Ed25519 signature covers: `["Signature1", protected, h'', payload]`.
pub(crate) fn sig_structure(protected: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(protected.len() + payload.len() + 20);
    cbor::head(&mut out, 4, 4);
    cbor::text(&mut out, "Signature1");
    cbor::bytes(&mut out, protected);
    cbor::bytes(&mut out, b"");
    cbor::bytes(&mut out, payload);
    out
}

/// The protected header: {alg: EdDSA, [content type,] kid}.
pub(crate) fn protected_header(content_type: Option<&str>, kid: &[u8]) -> Vec<u8> {
    let mut header = alloc::vec![(Value::Int(ALG), Value::Int(EDDSA))];
    if let Some(ct) = content_type {
        header.push((Value::Int(CONTENT_TYPE), Value::Text(ct.into())));
    }
    header.push((Value::Int(KID), Value::Bytes(kid.to_vec())));
    cbor::encode(&Value::Map(header))
}

/// The tagged COSE_Sign1 around a signature made elsewhere (a phone's WebCrypto key).
pub(crate) fn assemble(protected: Vec<u8>, payload: Vec<u8>, signature: Vec<u8>) -> Vec<u8> {
    let message = Value::Array(alloc::vec![Value::Bytes(protected), Value::Map(Vec::new()), Value::Bytes(payload), Value::Bytes(signature)]);
    cbor::encode(&Value::Tag(COSE_SIGN1_TAG, message.into()))
}

/// Seals a payload: protected header {alg: EdDSA, [content type,] kid}, empty unprotected
/// header, attached payload, tag 18.
pub(crate) fn seal<S: Signer<Signature> + ?Sized>(payload: Vec<u8>, content_type: Option<&str>, kid: &[u8], key: &S) -> Result<Vec<u8>, SignatureError> {
    let protected = protected_header(content_type, kid);
    let signature = keys::sign(key, &sig_structure(&protected, &payload))?;
    Ok(assemble(protected, payload, signature))
}

/// Maps a CBOR decoding error to the reason a person is shown.
fn cbor_reason(e: CborError) -> MalformedReason {
    match e {
        CborError::Truncated => MalformedReason::Truncated,
        CborError::TrailingBytes => MalformedReason::BadStructure("trailing bytes"),
        CborError::Invalid => MalformedReason::BadStructure("not COSE_Sign1"),
    }
}
