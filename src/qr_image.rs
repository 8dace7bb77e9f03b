//! Finding a QR code in an image: camera frames and photos arrive as RGBA pixels and leave
//! as the QR code's text. Pure Rust (quircs, a port of quirc), so it runs the same natively
//! and in Wasm. quircs was chosen over rqrr and bardecoder by benches/qr-decoders: on
//! synthetic card frames (tilt, blur, glare, low light) it read the most frames and was
//! about four times faster than rqrr.

/// Converts RGBA pixels to 8-bit luma (ITU-R BT.601 weights, integer arithmetic).
pub fn luma_from_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4).map(|p| ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8).collect()
}

/// The text of the first readable QR code in a greyscale image, if any. Large images are
/// also tried at half size: phone photos are far larger than the code needs, and the
/// decoder finds finder patterns more reliably when they are not enormous.
pub fn find_qr_text(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    if width == 0 || height == 0 || luma.len() < width * height {
        return None;
    }
    if let Some(text) = decode(width, height, luma) {
        return Some(text);
    }
    let mut image = (width, height, luma.to_vec());
    while image.0 >= 1200 || image.1 >= 1200 {
        image = halve(image.0, image.1, &image.2);
        if let Some(text) = decode(image.0, image.1, &image.2) {
            return Some(text);
        }
    }
    None
}

fn decode(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    let mut decoder = quircs::Quirc::default();
    let codes = decoder.identify(width, height, &luma[..width * height]);
    codes.flatten().find_map(|code| code.decode().ok().and_then(|data| String::from_utf8(data.payload).ok()))
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
