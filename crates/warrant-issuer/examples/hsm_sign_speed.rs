//! Signing alone, without rendering or writing cards: 47,000 card-sized messages signed on
//! every core through the PKCS#11 key a batch would use, and with a key in memory.
//! `WARRANT_PKCS11_PIN=… cargo run --release -p warrant-issuer --example hsm_sign_speed -- 'pkcs11:token=…;object=…?module-path=…'`
//! (benches/hsm-batch.sh times whole batches.)
// Only the signer of the included module is used here.
#[allow(dead_code)]
#[path = "../src/pkcs11/mod.rs"]
mod pkcs11;

use std::time::Instant;

use rayon::prelude::*;
use warrant_core::{Signature, Signer, SigningKey};

const SIGNATURES: usize = 47_000;
/// About the size of a card's Sig_structure.
const MESSAGE: [u8; 140] = [7; 140];

fn rate(what: &str, signer: &(impl Signer<Signature> + Sync)) {
    let started = Instant::now();
    (0..SIGNATURES).into_par_iter().for_each(|_| {
        std::hint::black_box(signer.try_sign(&MESSAGE).expect("signs"));
    });
    let seconds = started.elapsed().as_secs_f64();
    println!("{what}: {SIGNATURES} signatures in {seconds:.1} s, {:.0}/s on {} threads", SIGNATURES as f64 / seconds, rayon::current_num_threads());
}

fn main() -> anyhow::Result<()> {
    let uri = std::env::args().nth(1).expect("usage: hsm_sign_speed <pkcs11: URI>");
    rate("PKCS#11", &pkcs11::signer::Pkcs11Signer::open(&pkcs11::uri::Pkcs11Uri::parse(&uri)?)?);
    rate("in memory", &SigningKey::from_bytes(&[1; 32]));
    Ok(())
}
