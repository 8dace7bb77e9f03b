//! Writes the Shift_JIS double-byte table (`src/shift_jis.rs`) from encoding_rs, which reads
//! Shift_JIS as browsers do (the WHATWG Encoding Standard). encoding_rs itself stays out of
//! the decoder: linked in, it brings every legacy encoding's tables, 160 KB of Wasm.

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
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("shift_jis_table.rs");
    std::fs::write(out, table).unwrap();
    println!("cargo:rerun-if-changed=build.rs");
}
