//! docs/FORMAT.md is what other implementations read: its tables must match the code.

use warrant_core::{limits, ranks, Verdict};

fn format_md() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/FORMAT.md")).unwrap()
}

#[test]
fn rank_table_matches_the_code() {
    let doc = format_md();
    let table = doc.split("<!-- ranks:start -->").nth(1).unwrap().split("<!-- ranks:end -->").next().unwrap();
    let rows: Vec<(u8, String)> = table
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim().trim_matches('|').split('|').map(str::trim).collect();
            Some((cells.first()?.parse().ok()?, cells.get(1)?.to_string()))
        })
        .collect();
    let code: Vec<(u8, String)> = ranks::RANKS.iter().map(|(c, r)| (*c, r.to_string())).collect();
    assert_eq!(rows, code);
}

#[test]
fn verdict_names_and_limits_are_documented() {
    let doc = format_md();
    for name in Verdict::NAMES {
        assert!(doc.contains(&format!("`{name}`")), "{name} not in FORMAT.md");
    }
    for (what, n) in [("QR text", limits::MAX_QR_TEXT_BYTES), ("Token", limits::MAX_TOKEN_CHARS)] {
        assert!(doc.contains(&format!("| {what} | {n} ")), "{what} limit {n} not in FORMAT.md");
    }
}
