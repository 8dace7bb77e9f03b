//! The decoder in a dedicated worker (`www/scan-worker.js`), so that reading an image never
//! blocks the page. One image is read at a time, page-wide: each read waits its turn, is
//! given a time, and past it the worker is ended (the only way to stop a Wasm call) and a
//! fresh one reads the next image. Pixels are handed over, not copied.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::browser::window;
use crate::qr_image::Scan;

/// Beside the page, as the decoder is.
const SCRIPT: &str = "scan-worker.js";

/// Whether the worker can read images.
#[derive(Clone, Copy, PartialEq)]
pub enum Readiness {
    HasDecoder,
    /// It cannot fetch the decoder (offline on a first visit); a later call tries again.
    NoDecoder,
    /// Workers cannot be used here: read on the page instead.
    Unusable,
}

/// What reading an image in the worker gave.
pub enum Answer {
    /// It read the image (or gave up on it: nothing read).
    Read(Scan),
    NotRead(Readiness),
}

#[derive(Clone, Copy, PartialEq)]
enum Status {
    /// Started (or not yet), not yet known to hold the decoder.
    Unconfirmed,
    HasDecoder,
    Unusable,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    static STATUS: Cell<Status> = const { Cell::new(Status::Unconfirmed) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
    /// Settles when the read in progress ends: the next waits for it.
    static LAST_TURN: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Starts the worker, if it is not running: it fetches the decoder as it starts. `false`
/// if workers cannot be used here.
pub fn preload() -> bool {
    worker().is_some()
}

/// Whether the worker holds the decoder, after waiting for it to be fetched.
pub async fn ready() -> Readiness {
    let _turn = Turn::take().await;
    confirm().await
}

/// Reads a greyscale image, giving it `time_ms`.
pub async fn read(width: usize, height: usize, luma: &[u8], time_ms: i32) -> Answer {
    let _turn = Turn::take().await;
    match confirm().await {
        Readiness::HasDecoder => {}
        other => return Answer::NotRead(other),
    }
    let Some(worker) = worker() else { return Answer::NotRead(Readiness::Unusable) };
    let pixels = Uint8Array::from(luma);
    let (id, message) = request(&[("width", width.into()), ("height", height.into()), ("luma", pixels.buffer().into())]);
    if worker.post_message_with_transfer(&message, &Array::of1(&pixels.buffer())).is_err() {
        return Answer::NotRead(give_up());
    }
    match reply(&worker, id, Some(time_ms)).await {
        Reply::Data(data) => {
            let text = Reflect::get(&data, &"text".into()).ok().and_then(|t| t.as_string());
            let seen_module_px = Reflect::get(&data, &"seen_module_px".into()).ok().and_then(|s| s.as_f64());
            Answer::Read(Scan { text, seen_module_px })
        }
        // Too long: the worker is ended mid-image, and the image read as having no code.
        Reply::TimedOut => {
            end_worker();
            Answer::Read(Scan::default())
        }
        Reply::Failed => Answer::NotRead(give_up()),
    }
}

/// Makes sure the worker has the decoder, asking it once (with no time limit: the first
/// fetch of the decoder may be slow).
async fn confirm() -> Readiness {
    match STATUS.get() {
        Status::HasDecoder if WORKER.with_borrow(Option::is_some) => return Readiness::HasDecoder,
        Status::Unusable => return Readiness::Unusable,
        _ => {}
    }
    let Some(worker) = worker() else { return Readiness::Unusable };
    let (id, hello) = request(&[("hello", JsValue::TRUE)]);
    if worker.post_message(&hello).is_err() {
        return give_up();
    }
    match reply(&worker, id, None).await {
        Reply::Data(data) if Reflect::get(&data, &"ready".into()).ok().and_then(|r| r.as_bool()) == Some(true) => {
            STATUS.set(Status::HasDecoder);
            Readiness::HasDecoder
        }
        // No decoder: this worker goes, and the next call starts one that tries again.
        Reply::Data(_) | Reply::TimedOut => {
            end_worker();
            Readiness::NoDecoder
        }
        Reply::Failed => give_up(),
    }
}

/// A message to the worker with these fields and a number of its own, which its answer
/// carries: answers to requests given up on are passed over.
fn request(fields: &[(&str, JsValue)]) -> (u32, Object) {
    let id = NEXT_ID.get();
    NEXT_ID.set(id.wrapping_add(1));
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    for (key, value) in fields {
        let _ = Reflect::set(&message, &(*key).into(), value);
    }
    (id, message)
}

/// The running worker, started if there is none; `None` if workers cannot be used here.
fn worker() -> Option<Worker> {
    if STATUS.get() == Status::Unusable {
        return None;
    }
    WORKER.with_borrow_mut(|slot| {
        if slot.is_none() {
            match Worker::new(SCRIPT) {
                Ok(worker) => {
                    *slot = Some(worker);
                    STATUS.set(Status::Unconfirmed);
                }
                Err(_) => STATUS.set(Status::Unusable),
            }
        }
        slot.clone()
    })
}

fn end_worker() {
    if let Some(worker) = WORKER.with_borrow_mut(Option::take) {
        worker.terminate();
    }
    STATUS.set(Status::Unconfirmed);
}

/// The worker failed (its script did not load or run: a host or browser that refuses it):
/// from now on the page reads images itself.
fn give_up() -> Readiness {
    end_worker();
    STATUS.set(Status::Unusable);
    Readiness::Unusable
}

enum Reply {
    Data(JsValue),
    TimedOut,
    Failed,
}

/// The worker's answer to request `id`, within `time_ms` if given.
async fn reply(worker: &Worker, id: u32, time_ms: Option<i32>) -> Reply {
    let listening = Listening::new(worker, id, time_ms);
    let outcome = JsFuture::from(listening.promise.clone()).await;
    drop(listening);
    match outcome {
        Ok(data) if data.is_object() => Reply::Data(data),
        Ok(_) => Reply::TimedOut,
        Err(_) => Reply::Failed,
    }
}

/// Handlers on the worker for one answer, taken off again when dropped (also when the
/// caller stops waiting: a camera view closed mid-frame).
struct Listening {
    worker: Worker,
    promise: Promise,
    /// Kept alive while they are the worker's handlers.
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(JsValue)>>,
    timer: Option<i32>,
}

impl Listening {
    fn new(worker: &Worker, id: u32, time_ms: Option<i32>) -> Listening {
        let (mut on_message, mut on_error, mut timer) = (None, None, None);
        let promise = Promise::new(&mut |resolve: Function, reject: Function| {
            if let Some(ms) = time_ms {
                // Settles the wait with `undefined`: timed out.
                timer = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).ok();
            }
            let answered = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let answered_id = Reflect::get(&data, &"id".into()).ok().and_then(|v| v.as_f64());
                if answered_id == Some(f64::from(id)) {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            });
            let failed = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &event);
            });
            worker.set_onmessage(Some(answered.as_ref().unchecked_ref()));
            worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
            on_message = Some(answered);
            on_error = Some(failed);
        });
        Listening { worker: worker.clone(), promise, _on_message: on_message, _on_error: on_error, timer }
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        if let Some(timer) = self.timer {
            window().clear_timeout_with_handle(timer);
        }
    }
}

/// One image at a time, page-wide: held while a read is in progress.
struct Turn(Function);

impl Turn {
    async fn take() -> Turn {
        let mut release: Option<Function> = None;
        let mine = Promise::new(&mut |resolve, _| release = Some(resolve));
        let previous = LAST_TURN.with_borrow_mut(|last| last.replace(mine));
        if let Some(previous) = previous {
            let _ = JsFuture::from(previous).await;
        }
        Turn(release.expect("a promise's executor runs at once"))
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        let _ = self.0.call0(&JsValue::NULL);
    }
}
