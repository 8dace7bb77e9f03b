//! The card: what a warrant card's credential says, and its mapping to CWT claims.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use crate::cbor::{self, Value};

use crate::labels::HOLDER_CLAIM;
use crate::limits::*;
use crate::ranks;
use crate::verdict::MalformedReason;

/// Seconds since the Unix epoch (CWT NumericDate, whole seconds only).
pub type UnixTime = i64;

/// The holder's role, as printed on the card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    PoliceOfficer,
    SpecialConstable,
    Pcso,
    PoliceStaff,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::PoliceOfficer, Role::SpecialConstable, Role::Pcso, Role::PoliceStaff];

    /// The integer carried in the credential.
    pub fn code(self) -> u8 {
        match self {
            Role::PoliceOfficer => 1,
            Role::SpecialConstable => 2,
            Role::Pcso => 3,
            Role::PoliceStaff => 4,
        }
    }

    pub fn from_code(code: u64) -> Option<Role> {
        Role::ALL.into_iter().find(|r| u64::from(r.code()) == code)
    }

    /// Stable machine name, used in JSON, CSV and test vectors.
    pub fn name(self) -> &'static str {
        match self {
            Role::PoliceOfficer => "police-officer",
            Role::SpecialConstable => "special-constable",
            Role::Pcso => "pcso",
            Role::PoliceStaff => "police-staff",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// The holder's public details, exactly as printed on the card. Nothing else is carried:
/// no photo, vetting level, address or date of birth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub name: String,
    pub rank: String,
    /// Warrant or collar number.
    pub number: String,
    pub role: Role,
}

/// Everything a card's credential asserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// The issuing force's identifier in the trust list (`iss`), e.g. "MPS".
    pub issuer: String,
    /// Random card serial (`cti`); what revocation lists name.
    pub serial: Vec<u8>,
    pub issued_at: UnixTime,
    /// Omitted from the credential when equal to `issued_at`.
    pub not_before: UnixTime,
    pub expires_at: UnixTime,
    pub holder: Holder,
}

/// A field that cannot go on a card, found before signing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidCard(pub &'static str);

impl core::fmt::Display for InvalidCard {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.0)
    }
}

impl core::error::Error for InvalidCard {}

impl Card {
    /// Checks the same bounds a checker enforces, so the issuer never signs a card
    /// that every checker would call malformed.
    pub fn validate(&self) -> Result<(), InvalidCard> {
        check_text(&self.issuer, MAX_ISSUER_CHARS).map_err(|_| InvalidCard("issuer must be 1-16 printable characters"))?;
        check_text(&self.holder.name, MAX_NAME_CHARS).map_err(|_| InvalidCard("name must be 1-64 printable characters"))?;
        check_text(&self.holder.rank, MAX_RANK_CHARS).map_err(|_| InvalidCard("rank must be 1-32 printable characters"))?;
        check_text(&self.holder.number, MAX_NUMBER_CHARS)
            .map_err(|_| InvalidCard("number must be 1-16 printable characters"))?;
        if self.serial.is_empty() || self.serial.len() > MAX_SERIAL_BYTES {
            return Err(InvalidCard("serial must be 1-32 bytes"));
        }
        if self.issued_at < 0 || self.not_before < 0 {
            return Err(InvalidCard("times must not be before 1970"));
        }
        if self.expires_at <= self.not_before {
            return Err(InvalidCard("expiry must be after the start of validity"));
        }
        Ok(())
    }

    /// The CWT claims set: iss, exp, nbf (only if it differs from iat), iat, cti, holder,
    /// in that order (docs/FORMAT.md §3.1).
    pub(crate) fn claim_entries(&self) -> Vec<(Value, Value)> {
        let holder = Value::Array(vec![
            Value::Int(self.holder.role.code().into()),
            match ranks::code_of(&self.holder.rank) {
                Some(code) => Value::Int(code.into()),
                None => Value::Text(self.holder.rank.clone()),
            },
            Value::Text(self.holder.number.clone()),
            Value::Text(self.holder.name.clone()),
        ]);
        let mut claims = vec![(ISS, Value::Text(self.issuer.clone())), (EXP, Value::Int(self.expires_at.into()))];
        if self.not_before != self.issued_at {
            claims.push((NBF, Value::Int(self.not_before.into())));
        }
        claims.extend([
            (IAT, Value::Int(self.issued_at.into())),
            (CTI, Value::Bytes(self.serial.clone())),
            (HOLDER_CLAIM.into(), holder),
        ]);
        claims.into_iter().map(|(key, value)| (Value::Int(key), value)).collect()
    }

    pub(crate) fn to_claims(&self) -> Value {
        Value::Map(self.claim_entries())
    }

    /// Reads a claims set, enforcing the limits. Any failure is a malformed card.
    pub(crate) fn from_claims(claims: Value) -> Result<Card, MalformedReason> {
        Card::from_claims_with(claims, &[]).map(|(card, _)| card)
    }

    /// Reads a claims set that may also hold the claims keyed `extra` (a device
    /// credential's), which are returned as they are for the caller to judge.
    pub(crate) fn from_claims_with(claims: Value, extra: &[i128]) -> Result<(Card, Vec<(i128, Value)>), MalformedReason> {
        use MalformedReason::{BadClaim, MissingClaim};
        let not_claims = MalformedReason::BadStructure("payload");
        let Value::Map(entries) = claims else { return Err(not_claims) };
        if cbor::has_duplicate_key(&entries) {
            return Err(not_claims);
        }
        // The shape of each claim is checked while reading; the rules on them afterwards,
        // in the order of docs/FORMAT.md §5, so that every reader names the same reason.
        let (mut issuer, mut expires_at, mut not_before, mut issued_at, mut serial, mut holder) = (None, None, None, None, None, None);
        let (mut sub_or_aud, mut unexpected, mut extras) = (false, false, Vec::new());
        for (key, value) in entries {
            let Value::Int(key) = key else {
                // Text keys are claims too (RFC 8392 §3), just none this format has.
                if matches!(key, Value::Text(_)) {
                    unexpected = true;
                    continue;
                }
                return Err(not_claims);
            };
            match (key, value) {
                (ISS, Value::Text(iss)) => issuer = Some(iss),
                (EXP, t) => expires_at = Some(time_claim(t)?),
                (NBF, t) => not_before = Some(time_claim(t)?),
                (IAT, t) => issued_at = Some(time_claim(t)?),
                (CTI, Value::Bytes(cti)) => serial = Some(cti),
                (ISS | CTI, _) => return Err(not_claims),
                (SUB | AUD, _) => sub_or_aud = true,
                (key, value) if key == HOLDER_CLAIM.into() => holder = Some(value),
                (key, value) if extra.contains(&key) => extras.push((key, value)),
                _ => unexpected = true,
            }
        }
        // A card carries nothing beyond what is printed on it: claims nobody checks are refused, not ignored.
        if sub_or_aud {
            return Err(BadClaim("unexpected claim"));
        }
        let issuer = issuer.ok_or(MissingClaim("iss"))?;
        check_text(&issuer, MAX_ISSUER_CHARS).map_err(|_| BadClaim("iss"))?;
        let expires_at = whole_seconds(expires_at.ok_or(MissingClaim("exp"))?).ok_or(BadClaim("exp"))?;
        let issued_at = whole_seconds(issued_at.ok_or(MissingClaim("iat"))?).ok_or(BadClaim("iat"))?;
        let not_before = match not_before {
            Some(t) => whole_seconds(t).ok_or(BadClaim("nbf"))?,
            None => issued_at,
        };
        let serial = serial.ok_or(MissingClaim("cti"))?;
        if serial.is_empty() || serial.len() > MAX_SERIAL_BYTES {
            return Err(BadClaim("cti"));
        }
        let holder = match (holder, unexpected) {
            (Some(holder), false) => holder_from_value(holder)?,
            (_, true) => return Err(BadClaim("unexpected claim")),
            (None, false) => return Err(MissingClaim("holder")),
        };
        Ok((Card { issuer, serial, issued_at, not_before, expires_at, holder }, extras))
    }

    /// Serial as lower-case hex, the form people and files use.
    pub fn serial_hex(&self) -> String {
        hex_string(&self.serial)
    }
}

fn holder_from_value(value: Value) -> Result<Holder, MalformedReason> {
    let bad = MalformedReason::BadClaim("holder");
    let Value::Array(items) = value else { return Err(bad) };
    let [role, rank, number, name]: [Value; 4] = items.try_into().map_err(|_| bad.clone())?;
    let role = match role {
        Value::Int(i) => u64::try_from(i).ok().and_then(Role::from_code).ok_or(bad.clone())?,
        _ => return Err(bad),
    };
    let text = |v: Value, max: usize| match v {
        Value::Text(s) if check_text(&s, max).is_ok() => Ok(s),
        _ => Err(bad.clone()),
    };
    let rank = match rank {
        Value::Int(code) => u64::try_from(code).ok().and_then(ranks::rank_of).ok_or(bad.clone())?.into(),
        // A rank in the table must travel as its code, so that one rank has one encoding.
        other => text(other, MAX_RANK_CHARS).and_then(|r| if ranks::code_of(&r).is_some() { Err(bad.clone()) } else { Ok(r) })?,
    };
    Ok(Holder {
        rank,
        number: text(number, MAX_NUMBER_CHARS)?,
        name: text(name, MAX_NAME_CHARS)?,
        role,
    })
}

/// CWT claim keys (RFC 8392 §3.1).
pub(crate) const ISS: i128 = 1;
const EXP: i128 = 4;
const NBF: i128 = 5;
const IAT: i128 = 6;
const CTI: i128 = 7;
const SUB: i128 = 2;
const AUD: i128 = 3;

/// A time claim as read: an integer, or a float (which the rules then refuse). Any other
/// type is not a claims set at all.
#[derive(Clone, Copy)]
enum Time {
    Int(i128),
    Float,
}

fn time_claim(t: Value) -> Result<Time, MalformedReason> {
    match t {
        Value::Int(s) => Ok(Time::Int(s)),
        Value::Float => Ok(Time::Float),
        _ => Err(MalformedReason::BadStructure("payload")),
    }
}

/// Times are whole, non-negative seconds.
fn whole_seconds(t: Time) -> Option<UnixTime> {
    match t {
        Time::Int(s) => UnixTime::try_from(s).ok().filter(|s| *s >= 0),
        Time::Float => None,
    }
}

/// Text shown to a person must be non-empty, bounded and free of control and
/// bidirectional-override characters, which could make a screen say something the
/// signed bytes do not.
pub(crate) fn check_text(s: &str, max_chars: usize) -> Result<(), ()> {
    let count = s.chars().count();
    let printable = s.chars().all(|c| {
        !c.is_control() && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    });
    if count == 0 || count > max_chars || !printable || s.trim() != s {
        return Err(());
    }
    Ok(())
}

pub(crate) fn hex_string(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        use core::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Parses lower- or upper-case hex, as serials are written in files and on screens.
pub fn parse_hex(s: &str) -> Option<Vec<u8>> {
    // Digits only: `from_str_radix` alone would also take a sign ("+f" as 0x0f).
    if s.len() % 2 != 0 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::parse_hex;

    #[test]
    fn hex_is_pairs_of_digits_in_either_case_and_nothing_else() {
        assert_eq!(parse_hex("00aBfF"), Some(alloc::vec![0x00, 0xab, 0xff]));
        assert_eq!(parse_hex(""), Some(alloc::vec![]));
        for bad in ["+f", "-1", "0", "0g", " 0f", "0f ", "é0", "0x1f"] {
            assert_eq!(parse_hex(bad), None, "{bad:?}");
        }
    }
}
