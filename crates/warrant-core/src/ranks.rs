//! Common ranks as small integers (docs/FORMAT.md §3.2). "Police Constable" in text costs
//! 17 bytes of the QR code; as a code it costs one, which is the difference between QR
//! version 11 and version 10 for a typical card. Any rank not in the table travels as text.
//! The table is append-only: a code, once given, never changes meaning.

/// Code → rank as printed. Codes 1-23 encode in a single CBOR byte, so the commonest
/// ranks come first.
pub const RANKS: [(u8, &str); 26] = [
    (1, "Police Constable"),
    (2, "Detective Constable"),
    (3, "Sergeant"),
    (4, "Detective Sergeant"),
    (5, "Inspector"),
    (6, "Detective Inspector"),
    (7, "Chief Inspector"),
    (8, "Detective Chief Inspector"),
    (9, "Superintendent"),
    (10, "Detective Superintendent"),
    (11, "Chief Superintendent"),
    (12, "Detective Chief Superintendent"),
    (13, "Special Constable"),
    (14, "Special Sergeant"),
    (15, "Special Inspector"),
    (16, "Police Community Support Officer"),
    (17, "Police Staff"),
    (18, "Commander"),
    (19, "Assistant Chief Constable"),
    (20, "Deputy Chief Constable"),
    (21, "Chief Constable"),
    (22, "Deputy Assistant Commissioner"),
    (23, "Assistant Commissioner"),
    (24, "Deputy Commissioner"),
    (25, "Commissioner"),
    (26, "Special Chief Inspector"),
];

/// The code for a rank written exactly as in the table.
pub fn code_of(rank: &str) -> Option<u8> {
    RANKS.iter().find(|(_, r)| *r == rank).map(|(c, _)| *c)
}

pub fn rank_of(code: u64) -> Option<&'static str> {
    RANKS.iter().find(|(c, _)| u64::from(*c) == code).map(|(_, r)| *r)
}
