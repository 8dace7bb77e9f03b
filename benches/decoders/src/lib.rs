//! The Wasm half of the decoder benchmark (run.mjs drives it): renders card-frames corpus
//! frames as RGBA for all three decoders, and runs ours exactly as the checker does after a
//! camera frame: RGBA → luma → `find_qr_text` → `check_text`.

use std::cell::RefCell;

use card_frames::{corpus, empty_frame, frame, Sample};
use wasm_bindgen::prelude::*;
use warrant_check::checking::{check_text, Outcome};
use warrant_check::qr_image::{find_qr_text, luma_from_rgba};
use warrant_check::trust_store::TrustStore;
use warrant_core::{keys, token, RootKey, UnixTime};

/// The genuine test vector carries the DEMO root key and the DEMO trust and revocation
/// lists that signed `card_frames::TYPICAL_CARD` (same token, other address).
const VECTOR: &str = include_str!("../../../tests/vectors/genuine.json");

/// The vector's own "now" (2026-06-01T12:00:00Z). The vector's lists expire in 2026-07, so
/// the wall clock would leave no trust list and skip verification: a fixed time keeps the
/// verify step in every timed call.
const NOW: UnixTime = 1_780_315_200;

/// The checker's address as the cards carry it, so no look-alike warning is worked out
/// differently from a real scan.
const OWN_ADDRESS: &str = "https://check.police.uk/";

thread_local! {
    static SAMPLES: RefCell<Vec<Sample>> = const { RefCell::new(Vec::new()) };
    static STORE: TrustStore = demo_store();
}

fn demo_store() -> TrustStore {
    let v: serde_json::Value = serde_json::from_str(VECTOR).expect("genuine.json is JSON");
    let text = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("genuine.json has no {k}"));
    let root = keys::verifying_key_from_pem(text("root_public_key_pem")).expect("root key");
    let mut store = TrustStore::with_root(RootKey::new(root));
    let trust = token::decode(text("trust_list")).expect("trust list encoding");
    store.accept_trust_list(&trust, NOW).expect("the vector's trust list opens at its own time");
    for list in v["revocation_lists"].as_array().into_iter().flatten() {
        let bytes = token::decode(list.as_str().unwrap_or_default()).expect("revocation list encoding");
        store.accept_revocation_list(&bytes, NOW).expect("the vector's revocation list opens");
    }
    store
}

/// Chooses the corpus; returns how many frames it has.
#[wasm_bindgen]
pub fn set_corpus(per_condition: usize, seed: u64) -> usize {
    SAMPLES.with(|s| {
        *s.borrow_mut() = corpus(per_condition, seed);
        s.borrow().len()
    })
}

#[wasm_bindgen(getter_with_clone)]
pub struct FrameInfo {
    pub condition: String,
    pub card: String,
    pub expected: String,
}

#[wasm_bindgen]
pub fn frame_info(index: usize) -> FrameInfo {
    let s = sample(index);
    FrameInfo { condition: s.condition.name().into(), card: s.card.name().into(), expected: s.card.qr_text().into() }
}

/// Frame `index` as RGBA (grey, opaque): what a canvas hands every decoder.
#[wasm_bindgen]
pub fn frame_rgba(index: usize) -> Vec<u8> {
    let s = sample(index);
    let luma = frame(s.card.qr_text(), &s.conditions);
    luma.iter().flat_map(|&y| [y, y, y, 255]).collect()
}

/// The scene of frame `index` without the card (same light, blur, noise): a frame a camera
/// loop sees before the card is held up, which no decoder can read.
#[wasm_bindgen]
pub fn empty_rgba(index: usize) -> Vec<u8> {
    let s = sample(index);
    empty_frame(&s.conditions).iter().flat_map(|&y| [y, y, y, 255]).collect()
}

/// Our decoder alone on a photo (`crates/qr-scan/tests/photos`): its text, or none. Photos
/// are codes of any kind, not cards, so nothing is verified.
#[wasm_bindgen]
pub fn ours_text(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    find_qr_text(width, height, &luma_from_rgba(rgba))
}

#[wasm_bindgen(getter_with_clone)]
pub struct Read {
    pub text: String,
    /// The outcome's name, e.g. `genuine`.
    pub verdict: String,
}

/// Our decoder, as the checker runs it on a camera frame, followed by the verification a
/// successful read leads to.
#[wasm_bindgen]
pub fn ours(rgba: &[u8], width: usize, height: usize) -> Option<Read> {
    let luma = luma_from_rgba(rgba);
    let text = find_qr_text(width, height, &luma)?;
    let verdict = STORE.with(|store| verdict_of(&text, store));
    Some(Read { text, verdict })
}

/// The verdict for a card's text without any image: run.mjs checks that both corpus cards
/// are genuine, so the timed verify step is the one a real card goes through.
#[wasm_bindgen]
pub fn verdict_for_text(text: &str) -> String {
    STORE.with(|store| verdict_of(text, store))
}

fn verdict_of(text: &str, store: &TrustStore) -> String {
    let outcome: Outcome = check_text(text, store, OWN_ADDRESS, NOW);
    outcome.name().into()
}

fn sample(index: usize) -> Sample {
    SAMPLES.with(|s| *s.borrow().get(index).expect("call set_corpus first; index within it"))
}
