//! The COSE_Sign1 envelope shared by cards, trust lists and revocation lists: sealing a
//! payload and opening one, with the structural rules of docs/FORMAT.md §2.

use alloc::string::String;
use alloc::vec::Vec;
use coset::{iana, CborSerializable, CoseError, CoseSign1, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable};
use ed25519_dalek::{SigningKey, VerifyingKey};

use crate::keys;
use crate::verdict::MalformedReason;

/// A parsed but not yet verified COSE_Sign1.
pub(crate) struct Envelope {
    sign1: CoseSign1,
    pub kid: Vec<u8>,
    pub content_type: Option<String>,
}

impl Envelope {
    /// Parses a tagged COSE_Sign1 and checks its headers: EdDSA, a key id, an attached
    /// payload, nothing critical and nothing unprotected.
    pub fn open(bytes: &[u8]) -> Result<Envelope, MalformedReason> {
        let sign1 = CoseSign1::from_tagged_slice(bytes).map_err(cbor_reason)?;
        let header = &sign1.protected.header;
        match &header.alg {
            Some(coset::Algorithm::Assigned(iana::Algorithm::EdDSA)) => {}
            Some(_) => return Err(MalformedReason::UnsupportedAlgorithm),
            None => return Err(MalformedReason::BadStructure("no algorithm")),
        }
        if !header.crit.is_empty() || !header.rest.is_empty() || !header.iv.is_empty() || !header.partial_iv.is_empty()
            || !header.counter_signatures.is_empty()
        {
            return Err(MalformedReason::BadStructure("unexpected protected header"));
        }
        if !sign1.unprotected.is_empty() {
            return Err(MalformedReason::BadStructure("unprotected header not empty"));
        }
        if header.key_id.is_empty() {
            return Err(MalformedReason::BadStructure("no key id"));
        }
        if sign1.payload.is_none() {
            return Err(MalformedReason::BadStructure("no payload"));
        }
        let content_type = match &header.content_type {
            None => None,
            Some(coset::ContentType::Text(t)) => Some(t.clone()),
            Some(_) => return Err(MalformedReason::BadStructure("content type")),
        };
        let kid = header.key_id.clone();
        Ok(Envelope { sign1, kid, content_type })
    }

    pub fn payload(&self) -> &[u8] {
        self.sign1.payload.as_deref().unwrap_or_default()
    }

    /// Checks the signature over the exact bytes received (RFC 9052 Sig_structure with
    /// the protected header as it arrived, empty external AAD).
    pub fn is_signed_by(&self, key: &VerifyingKey) -> bool {
        self.sign1.verify_signature(b"", |sig, data| keys::verify_strict(key, data, sig).then_some(()).ok_or(())).is_ok()
    }
}

/// Seals a payload: protected header {alg: EdDSA, kid[, content type]}, empty unprotected
/// header, attached payload, tag 18.
pub(crate) fn seal(payload: Vec<u8>, content_type: Option<&str>, kid: &[u8], key: &SigningKey) -> Vec<u8> {
    let mut protected = HeaderBuilder::new().algorithm(iana::Algorithm::EdDSA).key_id(kid.to_vec());
    if let Some(ct) = content_type {
        protected = protected.content_type(ct.into());
    }
    let sign1 = CoseSign1Builder::new()
        .protected(protected.build())
        .payload(payload)
        .create_signature(b"", |data| keys::sign(key, data))
        .build();
    // Serialising a COSE_Sign1 built from plain values cannot fail.
    sign1.to_tagged_vec().unwrap_or_default()
}

/// Maps a CBOR or COSE decoding error to the reason a person is shown.
pub(crate) fn cbor_reason(e: CoseError) -> MalformedReason {
    match e {
        CoseError::DecodeFailed(coset::cbor::de::Error::Io(_)) => MalformedReason::Truncated,
        CoseError::ExtraneousData => MalformedReason::BadStructure("trailing bytes"),
        CoseError::DuplicateMapKey => MalformedReason::BadStructure("duplicate map key"),
        _ => MalformedReason::BadStructure("not COSE_Sign1"),
    }
}

/// Decodes a CBOR payload inside an envelope.
pub(crate) fn decode_payload<T: CborSerializable>(payload: &[u8]) -> Result<T, MalformedReason> {
    T::from_slice(payload).map_err(|e| match cbor_reason(e) {
        MalformedReason::BadStructure(_) | MalformedReason::Truncated => MalformedReason::BadStructure("payload"),
        other => other,
    })
}
