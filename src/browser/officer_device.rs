//! The officer's phone as the officer page sees it: its non-extractable key and its device
//! credential, held by `www/officer.js` (WebCrypto and IndexedDB), which only officer.html
//! loads. Every call answers `None` where the browser cannot (no Ed25519 in WebCrypto, no
//! IndexedDB, private browsing), and the page then says so.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window;

async fn call(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let officer = Reflect::get(&window(), &"warrantOfficer".into()).ok().filter(|o| o.is_object())?;
    let function: Function = Reflect::get(&officer, &name.into()).ok()?.dyn_into().ok()?;
    let promise = match args {
        [] => function.call0(&officer),
        [a] => function.call1(&officer, a),
        _ => return None,
    };
    JsFuture::from(promise.ok()?.dyn_into::<Promise>().ok()?).await.ok()
}

fn bytes(value: JsValue) -> Option<Vec<u8>> {
    value.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec())
}

/// This phone's public key: `Some(None)` before one is made, `None` if it cannot be read.
pub async fn public_key() -> Option<Option<Vec<u8>>> {
    let key = call("publicKey", &[]).await?;
    Some(if key.is_null() { None } else { Some(bytes(key)?) })
}

/// Makes this phone's key, forgetting any credential; its public key.
pub async fn make_key() -> Option<Vec<u8>> {
    bytes(call("makeKey", &[]).await?)
}

/// Signs with this phone's key.
pub async fn sign(message: &[u8]) -> Option<Vec<u8>> {
    bytes(call("sign", &[Uint8Array::from(message).into()]).await?)
}

/// The device credential saved on this phone, as text.
pub async fn credential() -> Option<String> {
    call("credential", &[]).await?.as_string()
}

pub async fn save_credential(text: &str) -> bool {
    call("saveCredential", &[text.into()]).await.is_some()
}

/// Asks for the screen to stay on; false where the browser cannot.
pub async fn keep_screen_on() -> bool {
    call("keepScreenOn", &[]).await.and_then(|v| v.as_bool()).unwrap_or(false)
}
