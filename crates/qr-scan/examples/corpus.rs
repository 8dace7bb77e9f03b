//! The checker's decoder on the `card-frames` corpus, natively: reads per condition and
//! card, misreads, and time per 1280×720 frame. The same frames in a browser, beside
//! other web scanners, are `benches/decoders`. Run:
//! `cargo run --release -p qr-scan --example corpus [PER_CONDITION] [SEED] [DUMP_DIR]`
//! (DUMP_DIR receives the frames it could not read, as PGM).

use std::time::Instant;

use card_frames::{corpus, frame, Card, Condition};
use qr_scan::scan_with_work;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let per_condition = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(25);
    let seed = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(2026);
    let dump = args.get(3);
    let samples = corpus(per_condition, seed);
    let mut times = Vec::new();
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
                times.push(started.elapsed().as_secs_f64() * 1000.0);
                most_share = most_share.max(work.units as f64 / work.limit as f64);
                most_candidates = most_candidates.max(work.most_candidates);
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
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!("read {total}/{}, misread {misread}; ms per frame: median {:.1}, p90 {:.1}", samples.len(), at(0.5), at(0.9));
    println!("work: at most {:.0}% of a frame's budget; at most {most_candidates} finder candidates held", 100.0 * most_share);
}
