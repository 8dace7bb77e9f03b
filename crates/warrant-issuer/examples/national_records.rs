//! The card directories at national scale (benches/national.sh): 50 forces and 300,000 cards,
//! as the forces' records of issued cards would hold them after issuing every card, for
//! `warrant-issuer directory` and `bundle --directories` to be timed on.
//!
//! Writes into OUT_DIR: `records/issued-F00.jsonl` … `issued-F49.jsonl` (one force of
//! 47,000 cards, the Metropolitan Police's size, the rest sharing what is left), each card
//! signed with its force's key and given a check code, in the record's layout (docs/ISSUER.md);
//! `trust-list.cose` and `root.pub.pem` naming the 50 forces; and `F00.key.pem`, so that the
//! bench can issue one more card into F00's record with the tool. Names, ranks and numbers
//! are drawn as benches/staff_csv.py draws them (accents, hyphens, apostrophes). The codes
//! come from a seeded generator: this is a benchmark, never a way to make real codes.
//! `cargo run --release -p warrant-issuer --example national_records -- OUT_DIR [--long-name]`
//! (`--long-name`: one card per force with a 61-character name, which sets the size of every
//! entry of its force's directory).

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use rayon::prelude::*;
use serde_json::json;
use warrant_core::{keys, sign_card, to_hex, token, Card, CheckCode, Force, Holder, IssuerKey, Role, RootKey, SigningKey, TrustList};

const FORCES: usize = 50;
const CARDS: usize = 300_000;
const DAY: i64 = 86_400;

fn cards_of(force: usize) -> usize {
    if force == 0 { 47_000 } else { (CARDS - 47_000) / (FORCES - 1) }
}

/// splitmix64: reproducible pseudo-random numbers for serials, codes and names.
fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn time(t: i64) -> String {
    humantime::format_rfc3339_seconds(std::time::UNIX_EPOCH + std::time::Duration::from_secs(t as u64)).to_string()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: national_records OUT_DIR [--long-name]"));
    let long_name = args.next().as_deref() == Some("--long-name");
    fs::create_dir_all(out.join("records")).expect("output folder");
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let root = SigningKey::from_bytes(&[1; 32]);
    let root_key = RootKey::new(root.verifying_key());
    let force_keys: Vec<SigningKey> = (0..FORCES).map(|f| SigningKey::from_bytes(&[(f + 2) as u8; 32])).collect();
    let id = |f: usize| format!("F{f:02}");
    let trust = TrustList {
        issued_at: now - DAY,
        next_update: now + 7 * DAY,
        expires: now + 30 * DAY,
        forces: (0..FORCES)
            .map(|f| Force {
                id: id(f),
                name: format!("Example Constabulary number {f} (a typical force name)"),
                keys: vec![IssuerKey {
                    kid: keys::derive_key_id(&force_keys[f].verifying_key()),
                    public_key: force_keys[f].verifying_key(),
                    not_before: now - 365 * DAY,
                    not_after: now + 365 * DAY,
                    withdrawn_from: None,
                }],
            })
            .collect(),
    };
    fs::write(out.join("trust-list.cose"), trust.sign(&root, &root_key.kid).expect("signs")).expect("write");
    fs::write(out.join("root.pub.pem"), keys::verifying_key_to_pem(&root.verifying_key())).expect("write");
    fs::write(out.join("F00.key.pem"), keys::signing_key_to_pem(&force_keys[0]).as_bytes()).expect("write");

    let first = ["Jane", "Mohammed", "Siân", "Oluwaseun", "Aleksandra", "Tom", "Priya", "Cathal", "Zoë", "Wei"];
    let last = ["Smith", "Khan", "Ap Rhys", "Adeyemi", "Kowalczyk", "Baker", "Patel", "O'Brien", "Fernández-López", "Zhang"];
    let ranks = ["Police Constable", "Police Constable", "Police Constable", "Police Constable", "Police Constable", "Police Constable", "Sergeant", "Inspector", "Detective Constable", "Fingerprint Examiner"];
    let mut next = 0_u64;
    let mut longest = 0;
    for f in 0..FORCES {
        let kid = keys::derive_key_id(&force_keys[f].verifying_key());
        let start = next;
        next += cards_of(f) as u64;
        let lines: Vec<(String, usize)> = (start..next)
            .into_par_iter()
            .map(|n| {
                let r = mix(n);
                let rank = ranks[(r % 10) as usize];
                let mut name = format!("{} {}", first[(r >> 8) as usize % 10], last[(r >> 16) as usize % 10]);
                if long_name && n == start {
                    name = "Alexandra Catherine Montgomery-Fitzwilliam Ashworth-Beauchamp".into();
                }
                let issued_at = now - (r >> 24) as i64 % (3 * 365 * DAY);
                let card = Card {
                    issuer: id(f),
                    serial: mix(n ^ 0x5e41).to_be_bytes().to_vec(),
                    issued_at,
                    not_before: issued_at,
                    expires_at: issued_at + 5 * 365 * DAY,
                    holder: Holder {
                        name,
                        rank: rank.into(),
                        number: format!("{}", 100_000 + n),
                        role: if rank == "Fingerprint Examiner" { Role::PoliceStaff } else { Role::PoliceOfficer },
                    },
                };
                let cose = sign_card(&card, &force_keys[f], &kid).expect("valid card");
                let code = CheckCode::from_random(mix(n ^ 0xc0de).to_be_bytes()[..7].try_into().unwrap());
                let line = json!({
                    "serial": to_hex(&card.serial),
                    "check_code": code.grouped(),
                    "issued_at": time(card.issued_at),
                    "expires_at": time(card.expires_at),
                    "token": token::encode(&cose),
                });
                (line.to_string(), cose.len())
            })
            .collect();
        let mut text = json!({ "warrant_issuer_record": 1, "force": id(f), "note": "benchmark" }).to_string() + "\n";
        for (line, len) in &lines {
            let _ = writeln!(text, "{line}");
            longest = longest.max(*len);
        }
        fs::write(out.join("records").join(format!("issued-{}.jsonl", id(f))), text).expect("write");
    }
    println!("{FORCES} forces' records of {next} cards written to {} (longest token {longest} bytes)", out.display());
}
