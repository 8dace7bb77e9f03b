//! From QR text to what the screen shows: the verdict, the force's name, and whether the
//! code pointed somewhere other than this checker.

use warrant_core::check_code::looks_like_code;
use warrant_core::{token, verify_with_filters, Check, UnixTime, Verdict};

use crate::trust_store::TrustStore;

/// What one attempt to check a card came to. Each variant is one screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Checked(Checked),
    /// A photo or camera frame in which no QR code could be read.
    Unreadable,
    /// The checker holds no usable trust list (first visit offline with an expired snapshot).
    NoTrustList,
    /// A card's check code, typed where only a QR code can be checked: only the police
    /// call-centre desk can look a card up by its code (`code_check`).
    CheckCode,
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
            Outcome::CheckCode => "check-code",
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
    if is_check_code(text) {
        return Outcome::CheckCode;
    }
    let Some(trust) = &store.trust else { return Outcome::NoTrustList };
    // The forces' revocation filters (FORMAT.md §14), and any revocation list still held
    // (saved by an earlier version of the page, or built in where a force has no filter).
    let check = verify_with_filters(text, trust, &store.revocations, &store.filters, now);
    let force_name = check.verdict.card().and_then(|c| trust.force(&c.issuer)).map(|f| f.name.clone());
    let foreign_address = match token::locate(text) {
        Ok(located) => located.address.filter(|a| !same_address(a, own_address)).map(str::to_owned),
        Err(_) => None,
    };
    Outcome::Checked(Checked { check, force_name, foreign_address })
}

/// Whether typed text is a card's check code, perhaps with a slip in it, rather than QR
/// text, a link or a few words (`looks_like_code`).
fn is_check_code(text: &str) -> bool {
    looks_like_code(text)
}

/// The pages of this one checker: a link to any of them is a link to this checker.
const CHECKER_PAGES: [&str; 4] = ["index.html", "desk.html", "embed.html", "officer.html"];

/// The checker's base address: the directory its pages are served from, ending in `/`
/// (`https://check.police.uk/mps/desk.html` → `https://check.police.uk/mps/`). Every page
/// compares scanned addresses with this, so a card for this checker pasted on the desk or
/// in the frame is not taken for a look-alike site.
pub fn checker_base(page_address: &str) -> &str {
    let path_start = page_address.find("://").map_or(0, |s| s + 3);
    match page_address[path_start..].rfind('/') {
        Some(slash) => &page_address[..path_start + slash + 1],
        None => page_address,
    }
}

/// Scheme and host compare case-insensitively; the path exactly. A trailing slash or one of
/// the checker's own page names (`index.html`, `desk.html`, …) does not make a different
/// checker; a different directory does (`/MPS/` is not `/mps/`).
fn same_address(scanned: &str, own: &str) -> bool {
    fn normal(a: &str) -> String {
        let a = CHECKER_PAGES
            .iter()
            .find_map(|page| a.strip_suffix(page).filter(|rest| rest.ends_with('/')))
            .unwrap_or(a)
            .trim_end_matches('/');
        match a.find("://").and_then(|s| a[s + 3..].find('/').map(|p| s + 3 + p)) {
            Some(path_start) => format!("{}{}", a[..path_start].to_ascii_lowercase(), &a[path_start..]),
            None => a.to_ascii_lowercase(),
        }
    }
    normal(scanned) == normal(own)
}

/// A scanned address as it may be shown: every character that is invisible or changes the
/// direction of the text around it (bidi marks, embeddings, overrides and isolates,
/// zero-width characters, controls) becomes a visible marker such as `⟨U+202E⟩`. A
/// right-to-left override would otherwise let `http://\u{202E}/0808:1.0.0.721` display as
/// `http://127.0.0.1:8080/`, this checker's own address, inside the very warning meant to
/// expose it. Show the result left to right in an isolate of its own (`<bdi dir="ltr">`).
pub fn visible_address(address: &str) -> String {
    let mut shown = String::with_capacity(address.len());
    for c in address.chars() {
        if is_hidden_or_directional(c) {
            shown.push_str(&format!("⟨U+{:04X}⟩", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    shown
}

fn is_hidden_or_directional(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || matches!(c,
            '\u{00AD}'                  // soft hyphen
            | '\u{061C}'                // Arabic letter mark
            | '\u{180E}'                // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}'   // zero-width space, non-joiner, joiner; LRM, RLM
            | '\u{2028}'..='\u{202E}'   // line and paragraph separators; LRE, RLE, PDF, LRO, RLO
            | '\u{2060}'..='\u{206F}'   // word joiner, invisible operators; LRI, RLI, FSI, PDI; deprecated format
            | '\u{FEFF}'                // zero-width no-break space (byte order mark)
            | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
            | '\u{E0000}'..='\u{E007F}' // tags
        )
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

    /// Issue 18: a card for this checker pasted on the desk or in the embedded frame was
    /// flagged as pointing to a different website, because the page's own file name was
    /// part of the address compared.
    #[test]
    fn every_page_of_the_checker_is_the_same_checker() {
        for page in ["http://127.0.0.1:8080/desk.html", "http://127.0.0.1:8080/embed.html", "http://127.0.0.1:8080/officer.html", "http://127.0.0.1:8080/"] {
            assert_eq!(checker_base(page), "http://127.0.0.1:8080/");
            assert!(same_address("http://127.0.0.1:8080/", page), "{page}");
            assert!(same_address("http://127.0.0.1:8080/desk.html", checker_base(page)), "{page}");
        }
        assert_eq!(checker_base("https://check.police.uk/mps/desk.html"), "https://check.police.uk/mps/");
        assert_eq!(checker_base("https://check.police.uk"), "https://check.police.uk");
        assert!(same_address("https://check.police.uk/mps/", "https://check.police.uk/mps/embed.html"));
        // Still a different checker: another directory, another file, another host.
        assert!(!same_address("https://check.police.uk/MPS/", checker_base("https://check.police.uk/mps/desk.html")));
        assert!(!same_address("https://check.police.uk/", checker_base("https://check.police.uk/mps/desk.html")));
        assert!(!same_address("https://check.police.uk/evil.html", "https://check.police.uk/"));
        assert!(!same_address("https://check.police.uk/notindex.html", "https://check.police.uk/not"));
        assert!(!same_address("https://check-police.uk/desk.html", "https://check.police.uk/"));
    }

    /// Issue 18: an address with a right-to-left override displayed as this checker's own.
    #[test]
    fn a_shown_address_has_no_hidden_or_directional_characters() {
        let spoof = "https://evil.example/\u{202E}/0808:1.0.0.721//:ptth";
        let shown = visible_address(spoof);
        assert_eq!(shown, "https://evil.example/⟨U+202E⟩/0808:1.0.0.721//:ptth");
        for c in ['\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}', '\u{0}', '\u{1B}', '\u{7F}', '\u{85}', '\u{9F}'] {
            let shown = visible_address(&format!("https://a.example/{c}x"));
            assert_eq!(shown, format!("https://a.example/⟨U+{:04X}⟩x", u32::from(c)));
        }
        // Letters of any script, and ordinary punctuation, are shown as they are.
        assert_eq!(visible_address("https://xn--pple-43d.example/ŵ?a=1&b=é"), "https://xn--pple-43d.example/ŵ?a=1&b=é");
    }

    #[test]
    fn no_trust_list_is_its_own_outcome() {
        let store = TrustStore::with_root(warrant_core::RootKey::new(warrant_core::SigningKey::from_bytes(&[1; 32]).verifying_key()));
        assert_eq!(check_text("https://x/#0oabc", &store, "https://x/", 0), Outcome::NoTrustList);
    }

    /// A check code typed where only QR text can be checked (the public page, the frame):
    /// said to be a code for the police call centre, whatever the lists; a card's token or
    /// link never is.
    #[test]
    fn a_check_code_is_its_own_outcome() {
        let store = TrustStore::with_root(warrant_core::RootKey::new(warrant_core::SigningKey::from_bytes(&[1; 32]).verifying_key()));
        for typed in ["K7QM-29XD-HP4A", " k7qm 29xd hp4a ", "K7QM-29UD-HP4A", "k7qm29xdhp", "K7QM-29XD-HP4AA"] {
            assert_eq!(check_text(typed, &store, "https://x/", 0), Outcome::CheckCode, "{typed}");
        }
        // A few words are not a code.
        for typed in ["not a card", "hello", "k7qm29xd"] {
            assert_eq!(check_text(typed, &store, "https://x/", 0), Outcome::NoTrustList, "{typed}");
        }
        assert_eq!(Outcome::CheckCode.name(), "check-code");
        assert_eq!(check_text("https://x/#0oRHogEnBELkZKBYNaUBZERFTU8EGnC01A8GGmqako8HSAYwBPO5V", &store, "https://x/", 0), Outcome::NoTrustList);
    }
}
