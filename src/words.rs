//! Which words go on each verdict screen, as message ids into the translation files in
//! `i18n/`. The words themselves are written for frightened people, not engineers.

/// How a verdict screen looks and what it tells the person to do.
pub struct Screen {
    /// Drives the colour and the icon; the words never depend on colour.
    pub tone: Tone,
    /// The message with the large heading; its `.meaning` says what happened.
    pub message: &'static str,
    /// What to do now, one message per point.
    pub advice: &'static [&'static str],
    /// What call-centre staff read to the caller.
    pub readback: &'static str,
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

const BAD_ADVICE: &[&str] = &["advice-do-not-let-in", "advice-call-999", "advice-call-101"];

pub fn screen(outcome_name: &str) -> Screen {
    let bad = |message, readback| Screen {
        tone: Tone::Bad,
        message,
        advice: BAD_ADVICE,
        readback,
    };
    match outcome_name {
        "genuine" => Screen {
            tone: Tone::Good,
            message: "verdict-genuine",
            advice: &["advice-compare", "advice-ask-live-code", "advice-genuine-caveat"],
            readback: "readback-genuine",
        },
        "live" => Screen {
            tone: Tone::Good,
            message: "verdict-live",
            advice: &["advice-compare", "advice-genuine-caveat"],
            readback: "readback-live",
        },
        // Not a forgery for certain (a phone's clock can be wrong), but not proof either.
        "live-stale" => Screen {
            tone: Tone::Unsure,
            message: "verdict-live-stale",
            advice: &["advice-scan-live-again", "advice-door-closed-999"],
            readback: "readback-live-stale",
        },
        "revoked" => bad("verdict-revoked", "readback-revoked"),
        "expired" => bad("verdict-expired", "readback-expired"),
        "not-yet-valid" => bad("verdict-not-yet-valid", "readback-not-yet-valid"),
        "unknown-issuer" => bad("verdict-unknown-issuer", "readback-unknown-issuer"),
        "issuer-key-invalid" => bad("verdict-issuer-key-invalid", "readback-issuer-key-invalid"),
        "invalid-signature" => bad("verdict-invalid-signature", "readback-invalid-signature"),
        "malformed" => bad("verdict-malformed", "readback-malformed"),
        "not-a-card" => Screen {
            tone: Tone::Unsure,
            message: "verdict-not-a-card",
            advice: &[
                "advice-scan-the-card",
                "advice-do-not-let-in",
                "advice-call-999",
                "advice-call-101",
            ],
            readback: "readback-not-a-card",
        },
        "unreadable" => Screen {
            tone: Tone::Unsure,
            message: "verdict-unreadable",
            advice: &[
                "advice-retry-photo",
                "advice-type-code",
                "advice-door-closed-999",
            ],
            readback: "readback-unreadable",
        },
        // A check code typed where only a QR code can be checked: the police call centre
        // can look it up (the desk, `code_check`).
        "check-code" => Screen {
            tone: Tone::Unsure,
            message: "verdict-check-code",
            advice: &["advice-call-101-code", "advice-scan-the-card", "advice-door-closed-999"],
            readback: "readback-check-code",
        },
        _ => Screen {
            tone: Tone::Unsure,
            message: "verdict-no-trust-list",
            advice: &[
                "advice-connect",
                "advice-call-101-meanwhile",
                "advice-call-999",
            ],
            readback: "readback-no-trust-list",
        },
    }
}

/// The message for a warning shown with a verdict.
pub fn warning(code: &str) -> &'static str {
    match code {
        "trust-list-out-of-date" => "warning-trust-list-out-of-date",
        "revocation-list-out-of-date" => "warning-revocation-list-out-of-date",
        "no-revocation-list" => "warning-no-revocation-list",
        _ => "warning-other",
    }
}

pub fn role(name: &str) -> &'static str {
    match name {
        "police-officer" => "role-police-officer",
        "special-constable" => "role-special-constable",
        "pcso" => "role-pcso",
        "police-staff" => "role-police-staff",
        _ => "role-unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Locale, Words};

    fn all_outcomes() -> impl Iterator<Item = &'static str> + Clone {
        warrant_core::Verdict::NAMES
            .iter()
            .copied()
            .chain(["unreadable", "no-trust-list", "check-code"])
    }

    #[test]
    fn every_outcome_has_its_own_screen_in_every_language() {
        for locale in Locale::OFFERED {
            let words = Words::new(locale);
            let titles: Vec<String> = all_outcomes()
                .map(|n| words.get(screen(n).message))
                .collect();
            let mut unique = titles.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                unique.len(),
                titles.len(),
                "{locale:?}: two outcomes share a title: {titles:?}"
            );
            for name in all_outcomes() {
                let s = screen(name);
                assert!(
                    !words.attr(s.message, "meaning").is_empty(),
                    "{name} has no meaning"
                );
                assert!(!s.advice.is_empty(), "{name} gives no advice");
                // Every screen but the two good ones says what to do in danger.
                if !matches!(name, "genuine" | "live") {
                    assert!(
                        s.advice.iter().any(|a| words.get(a).contains("999")),
                        "{locale:?} {name} does not mention 999"
                    );
                }
            }
        }
        assert!(screen("genuine").advice.contains(&"advice-genuine-caveat"));
        assert!(screen("live").advice.contains(&"advice-genuine-caveat"));
        // A card can be copied: the genuine screen says so and offers the live code.
        assert!(screen("genuine").advice.contains(&"advice-ask-live-code"));
    }

    #[test]
    fn every_read_back_script_fills_in_the_card() {
        let args = [
            ("rank", "Police Constable".into()),
            ("number", "1234".into()),
            ("name", "Jane Smith".into()),
            ("force", "Demonstration Police".into()),
            ("date", "31 May 2029".into()),
        ];
        for locale in Locale::OFFERED {
            let words = Words::new(locale);
            for name in all_outcomes() {
                let script = words.with(screen(name).readback, &args);
                assert!(!script.contains("{"), "{locale:?} {name}: {script}");
            }
            let genuine = words.with("readback-genuine", &args);
            for detail in [
                "Police Constable",
                "1234",
                "Jane Smith",
                "Demonstration Police",
                "31 May 2029",
            ] {
                assert!(genuine.contains(detail), "{locale:?}: {genuine}");
            }
        }
    }
}
