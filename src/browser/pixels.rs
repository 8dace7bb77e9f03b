//! Pixels from a photo file or a video frame, via a canvas, as greyscale for the decoder.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, ImageBitmap};

use super::{document, window};
use crate::qr_image::luma_from_rgba;

/// A greyscale image.
pub struct Luma {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// Photos are scaled down to at most this many pixels on the long side: plenty for a QR
/// code that fills a fair part of the picture, and bounded work for a 48-megapixel photo.
const MAX_PHOTO_SIDE: f64 = 2000.0;

pub fn new_canvas() -> Option<HtmlCanvasElement> {
    document().create_element("canvas").ok()?.dyn_into().ok()
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    // Frames are read back every time: keep the canvas in CPU memory.
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
    canvas.get_context_with_context_options("2d", &options).ok()??.dyn_into().ok()
}

fn read(canvas: &HtmlCanvasElement, ctx: &CanvasRenderingContext2d) -> Option<Luma> {
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)).ok()?.data();
    Some(Luma { width: w as usize, height: h as usize, pixels: luma_from_rgba(&data) })
}

/// Decodes an image file (a photo of a card) to greyscale. None if it is not an image.
pub async fn from_image_file(file: &Blob) -> Option<Luma> {
    let bitmap: ImageBitmap = JsFuture::from(window().create_image_bitmap_with_blob(file).ok()?).await.ok()?.dyn_into().ok()?;
    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    if w < 1.0 || h < 1.0 {
        return None;
    }
    let scale = (MAX_PHOTO_SIDE / w.max(h)).min(1.0);
    let canvas = new_canvas()?;
    canvas.set_width((w * scale).round() as u32);
    canvas.set_height((h * scale).round() as u32);
    let ctx = context(&canvas)?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).ok()?;
    bitmap.close();
    read(&canvas, &ctx)
}

/// The video's current frame in greyscale, at its own resolution. None before the first frame.
pub fn from_video(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Option<Luma> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx = context(canvas)?;
    ctx.draw_image_with_html_video_element(video, 0.0, 0.0).ok()?;
    read(canvas, &ctx)
}
