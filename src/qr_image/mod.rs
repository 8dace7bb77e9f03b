//! Finding a QR code in an image: camera frames and photos arrive as RGBA pixels and leave
//! as the QR code's text. Pure Rust, so it runs the same natively and in Wasm.
//!
//! A card held up at a door, 15–20 cm from a 720p camera, shows a code 150–200 px wide:
//! 2–3 px a module, often tilted, dim, blurred or moving. General decoders lose such
//! codes in finding and sampling them, not in decoding, so those steps are ours
//! (`finder`, `locate`, `read`), tuned and measured on `card-frames` (see
//! `benches/decoders`), and quircs does the decoding proper (format, mask, Reed–Solomon).
//! quircs's own finder is kept as a second try for large, sharp codes in photos.

mod finder;
mod image;
mod layout;
mod locate;
mod perspective;
mod read;

use image::{binarize, Luma};
use locate::Corners;

/// Converts RGBA pixels to 8-bit luma (ITU-R BT.601 weights, integer arithmetic).
pub fn luma_from_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4).map(|p| ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8).collect()
}

/// What one look at an image gave: the code's text, or, when a code was seen but could
/// not be read, how big its modules looked (so the camera can say "move closer").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scan {
    pub text: Option<String>,
    pub seen_module_px: Option<f64>,
}

/// The text of the first readable QR code in a greyscale image, if any.
pub fn find_qr_text(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    scan(width, height, luma).text
}

/// Finder patterns kept per image, and finder triples tried: enough for one card in a
/// busy scene, few enough that a frame without a code costs little.
const MOST_FINDERS: usize = 12;
const MOST_TRIPLES: usize = 6;

/// Looks for a QR code in a greyscale image `width`×`height` (row-major `luma`).
pub fn scan(width: usize, height: usize, luma: &[u8]) -> Scan {
    if width < 21 || height < 21 || luma.len() < width * height {
        return Scan::default();
    }
    let image = Luma { width, height, pixels: &luma[..width * height] };
    let mut result = Scan::default();
    // A window a little wider than a finder pattern of 2 px modules.
    let radius = (width.max(height) / 80).clamp(8, 40);
    let bits = binarize(&image, radius);
    let finders = finder::find(&bits, MOST_FINDERS);
    let mut triples: Vec<Corners> = Vec::new();
    for a in 0..finders.len() {
        for b in a + 1..finders.len() {
            for c in b + 1..finders.len() {
                triples.extend(Corners::of(finders[a], finders[b], finders[c]));
            }
        }
    }
    // Most-seen finders first: a real code's are seen on many rows.
    triples.sort_by_key(|t| std::cmp::Reverse(t.top_left.hits + t.top_right.hits + t.bottom_left.hits));
    for corners in triples.iter().take(MOST_TRIPLES) {
        result.seen_module_px.get_or_insert(corners.module());
        for version in corners.versions() {
            if let Some(text) = read_located(&image, corners, version) {
                return Scan { text: Some(text), seen_module_px: Some(corners.module()) };
            }
        }
    }
    result.text = quircs_fallback(&image);
    result
}

/// Samples and decodes a code of `version` at these finders, trying a few thresholds.
fn read_located(image: &Luma, corners: &Corners, version: usize) -> Option<String> {
    let size = layout::size(version);
    let perspective = locate::perspective(image, corners, version)?;
    let grid = read::sample_grid(image, &perspective, size)?;
    [0.0, 6.0, -6.0].into_iter().find_map(|bias| read::decode(size, &read::threshold_grid(&grid, size, 3, bias)))
}

/// quircs's own finder: large, sharp codes in photos, which a window tuned for small
/// codes can split. Large images are also tried at half size, where its finder is surer.
fn quircs_fallback(image: &Luma) -> Option<String> {
    let decode = |width: usize, height: usize, luma: &[u8]| {
        let mut decoder = quircs::Quirc::default();
        let codes = decoder.identify(width, height, luma);
        codes.flatten().find_map(|code| code.decode().ok().and_then(|data| String::from_utf8(data.payload).ok()))
    };
    if let Some(text) = decode(image.width, image.height, image.pixels) {
        return Some(text);
    }
    let mut smaller = (image.width, image.height, image.pixels.to_vec());
    while smaller.0 >= 1200 || smaller.1 >= 1200 {
        smaller = halve(smaller.0, smaller.1, &smaller.2);
        if let Some(text) = decode(smaller.0, smaller.1, &smaller.2) {
            return Some(text);
        }
    }
    None
}

/// Box-filters to half size in each direction.
fn halve(width: usize, height: usize, luma: &[u8]) -> (usize, usize, Vec<u8>) {
    let (w, h) = (width / 2, height / 2);
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            let at = |dx: usize, dy: usize| u16::from(luma[(2 * y + dy) * width + 2 * x + dx]);
            out.push(((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1) + 2) / 4) as u8);
        }
    }
    (w, h, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_short_buffers_find_nothing() {
        assert_eq!(find_qr_text(0, 0, &[]), None);
        assert_eq!(find_qr_text(10, 10, &[0; 50]), None);
        assert_eq!(find_qr_text(64, 64, &[255; 64 * 64]), None);
    }

    #[test]
    fn luma_weights() {
        assert_eq!(luma_from_rgba(&[255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]), vec![255, 0, 76]);
    }

    #[test]
    fn halving_averages() {
        assert_eq!(halve(2, 2, &[0, 255, 255, 0]), (1, 1, vec![128]));
    }
}
