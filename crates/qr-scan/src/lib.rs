//! Finding a QR code in an image: camera frames and photos arrive as RGBA pixels and leave
//! as the QR code's text. Pure Rust, so it runs the same natively and in Wasm.
//!
//! A card held up at a door, 15–20 cm from a 720p camera, shows a code 150–200 px wide:
//! 2–3 px a module, often tilted, dim, blurred or moving. General decoders lose such
//! codes in finding and sampling them, not in decoding, so those steps are ours
//! (`finder`, `locate`, `read`), tuned and measured on `card-frames` (see
//! `benches/decoders`), and quircs does the decoding proper (format, mask, Reed–Solomon).
//! The text is read from the corrected data here (`segments`, `charset`): every mode people
//! meet, in the character set the code names, and no text at all from a code that cannot be
//! read whole. quircs's own finder is kept as a second try for large, sharp codes in photos.
//!
//! Every image's work is bounded (`budget`): a picture made to look like thousands of
//! finder patterns is answered "no code" about as fast as any photo of its size.

mod budget;
mod candidates;
mod charset;
mod double_byte;
mod finder;
mod gb2312;
mod image;
mod layout;
mod locate;
mod order;
mod perspective;
mod read;
mod segments;
mod shift_jis;

pub use finder::MOST_CANDIDATES as MOST_FINDER_CANDIDATES;

use budget::Budget;
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

/// How much work a scan took, for tests and benchmarks: units of work (about one pixel or
/// grid sample looked at) spent and allowed, whether it gave up when they ran out, and the
/// most finder-pattern candidates it held at once.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Work {
    pub units: u64,
    pub limit: u64,
    pub gave_up: bool,
    pub most_candidates: usize,
    /// Finder patterns the first look found (at most `MOST_FINDERS`).
    pub first_look_finders: usize,
    /// The look that read the code, if one did.
    pub read_by: Option<&'static str>,
    /// Whether the first look saw a code (three finder patterns with a timing pattern).
    pub first_look_saw_code: bool,
    /// Finder patterns the latest look found.
    last_look_finders: usize,
}

/// The text of the first readable QR code in a greyscale image, if any.
pub fn find_qr_text(width: usize, height: usize, luma: &[u8]) -> Option<String> {
    scan(width, height, luma).text
}

/// Finder patterns kept per image, and finder triples looked at: enough for one card in a
/// busy scene, few enough that a frame without a code costs little.
const MOST_FINDERS: usize = 24;
const MOST_TRIPLES: usize = 30;
/// Timing score (1 is a perfect alternation) above which a triple is taken for a code.
const SEEN_TIMING: f32 = 0.3;
/// Triples given the full fit, and versions fitted for each.
const TRIPLES_FITTED: usize = 4;
const VERSIONS_FITTED: usize = 4;

/// Looks for a QR code in a greyscale image `width`×`height` (row-major `luma`).
pub fn scan(width: usize, height: usize, luma: &[u8]) -> Scan {
    scan_with_work(width, height, luma).0
}

/// `scan`, and the work it took.
pub fn scan_with_work(width: usize, height: usize, luma: &[u8]) -> (Scan, Work) {
    let mut budget = Budget::for_pixels(width.saturating_mul(height));
    let mut work = Work::default();
    let found = scan_within(width, height, luma, &mut budget, &mut work);
    work.units = budget.spent();
    work.limit = budget.limit();
    work.gave_up = budget.is_spent();
    (found, work)
}

/// Work units a pixel costs in each step that visits every pixel.
const THRESHOLD_UNITS: u64 = 2;
const SHARPEN_UNITS: u64 = 5;
const SMOOTH_UNITS: u64 = 2;
const QUIRCS_UNITS: u64 = 8;

fn scan_within(width: usize, height: usize, luma: &[u8], budget: &mut Budget, work: &mut Work) -> Scan {
    if width < 21 || height < 21 || luma.len() < width * height {
        return Scan::default();
    }
    let image = Luma { width, height, pixels: &luma[..width * height] };
    let pixels = (width * height) as u64;
    let mut seen = None;
    for pass in Pass::ALL {
        let prepared;
        let view = match pass {
            Pass::AsSeen => image,
            Pass::Sharpened => {
                if !budget.spend(SHARPEN_UNITS * pixels) {
                    break;
                }
                prepared = image::sharpen(&image);
                Luma { pixels: &prepared, ..image }
            }
            Pass::Smoothed => {
                // Only a dim frame is noisy enough to be worth a blurred look.
                if image::mean_level(&image) > 80.0 {
                    continue;
                }
                if !budget.spend(SMOOTH_UNITS * pixels) {
                    break;
                }
                prepared = image::smooth(&image, false);
                Luma { pixels: &prepared, ..image }
            }
        };
        let look = look_for_code(&view, pass.window(width.max(height)), budget, work);
        if let Pass::AsSeen = pass {
            work.first_look_finders = work.last_look_finders;
            work.first_look_saw_code = look.seen_module_px.is_some();
        }
        if look.text.is_some() {
            work.read_by = Some(pass.name());
            return look;
        }
        seen = seen.or(look.seen_module_px);
    }
    // Very large modules (a code held close, a big print): a finder pattern wider than the
    // threshold's window is split by it. A look at a quarter of the size sees them whole,
    // for a sixteenth of the work.
    let mut quarter = None;
    if !budget.is_spent() && width.min(height) >= 4 * QUARTER_MIN_SIDE && budget.spend(pixels) {
        let half = halve(width, height, image.pixels);
        let quarter = quarter.insert(halve(half.0, half.1, &half.2));
        let view = Luma { width: quarter.0, height: quarter.1, pixels: &quarter.2 };
        // A wider window than the first look's: the finders' middle blocks are large still.
        let look = look_for_code(&view, (view.width.max(view.height) / 16).clamp(8, 40), budget, work);
        seen = seen.or(look.seen_module_px.map(|m| 4.0 * m));
        if look.text.is_some() {
            work.read_by = Some("quarter size");
            return Scan { text: look.text, seen_module_px: seen };
        }
    }
    // A camera frame in which no look saw a code: quircs looks at it at a quarter of the
    // size only, for a sixteenth of the work (at full size it costs a third of all the looks
    // before, and on the card corpus it never reads a code ours missed). An empty frame
    // ends here.
    if seen.is_none() && (MOST_PIXELS_FOR_LAST_LOOKS + 1..=MOST_CAMERA_PIXELS).contains(&(width * height)) {
        let text = quarter.filter(|q| !budget.is_spent() && budget.spend(QUIRCS_UNITS * (q.0 * q.1) as u64)).and_then(|q| quircs_text(&Luma { width: q.0, height: q.1, pixels: &q.2 }));
        if text.is_some() {
            work.read_by = Some("quircs at a quarter of the size");
        }
        return Scan { text, seen_module_px: None };
    }
    // Out of work: no code read, whatever a last look might have found.
    let mut text = if budget.is_spent() { None } else { quircs_fallback(&image, budget) };
    if text.is_some() {
        work.read_by = Some("quircs");
    }
    if text.is_none() && !budget.is_spent() && width * height <= MOST_PIXELS_FOR_LAST_LOOKS {
        text = last_looks(&image, budget, work);
        if text.is_some() {
            work.read_by = Some("last looks");
        }
    }
    Scan { text, seen_module_px: seen }
}

/// The shorter side, in pixels, at a quarter of the size below which that look is not made.
const QUARTER_MIN_SIDE: usize = 120;

/// Camera frames are at most 1080p; photos larger still are given to quircs whatever the
/// looks before saw.
const MOST_CAMERA_PIXELS: usize = 1920 * 1080;

/// Pictures up to this many pixels (VGA) also get the last looks: a camera frame is larger,
/// so a frame without a code never pays for them.
const MOST_PIXELS_FOR_LAST_LOOKS: usize = 640 * 480;

/// The last looks at a small picture, each with a margin drawn round it (people crop
/// photos to the symbol before sending them, and finder patterns need light round them to
/// be seen): as it is; inverted, for light modules on dark; at half size, for large
/// modules and blur that a window tuned for small codes splits; and at twice the size, for
/// codes of one or two pixels a module.
fn last_looks(image: &Luma, budget: &mut Budget, work: &mut Work) -> Option<String> {
    let inverted: Vec<u8> = image.pixels.iter().map(|&v| 255 - v).collect();
    let half = halve(image.width, image.height, image.pixels);
    let doubled = (image.width <= MOST_SIDE_DOUBLED && image.height <= MOST_SIDE_DOUBLED).then(|| double(image));
    let views = [
        Some((image.width, image.height, image.pixels)),
        Some((image.width, image.height, &inverted[..])),
        (half.0.min(half.1) >= 21).then_some((half.0, half.1, &half.2[..])),
        doubled.as_ref().map(|d| (2 * image.width, 2 * image.height, &d[..])),
    ];
    for (w, h, pixels) in views.into_iter().flatten() {
        let view = Luma { width: w, height: h, pixels };
        let margin = w.max(h) / 5 + 4;
        let (width, height) = (w + 2 * margin, h + 2 * margin);
        if !budget.spend((width * height) as u64) {
            return None;
        }
        let padded = image::with_margin(&view, margin, image::light_level(&view));
        let padded = Luma { width, height, pixels: &padded };
        let look = look_for_code(&padded, Pass::AsSeen.window(width.max(height)), budget, work);
        if look.text.is_some() {
            return look.text;
        }
        if budget.is_spent() || !budget.spend(QUIRCS_UNITS * (width * height) as u64) {
            return None;
        }
        if let Some(text) = quircs_text(&padded) {
            return Some(text);
        }
    }
    None
}

/// Pictures up to this many pixels a side are also looked at twice the size.
const MOST_SIDE_DOUBLED: usize = 400;

/// Twice the size in each direction, each new pixel the mean of the nearest ones.
fn double(image: &Luma) -> Vec<u8> {
    let (w, h) = (image.width, image.height);
    let mut out = vec![0u8; 4 * w * h];
    for y in 0..2 * h {
        for x in 0..2 * w {
            // Pixel (x, y) of the doubled image lies at (x - 0.5) / 2 in the original's
            // pixel-centre coordinates: between its two nearest pixels, weighted 3:1.
            let (x0, x1) = ((x / 2).saturating_sub(1 - x % 2), (x / 2 + x % 2).min(w - 1));
            let (y0, y1) = ((y / 2).saturating_sub(1 - y % 2), (y / 2 + y % 2).min(h - 1));
            let at = |x: usize, y: usize| u32::from(image.pixels[y * w + x]);
            let (near_x, near_y) = (x / 2, y / 2);
            let far_x = if x % 2 == 0 { x0 } else { x1 };
            let far_y = if y % 2 == 0 { y0 } else { y1 };
            let sum = 9 * at(near_x, near_y) + 3 * at(far_x, near_y) + 3 * at(near_x, far_y) + at(far_x, far_y);
            out[y * 2 * w + x] = ((sum + 8) / 16) as u8;
        }
    }
    out
}

/// The ways a frame is looked at, in order, until one reads a code: as it is; sharpened,
/// for defocus and motion; smoothed, for sensor noise in the dark.
#[derive(Clone, Copy)]
enum Pass {
    AsSeen,
    Sharpened,
    Smoothed,
}

impl Pass {
    const ALL: [Pass; 3] = [Pass::AsSeen, Pass::Sharpened, Pass::Smoothed];

    fn name(self) -> &'static str {
        match self {
            Pass::AsSeen => "as seen",
            Pass::Sharpened => "sharpened",
            Pass::Smoothed => "smoothed",
        }
    }

    /// The threshold's window radius in pixels, for a frame `longest` pixels across.
    fn window(self, longest: usize) -> usize {
        match self {
            // A little wider than a finder pattern of 2 px modules.
            Pass::AsSeen | Pass::Smoothed => (longest / 80).clamp(8, 40),
            // About two modules of a card at the door: blur leaves a finder's light ring
            // darker than the average of a wide window, but still lighter than what is
            // just around it.
            Pass::Sharpened => (longest / 256).clamp(3, 12),
        }
    }
}

/// One look: finder patterns, then the likeliest codes they could belong to.
fn look_for_code(image: &Luma, radius: usize, budget: &mut Budget, work: &mut Work) -> Scan {
    let nothing = Scan::default();
    if !budget.spend(THRESHOLD_UNITS * (image.width * image.height) as u64) {
        return nothing;
    }
    let bits = binarize(image, radius);
    let found = finder::find(&bits, MOST_FINDERS, budget);
    work.most_candidates = work.most_candidates.max(found.most_candidates);
    let finders = found.finders;
    work.last_look_finders = finders.len();
    let n = finders.len() as u64;
    if !budget.spend(n * n.saturating_sub(1) * n.saturating_sub(2) / 6) {
        return nothing;
    }
    let mut triples: Vec<Corners> = Vec::new();
    for a in 0..finders.len() {
        for b in a + 1..finders.len() {
            for c in b + 1..finders.len() {
                triples.extend(Corners::of(finders[a], finders[b], finders[c]));
            }
        }
    }
    // Most-seen finders first: a real code's are seen on many lines. Then the triples
    // whose timing patterns show best for some version (a cheap look, on the
    // parallelogram through them) get the full fit.
    let hits = |t: &Corners| t.top_left.hits + t.top_right.hits + t.bottom_left.hits;
    order::sort_by(&mut triples, |a, b| hits(b).cmp(&hits(a)));
    triples.truncate(MOST_TRIPLES);
    let mut ranked: Vec<(f32, Vec<usize>, &Corners)> = triples
        .iter()
        .map(|corners| {
            let mut versions: Vec<(f32, usize)> = corners
                .versions()
                .into_iter()
                .filter(|&v| budget.spend(ROUGH_FIT_UNITS * layout::size(v) as u64))
                .filter_map(|v| Some((locate::rough_fit(image, corners, v)?, v)))
                .collect();
            order::sort_by(&mut versions, |a, b| b.0.total_cmp(&a.0));
            let best = versions.first().map_or(f32::MIN, |v| v.0);
            (best, versions.into_iter().take(VERSIONS_FITTED).map(|v| v.1).collect(), corners)
        })
        .collect();
    order::sort_by(&mut ranked, |a, b| b.0.total_cmp(&a.0));
    // A code is "seen" only where a triple's timing pattern shows, not wherever three
    // finder-like blobs happen to make a right angle.
    let seen = ranked.first().filter(|r| r.0 > SEEN_TIMING).map(|r| r.2.module());
    for (_, versions, corners) in ranked.into_iter().take(TRIPLES_FITTED) {
        let mut fits: Vec<(f32, usize, perspective::Perspective)> = versions
            .into_iter()
            .filter(|&v| budget.spend(FIT_UNITS + ALIGNMENT_UNITS * layout::alignment_centres(v).len() as u64))
            .filter_map(|v| locate::fit(image, corners, v).map(|(score, p)| (score, v, p)))
            .collect();
        order::sort_by(&mut fits, |a, b| b.0.total_cmp(&a.0));
        for (_, version, p) in fits.into_iter().take(2) {
            if let Some(text) = read_located(image, &p, version, budget) {
                return Scan { text: Some(text), seen_module_px: Some(corners.module()) };
            }
        }
    }
    Scan { text: None, seen_module_px: seen }
}

/// Work units of a timing-pattern look (per module across the code), of a fit with the
/// alignment patterns (the search for the first, then each other), and of a sampling and
/// a decode (per module).
const ROUGH_FIT_UNITS: u64 = 4;
const FIT_UNITS: u64 = 15_000;
const ALIGNMENT_UNITS: u64 = 3_500;
const SAMPLE_UNITS: u64 = 9;
const DECODE_UNITS: u64 = 4;

/// Samples and decodes a code of `version` at these finders, trying a few thresholds.
fn read_located(image: &Luma, perspective: &perspective::Perspective, version: usize, budget: &mut Budget) -> Option<String> {
    let size = layout::size(version);
    let modules = (size * size) as u64;
    if !budget.spend(SAMPLE_UNITS * modules) {
        return None;
    }
    let grid = read::sample_grid(image, perspective, size)?;
    let mut reads = |grid: &[f32]| {
        [0.0, 6.0, -6.0].into_iter().find_map(|bias| budget.spend(DECODE_UNITS * modules).then(|| read::decode(size, &read::threshold_grid(grid, size, 3, bias))).flatten())
    };
    if let Some(text) = reads(&grid) {
        return Some(text);
    }
    if let Some(text) = [0.8, 2.0].into_iter().find_map(|amount| reads(&read::sharpen_grid(&grid, size, &read::AROUND, amount))) {
        return Some(text);
    }
    read::SMEARS.into_iter().find_map(|d| [1.0, 2.5].into_iter().find_map(|amount| reads(&read::sharpen_grid(&grid, size, &[d], amount))))
}

/// quircs's own finder: large, sharp codes in photos, which a window tuned for small
/// codes can split. Large images are also tried at half size, where its finder is surer.
fn quircs_fallback(image: &Luma, budget: &mut Budget) -> Option<String> {
    let mut decode = |width: usize, height: usize, luma: &[u8]| {
        if !budget.spend(QUIRCS_UNITS * (width * height) as u64) {
            return None;
        }
        quircs_text(&Luma { width, height, pixels: luma })
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

/// The text of the first code quircs's own finder reads in `image`.
fn quircs_text(image: &Luma) -> Option<String> {
    let mut decoder = quircs::Quirc::default();
    let codes = decoder.identify(image.width, image.height, image.pixels);
    codes.flatten().find_map(|code| read::text_of(&code))
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
    fn a_spent_budget_reads_no_code() {
        let c = card_frames::Conditions::default();
        let luma = card_frames::frame(card_frames::TYPICAL_CARD, &c);
        let read = |limit: u64| {
            let mut budget = Budget::with_limit(limit);
            (scan_within(c.width, c.height, &luma, &mut budget, &mut Work::default()).text, budget.is_spent())
        };
        assert_eq!(read(u64::MAX), (Some(card_frames::TYPICAL_CARD.to_string()), false));
        // Enough to threshold the frame and scan some of its lines, not to find the code.
        assert_eq!(read((c.width * c.height) as u64 * 3), (None, true));
        assert_eq!(read(0), (None, true));
    }

    #[test]
    fn halving_averages() {
        assert_eq!(halve(2, 2, &[0, 255, 255, 0]), (1, 1, vec![128]));
    }

    #[test]
    fn doubling_interpolates_between_pixel_centres() {
        let image = Luma { width: 2, height: 1, pixels: &[0, 160] };
        // Row by row: the doubled pixels lie a quarter and three quarters of the way across.
        assert_eq!(double(&image), vec![0, 40, 120, 160, 0, 40, 120, 160]);
        let flat = Luma { width: 3, height: 2, pixels: &[77; 6] };
        assert_eq!(double(&flat), vec![77; 24]);
    }
}
