//! `warrant-core` as a JavaScript module for force systems that verify without the
//! checker's iframe: `verify(qrText, lists, now)` returns a plain object with the verdict,
//! its reason, the warnings and, when the signature is good, the card. It makes no requests:
//! the system passes the lists it fetched (the same files the checker fetches).
//!
//! Built with `wasm-bindgen --target web` (see benches/../scripts/test.sh and README); the
//! TypeScript types are below.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use warrant_core::{keys, read_revocation_bundle, Check, RevocationList, RootKey, TrustList, Verdict};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The signed lists a force system holds, as fetched from the checker's `lists/`. */
export interface Lists {
  /** The national root's public key, SPKI PEM (`-----BEGIN PUBLIC KEY-----`). */
  root: string;
  /** `trust-list.cose`, as fetched. */
  trustList: Uint8Array;
  /** `revocations-<force>.cose` files, as fetched. */
  revocationLists?: Uint8Array[];
  /** Or (and) the revocation bundle, `revocations.cbor`: every force's list in one file. */
  revocationBundle?: Uint8Array;
}

/** A card's printed details, given only when its signature was verified. */
export interface Card {
  issuer: string;
  serial: string;
  name: string;
  rank: string;
  number: string;
  role: "police-officer" | "special-constable" | "pcso" | "police-staff";
  /** Unix seconds. */
  issuedAt: number;
  notBefore: number;
  expiresAt: number;
}

export interface Result {
  /** docs/FORMAT.md §5 and §12: genuine, revoked, expired, not-yet-valid, live, live-stale,
   *  unknown-issuer, issuer-key-invalid, invalid-signature, malformed, not-a-card. */
  verdict: string;
  /** For malformed, why (e.g. "bad-encoding"); for issuer-key-invalid, the key's problem. */
  reason?: string;
  /** trust-list-out-of-date, revocation-list-out-of-date, no-revocation-list. */
  warnings: string[];
  card?: Card;
}
"#;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CardOut {
    issuer: String,
    serial: String,
    name: String,
    rank: String,
    number: String,
    role: &'static str,
    issued_at: i64,
    not_before: i64,
    expires_at: i64,
}

#[derive(Serialize)]
struct ResultOut {
    verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    warnings: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    card: Option<CardOut>,
}

/// The lists as a system passes them: `{ root, trustList, revocationLists, revocationBundle }`.
struct ListsIn {
    root: String,
    trust_list: Vec<u8>,
    revocation_lists: Vec<Vec<u8>>,
}

fn lists_in(lists: &JsValue) -> Result<ListsIn, JsError> {
    let get = |name: &str| js_sys::Reflect::get(lists, &name.into()).map_err(|_| JsError::new(&format!("lists.{name} is missing")));
    let bytes = |v: JsValue, what: &str| {
        v.dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).map_err(|_| JsError::new(&format!("{what} must be a Uint8Array")))
    };
    let root = get("root")?.as_string().ok_or_else(|| JsError::new("lists.root must be the root key's PEM text"))?;
    let trust_list = bytes(get("trustList")?, "lists.trustList")?;
    let mut revocation_lists: Vec<Vec<u8>> = match get("revocationLists")? {
        v if v.is_undefined() => Vec::new(),
        v => js_sys::Array::from(&v).iter().map(|l| bytes(l, "each of lists.revocationLists")).collect::<Result<_, _>>()?,
    };
    let bundle = get("revocationBundle")?;
    if !bundle.is_undefined() {
        let bundle = bytes(bundle, "lists.revocationBundle")?;
        let lists = read_revocation_bundle(&bundle).map_err(|e| JsError::new(&format!("lists.revocationBundle: {e}")))?;
        revocation_lists.extend(lists);
    }
    Ok(ListsIn { root, trust_list, revocation_lists })
}

/// Verifies a card's QR text (or a live code) against the lists, at `now` (Unix seconds;
/// the device clock if omitted). Throws only when the lists themselves cannot be used (a
/// trust list not signed by the root, or expired); every QR text gets a verdict.
#[wasm_bindgen(unchecked_return_type = "Result")]
pub fn verify(qr_text: &str, #[wasm_bindgen(unchecked_param_type = "Lists")] lists: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
    let now = now.unwrap_or_else(|| js_sys::Date::now() / 1000.0) as i64;
    let lists = lists_in(&lists)?;
    let root = keys::verifying_key_from_pem(&lists.root).map_err(|e| JsError::new(&format!("lists.root: {e}")))?;
    let trust = TrustList::open(&lists.trust_list, &[RootKey::new(root)], now).map_err(|e| JsError::new(&format!("the trust list: {e}")))?;
    // A revocation list that does not open is left out: the verdict then warns that the
    // force's list is missing, as the checker does.
    let revocations: Vec<RevocationList> = lists.revocation_lists.iter().filter_map(|l| RevocationList::open(l, &trust, now).ok()).collect();
    let check = warrant_core::verify(qr_text, &trust, &revocations, now);
    serde_wasm_bindgen::to_value(&result(&check)).map_err(|e| JsError::new(&e.to_string()))
}

fn result(check: &Check) -> ResultOut {
    let reason = match &check.verdict {
        Verdict::Malformed(reason) => Some(reason.code()),
        Verdict::IssuerKeyInvalid { problem, .. } => Some(problem.code()),
        _ => None,
    };
    let card = check.verdict.card().map(|c| CardOut {
        issuer: c.issuer.clone(),
        serial: c.serial_hex(),
        name: c.holder.name.clone(),
        rank: c.holder.rank.clone(),
        number: c.holder.number.clone(),
        role: c.holder.role.name(),
        issued_at: c.issued_at,
        not_before: c.not_before,
        expires_at: c.expires_at,
    });
    ResultOut { verdict: check.verdict.name(), reason, warnings: check.warnings.iter().map(|w| w.code()).collect(), card }
}
