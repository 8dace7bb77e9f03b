//! QR codes ready for the card printer: SVG (vector) and PNG (1-bit, 8 px per module),
//! error-correction level M in byte mode (docs/FORMAT.md), with the standard four-module
//! quiet zone, and on a card the check code printed under the code (docs/FORMAT.md §13.1).
//!
//! Encoded with `fast_qr`: 0.19 ms a card against 1.5 ms with `qrcode` (measured on card
//! texts from a batch), which was most of a 47,000-card batch's time.
//!
//! The check code sits in a band of `CODE_BAND_MODULES` below the quiet zone, centred, as
//! three groups (`K7QM-29XD-HP4A`) 52.5 modules wide: in the SVG a `<text id="check-code">`
//! in a monospace font, stretched to that width whatever font the printer has (a template
//! can move it by its id); in the PNG the 10×20 X11 fixed font (embedded-graphics) drawn at
//! 3 pixels a font pixel, 30×60 px a character. On a 25 mm QR code (version 10) its capitals
//! are about 2 mm tall, as large as the width under the code allows.

use anyhow::{anyhow, Result};
use std::fmt::Write;

use embedded_graphics::mono_font::{ascii::FONT_10X20, MonoTextStyle};
use embedded_graphics::pixelcolor::BinaryColor;
use embedded_graphics::prelude::*;
use embedded_graphics::text::{Baseline, Text};
use fast_qr::{Mode, QRBuilder, ECL};
use warrant_core::CheckCode;

const PNG_PIXELS_PER_MODULE: usize = 8;
const QUIET_ZONE_MODULES: usize = 4;
// At 8 px per module a module is exactly one byte of a 1-bit PNG row.
const _: () = assert!(PNG_PIXELS_PER_MODULE == 8);

/// Height of the band under the quiet zone that holds the check code.
pub const CODE_BAND_MODULES: usize = 10;
/// PNG pixels per pixel of the font.
pub const CODE_FONT_SCALE: usize = 3;
/// The font's character cell (FONT_10X20 has no spacing between cells).
pub const CODE_FONT_CELL: (usize, usize) = (10, 20);
/// Characters printed: twelve symbols and two dashes.
const CODE_CHARS: usize = 14;
/// The printed code's width in PNG pixels (and, divided by 8, in modules).
const CODE_WIDTH_PX: usize = CODE_CHARS * CODE_FONT_CELL.0 * CODE_FONT_SCALE;

pub struct RenderedQr {
    pub version: i16,
    pub svg: String,
    pub png: Vec<u8>,
    /// The artwork's size in modules (the SVG's viewBox): the QR code and its quiet zone,
    /// and the band below it when a check code is printed.
    pub size_modules: (usize, usize),
}

/// A QR code's modules, row by row, without the quiet zone.
#[derive(Debug, PartialEq, Eq)]
pub struct Modules {
    pub width: usize,
    dark: Vec<bool>,
}

impl Modules {
    pub fn rows(&self) -> std::slice::ChunksExact<'_, bool> {
        self.dark.chunks_exact(self.width)
    }

    /// The QR version: 21 modules wide at version 1, and 4 more at each version.
    pub fn version(&self) -> i16 {
        ((self.width - 17) / 4) as i16
    }
}

pub fn encode(text: &str) -> Result<Modules> {
    let code = QRBuilder::new(text.as_bytes())
        .ecl(ECL::M)
        .mode(Mode::Byte)
        .build()
        .map_err(|e| anyhow!("text does not fit in a QR code: {e}"))?;
    let width = code.size;
    let dark = code.data[..width * width].iter().map(|m| m.value()).collect();
    Ok(Modules { width, dark })
}

/// A card's artwork: the QR code, and its check code printed underneath when given (the
/// demo's samples that no force issued have none).
pub fn render_card(text: &str, code: Option<&CheckCode>) -> Result<RenderedQr> {
    let modules = encode(text)?;
    let layout = Layout::new(&modules, code.is_some());
    let printed = code.map(CheckCode::grouped);
    Ok(RenderedQr {
        version: modules.version(),
        svg: svg(&modules, &layout, printed.as_deref()),
        png: png(&modules, &layout, printed.as_deref())?,
        size_modules: (layout.width, layout.height),
    })
}

/// Where things go, in modules.
struct Layout {
    /// The whole artwork.
    width: usize,
    height: usize,
    /// The QR code's quiet zone's left edge (the code is centred when the text is wider).
    qr_left: usize,
    /// The QR code with its quiet zone.
    qr_side: usize,
}

impl Layout {
    fn new(modules: &Modules, with_code: bool) -> Layout {
        let qr_side = modules.width + 2 * QUIET_ZONE_MODULES;
        if !with_code {
            return Layout { width: qr_side, height: qr_side, qr_left: 0, qr_side };
        }
        // The text keeps a quiet zone's width clear on each side too.
        let width = qr_side.max((CODE_WIDTH_PX / PNG_PIXELS_PER_MODULE) + 1 + 2 * QUIET_ZONE_MODULES);
        Layout { width, height: qr_side + CODE_BAND_MODULES, qr_left: (width - qr_side) / 2, qr_side }
    }
}

/// One path of horizontal runs of dark modules, one unit per module: a fifth of the size
/// of a square per module, which matters when a print run writes 47,000 of them.
fn svg(modules: &Modules, layout: &Layout, code: Option<&str>) -> String {
    let offset = layout.qr_left + QUIET_ZONE_MODULES;
    let mut path = String::with_capacity(modules.width * modules.width);
    for (y, row) in modules.rows().enumerate() {
        let mut x = 0;
        while x < row.len() {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] {
                x += 1;
            }
            let _ = write!(path, "M{} {}h{}v1h-{}z", start + offset, y + QUIET_ZONE_MODULES, x - start, x - start);
        }
    }
    let (width, height) = (layout.width, layout.height);
    let text = match code {
        // A bare number for the font size and baseline, in modules like everything else; the
        // text is stretched to the PNG's width so that both print alike.
        Some(code) => format!(
            "<text id=\"check-code\" x=\"{x}\" y=\"{y}\" text-anchor=\"middle\" font-family=\"'DejaVu Sans Mono','Liberation Mono',Consolas,monospace\" font-size=\"6\" textLength=\"{length}\" lengthAdjust=\"spacingAndGlyphs\" fill=\"#000\">{code}</text>",
            x = width as f64 / 2.0,
            y = layout.qr_side + 6,
            length = CODE_WIDTH_PX as f64 / PNG_PIXELS_PER_MODULE as f64,
        ),
        None => String::new(),
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" shape-rendering=\"crispEdges\"><rect width=\"{width}\" height=\"{height}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/>{text}</svg>\n"
    )
}

/// 1-bit greyscale (1 = white). Each module row becomes one row of bytes (a byte per module),
/// repeated for the module's height; the check code's band is drawn pixel by pixel.
fn png(modules: &Modules, layout: &Layout, code: Option<&str>) -> Result<Vec<u8>> {
    let row_bytes = layout.width;
    let (width_px, height_px) = (layout.width * PNG_PIXELS_PER_MODULE, layout.height * PNG_PIXELS_PER_MODULE);
    let white_rows = vec![0xFFu8; row_bytes * QUIET_ZONE_MODULES * PNG_PIXELS_PER_MODULE];
    let mut pixels = Vec::with_capacity(row_bytes * height_px);
    pixels.extend_from_slice(&white_rows);
    let mut row = vec![0xFFu8; row_bytes];
    let left = layout.qr_left + QUIET_ZONE_MODULES;
    for module_row in modules.rows() {
        for (byte, &dark) in row[left..].iter_mut().zip(module_row) {
            *byte = if dark { 0x00 } else { 0xFF };
        }
        for _ in 0..PNG_PIXELS_PER_MODULE {
            pixels.extend_from_slice(&row);
        }
    }
    pixels.extend_from_slice(&white_rows);
    if let Some(code) = code {
        pixels.extend_from_slice(&code_band(code, width_px));
    }
    debug_assert_eq!(pixels.len(), row_bytes * height_px);

    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width_px as u32, height_px as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    // Each module row repeats for 8 pixel rows, and the "Up" filter turns every repeat into
    // zeros, which even the fast deflater packs well: 19 µs and about 2.8 KB a card, against
    // 450 µs and about 1 KB with the default (zlib level 6) settings. Both are under one
    // 4 KiB file-system block; the time was half of a batch's.
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::FilterType::Up);
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(out)
}

/// The check code's band, as packed 1-bit rows (1 = white, the leftmost pixel in the top bit):
/// the code centred, its character cells starting at the band's top. Each font row is packed
/// once and repeated for its 3 pixel rows, from glyphs drawn once per run (a batch draws
/// 47,000 of these).
fn code_band(code: &str, width_px: usize) -> Vec<u8> {
    let band_px = CODE_BAND_MODULES * PNG_PIXELS_PER_MODULE;
    let (cell_w, cell_h) = CODE_FONT_CELL;
    let glyphs = font_glyphs();
    let chars: Vec<&[bool]> = code.chars().map(|c| glyphs.get(c as usize).map_or(&[][..], |g| &g[..])).collect();
    let text_w = chars.len() * cell_w * CODE_FONT_SCALE;
    let left = width_px.saturating_sub(text_w) / 2;
    let row_bytes = width_px / 8;
    let mut band = vec![0xFFu8; row_bytes * band_px];
    let mut row = vec![0xFFu8; row_bytes];
    for y in 0..cell_h.min(band_px / CODE_FONT_SCALE) {
        row.fill(0xFF);
        for (i, glyph) in chars.iter().enumerate() {
            for x in (0..cell_w).filter(|x| glyph.get(y * cell_w + x) == Some(&true)) {
                let start = left + (i * cell_w + x) * CODE_FONT_SCALE;
                for px in (start..start + CODE_FONT_SCALE).filter(|px| *px < width_px) {
                    row[px / 8] &= !(0x80 >> (px % 8));
                }
            }
        }
        for scaled in 0..CODE_FONT_SCALE {
            let at = (y * CODE_FONT_SCALE + scaled) * row_bytes;
            band[at..at + row_bytes].copy_from_slice(&row);
        }
    }
    band
}

/// Every ASCII character in the font, drawn once: a bool per pixel of its cell.
fn font_glyphs() -> &'static [Vec<bool>] {
    static GLYPHS: std::sync::OnceLock<Vec<Vec<bool>>> = std::sync::OnceLock::new();
    GLYPHS.get_or_init(|| (0..128_u8).map(|c| draw_text(&char::from(c).to_string()).dark).collect())
}

/// Text drawn in the font at its own size: one bool per pixel, true where dark.
pub struct Glyphs {
    pub width: usize,
    pub height: usize,
    pub dark: Vec<bool>,
}

impl OriginDimensions for Glyphs {
    fn size(&self) -> Size {
        Size::new(self.width as u32, self.height as u32)
    }
}

impl DrawTarget for Glyphs {
    type Color = BinaryColor;
    type Error = std::convert::Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(&mut self, pixels: I) -> Result<(), Self::Error> {
        for Pixel(at, color) in pixels {
            let (x, y) = (at.x as usize, at.y as usize);
            if at.x >= 0 && at.y >= 0 && x < self.width && y < self.height {
                self.dark[y * self.width + x] = color.is_on();
            }
        }
        Ok(())
    }
}

/// `text` in the code's font, one cell per character.
pub fn draw_text(text: &str) -> Glyphs {
    let (cell_w, cell_h) = CODE_FONT_CELL;
    let mut glyphs = Glyphs { width: text.chars().count() * cell_w, height: cell_h, dark: vec![false; text.chars().count() * cell_w * cell_h] };
    let style = MonoTextStyle::new(&FONT_10X20, BinaryColor::On);
    let Ok(_) = Text::with_baseline(text, Point::zero(), style, Baseline::Top).draw(&mut glyphs);
    glyphs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Redraws the SVG path's runs onto a grid and compares it with the code's modules.
    #[test]
    fn svg_path_draws_exactly_the_dark_modules() {
        let modules = encode("https://check.police.uk/#0oRHogEnBELkZKBYNaUBZERFTU8E").unwrap();
        let width = modules.width;
        let svg = svg(&modules, &Layout::new(&modules, false), None);
        let path = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        let mut grid = vec![false; width * width];
        for run in path.split('z').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.trim_start_matches('M').split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let len: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            for dx in 0..len {
                grid[(y - QUIET_ZONE_MODULES) * width + x - QUIET_ZONE_MODULES + dx] = true;
            }
        }
        assert_eq!(grid, modules.dark);
        assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", width + 2 * QUIET_ZONE_MODULES)));
    }

    #[test]
    fn the_font_cell_is_what_the_layout_assumes_and_the_band_shows_the_code() {
        assert_eq!(FONT_10X20.character_size, Size::new(CODE_FONT_CELL.0 as u32, CODE_FONT_CELL.1 as u32));
        assert_eq!(FONT_10X20.character_spacing, 0);
        // The band, unpacked, is the code drawn at 1:1 and scaled by 3, centred.
        let code = "K7QM-29XD-HP4A";
        let width_px = 61 * PNG_PIXELS_PER_MODULE;
        let band = code_band(code, width_px);
        let drawn = draw_text(code);
        let left = (width_px - drawn.width * CODE_FONT_SCALE) / 2;
        let mut dark_pixels = 0;
        for y in 0..CODE_BAND_MODULES * PNG_PIXELS_PER_MODULE {
            for x in 0..width_px {
                let dark = band[y * width_px / 8 + x / 8] & (0x80 >> (x % 8)) == 0;
                let (fx, fy) = ((x as isize - left as isize).div_euclid(3), y / 3);
                let expected = fx >= 0 && (fx as usize) < drawn.width && fy < drawn.height && drawn.dark[fy * drawn.width + fx as usize];
                assert_eq!(dark, expected, "pixel {x},{y}");
                dark_pixels += usize::from(dark);
            }
        }
        assert!(dark_pixels > 1000, "{dark_pixels}");
    }

    #[test]
    fn a_small_code_is_widened_to_hold_the_check_code_and_still_centred() {
        let modules = encode("hi").unwrap();
        let layout = Layout::new(&modules, true);
        assert_eq!((layout.width, layout.height, layout.qr_side), (61, 29 + CODE_BAND_MODULES, 29));
        assert_eq!(layout.qr_left, 16);
        let plain = Layout::new(&modules, false);
        assert_eq!((plain.width, plain.height, plain.qr_left), (29, 29, 0));
    }

    #[test]
    fn version_follows_the_width() {
        // 213 bytes is the most version 10 holds at level M in byte mode; 214 needs 11.
        let fits_10 = "a".repeat(213);
        assert_eq!((encode(&fits_10).unwrap().width, encode(&fits_10).unwrap().version()), (57, 10));
        assert_eq!(encode(&"a".repeat(214)).unwrap().version(), 11);
    }
}
