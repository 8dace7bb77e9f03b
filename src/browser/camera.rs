//! The rear camera: start (best resolution, continuous focus, a little zoom), stop, torch.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlVideoElement, MediaStream, MediaStreamConstraints, MediaStreamTrack};

use super::window;

/// Why the camera could not start; each gets its own plain message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// The person (or a browser setting) refused permission.
    Refused,
    /// No camera, or the browser offers no camera access (e.g. not a secure page).
    Unavailable,
}

/// Starts the rear camera (where there is one) into `video`.
pub async fn start(video: &HtmlVideoElement) -> Result<MediaStream, CameraError> {
    let devices = window().navigator().media_devices().map_err(|_| CameraError::Unavailable)?;
    let video_constraints = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&video_constraints, &k.into(), v);
    };
    set("facingMode", &"environment".into());
    // The most pixels the phone offers up to 1080p: a card held 15–20 cm away shows its
    // code at 2–3 px a module in 720p, and every extra pixel a module is read more surely.
    let ideal = |n: f64| {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"ideal".into(), &n.into());
        JsValue::from(o)
    };
    set("width", &ideal(1920.0));
    set("height", &ideal(1080.0));
    // Keep refocusing as the card moves; browsers that do not know the constraint ignore it.
    set("focusMode", &"continuous".into());
    let constraints = MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::FALSE);
    constraints.set_video(&video_constraints);
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(|_| CameraError::Unavailable)?;
    let stream: MediaStream = match JsFuture::from(promise).await {
        Ok(s) => s.dyn_into().map_err(|_| CameraError::Unavailable)?,
        Err(e) => return Err(classify(&e)),
    };
    zoom_in(&stream).await;
    // iOS Safari plays inline only when muted and playsinline (set in the markup too).
    video.set_muted(true);
    video.set_src_object(Some(&stream));
    if let Ok(p) = video.play() {
        let _ = JsFuture::from(p).await;
    }
    Ok(stream)
}

fn classify(error: &JsValue) -> CameraError {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => CameraError::Refused,
        _ => CameraError::Unavailable,
    }
}

fn video_track(stream: &MediaStream) -> Option<MediaStreamTrack> {
    stream.get_video_tracks().get(0).dyn_into().ok()
}

/// Stops every track, which turns the camera (and its light) off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<MediaStreamTrack>().stop();
    }
}

/// Zooms in a little where the camera can: a card at the door is small in a wide view.
/// Not so far that a card held slightly off-centre leaves the picture.
async fn zoom_in(stream: &MediaStream) {
    const WANTED: f64 = 1.5;
    let Some(track) = video_track(stream) else { return };
    let Some(range) = capability(&track, "zoom") else { return };
    let number = |k: &str| js_sys::Reflect::get(&range, &k.into()).ok().and_then(|v| v.as_f64());
    let (Some(min), Some(max)) = (number("min"), number("max")) else { return };
    if min.is_nan() || max.is_nan() || max <= min {
        return;
    }
    // Not `clamp`: its check of the bounds would bring float formatting into the Wasm.
    apply_advanced(&track, "zoom", &WANTED.max(min).min(max).into()).await;
}

/// Sets one of the camera's optional settings (`advanced` constraints: a browser that
/// cannot honour one ignores it rather than failing).
async fn apply_advanced(track: &MediaStreamTrack, name: &str, value: &JsValue) {
    let advanced = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&advanced, &name.into(), value);
    let constraints = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&constraints, &"advanced".into(), &js_sys::Array::of1(&advanced));
    if let Ok(p) = track.apply_constraints_with_constraints(constraints.unchecked_ref()) {
        let _ = JsFuture::from(p).await;
    }
}

/// One of the track's capabilities (`getCapabilities()`, not in every browser).
fn capability(track: &MediaStreamTrack, name: &str) -> Option<JsValue> {
    let get = js_sys::Reflect::get(track, &"getCapabilities".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let value = js_sys::Reflect::get(&get.call0(track).ok()?, &name.into()).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// Whether the camera has a torch the page can switch (not in every browser).
pub fn has_torch(stream: &MediaStream) -> bool {
    video_track(stream).and_then(|track| capability(&track, "torch")).is_some_and(|t| t.is_truthy())
}

pub async fn set_torch(stream: &MediaStream, on: bool) {
    if let Some(track) = video_track(stream) {
        apply_advanced(&track, "torch", &on.into()).await;
    }
}
