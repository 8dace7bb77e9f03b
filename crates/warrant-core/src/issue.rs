//! Making a card's credential: the issuer side of the format.

use alloc::vec::Vec;
use ed25519_dalek::{Signature, SignatureError, Signer};

use crate::card::{Card, InvalidCard};
use crate::cbor;
use crate::envelope::seal;
use crate::token;

/// Why a card or device credential was not signed: its content breaks the format's limits,
/// or the signer failed (a key in an HSM can; a key in memory cannot).
#[derive(Debug)]
pub enum SignError {
    InvalidCard(InvalidCard),
    Signer(SignatureError),
}

impl From<InvalidCard> for SignError {
    fn from(e: InvalidCard) -> Self {
        SignError::InvalidCard(e)
    }
}

impl From<SignatureError> for SignError {
    fn from(e: SignatureError) -> Self {
        SignError::Signer(e)
    }
}

impl core::fmt::Display for SignError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SignError::InvalidCard(e) => e.fmt(f),
            SignError::Signer(e) => write!(f, "the key could not sign: {e}"),
        }
    }
}

impl core::error::Error for SignError {}

/// Signs a card: a tagged COSE_Sign1 over its CWT claims, with `kid` (the key's id in the
/// trust list) in the protected header and no content type.
pub fn sign_card<S: Signer<Signature> + ?Sized>(card: &Card, key: &S, kid: &[u8]) -> Result<Vec<u8>, SignError> {
    card.validate()?;
    Ok(seal(cbor::encode(&card.to_claims()), None, kid, key)?)
}

/// Signs a card and returns the text its QR code holds.
pub fn card_qr_text<S: Signer<Signature> + ?Sized>(
    card: &Card,
    key: &S,
    kid: &[u8],
    checker_address: &str,
) -> Result<alloc::string::String, SignError> {
    Ok(token::qr_text(checker_address, &sign_card(card, key, kid)?))
}
