//! From QR text to what the screen shows: the verdict, the force's name, and whether the
//! code pointed somewhere other than this checker.

use warrant_core::{token, verify, Check, UnixTime, Verdict};

use crate::trust_store::TrustStore;

/// What one attempt to check a card came to. Each variant is one screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Checked(Checked),
    /// A photo or camera frame in which no QR code could be read.
    Unreadable,
    /// The checker holds no usable trust list (first visit offline with an expired snapshot).
    NoTrustList,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub check: Check,
    /// The issuing force's public name, when the verdict carries a card.
    pub force_name: Option<String>,
    /// The web address in the QR code, when it is not this checker's: fraudsters print
    /// codes that lead to look-alike sites.
    pub foreign_address: Option<String>,
}

impl Outcome {
    /// The name in `data-verdict`: a core verdict name, or `unreadable` / `no-trust-list`.
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Checked(c) => c.check.verdict.name(),
            Outcome::Unreadable => "unreadable",
            Outcome::NoTrustList => "no-trust-list",
        }
    }

    pub fn verdict(&self) -> Option<&Verdict> {
        match self {
            Outcome::Checked(c) => Some(&c.check.verdict),
            _ => None,
        }
    }
}

/// Checks QR text (or a bare token) scanned, pasted or taken from the address bar.
/// `own_address` is this checker's address (origin and path), to spot look-alike sites.
pub fn check_text(text: &str, store: &TrustStore, own_address: &str, now: UnixTime) -> Outcome {
    let Some(trust) = &store.trust else { return Outcome::NoTrustList };
    let check = verify(text, trust, &store.revocations, now);
    let force_name = check.verdict.card().and_then(|c| trust.force(&c.issuer)).map(|f| f.name.clone());
    let foreign_address = match token::locate(text) {
        Ok(located) => located.address.filter(|a| !same_address(a, own_address)).map(str::to_owned),
        Err(_) => None,
    };
    Outcome::Checked(Checked { check, force_name, foreign_address })
}

/// Scheme and host compare case-insensitively; the path exactly. A trailing slash or
/// `index.html` does not make a different checker.
fn same_address(scanned: &str, own: &str) -> bool {
    fn normal(a: &str) -> String {
        let a = a.trim_end_matches("index.html").trim_end_matches('/');
        match a.find("://").and_then(|s| a[s + 3..].find('/').map(|p| s + 3 + p)) {
            Some(path_start) => format!("{}{}", a[..path_start].to_ascii_lowercase(), &a[path_start..]),
            None => a.to_ascii_lowercase(),
        }
    }
    normal(scanned) == normal(own)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_comparison() {
        assert!(same_address("https://check.police.uk/", "https://check.police.uk/"));
        assert!(same_address("HTTPS://Check.Police.UK/", "https://check.police.uk"));
        assert!(same_address("https://check.police.uk/index.html", "https://check.police.uk/"));
        assert!(same_address("https://check.police.uk/mps/", "https://check.police.uk/mps"));
        assert!(!same_address("https://check-police.uk/", "https://check.police.uk/"));
        assert!(!same_address("https://check.police.uk.evil.example/", "https://check.police.uk/"));
        assert!(!same_address("https://check.police.uk/MPS/", "https://check.police.uk/mps/"));
    }

    #[test]
    fn no_trust_list_is_its_own_outcome() {
        let store = TrustStore::with_root(warrant_core::RootKey::new(warrant_core::SigningKey::from_bytes(&[1; 32]).verifying_key()));
        assert_eq!(check_text("https://x/#0oabc", &store, "https://x/", 0), Outcome::NoTrustList);
    }
}
