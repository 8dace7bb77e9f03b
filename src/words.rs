//! The words on each verdict screen: for frightened people, not engineers.

/// How a verdict screen looks and what it tells the person to do.
pub struct Screen {
    /// Drives the colour and the icon; the words never depend on colour.
    pub tone: Tone,
    /// Large heading, a few words.
    pub title: &'static str,
    /// What happened, in one or two sentences.
    pub meaning: &'static str,
    /// What to do now.
    pub advice: &'static [&'static str],
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tone {
    Good,
    Bad,
    Unsure,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Good => "tone-good",
            Tone::Bad => "tone-bad",
            Tone::Unsure => "tone-unsure",
        }
    }

    /// A symbol beside the title so that the verdict never rests on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Tone::Good => "✓",
            Tone::Bad => "✗",
            Tone::Unsure => "?",
        }
    }
}

const DO_NOT_LET_IN: &str = "Do not let them in and do not hand anything over.";
const CALL_999: &str = "If you feel in danger, call 999 now.";
const CALL_101: &str = "Otherwise, call 101 (the police non-emergency number) and tell them what the card says.";

pub const GENUINE_CAVEAT: &str =
    "A genuine card does not mean you must let anyone in or hand over money, bank cards or valuables. The police never ask for these. If in doubt, keep the door closed and call 101.";

pub fn screen(outcome_name: &str) -> Screen {
    let bad = |title, meaning| Screen { tone: Tone::Bad, title, meaning, advice: &[DO_NOT_LET_IN, CALL_999, CALL_101] };
    match outcome_name {
        "genuine" => Screen {
            tone: Tone::Good,
            title: "Genuine card",
            meaning: "This card was issued by the police force named below and has not been cancelled.",
            advice: &["Check that the name, rank and number below match the card and the person in front of you.", GENUINE_CAVEAT],
        },
        "revoked" => bad("Cancelled card", "This card was issued by the police, but it has been cancelled (for example, reported lost or stolen). It must not be used."),
        "expired" => bad("Expired card", "This card was issued by the police, but it is out of date and no longer valid."),
        "not-yet-valid" => bad("Card not valid yet", "This card was issued by the police, but it is not valid until a later date."),
        "unknown-issuer" => bad("Not from a known police force", "This card's code is not signed by any police force this checker knows. It may be fake."),
        "issuer-key-invalid" => bad("Card not accepted", "This card's code was signed with a key the police force no longer trusts. Treat it as fake."),
        "invalid-signature" => bad("Fake or altered card", "This card's code has been forged or changed. It is not a genuine police card."),
        "malformed" => bad("Damaged or fake code", "This looks like a warrant-card code, but it is damaged or incomplete, so it cannot be trusted."),
        "not-a-card" => Screen {
            tone: Tone::Unsure,
            title: "Not a warrant card code",
            meaning: "This QR code is not a police warrant card code. It may be a web address or another kind of code.",
            advice: &["Ask to see the QR code on the warrant card itself and scan that.", DO_NOT_LET_IN, CALL_999, CALL_101],
        },
        "unreadable" => Screen {
            tone: Tone::Unsure,
            title: "Couldn't read a code",
            meaning: "No QR code could be read from that picture.",
            advice: &[
                "Try again with the QR code filling most of the picture, in good light, held steady.",
                "Or type in the code printed under the QR code.",
                "While you check, keep the door closed. If you feel in danger, call 999.",
            ],
        },
        _ => Screen {
            tone: Tone::Unsure,
            title: "Can't check cards right now",
            meaning: "This checker has no up-to-date list of police forces, so it cannot check cards yet.",
            advice: &["Connect to the internet and reload this page.", "Until then, keep the door closed and call 101 to check the person.", CALL_999],
        },
    }
}

/// Words for a warning shown with a verdict.
pub fn warning(code: &str) -> &'static str {
    match code {
        "trust-list-out-of-date" => "This checker's list of police forces is out of date. Connect to the internet to update it.",
        "revocation-list-out-of-date" => "The list of cancelled cards is out of date, so a recently cancelled card may still show as genuine.",
        "no-revocation-list" => "The list of cancelled cards for this force is not available, so a lost or stolen card may still show as genuine.",
        _ => "Something about this check is uncertain.",
    }
}

pub const FOREIGN_ADDRESS: &str =
    "Careful: this QR code points to a different website than this checker. Fraudsters use look-alike websites. Only trust the result shown here.";

pub fn role(name: &str) -> &'static str {
    match name {
        "police-officer" => "Police officer",
        "special-constable" => "Special constable (volunteer police officer)",
        "pcso" => "Police community support officer (PCSO)",
        "police-staff" => "Police staff (not a police officer)",
        _ => "Unknown role",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_has_its_own_screen() {
        let names = warrant_core::Verdict::NAMES.iter().copied().chain(["unreadable", "no-trust-list"]);
        let titles: Vec<&str> = names.clone().map(|n| screen(n).title).collect();
        let mut unique = titles.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), titles.len(), "two outcomes share a title: {titles:?}");
        for name in names {
            let s = screen(name);
            assert!(!s.advice.is_empty(), "{name} gives no advice");
            if name != "genuine" {
                assert!(s.advice.iter().any(|a| a.contains("999")), "{name} does not mention 999");
            }
        }
        assert!(screen("genuine").advice.contains(&GENUINE_CAVEAT));
    }
}
