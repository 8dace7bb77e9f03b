//! Making an Ed25519 key pair on the token (CKM_EC_EDWARDS_KEY_PAIR_GEN). The private half
//! is made sensitive and unextractable, so that it never leaves the token.

use anyhow::{bail, Context, Result};
use cryptoki::mechanism::{Mechanism, MechanismType};
use cryptoki::object::{Attribute, ObjectClass};
use warrant_core::VerifyingKey;

use super::uri::Pkcs11Uri;
use super::{find_key, read_public_key, Token};

/// `CKA_EC_PARAMS` for Ed25519: the DER of its OID, 1.3.101.112 (RFC 8410).
const ED25519_OID_DER: [u8; 5] = [0x06, 0x03, 0x2B, 0x65, 0x70];

/// Bytes of the random `CKA_ID` given to a pair when the URI names none.
const ID_BYTES: usize = 8;

/// Makes the key pair the URI names and returns its public key.
pub fn generate(uri: &Pkcs11Uri) -> Result<VerifyingKey> {
    let token = Token::open(uri)?;
    token.require(MechanismType::ECC_EDWARDS_KEY_PAIR_GEN, "this token cannot make Ed25519 keys (CKM_EC_EDWARDS_KEY_PAIR_GEN)")?;
    token.require(MechanismType::EDDSA, "this token cannot sign with Ed25519 (CKM_EDDSA)")?;
    let session = token.open_session(true)?;
    token.login(&session)?;
    for class in [ObjectClass::PRIVATE_KEY, ObjectClass::PUBLIC_KEY] {
        if find_key(&session, uri, class)?.is_some() {
            bail!("token {:?} already has a key {}; choose another name", token.label(), uri.key_name());
        }
    }
    // Both halves share a CKA_ID, which is how other PKCS#11 tools pair them.
    let id = match &uri.id {
        Some(id) => id.clone(),
        None => {
            let mut id = vec![0; ID_BYTES];
            getrandom::getrandom(&mut id).context("no randomness available")?;
            id
        }
    };
    let mut shared = vec![Attribute::Token(true), Attribute::Id(id)];
    shared.extend(uri.object.as_ref().map(|label| Attribute::Label(label.as_bytes().to_vec())));
    let public_template = [shared.clone(), vec![Attribute::Private(false), Attribute::Verify(true), Attribute::EcParams(ED25519_OID_DER.to_vec())]].concat();
    let private_template =
        [shared, vec![Attribute::Private(true), Attribute::Sign(true), Attribute::Sensitive(true), Attribute::Extractable(false)]].concat();
    let (public, _private) = session
        .generate_key_pair(&Mechanism::EccEdwardsKeyPairGen, &public_template, &private_template)
        .with_context(|| format!("making an Ed25519 key pair on token {:?}", token.label()))?;
    read_public_key(&session, public)
}
