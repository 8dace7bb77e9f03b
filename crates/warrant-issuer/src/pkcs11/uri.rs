//! RFC 7512 `pkcs11:` URIs naming a key on a token, e.g.
//! `pkcs11:token=force;object=mps-2026;type=private?module-path=/usr/lib/softhsm/libsofthsm2.so`.
//!
//! Only the attributes this tool acts on are accepted. Any other is refused rather than
//! ignored, because an ignored (or misspelt) attribute would silently select a different
//! key. A PIN in the URI (`pin-value`, `pin-source`) is refused: the URI is typed on the
//! command line, where shell history and `ps` would keep the PIN.
//!
//! No message repeats the URI or an attribute's value (but `type`'s), so that a PIN typed
//! in one is not shown again on the screen or in a log. The scheme is matched whatever its
//! case (RFC 3986 §3.1; RFC 7512's grammar is ABNF, whose quoted strings are
//! case-insensitive), and white space around the URI is ignored (RFC 3986 Appendix C), so
//! that `PKCS11:…` or ` pkcs11:…` is read as the URI it is rather than as a file's name.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use percent_encoding::percent_decode_str;

/// What a `pkcs11:` URI says about a key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pkcs11Uri {
    /// The token's label (`token`).
    pub token: Option<String>,
    /// The key's label, `CKA_LABEL` (`object`).
    pub object: Option<String>,
    /// The key's `CKA_ID` (`id`), raw bytes.
    pub id: Option<Vec<u8>>,
    /// The PKCS#11 module to load (`module-path`).
    pub module_path: Option<PathBuf>,
}

pub const SCHEME: &str = "pkcs11:";

/// What follows the `pkcs11:` scheme (in any case, white space around ignored), if `text`
/// is a pkcs11 URI.
pub fn after_scheme(text: &str) -> Option<&str> {
    let text = text.trim();
    let scheme = text.get(..SCHEME.len())?;
    scheme.eq_ignore_ascii_case(SCHEME).then(|| &text[SCHEME.len()..])
}

impl Pkcs11Uri {
    pub fn parse(uri: &str) -> Result<Pkcs11Uri> {
        let Some(rest) = after_scheme(uri) else { bail!("the key is not named by a pkcs11: URI (pkcs11:token=…;object=…)") };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut parsed = Pkcs11Uri::default();
        let mut seen = Vec::new();
        // Path attributes are separated by ';', query attributes by '&'.
        let attributes = path.split(';').map(|a| (a, false)).chain(query.split('&').map(|a| (a, true)));
        for (attribute, in_query) in attributes {
            if attribute.is_empty() {
                continue;
            }
            // Not repeated in the message: a bare value might be a PIN.
            let (name, value) = attribute.split_once('=').context("a pkcs11 URI attribute has no '=' (each is name=value)")?;
            if seen.contains(&name) {
                bail!("pkcs11 URI attribute {name:?} is given twice");
            }
            seen.push(name);
            match (name, in_query) {
                ("pin-value" | "pin-source", _) => bail!(
                    "a PIN must not be in the pkcs11 URI ({name}): the command line is kept in shell history and shown by ps; \
                     set WARRANT_PKCS11_PIN, or run in a terminal to be asked"
                ),
                ("token", false) => parsed.token = Some(text(name, value)?),
                ("object", false) => parsed.object = Some(text(name, value)?),
                ("id", false) => parsed.id = Some(percent_decode_str(value).collect()),
                ("type", false) => {
                    let kind = text(name, value)?;
                    if kind != "private" {
                        bail!("pkcs11 URI type={kind}: this tool signs with a private key, so type must be private (or left out)");
                    }
                }
                ("module-path", true) => parsed.module_path = Some(PathBuf::from(text(name, value)?)),
                _ => bail!(
                    "pkcs11 URI attribute {name:?} is not supported here; the key is named by token, object, id and type, \
                     and the module by ?module-path="
                ),
            }
        }
        if parsed.token.is_none() {
            bail!("the pkcs11 URI names no token (token=...)");
        }
        if parsed.object.is_none() && parsed.id.is_none() {
            bail!("the pkcs11 URI names no key (object=<label> or id=<bytes>)");
        }
        Ok(parsed)
    }

    /// The token's label, as the URI gives it.
    pub fn token_label(&self) -> &str {
        self.token.as_deref().unwrap_or_default()
    }

    /// How a person would name the key in a message: its label, else its id in hex.
    pub fn key_name(&self) -> String {
        match (&self.object, &self.id) {
            (Some(label), _) => format!("labelled {label:?}"),
            (None, Some(id)) => format!("with id {}", warrant_core::to_hex(id)),
            (None, None) => String::from("(unnamed)"),
        }
    }
}

fn text(name: &str, value: &str) -> Result<String> {
    let decoded = percent_decode_str(value).decode_utf8().with_context(|| format!("pkcs11 URI attribute {name} is not UTF-8"))?;
    Ok(decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_path_and_query_attributes_percent_decoded() {
        let uri = Pkcs11Uri::parse("pkcs11:token=Metropolitan%20Police;object=mps-2026;id=%01%ff;type=private?module-path=/usr/lib/softhsm/libsofthsm2.so")
            .unwrap();
        assert_eq!(
            uri,
            Pkcs11Uri {
                token: Some("Metropolitan Police".into()),
                object: Some("mps-2026".into()),
                id: Some(vec![0x01, 0xff]),
                module_path: Some("/usr/lib/softhsm/libsofthsm2.so".into()),
            }
        );
        assert_eq!(uri.key_name(), "labelled \"mps-2026\"");
    }

    #[test]
    fn an_id_alone_names_the_key() {
        let uri = Pkcs11Uri::parse("pkcs11:token=force;id=%ab%cd").unwrap();
        assert_eq!((uri.object.as_deref(), uri.key_name().as_str()), (None, "with id abcd"));
    }

    #[test]
    fn refuses_a_pin_in_the_uri() {
        for uri in ["pkcs11:token=force;object=k?pin-value=1234", "pkcs11:token=force;object=k?pin-source=file:/tmp/pin"] {
            let message = Pkcs11Uri::parse(uri).unwrap_err().to_string();
            assert!(message.starts_with("a PIN must not be in the pkcs11 URI"), "{message}");
        }
    }

    #[test]
    fn the_scheme_is_read_in_any_case_and_white_space_around_is_ignored() {
        for uri in ["PKCS11:token=force;object=k", "Pkcs11:token=force;object=k", " pkcs11:token=force;object=k\n"] {
            assert_eq!(Pkcs11Uri::parse(uri).unwrap().object.as_deref(), Some("k"), "{uri:?}");
        }
        assert_eq!(after_scheme("pkcs1"), None);
        assert_eq!(after_scheme("pkcs11-key.pem"), None);
        assert_eq!(after_scheme("pkcs11ÿ:token=force"), None, "a character across the scheme's end is no scheme (and no panic)");
    }

    #[test]
    fn no_refusal_repeats_a_pin() {
        let pin = "739182";
        for uri in [
            format!("PKCS11:token=force;object=k?pin-value={pin}"),
            format!(" pkcs11:token=force;object=k;pin-value={pin}"),
            format!("pkcs11:token=force;object=k?PIN-VALUE={pin}"),
            format!("pkcs11:token=force;object=k;{pin}"),
            format!("pkcs11:token=force;object=k?pin-value={pin}&pin-value={pin}"),
            format!("pkcs:token=force;object=k?pin-value={pin}"),
        ] {
            let message = format!("{:#}", Pkcs11Uri::parse(&uri).unwrap_err());
            assert!(!message.contains(pin), "{uri:?}: {message}");
        }
    }

    #[test]
    fn refuses_what_it_would_otherwise_ignore() {
        let cases = [
            ("pkcs11:token=force;objekt=k", "\"objekt\" is not supported"),
            ("pkcs11:token=force;object=k;type=public", "type must be private"),
            ("pkcs11:token=force;object=a;object=b", "given twice"),
            ("pkcs11:object=k", "names no token"),
            ("pkcs11:token=force", "names no key"),
            ("pkcs11:token=force;object", "has no '='"),
            ("pkcs11:token=force;object=k?module-name=softhsm2", "\"module-name\" is not supported"),
            ("pkcs11:token=%ff;object=k", "not UTF-8"),
            ("keys/mps.key.pem", "not named by a pkcs11: URI"),
        ];
        for (uri, expected) in cases {
            let message = Pkcs11Uri::parse(uri).unwrap_err().to_string();
            assert!(message.contains(expected), "{uri}: {message}");
        }
    }
}
