//! Making a card's credential: the issuer side of the format.

use alloc::vec::Vec;
use ed25519_dalek::SigningKey;

use crate::card::{Card, InvalidCard};
use crate::cbor;
use crate::envelope::seal;
use crate::token;

/// Signs a card: a tagged COSE_Sign1 over its CWT claims, with `kid` (the key's id in the
/// trust list) in the protected header and no content type.
pub fn sign_card(card: &Card, key: &SigningKey, kid: &[u8]) -> Result<Vec<u8>, InvalidCard> {
    card.validate()?;
    Ok(seal(cbor::encode(&card.to_claims()), None, kid, key))
}

/// Signs a card and returns the text its QR code holds.
pub fn card_qr_text(card: &Card, key: &SigningKey, kid: &[u8], checker_address: &str) -> Result<alloc::string::String, InvalidCard> {
    Ok(token::qr_text(checker_address, &sign_card(card, key, kid)?))
}
