//! Writes the Shift_JIS and GB 2312 double-byte tables (`src/shift_jis.rs`, `src/gb2312.rs`)
//! from encoding_rs, which reads them as browsers do (the WHATWG Encoding Standard).
//! encoding_rs itself stays out of the decoder: linked in, it brings every legacy
//! encoding's tables, 160 KB of Wasm.

use std::fmt::Write;

fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    let shift_jis = table(
        "The code point of each Shift_JIS double-byte pointer; 0 where there is none.",
        (0x81..=0x9F).chain(0xE0..=0xFC),
        || (0x40..=0x7E).chain(0x80..=0xFC),
        encoding_rs::SHIFT_JIS,
        |_| true,
    );
    std::fs::write(out.join("shift_jis_table.rs"), shift_jis).unwrap();
    // GB 2312's 94×94 pairs (EUC-CN bytes 0xA1–0xFE each), as GBK (its superset) reads
    // them. GBK gives the rows GB 2312 leaves empty to private-use characters; they stay
    // empty here.
    let gb2312 = table(
        "The code point of each GB 2312 pair, row by row from 0xA1A1; 0 where there is none.",
        0xA1..=0xFE,
        || 0xA1..=0xFE,
        encoding_rs::GBK,
        |c| !('\u{E000}'..='\u{F8FF}').contains(&c),
    );
    std::fs::write(out.join("gb2312_table.rs"), gb2312).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}

/// `static CODE_POINTS`: the character `encoding` reads for each pair of a lead byte and a
/// trail byte, in that order, where it reads one character that `keep` keeps; else 0.
fn table<T: Iterator<Item = u8>>(doc: &str, leads: impl Iterator<Item = u8>, trails: impl Fn() -> T, encoding: &'static encoding_rs::Encoding, keep: impl Fn(char) -> bool) -> String {
    let mut points = Vec::new();
    for lead in leads {
        for trail in trails() {
            let pair = [lead, trail];
            let decoded = encoding.decode_without_bom_handling_and_without_replacement(&pair);
            let mut chars = decoded.as_deref().unwrap_or("").chars();
            points.push(match (chars.next(), chars.next()) {
                (Some(c), None) if keep(c) => u16::try_from(u32::from(c)).expect("a pair maps to the BMP"),
                _ => 0,
            });
        }
    }
    let mut table = format!("/// {doc}\nstatic CODE_POINTS: [u16; {}] = [", points.len());
    for point in points {
        write!(table, "{point},").unwrap();
    }
    table.push_str("];\n");
    table
}
