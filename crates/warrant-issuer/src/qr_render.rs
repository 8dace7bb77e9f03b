//! QR codes ready for the card printer: SVG (vector) and PNG (1-bit, 8 px per module),
//! error-correction level M, with the standard four-module quiet zone.

use anyhow::{Context, Result};
use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode, Version};

const PNG_PIXELS_PER_MODULE: usize = 8;
const QUIET_ZONE_MODULES: usize = 4;

pub struct RenderedQr {
    pub version: i16,
    pub svg: String,
    pub png: Vec<u8>,
}

pub fn encode(text: &str) -> Result<QrCode> {
    QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).context("text too long for a QR code")
}

pub fn version_of(code: &QrCode) -> i16 {
    match code.version() {
        Version::Normal(v) | Version::Micro(v) => v,
    }
}

pub fn render(text: &str) -> Result<RenderedQr> {
    let code = encode(text)?;
    Ok(RenderedQr { version: version_of(&code), svg: svg(&code), png: png(&code)? })
}

/// One path of horizontal runs of dark modules, one unit per module: a fifth of the size
/// of a square per module, which matters when a print run writes 47,000 of them.
fn svg(code: &QrCode) -> String {
    let modules = code.width();
    let side = modules + 2 * QUIET_ZONE_MODULES;
    let colors = code.to_colors();
    let mut path = String::with_capacity(modules * modules);
    for (y, row) in colors.chunks(modules).enumerate() {
        let mut x = 0;
        while x < modules {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && row[x] == Color::Dark {
                x += 1;
            }
            let _ = write!(path, "M{} {}h{}v1h-{}z", start + QUIET_ZONE_MODULES, y + QUIET_ZONE_MODULES, x - start, x - start);
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>\n"
    )
}

fn png(code: &QrCode) -> Result<Vec<u8>> {
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_ZONE_MODULES) * PNG_PIXELS_PER_MODULE;
    let row_bytes = side.div_ceil(8);
    let mut pixels = vec![0xFFu8; row_bytes * side]; // 1 = white
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (mx, my) = (i % modules + QUIET_ZONE_MODULES, i / modules + QUIET_ZONE_MODULES);
        for y in my * PNG_PIXELS_PER_MODULE..(my + 1) * PNG_PIXELS_PER_MODULE {
            for x in mx * PNG_PIXELS_PER_MODULE..(mx + 1) * PNG_PIXELS_PER_MODULE {
                pixels[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    encoder.set_compression(png::Compression::Default);
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Redraws the SVG path's runs onto a grid and compares it with the code's modules.
    #[test]
    fn svg_path_draws_exactly_the_dark_modules() {
        let code = encode("https://check.police.uk/#0oRHogEnBELkZKBYNaUBZERFTU8E").unwrap();
        let modules = code.width();
        let svg = svg(&code);
        let path = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        let mut grid = vec![Color::Light; modules * modules];
        for run in path.split('z').filter(|r| !r.is_empty()) {
            let (xy, rest) = run.trim_start_matches('M').split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let len: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            for dx in 0..len {
                grid[(y - QUIET_ZONE_MODULES) * modules + x - QUIET_ZONE_MODULES + dx] = Color::Dark;
            }
        }
        assert_eq!(grid, code.to_colors());
        assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", modules + 2 * QUIET_ZONE_MODULES)));
    }
}
