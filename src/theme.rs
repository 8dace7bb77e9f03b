//! A force's colour for the embedded checker, accepted only if white text on it (buttons,
//! header) and it as text on white (outlined buttons) meet WCAG 2.2 AA contrast, 4.5:1.

use std::fmt;

/// A colour that passed the contrast check, as `#rrggbb`.
#[derive(Clone, PartialEq, Debug)]
pub struct Accent(String);

impl Accent {
    pub fn css(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, PartialEq, Debug)]
pub enum Refusal {
    NotAColour,
    TooLittleContrast { ratio_hundredths: u32 },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotAColour => write!(f, "the colour is not written as #rgb or #rrggbb"),
            Refusal::TooLittleContrast { ratio_hundredths } => write!(
                f,
                "white text on it has a contrast of {}.{:02}:1, below the 4.5:1 WCAG AA needs",
                ratio_hundredths / 100,
                ratio_hundredths % 100
            ),
        }
    }
}

pub const MINIMUM_CONTRAST: f64 = 4.5;

/// Checks a colour from the host's snippet (`#00567d`, `#05a`).
pub fn accent(text: &str) -> Result<Accent, Refusal> {
    let rgb = parse_hex(text.trim()).ok_or(Refusal::NotAColour)?;
    let ratio = contrast(rgb, [255, 255, 255]);
    if ratio < MINIMUM_CONTRAST {
        return Err(Refusal::TooLittleContrast {
            ratio_hundredths: (ratio * 100.0).floor() as u32,
        });
    }
    Ok(Accent(format!(
        "#{:02x}{:02x}{:02x}",
        rgb[0], rgb[1], rgb[2]
    )))
}

fn parse_hex(text: &str) -> Option<[u8; 3]> {
    let digits = text.strip_prefix('#')?;
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        3 => {
            let d: Vec<u8> = digits
                .bytes()
                .map(|b| (b as char).to_digit(16).unwrap() as u8 * 17)
                .collect();
            Some([d[0], d[1], d[2]])
        }
        6 => Some([
            channel(&digits[0..2])?,
            channel(&digits[2..4])?,
            channel(&digits[4..6])?,
        ]),
        _ => None,
    }
}

/// WCAG 2.x contrast ratio between two sRGB colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn luminance(rgb: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_contrast_ratios() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic just-passing grey (4.54:1).
        assert!((contrast([0x76, 0x76, 0x76], [255, 255, 255]) - 4.54).abs() < 0.01);
    }

    #[test]
    fn force_colours() {
        assert_eq!(accent("#00567D").unwrap().css(), "#00567d");
        assert_eq!(accent("#05a").unwrap().css(), "#0055aa");
        assert_eq!(accent("#767676").unwrap().css(), "#767676");
        assert_eq!(
            accent("#777777"),
            Err(Refusal::TooLittleContrast {
                ratio_hundredths: 447
            })
        );
        assert!(matches!(
            accent("#ffdd00"),
            Err(Refusal::TooLittleContrast { .. })
        ));
        for bad in [
            "red",
            "#12345",
            "00567d",
            "#gggggg",
            "#00567d;background:url(x)",
            "",
            "#ééé",
        ] {
            assert_eq!(accent(bad), Err(Refusal::NotAColour), "{bad}");
        }
    }
}
