//! `warrant-core` as a JavaScript module for force systems that verify without the
//! checker's iframe: `verify(qrText, lists, now)` returns a plain object with the verdict,
//! its reason, the warnings and, when the signature is good, the card. It makes no requests:
//! the system passes the lists it fetched (the same files the checker fetches). A
//! `CardDirectory` holds the card directories (docs/FORMAT.md §13) and checks the code a
//! caller reads from a card, judging the card it finds by the same `verify`.
//!
//! Built with `wasm-bindgen --target web` (see benches/../scripts/test.sh and README); the
//! TypeScript types are below.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use warrant_core::directory::{derive_entry_keys, find_in, read_directory_bundle, Directory, Lookup};
use warrant_core::{
    keys, read_filter_bundle, read_revocation_bundle, token, Check, CheckCode, CodeError, RevocationFilter, RevocationList, RootKey, TrustList, Verdict,
};

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
  /** Forces' signed revocation filters (docs/FORMAT.md §14), `revocation-filter-<force>.cose`:
   *  the same answers as their lists in a few hundred bytes each. A card is revoked if a list
   *  or a filter held for its force says so. */
  revocationFilters?: Uint8Array[];
  /** Or (and) the filters bundle, `revocation-filters.cbor`: every force's filter in one file. */
  revocationFilterBundle?: Uint8Array;
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

/** Card directories (docs/FORMAT.md §13), as fetched whole: single files and/or bundles. */
export interface DirectoryFiles {
  /** `directory-<force>.cbor` files. */
  directories?: Uint8Array[];
  /** `directories.cbor`: several forces' directories in one file. */
  bundle?: Uint8Array;
}

/** What a typed check code comes to (docs/FORMAT.md §13.1 and §13.5). */
export interface CodeResult {
  /** "found": the card's verdict is in `result`, judged exactly as a scanned card. Otherwise
   *  no card: "empty", "not-in-alphabet", "wrong-length" or "check-failed" (a typo: check the
   *  code with the caller), "not-found" (in no directory held), "damaged" (filed, but the
   *  entry does not open). */
  outcome: "found" | "empty" | "not-in-alphabet" | "wrong-length" | "check-failed" | "not-found" | "damaged";
  /** The code as read, in groups (e.g. "K7QM-29XD-HP4A"), when it is well formed. */
  code?: string;
  /** For "not-in-alphabet": the group (0-based) holding the character that is not a symbol. */
  group?: number;
  result?: Result;
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

/// The lists as a system passes them: `{ root, trustList, revocationLists, revocationBundle,
/// revocationFilters, revocationFilterBundle }`.
struct ListsIn {
    root: String,
    trust_list: Vec<u8>,
    revocation_lists: Vec<Vec<u8>>,
    revocation_filters: Vec<Vec<u8>>,
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
    let mut revocation_filters: Vec<Vec<u8>> = match get("revocationFilters")? {
        v if v.is_undefined() => Vec::new(),
        v => js_sys::Array::from(&v).iter().map(|f| bytes(f, "each of lists.revocationFilters")).collect::<Result<_, _>>()?,
    };
    let bundle = get("revocationFilterBundle")?;
    if !bundle.is_undefined() {
        let bundle = bytes(bundle, "lists.revocationFilterBundle")?;
        let filters = read_filter_bundle(&bundle).map_err(|e| JsError::new(&format!("lists.revocationFilterBundle: {e}")))?;
        revocation_filters.extend(filters);
    }
    Ok(ListsIn { root, trust_list, revocation_lists, revocation_filters })
}

/// Verifies a card's QR text (or a live code) against the lists, at `now` (Unix seconds;
/// the device clock if omitted). Throws only when the lists themselves cannot be used (a
/// trust list not signed by the root, or expired); every QR text gets a verdict.
#[wasm_bindgen(unchecked_return_type = "Result")]
pub fn verify(qr_text: &str, #[wasm_bindgen(unchecked_param_type = "Lists")] lists: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
    let check = verify_text(qr_text, &lists, now)?;
    serde_wasm_bindgen::to_value(&result(&check)).map_err(|e| JsError::new(&e.to_string()))
}

fn verify_text(qr_text: &str, lists: &JsValue, now: Option<f64>) -> Result<Check, JsError> {
    let now = now.unwrap_or_else(|| js_sys::Date::now() / 1000.0) as i64;
    let lists = lists_in(lists)?;
    let root = keys::verifying_key_from_pem(&lists.root).map_err(|e| JsError::new(&format!("lists.root: {e}")))?;
    let trust = TrustList::open(&lists.trust_list, &[RootKey::new(root)], now).map_err(|e| JsError::new(&format!("the trust list: {e}")))?;
    // A revocation list that does not open is left out: the verdict then warns that the
    // force's list is missing, as the checker does.
    let revocations: Vec<RevocationList> = lists.revocation_lists.iter().filter_map(|l| RevocationList::open(l, &trust, now).ok()).collect();
    let filters: Vec<RevocationFilter> = lists.revocation_filters.iter().filter_map(|f| RevocationFilter::open(f, &trust, now).ok()).collect();
    Ok(warrant_core::verify_with_filters(qr_text, &trust, &revocations, &filters, now))
}

/// Card directories held by a force system (a call-centre CRM) to check the codes callers
/// read from cards. Read once (they can be tens of megabytes), then asked for many codes.
#[wasm_bindgen]
pub struct CardDirectory {
    directories: Vec<Directory>,
}

#[derive(Serialize)]
struct CodeResultOut {
    outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<ResultOut>,
}

#[wasm_bindgen]
impl CardDirectory {
    /// Reads the directories given as `{ directories, bundle }`. Throws, saying which, if a
    /// file is not a card directory (a captive portal's page, a truncated download).
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(unchecked_param_type = "DirectoryFiles")] files: JsValue) -> Result<CardDirectory, JsError> {
        let get = |name: &str| js_sys::Reflect::get(&files, &name.into()).map_err(|_| JsError::new(&format!("files.{name} is missing")));
        let bytes = |v: JsValue, what: &str| {
            v.dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).map_err(|_| JsError::new(&format!("{what} must be a Uint8Array")))
        };
        let mut raw: Vec<Vec<u8>> = match get("directories")? {
            v if v.is_undefined() => Vec::new(),
            v => js_sys::Array::from(&v).iter().map(|f| bytes(f, "each of files.directories")).collect::<Result<_, _>>()?,
        };
        let bundle = get("bundle")?;
        if !bundle.is_undefined() {
            let bundle = bytes(bundle, "files.bundle")?;
            raw.extend(read_directory_bundle(&bundle).map_err(|e| JsError::new(&format!("files.bundle: {}", e.code())))?);
        }
        let directories = raw
            .iter()
            .enumerate()
            .map(|(i, file)| Directory::read(file).map_err(|e| JsError::new(&format!("directory {i}: {}", e.code()))))
            .collect::<Result<_, _>>()?;
        Ok(CardDirectory { directories })
    }

    /// The forces whose directories are held.
    #[wasm_bindgen(getter)]
    pub fn forces(&self) -> Vec<String> {
        self.directories.iter().map(|d| d.force.clone()).collect()
    }

    /// Cards listed in all the directories held.
    #[wasm_bindgen(getter)]
    pub fn cards(&self) -> usize {
        self.directories.iter().map(Directory::len).sum()
    }

    /// Checks a code as typed (case, spaces and dashes do not matter; O is 0, I and L are 1):
    /// finds the card and judges it against the lists exactly as `verify` judges a scan.
    #[wasm_bindgen(unchecked_return_type = "CodeResult")]
    pub fn check(&self, code: &str, #[wasm_bindgen(unchecked_param_type = "Lists")] lists: JsValue, now: Option<f64>) -> Result<JsValue, JsError> {
        let out = match CheckCode::parse(code) {
            Err(error) => CodeResultOut {
                outcome: error.code(),
                code: None,
                group: matches!(error, CodeError::NotInAlphabet { .. }).then(|| error.group()).flatten(),
                result: None,
            },
            Ok(code) => {
                let grouped = Some(code.grouped());
                match find_in(&self.directories, &derive_entry_keys(&code)) {
                    Lookup::Found(cose) => {
                        let check = verify_text(&token::encode(&cose), &lists, now)?;
                        CodeResultOut { outcome: "found", code: grouped, group: None, result: Some(result(&check)) }
                    }
                    Lookup::NotFound => CodeResultOut { outcome: "not-found", code: grouped, group: None, result: None },
                    Lookup::Damaged => CodeResultOut { outcome: "damaged", code: grouped, group: None, result: None },
                }
            }
        };
        serde_wasm_bindgen::to_value(&out).map_err(|e| JsError::new(&e.to_string()))
    }
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
