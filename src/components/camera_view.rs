//! Scanning with the camera: the rear camera into a video, frames decoded on the device
//! until a QR code is read, then the camera stops at once. It also stops when the page is
//! hidden or the view closes. Only the newest frame is ever decoded: a frame the video
//! has not moved past is skipped, and nothing queues while a frame is being read (in the
//! decoder's worker, so the page answers meanwhile). When a code is seen but not read, the
//! view says why it may be: too far, or moving.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlVideoElement, MediaStream, VisibilityState};
use yew::prelude::*;

use super::use_words;
use crate::browser::camera::{self, CameraError};
use crate::browser::scanner;
use crate::browser::{document, pixels, sleep, window};
use crate::i18n::Words;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_text: Callback<String>,
    pub on_close: Callback<()>,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Starting,
    Scanning { torch: Option<bool> },
    Failed(CameraError),
    /// The decoder could not be loaded (offline on a first visit).
    NoReader,
}

/// What to tell someone whose code is seen but not read.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Hint {
    MoveCloser,
    HoldStill,
}

impl Hint {
    /// Below about 2 px a module, reads become unsure: closer helps; above it, the usual
    /// reason is a moving hand or the focus hunting.
    fn for_module_px(module_px: f64) -> Hint {
        if module_px < 2.2 {
            Hint::MoveCloser
        } else {
            Hint::HoldStill
        }
    }

    /// What the status line says (literal ids, which the i18n test finds in the code).
    fn words(self, words: &Words) -> String {
        match self {
            Hint::MoveCloser => words.get("camera-move-closer"),
            Hint::HoldStill => words.get("camera-hold-still"),
        }
    }

    /// Its name in the page (`data-hint`), for tests and styles.
    fn name(self) -> &'static str {
        match self {
            Hint::MoveCloser => "move-closer",
            Hint::HoldStill => "hold-still",
        }
    }
}

/// Pause between decode attempts: frequent enough to feel instant, sparse enough to keep
/// an old phone cool.
const FRAME_GAP_MS: i32 = 60;

/// The longest pause after a frame that was slow to read.
const MOST_GAP_MS: i32 = 250;

/// The pause after a frame that took `decode_ms` to read: as long as the read took, within
/// `FRAME_GAP_MS..=MOST_GAP_MS`. The loop thus adapts to the device: a desktop reads a
/// dozen frames a second, while a phone that takes 200 ms a frame decodes at most half the
/// time, not all of it, until the card is in view.
fn pause_after(decode_ms: Option<f64>) -> i32 {
    match decode_ms {
        Some(ms) if ms.is_finite() => (ms.min(f64::from(MOST_GAP_MS)) as i32).max(FRAME_GAP_MS),
        _ => FRAME_GAP_MS,
    }
}

#[function_component(CameraView)]
pub fn camera_view(props: &Props) -> Html {
    let words = use_words();
    let state = use_state(|| State::Starting);
    let hint = use_state(|| None::<Hint>);
    let video = use_node_ref();
    let stream: Rc<RefCell<Option<MediaStream>>> = use_mut_ref(|| None);

    {
        let (state, hint, video, stream, on_text, on_close) = (
            state.clone(),
            hint.clone(),
            video.clone(),
            stream.clone(),
            props.on_text.clone(),
            props.on_close.clone(),
        );
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            if let Some(element) = video.cast::<HtmlVideoElement>() {
                spawn_local(scan(element, state, hint, stream.clone(), alive.clone(), on_text));
            }
            // A hidden page (phone locked, app switched) must not keep the camera on.
            let on_hidden = Closure::<dyn Fn()>::new(move || {
                if document().visibility_state() == VisibilityState::Hidden {
                    on_close.emit(());
                }
            });
            let _ = document().add_event_listener_with_callback(
                "visibilitychange",
                on_hidden.as_ref().unchecked_ref(),
            );
            move || {
                alive.set(false);
                stop_camera(&stream);
                let _ = document().remove_event_listener_with_callback(
                    "visibilitychange",
                    on_hidden.as_ref().unchecked_ref(),
                );
            }
        });
    }

    let close = props.on_close.reform(|_: MouseEvent| ());
    let toggle_torch = {
        let (state, stream) = (state.clone(), stream.clone());
        Callback::from(move |_: MouseEvent| {
            if let State::Scanning { torch: Some(on) } = *state {
                // `Clone::clone` on purpose: the inherent `MediaStream::clone` opens new tracks.
                if let Some(s) = stream.borrow().as_ref().map(Clone::clone) {
                    let state = state.clone();
                    spawn_local(async move {
                        camera::set_torch(&s, !on).await;
                        state.set(State::Scanning { torch: Some(!on) });
                    });
                }
            }
        })
    };
    let message = match *state {
        State::Starting => words.get("camera-starting"),
        State::Scanning { .. } => match *hint {
            Some(hint) => hint.words(&words),
            None => words.get("camera-scanning"),
        },
        State::Failed(CameraError::Refused) => words.get("camera-refused"),
        State::Failed(CameraError::Unavailable) => words.get("camera-unavailable"),
        State::NoReader => words.get("camera-no-reader"),
    };
    let failed = matches!(*state, State::Failed(_) | State::NoReader);
    html! {
        <section class="camera" aria-labelledby="camera-title" data-camera={match *state { State::Starting => "starting", State::Scanning { .. } => "scanning", State::Failed(CameraError::Refused) => "refused", State::Failed(CameraError::Unavailable) => "unavailable", State::NoReader => "no-reader" }}>
            <h2 id="camera-title">{ words.get("camera-title") }</h2>
            <p role="status" data-hint={hint.map(Hint::name)}>{ message }</p>
            <video ref={video} class={classes!(failed.then_some("hidden"))} playsinline=true muted=true autoplay=true aria-label={words.get("camera-view")}></video>
            <div class="row">
                if let State::Scanning { torch: Some(on) } = *state {
                    <button type="button" aria-pressed={on.to_string()} onclick={toggle_torch}>{ words.get("camera-torch") }</button>
                }
                <button type="button" onclick={close}>{ words.get(if failed { "camera-close" } else { "camera-stop" }) }</button>
            </div>
        </section>
    }
}

async fn scan(
    video: HtmlVideoElement,
    state: UseStateHandle<State>,
    hint: UseStateHandle<Option<Hint>>,
    stream_slot: Rc<RefCell<Option<MediaStream>>>,
    alive: Rc<Cell<bool>>,
    on_text: Callback<String>,
) {
    // The decoder loads while the camera starts.
    scanner::preload();
    let stream = match camera::start(&video).await {
        Ok(s) => s,
        Err(e) => {
            if alive.get() {
                state.set(State::Failed(e));
            }
            return;
        }
    };
    if !scanner::ready().await || !alive.get() {
        camera::stop(&stream);
        if alive.get() {
            state.set(State::NoReader);
        }
        return;
    }
    state.set(State::Scanning {
        torch: camera::has_torch(&stream).then_some(false),
    });
    // Moved, not cloned: `MediaStream::clone` is the Web API's, which opens new tracks.
    *stream_slot.borrow_mut() = Some(stream);
    let Some(canvas) = pixels::new_canvas() else {
        return;
    };
    let performance = window().performance();
    let mut last_frame_time = f64::NAN;
    let mut shown_hint = None;
    while alive.get() {
        let mut pause = FRAME_GAP_MS;
        // The same frame again (a slow camera, a paused video) is not read twice.
        let frame_time = video.current_time();
        let frame = if frame_time == last_frame_time { None } else { pixels::from_video(&video, &canvas) };
        if let Some(frame) = frame {
            last_frame_time = frame_time;
            let started = performance.as_ref().map(|p| p.now());
            // One frame in flight: the next is taken when this one is read (or given up on).
            let Some(found) = scanner::read(frame.width, frame.height, &frame.pixels, scanner::FRAME_TIME_MS).await else {
                stop_camera(&stream_slot);
                if alive.get() {
                    state.set(State::NoReader);
                }
                return;
            };
            if !alive.get() {
                return;
            }
            if let (Some(p), Some(t0)) = (&performance, started) {
                crate::browser::record_measure(p, "warrant-frame-decode", t0);
                pause = pause_after(Some(p.now() - t0));
            }
            if let Some(text) = found.text {
                // The card is read: the camera goes off before anything else happens.
                stop_camera(&stream_slot);
                on_text.emit(text);
                return;
            }
            // Only a change is announced (the status line is a live region).
            let seen = found.seen_module_px.map(Hint::for_module_px);
            if seen.is_some() && seen != shown_hint && alive.get() {
                shown_hint = seen;
                hint.set(seen);
            }
        }
        sleep(pause).await;
    }
}

/// Turns the camera off, if it is on, and forgets its stream.
fn stop_camera(slot: &RefCell<Option<MediaStream>>) {
    if let Some(stream) = slot.borrow_mut().take() {
        camera::stop(&stream);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_follows_the_time_a_frame_took_within_bounds() {
        assert_eq!(pause_after(Some(20.0)), FRAME_GAP_MS);
        assert_eq!(pause_after(Some(180.4)), 180);
        assert_eq!(pause_after(Some(4_000.0)), MOST_GAP_MS);
        // No clock (a browser without `performance`), or a clock that jumped back.
        assert_eq!(pause_after(None), FRAME_GAP_MS);
        assert_eq!(pause_after(Some(-5.0)), FRAME_GAP_MS);
        assert_eq!(pause_after(Some(f64::NAN)), FRAME_GAP_MS);
    }
}
