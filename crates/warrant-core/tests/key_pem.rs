//! Private key PEM: written as PKCS#8 v1 (RFC 8410), read as v1 or v2.
//! The external tools (OpenSSL, Python's `cryptography`) are exercised in the issuer's
//! tests; these pin the bytes.

use base64ct::{Base64, Encoding};
use ed25519_dalek::pkcs8::EncodePrivateKey;
use warrant_core::{keys, SigningKey};

/// RFC 8410 section 10.3: the example private key and its public key.
const RFC8410_V1_PEM: &str = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
const RFC8410_SEED: &str = "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
const RFC8410_PUBLIC: &str = "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

/// The DER inside a PEM's base64 lines.
fn der_of(pem: &str) -> Vec<u8> {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    Base64::decode_vec(&body).unwrap()
}

/// PEM with base64 lines of 64 characters (RFC 7468; readers refuse longer lines).
fn pem_of(der: &[u8]) -> String {
    let base64 = Base64::encode_string(der);
    let lines: Vec<&str> = base64.as_bytes().chunks(64).map(|l| std::str::from_utf8(l).unwrap()).collect();
    format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", lines.join("\n"))
}

/// PKCS#8 v2 (RFC 5958 OneAsymmetricKey) with the public key attached ([1] IMPLICIT BIT
/// STRING), as keygen used to write.
fn v2_der(seed: &[u8], public: &[u8]) -> Vec<u8> {
    let mut der = hex::decode("3051020101300506032b657004220420").unwrap();
    der.extend_from_slice(seed);
    der.extend_from_slice(&hex::decode("812100").unwrap());
    der.extend_from_slice(public);
    der
}

#[test]
fn writes_the_rfc_8410_v1_form_byte_for_byte() {
    let seed: [u8; 32] = hex::decode(RFC8410_SEED).unwrap().try_into().unwrap();
    let pem = keys::signing_key_to_pem(&SigningKey::from_bytes(&seed));
    assert_eq!(pem, RFC8410_V1_PEM);
    let der = der_of(&pem);
    assert_eq!(der.len(), 48);
    assert_eq!(hex::encode(&der[..16]), "302e020100300506032b657004220420");
}

#[test]
fn reads_v1_and_derives_the_rfc_public_key() {
    let key = keys::signing_key_from_pem(RFC8410_V1_PEM).unwrap();
    assert_eq!(hex::encode(key.to_bytes()), RFC8410_SEED);
    assert_eq!(hex::encode(key.verifying_key().as_bytes()), RFC8410_PUBLIC);
}

#[test]
fn reads_v2_written_by_earlier_versions() {
    let seed = hex::decode(RFC8410_SEED).unwrap();
    let public = hex::decode(RFC8410_PUBLIC).unwrap();
    // The bytes keygen wrote before: ed25519-dalek's own PKCS#8 encoding.
    let dalek_v2 = SigningKey::from_bytes(&seed.clone().try_into().unwrap()).to_pkcs8_der().unwrap();
    assert_eq!(dalek_v2.as_bytes(), v2_der(&seed, &public));
    let key = keys::signing_key_from_pem(&pem_of(&v2_der(&seed, &public))).unwrap();
    assert_eq!(hex::encode(key.to_bytes()), RFC8410_SEED);
    // Rewritten, it comes out as v1.
    assert_eq!(keys::signing_key_to_pem(&key), RFC8410_V1_PEM);
}

#[test]
fn refuses_v2_whose_public_key_is_not_the_private_keys() {
    let seed = hex::decode(RFC8410_SEED).unwrap();
    let other_public = SigningKey::from_bytes(&[9; 32]).verifying_key();
    assert!(keys::signing_key_from_pem(&pem_of(&v2_der(&seed, other_public.as_bytes()))).is_err());
}

#[test]
fn round_trips_any_key() {
    for byte in [0u8, 1, 0x7f, 0xff] {
        let key = SigningKey::from_bytes(&[byte; 32]);
        let read = keys::signing_key_from_pem(&keys::signing_key_to_pem(&key)).unwrap();
        assert_eq!(read.to_bytes(), key.to_bytes());
    }
}
