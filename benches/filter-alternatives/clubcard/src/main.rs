//! Mozilla's clubcard 0.3.4 on the national figures (50 forces, 300,000 cards, 3% revoked),
//! one block per force, serialized with bincode as Firefox's CRLite does.
use clubcard::builder::*;
use clubcard::{AsQuery, Clubcard, Equation, Filterable, Queryable};
use sha2::{Digest, Sha256};
use std::time::Instant;

fn serial(n: u64) -> Vec<u8> {
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)).to_be_bytes().to_vec()
}

#[derive(Clone)]
struct Item { block: Vec<u8>, serial: Vec<u8>, revoked: bool }

impl AsQuery<1> for Item {
    fn as_query(&self, m: usize) -> Equation<1> {
        let d = Sha256::digest(&self.serial);
        let s = (u64::from_le_bytes(d[0..8].try_into().unwrap()) as usize) % m.max(1);
        let a = u64::from_le_bytes(d[8..16].try_into().unwrap()) | 1;
        Equation::homogeneous(s, [a])
    }
    fn block(&self) -> &[u8] { &self.block }
    fn discriminant(&self) -> &[u8] { &self.serial }
}
impl Filterable<1> for Item { fn included(&self) -> bool { self.revoked } }
impl Queryable<1> for Item {
    type UniverseMetadata = ();
    type PartitionMetadata = ();
    fn in_universe(&self, _: &()) -> bool { true }
}

fn main() {
    let forces = 50usize;
    let cards_of = |f: usize| if f == 0 { 47_000 } else { (300_000 - 47_000) / 49 };
    let mut items: Vec<Vec<Item>> = Vec::new();
    let mut next = 0u64;
    for f in 0..forces {
        let n = cards_of(f);
        let r = n * 30 / 1000;
        items.push((0..n).map(|i| Item { block: format!("F{f:02}").into_bytes(), serial: serial(next + i as u64), revoked: i < r }).collect());
        next += n as u64;
    }
    let t = Instant::now();
    let mut b = ClubcardBuilder::<1, Item>::new();
    let mut approx = Vec::new();
    for block in &items {
        let mut rb = b.new_approx_builder(&block[0].block);
        for it in block.iter().filter(|i| i.revoked) { rb.insert(it.clone()); }
        rb.set_universe_size(block.len());
        approx.push(rb);
    }
    b.collect_approx_ribbons(approx.into_iter().map(Into::into).collect());
    let mut exact = Vec::new();
    for block in &items {
        let mut rb = b.new_exact_builder(&block[0].block);
        for it in block { rb.insert(it.clone()); }
        exact.push(rb);
    }
    b.collect_exact_ribbons(exact.into_iter().map(Into::into).collect());
    let card: Clubcard<1, (), ()> = b.build::<Item>((), ());
    let built = t.elapsed();
    let bytes = bincode::serialize(&card).unwrap();
    let filter_bits: usize = 64 * (card.approx_filter.iter().map(|x| x.len()).sum::<usize>() + card.exact_filter.len());
    let exceptions: usize = card.index.values().map(|m| m.exceptions.len()).sum();
    // Exhaustive: every issued serial.
    let t = Instant::now();
    let mut wrong = 0;
    let mut queries = 0;
    for block in &items { for it in block { queries += 1; if card.unchecked_contains(it) != it.revoked { wrong += 1; } } }
    let per = t.elapsed().as_secs_f64() * 1e9 / queries as f64;
    let file = std::env::temp_dir().join("clubcard-national.bincode");
    std::fs::write(&file, &bytes).unwrap();
    println!("clubcard 0.3.4: national bincode {} bytes (solution vectors {} bytes, rest index/metadata), {} exceptions; built in {:.0} ms; lookup {:.0} ns each; wrong answers over {} issued serials: {}; written to {}", bytes.len(), filter_bits / 8, exceptions, built.as_secs_f64() * 1e3, per, queries, wrong, file.display());
}
