//! A verdict for people (text) and for scripts (JSON).

use serde_json::{json, Value};
use warrant_core::{Card, Check, Verdict};

use crate::time_arg;

pub fn card_json(card: &Card) -> Value {
    json!({
        "issuer": card.issuer,
        "serial": card.serial_hex(),
        "issued_at": time_arg::format(card.issued_at),
        "not_before": time_arg::format(card.not_before),
        "expires_at": time_arg::format(card.expires_at),
        "name": card.holder.name,
        "rank": card.holder.rank,
        "number": card.holder.number,
        "role": card.holder.role.name(),
    })
}

pub fn check_json(check: &Check) -> Value {
    let mut out = json!({ "verdict": check.verdict.name() });
    match &check.verdict {
        Verdict::Malformed(reason) => {
            out["reason"] = json!(reason.code());
            out["detail"] = json!(reason.to_string());
        }
        Verdict::IssuerKeyInvalid { problem, .. } => out["reason"] = json!(problem.code()),
        Verdict::UnknownIssuer { issuer } => out["issuer"] = json!(issuer),
        _ => {}
    }
    if let Some(card) = check.verdict.card() {
        out["card"] = card_json(card);
    }
    out["warnings"] = check.warnings.iter().map(|w| json!(w.code())).collect();
    out
}

pub fn check_text(check: &Check, force_name: Option<&str>) -> String {
    let headline = match &check.verdict {
        Verdict::Genuine(_) => "GENUINE: signed by a trusted force, in date, not revoked".to_string(),
        Verdict::Revoked(_) => "REVOKED: the force has cancelled this card".to_string(),
        Verdict::Expired(_) => "EXPIRED: this card is past its expiry date".to_string(),
        Verdict::NotYetValid(_) => "NOT YET VALID: this card's validity has not started".to_string(),
        Verdict::Live(_) => "LIVE: made just now by the phone enrolled for this genuine card".to_string(),
        Verdict::LiveStale(_) => "LIVE CODE TOO OLD: a good code, but not made just now (replayed, or a photo of a screen)".to_string(),
        Verdict::UnknownIssuer { issuer } => format!("UNKNOWN ISSUER: {issuer:?} or its key is not in the trust list"),
        Verdict::IssuerKeyInvalid { problem, .. } => format!("ISSUER KEY INVALID: {}", problem.code()),
        Verdict::InvalidSignature => "INVALID SIGNATURE: forged or altered".to_string(),
        Verdict::Malformed(reason) => format!("MALFORMED: {reason}"),
        Verdict::NotACard => "NOT A CARD: this is not a warrant-card code".to_string(),
    };
    let mut out = headline;
    if let Some(card) = check.verdict.card() {
        let h = &card.holder;
        out.push_str(&format!(
            "\n  {} {} {} ({})\n  force:   {}\n  valid:   {} to {}\n  serial:  {}",
            h.rank,
            h.number,
            h.name,
            h.role.name(),
            force_name.unwrap_or(&card.issuer),
            time_arg::format(card.not_before),
            time_arg::format(card.expires_at),
            card.serial_hex()
        ));
    }
    for w in &check.warnings {
        out.push_str(&format!("\n  warning: {}", w.code()));
    }
    out
}
