//! Reads the QR code in each PNG file given, and says how long it took:
//! `cargo run --release -p qr-scan --example photo -- FILE.png ...`

use std::time::Instant;

fn main() {
    for path in std::env::args().skip(1) {
        let mut decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).expect("a file")));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut buf).expect("a PNG frame");
        let channels = info.color_type.samples();
        let rgba: Vec<u8> = buf[..info.buffer_size()]
            .chunks_exact(channels)
            .flat_map(|p| match channels {
                1 | 2 => [p[0], p[0], p[0], 255],
                _ => [p[0], p[1], p[2], 255],
            })
            .collect();
        let luma = qr_scan::luma_from_rgba(&rgba);
        let started = Instant::now();
        let (scan, work) = qr_scan::scan_with_work(info.width as usize, info.height as usize, &luma);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let text: Option<String> = scan.text.map(|t| t.chars().take(40).collect());
        println!("{path}: {}×{} {ms:.1} ms, {:.1} units/px, read by {:?}, seen module {:?}: {:?}", info.width, info.height, work.units as f64 / f64::from(info.width * info.height), work.read_by, scan.seen_module_px, text);
    }
}
