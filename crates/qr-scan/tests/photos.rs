//! The decoder on real photographs of QR codes of any kind (`tests/photos`, sources and
//! licences in its SOURCES.md): a floor under the reads in each category, and never a wrong
//! text. The same images beside other web decoders, in a browser, are `benches/decoders`
//! (`--photos`). `cargo test -p qr-scan --test photos -- --nocapture` prints each miss.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use qr_scan::{luma_from_rgba, scan};

/// Reads at least this many in each category (of the images it has). Raise a floor when the
/// decoder reads more; never lower one to let a change through.
const FLOORS: &[(&str, usize)] = &[
    ("bent", 14),
    ("design", 4),
    ("huge", 6),
    ("inverted", 2),
    ("kanji", 2),
    ("non-utf8", 18),
    ("print", 12),
    ("screen", 3),
    ("tight", 20),
    ("turned", 5),
    ("two-codes", 2),
];

pub struct Photo {
    pub path: PathBuf,
    pub category: String,
    /// Every text the picture's codes hold (two for a picture with two codes).
    pub texts: Vec<String>,
}

fn photos() -> Vec<Photo> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/photos");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).expect("tests/photos").map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "png")).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let category = stem.split_once("--").expect("<category>--<name>.png").0.to_string();
            let mut texts = vec![std::fs::read_to_string(path.with_extension("txt")).expect("each picture has its text")];
            if let Ok(second) = std::fs::read_to_string(dir.join(format!("{stem}.2.txt"))) {
                texts.push(second);
            }
            Photo { path, category, texts }
        })
        .collect()
}

/// A PNG file's pixels as 8-bit luma, as the page hands the decoder a picture's.
fn luma_of(path: &Path) -> (usize, usize, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let pixels = &buf[..info.buffer_size()];
    // Transparent parts are drawn on white, as a canvas shows them on the page.
    let over_white = |v: u8, a: u8| ((u16::from(v) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
    let rgba: Vec<u8> = match info.color_type {
        png::ColorType::Grayscale => pixels.iter().flat_map(|&v| [v, v, v, 255]).collect(),
        png::ColorType::GrayscaleAlpha => pixels.chunks_exact(2).flat_map(|p| [over_white(p[0], p[1]); 3].into_iter().chain([255])).collect(),
        png::ColorType::Rgb => pixels.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::Rgba => pixels.chunks_exact(4).flat_map(|p| [over_white(p[0], p[3]), over_white(p[1], p[3]), over_white(p[2], p[3]), 255]).collect(),
        png::ColorType::Indexed => unreachable!("expanded"),
    };
    (w, h, luma_from_rgba(&rgba))
}

#[test]
fn reads_photos_of_each_kind_and_never_misreads() {
    let photos = photos();
    assert!(photos.len() >= 80, "the corpus is there: {} pictures", photos.len());
    let mut reads: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut misreads = Vec::new();
    for photo in &photos {
        let (w, h, luma) = luma_of(&photo.path);
        let found = scan(w, h, &luma).text;
        let entry = reads.entry(&photo.category).or_default();
        entry.1 += 1;
        match found {
            Some(text) if photo.texts.contains(&text) => entry.0 += 1,
            Some(text) => misreads.push(format!("{}: {text:?}, expected {:?}", photo.path.display(), photo.texts)),
            None => misses.push(photo.path.file_name().unwrap().to_string_lossy().to_string()),
        }
    }
    let table: Vec<String> = reads.iter().map(|(c, (r, n))| format!("{c} {r}/{n}")).collect();
    eprintln!("reads: {}\nmissed: {}", table.join(", "), misses.join(" "));
    assert!(misreads.is_empty(), "misread:\n{}", misreads.join("\n"));
    for (category, floor) in FLOORS {
        let (read, of) = reads.get(category).copied().unwrap_or_else(|| panic!("no pictures of {category}"));
        assert!(read >= *floor, "{category}: read {read}/{of}, floor {floor}; missed: {}", misses.join(" "));
    }
    assert_eq!(reads.len(), FLOORS.len(), "every category has a floor: {table:?}");
}
