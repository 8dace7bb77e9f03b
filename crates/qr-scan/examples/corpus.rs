//! The checker's decoder on the `card-frames` corpus, natively: reads per condition and
//! card, misreads, and time per 1280×720 frame. The same frames in a browser, beside
//! other web scanners, are `benches/decoders`. Run:
//! `cargo run --release -p qr-scan --example corpus [PER_CONDITION] [SEED] [DUMP_DIR]`
//! (DUMP_DIR receives the frames it could not read, as PGM).

use std::time::Instant;

use card_frames::{corpus, empty_frame, frame, Card, Condition};
use qr_scan::scan_with_work;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let per_condition = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(25);
    let seed = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(2026);
    let dump = args.get(3);
    let samples = corpus(per_condition, seed);
    let mut times = Vec::new();
    // The same scenes without the card: what a camera loop pays before the card is shown.
    let mut empty_times = Vec::new();
    let mut unread_times = Vec::new();
    // Work units a pixel (the budget's measure: the same on any machine, however busy).
    let (mut read_units, mut unread_units, mut empty_units) = (Vec::new(), Vec::new(), Vec::new());
    // The largest share of its work budget any frame took, and the most finder candidates.
    let (mut most_share, mut most_candidates) = (0.0f64, 0);
    let (mut total, mut misread) = (0, 0);
    println!("{:<10} {:>10} {:>10}", "condition", Card::Typical.name(), Card::LongName.name());
    for condition in Condition::ALL {
        let mut row = format!("{:<10}", condition.name());
        for card in Card::ALL {
            let mut read = 0;
            for (k, s) in samples.iter().filter(|s| s.condition == condition && s.card == card).enumerate() {
                let c = &s.conditions;
                let luma = frame(card.qr_text(), c);
                let started = Instant::now();
                let (got, work) = scan_with_work(c.width, c.height, &luma);
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                times.push(ms);
                let per_pixel = work.units as f64 / (c.width * c.height) as f64;
                read_units.push(per_pixel);
                if got.text.is_none() {
                    unread_times.push(ms);
                    unread_units.push(per_pixel);
                }
                let empty = empty_frame(c);
                let started = Instant::now();
                let (nothing, empty_work) = scan_with_work(c.width, c.height, &empty);
                empty_times.push(started.elapsed().as_secs_f64() * 1000.0);
                empty_units.push(empty_work.units as f64 / (c.width * c.height) as f64);
                if std::env::var_os("LOOKS").is_some() {
                    eprintln!("empty {} first_look_finders {} saw {}", condition.name(), empty_work.first_look_finders, empty_work.first_look_saw_code);
                }
                assert_eq!(nothing.text, None, "a frame without the card gave a text");
                most_share = most_share.max(work.units as f64 / work.limit as f64);
                most_candidates = most_candidates.max(work.most_candidates);
                if std::env::var_os("LOOKS").is_some() {
                    eprintln!("card {} read_by {:?} first_look_finders {} saw {}", condition.name(), work.read_by, work.first_look_finders, work.first_look_saw_code);
                }
                match got.text.as_deref() {
                    Some(t) if t == card.qr_text() => read += 1,
                    Some(_) => misread += 1,
                    None => {
                        if let Some(dir) = dump {
                            let name = format!("{dir}/{}-{}-{k}.pgm", condition.name().replace(' ', "_"), card.name().replace(' ', "_"));
                            let mut bytes = format!("P5 {} {} 255\n", c.width, c.height).into_bytes();
                            bytes.extend_from_slice(&luma);
                            std::fs::write(&name, bytes).expect("write a frame");
                            eprintln!("{name}: {:?} seen module {:?}", c, got.seen_module_px);
                        }
                    }
                }
            }
            total += read;
            row.push_str(&format!(" {:>10}", format!("{read}/{per_condition}")));
        }
        println!("{row}");
    }
    let median = |times: &mut Vec<f64>, q: f64| {
        times.sort_by(f64::total_cmp);
        times.get(((times.len().max(1) - 1) as f64 * q) as usize).copied().unwrap_or(f64::NAN)
    };
    let (m, p) = (median(&mut times, 0.5), median(&mut times, 0.9));
    println!("read {total}/{}, misread {misread}; ms per frame: median {m:.1}, p90 {p:.1}", samples.len());
    let (m, p) = (median(&mut unread_times, 0.5), median(&mut unread_times, 0.9));
    println!("frames not read ({}): median {m:.1} ms, p90 {p:.1}", unread_times.len());
    let (m, p) = (median(&mut empty_times, 0.5), median(&mut empty_times, 0.9));
    println!("the same scenes without the card ({}): median {m:.1} ms, p90 {p:.1}", empty_times.len());
    let units = [median(&mut read_units, 0.5), median(&mut unread_units, 0.5), median(&mut empty_units, 0.5)];
    println!("work units a pixel, median: all card frames {:.1}, card frames not read {:.1}, without the card {:.1}", units[0], units[1], units[2]);
    println!("work: at most {:.0}% of a frame's budget; at most {most_candidates} finder candidates held", 100.0 * most_share);
}
