//! Wasm modules the page fetches only when it needs them, to run on the page: the QR
//! decoder (`scanner.wasm`) where no worker can run it (`scanner`), and the QR encoder
//! (`qr-encode.wasm`, on the officer page). Each is fetched once per page from beside it, and dropped if it faults so
//! that the next use loads it afresh. They export plain functions over their own memory.

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array, WebAssembly};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use super::fetch::fetch_bytes;

thread_local! {
    /// Each module's instance, loaded or loading, by file name.
    static INSTANCES: RefCell<Vec<(&'static str, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Starts fetching `file` (beside the page), if it is not loaded or loading already.
pub fn preload(file: &'static str) {
    let _ = instance(file);
}

fn instance(file: &'static str) -> Promise {
    INSTANCES.with_borrow_mut(|instances| {
        if let Some((_, promise)) = instances.iter().find(|(f, _)| *f == file) {
            return promise.clone();
        }
        let promise = future_to_promise(async move {
            let bytes = fetch_bytes(file).await.ok_or_else(|| JsValue::from_str("module could not be fetched"))?;
            let made = JsFuture::from(WebAssembly::instantiate_buffer(&bytes, &Object::new())).await?;
            Reflect::get(&made, &"instance".into())
        });
        instances.push((file, promise.clone()));
        promise
    })
}

/// Drops a module's instance: the next use fetches or instantiates it again.
pub fn forget(file: &'static str) {
    INSTANCES.with_borrow_mut(|instances| instances.retain(|(f, _)| *f != file));
}

/// A loaded module's exports.
pub struct Module {
    exports: JsValue,
    memory: WebAssembly::Memory,
}

impl Module {
    /// The module, once loaded; `None` if it cannot be had (offline on a first visit, or a
    /// host that does not serve it), and a later call tries again.
    pub async fn get(file: &'static str) -> Option<Module> {
        let module = async {
            let instance = JsFuture::from(instance(file)).await.ok()?;
            let exports = Reflect::get(&instance, &"exports".into()).ok()?;
            let memory = Reflect::get(&exports, &"memory".into()).ok()?.dyn_into().ok()?;
            Some(Module { exports, memory })
        }
        .await;
        if module.is_none() {
            forget(file);
        }
        module
    }

    pub fn function(&self, name: &str) -> Option<Function> {
        Reflect::get(&self.exports, &name.into()).ok()?.dyn_into().ok()
    }

    /// Copies `bytes` into the module's memory at `at`. The memory's buffer is taken anew
    /// each time: a call into the module may have grown it.
    pub fn write(&self, at: u32, bytes: &[u8]) {
        Uint8Array::new_with_byte_offset_and_length(&self.memory.buffer(), at, bytes.len() as u32).copy_from(bytes);
    }

    pub fn read(&self, at: u32, len: u32) -> Vec<u8> {
        Uint8Array::new_with_byte_offset_and_length(&self.memory.buffer(), at, len).to_vec()
    }
}

/// A pointer the module returned: an i32 in JavaScript, read as unsigned.
pub fn address(value: JsValue) -> Option<u32> {
    Some(value.as_f64()? as i32 as u32)
}
