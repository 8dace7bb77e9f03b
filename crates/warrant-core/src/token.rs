//! QR text ↔ token ↔ COSE bytes. The QR text is `<checker address>#<token>` or the bare
//! token; the token is the unpadded base64url of a tagged COSE_Sign1.

use alloc::string::String;
use alloc::vec::Vec;
use base64ct::{Base64UrlUnpadded, Encoding};

use crate::limits::{MAX_QR_TEXT_BYTES, MAX_TOKEN_CHARS};
use crate::verdict::MalformedReason;

/// Every token begins with these characters: base64url of 0xD2 (CBOR tag 18, COSE_Sign1)
/// followed by the top bits of 0x84 (an array of four). It is how a checker tells our codes
/// from the world's other QR codes.
pub const TOKEN_PREFIX: &str = "0o";

/// Where a token was found in a QR text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<'a> {
    /// The web address before `#`, if the QR text had one (a checker warns when it is not its own).
    pub address: Option<&'a str>,
    pub token: &'a str,
}

/// Why a QR text yields no token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotOurs {
    /// Some other QR code.
    NotACard,
    /// Ours, but too long to be genuine.
    Oversized,
}

/// Finds the token in a QR text without decoding it. Leading and trailing whitespace is
/// ignored, since pasted and typed text often carries it.
pub fn locate(qr_text: &str) -> Result<Located<'_>, NotOurs> {
    let text = qr_text.trim();
    let (address, token) = match text.split_once('#') {
        Some((address, token)) if is_web_address(address) => (Some(address), token),
        Some(_) => return Err(NotOurs::NotACard),
        None => (None, text),
    };
    if !token.starts_with(TOKEN_PREFIX) {
        return Err(NotOurs::NotACard);
    }
    if qr_text.len() > MAX_QR_TEXT_BYTES || token.len() > MAX_TOKEN_CHARS {
        return Err(NotOurs::Oversized);
    }
    Ok(Located { address, token })
}

fn is_web_address(s: &str) -> bool {
    // `get` rather than slicing: the prefix may end inside a multi-byte character.
    let lower = |p: &str| s.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p));
    (lower("https://") || lower("http://")) && !s.contains(char::is_whitespace)
}

/// Decodes a token to the COSE bytes it carries.
pub fn decode(token: &str) -> Result<Vec<u8>, MalformedReason> {
    if token.len() > MAX_TOKEN_CHARS {
        return Err(MalformedReason::Oversized);
    }
    Base64UrlUnpadded::decode_vec(token).map_err(|_| MalformedReason::BadEncoding)
}

/// Encodes COSE bytes as a token.
pub fn encode(cose: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(cose)
}

/// The QR text printed on a card: the checker's address, `#`, the token. The address
/// should end with `/`; the fragment never leaves the phone.
pub fn qr_text(checker_address: &str, cose: &[u8]) -> String {
    let mut s = String::with_capacity(checker_address.len() + 1 + cose.len() * 4 / 3 + 2);
    s.push_str(checker_address);
    s.push('#');
    s.push_str(&encode(cose));
    s
}
