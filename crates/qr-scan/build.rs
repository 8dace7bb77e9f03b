//! Writes the Shift_JIS and GB 2312 double-byte tables (`src/shift_jis.rs`, `src/gb2312.rs`)
//! from encoding_rs, which reads them as browsers do (the WHATWG Encoding Standard).
//! encoding_rs itself stays out of the decoder: linked in, it brings every legacy
//! encoding's tables, 160 KB of Wasm.

use std::fmt::Write;

fn main() {
    let mut table = String::from("/// The code point of each Shift_JIS double-byte pointer; 0 where there is none.\nstatic CODE_POINTS: [u16; 11280] = [");
    for lead in (0x81..=0x9Fu8).chain(0xE0..=0xFC) {
        for trail in (0x40..=0x7Eu8).chain(0x80..=0xFC) {
            let pair = [lead, trail];
            let decoded = encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(&pair);
            let mut chars = decoded.as_deref().unwrap_or("").chars();
            let code_point = match (chars.next(), chars.next()) {
                (Some(c), None) => u16::try_from(u32::from(c)).expect("Shift_JIS maps to the BMP"),
                _ => 0,
            };
            write!(table, "{code_point},").unwrap();
        }
    }
    table.push_str("];\n");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    std::fs::write(out.join("shift_jis_table.rs"), table).unwrap();
    std::fs::write(out.join("gb2312_table.rs"), gb2312_table()).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}

/// GB 2312's 94×94 pairs (EUC-CN bytes 0xA1–0xFE each), as GBK (its superset) reads them.
/// GBK gives the rows GB 2312 leaves empty to private-use characters; they stay empty here.
fn gb2312_table() -> String {
    let mut table = String::from("/// The code point of each GB 2312 pair, row by row from 0xA1A1; 0 where there is none.\nstatic CODE_POINTS: [u16; 8836] = [");
    for lead in 0xA1..=0xFEu8 {
        for trail in 0xA1..=0xFEu8 {
            let pair = [lead, trail];
            let decoded = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&pair);
            let mut chars = decoded.as_deref().unwrap_or("").chars();
            let code_point = match (chars.next(), chars.next()) {
                (Some(c), None) if !('\u{E000}'..='\u{F8FF}').contains(&c) => u16::try_from(u32::from(c)).expect("GB 2312 maps to the BMP"),
                _ => 0,
            };
            write!(table, "{code_point},").unwrap();
        }
    }
    table.push_str("];\n");
    table
}
