//! QR codes ready for the card printer: SVG (vector) and PNG (1-bit, 8 px per module),
//! error-correction level M, with the standard four-module quiet zone.

use anyhow::{Context, Result};
use qrcode::{render::svg, Color, EcLevel, QrCode, Version};

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
    let svg = code.render::<svg::Color>().quiet_zone(true).module_dimensions(1, 1).build();
    Ok(RenderedQr { version: version_of(&code), svg, png: png(&code)? })
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
    encoder.set_compression(png::Compression::Fast);
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(out)
}
