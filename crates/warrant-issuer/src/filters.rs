//! `filter` and `filter-bundle`: the force's signed revocation filter (docs/FORMAT.md §14),
//! built from its record of issued cards and its revocation register, and the bundle of
//! every force's filter that a checker fetches in one request.
//!
//! The filter is exact over the cards in the record (plus any serials given with `--issued`,
//! for cards issued before the force kept a record). Its coverage time is `--coverage-margin`
//! before now: every card issued by then is in the record even if a batch that started
//! earlier is still signing (a batch records its cards, dated when it started, only when it
//! has signed them all). Revoked serials the filter does not cover (cards issued after the
//! coverage time, phones' credentials, serials the record does not hold) go in its list of
//! recent revocations.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use warrant_core::{write_filter_bundle, FilterInput, RevocationFilter, RootKey, TrustList};

use crate::private_key::KeyArg;
use crate::time_arg::DAY;
use crate::{key_files, record, register, register_lock, time_arg};

#[derive(clap::Args)]
pub struct FilterArgs {
    /// A key of the force (PKCS#8 PEM file, or pkcs11: URI); the filter is signed with it.
    #[arg(long)]
    key: KeyArg,
    /// The force's id in the trust list, e.g. MPS.
    #[arg(long)]
    issuer: String,
    /// The force's revocation register, as `revoke` keeps it. It must exist.
    #[arg(long)]
    register: PathBuf,
    /// The force's record of issued cards, as `issue` and `batch` keep it.
    #[arg(long)]
    record: PathBuf,
    /// A file of further issued serials (hex, one a line, '#' notes, as the register): cards
    /// issued before the record was kept. They count as issued before the coverage time.
    #[arg(long)]
    issued: Option<PathBuf>,
    /// Hours before now of the coverage time: longer than any batch takes to sign.
    #[arg(long, default_value_t = 24)]
    coverage_margin_hours: i64,
    /// The filter file to write (replaced atomically), e.g. lists/revocation-filter-MPS.cose.
    #[arg(long)]
    out: PathBuf,
    /// Days until checkers warn that the force's revocation data is out of date.
    #[arg(long, default_value_t = 2)]
    next_update_days: i64,
    /// Days until checkers refuse the filter.
    #[arg(long, default_value_t = 7)]
    valid_days: i64,
    /// Sign as at this time instead of now (for tests and benchmarks).
    #[arg(long, hide = true)]
    now: Option<String>,
}

#[derive(clap::Args)]
pub struct FilterBundleArgs {
    /// Signed trust list: each filter must open against it.
    #[arg(long)]
    trust_list: PathBuf,
    /// Root public key (SPKI PEM) the trust list must be signed by.
    #[arg(long)]
    root: PathBuf,
    /// The bundle to publish (replaced atomically), e.g. lists/revocation-filters.cbor.
    #[arg(long)]
    out: PathBuf,
    /// Signed revocation filters, at most one per force.
    #[arg(required = true)]
    filters: Vec<PathBuf>,
}

pub fn run(args: FilterArgs) -> Result<()> {
    if args.coverage_margin_hours < 0 {
        bail!("--coverage-margin-hours cannot be negative");
    }
    // Taken before the record is read: every card handed out before this moment is in it.
    let now = time_arg::now_or(args.now.as_deref())?;
    let coverage = now - args.coverage_margin_hours * 3600;
    if !args.register.is_file() {
        bail!("the revocation register {} does not exist; give the force's register (the one `revoke` keeps)", args.register.display());
    }
    let key = args.key.open()?;
    let started = Instant::now();
    let (issued, revoked) = {
        let _register_lock = register_lock::lock(&args.register)?;
        let _record_lock = record::lock(&args.record)?;
        let revoked = register::read(&args.register)?.serials;
        (read_issued(&args.record, args.issued.as_deref(), &args.issuer)?, revoked)
    };
    let read_in = started.elapsed();
    let started = Instant::now();
    let revoked_refs: Vec<&[u8]> = revoked.iter().map(Vec::as_slice).collect();
    let filter = build(args.issuer, &issued, &revoked_refs, now, coverage, args.next_update_days, args.valid_days);
    let built_in = started.elapsed();
    let signed = filter.sign(&key, &key.key_id())?;
    key_files::replace(&args.out, &signed)?;
    println!(
        "{}: revocation filter of {} over {} issued cards, {} revoked ({} in the filter, {} listed as recent), {} bytes ({} of filter bits); coverage {}; read in {:.2} s, built in {:.2} s",
        args.out.display(),
        filter.issuer,
        issued.len(),
        revoked.len(),
        revoked.len() - filter.recent.len(),
        filter.recent.len(),
        signed.len(),
        filter.filter.bits.len(),
        time_arg::format(coverage),
        read_in.as_secs_f64(),
        built_in.as_secs_f64()
    );
    Ok(())
}

/// Every card in the force's record (serial, issue time), and the serials of `issued`, a file
/// of cards issued before the record was kept (counted as issued at time 0). Call with the
/// record's lock held.
pub fn read_issued(record_path: &Path, issued: Option<&Path>, issuer: &str) -> Result<Vec<(Vec<u8>, i64)>> {
    let record = record::read(record_path)?;
    if record.force != issuer {
        bail!("the record {} is force {}'s, not {}'s", record_path.display(), record.force, issuer);
    }
    let mut cards = Vec::with_capacity(record.cards.len());
    for card in &record.cards {
        let serial = register::parse_serial(&card.serial).with_context(|| format!("the record {}", record_path.display()))?;
        let issued_at = time_arg::parse(&card.issued_at).with_context(|| format!("the record {}: card {}", record_path.display(), card.serial))?;
        cards.push((serial, issued_at));
    }
    if let Some(path) = issued {
        if !path.is_file() {
            bail!("the file of issued serials {} does not exist", path.display());
        }
        cards.extend(register::read(path)?.serials.into_iter().map(|s| (s, 0)));
    }
    Ok(cards)
}

/// The force's filter, signed at `now`, exact over `issued` up to `coverage`.
pub fn build(issuer: String, issued: &[(Vec<u8>, i64)], revoked: &[&[u8]], now: i64, coverage: i64, next_update_days: i64, valid_days: i64) -> RevocationFilter {
    let issued_refs: Vec<(&[u8], i64)> = issued.iter().map(|(s, t)| (s.as_slice(), *t)).collect();
    let (exact, recent) = FilterInput { issued: &issued_refs, revoked, coverage, seeds: warrant_core::filter::SEEDS }.build();
    RevocationFilter { issuer, issued_at: now, next_update: now + next_update_days * DAY, expires: now + valid_days * DAY, coverage, filter: exact, recent }
}

pub fn run_bundle(args: FilterBundleArgs) -> Result<()> {
    let now = time_arg::now();
    let root = RootKey::new(key_files::read_verifying_key(&args.root)?);
    let trust_bytes = std::fs::read(&args.trust_list).with_context(|| format!("reading {}", args.trust_list.display()))?;
    let trust = TrustList::open(&trust_bytes, &[root], now).with_context(|| format!("trust list {}", args.trust_list.display()))?;
    let mut named = Vec::new();
    for path in &args.filters {
        let (force, bytes) = open_filter(path, &trust, now)?;
        named.push((force, bytes));
    }
    let forces: Vec<String> = named.iter().map(|(f, _)| f.clone()).collect();
    let bundle = write_filter_bundle(named).context("bundling the filters")?;
    key_files::replace(&args.out, &bundle)?;
    println!("{}: {} revocation filters ({}), {} bytes", args.out.display(), forces.len(), forces.join(", "), bundle.len());
    Ok(())
}

fn open_filter(path: &Path, trust: &TrustList, now: i64) -> Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let filter = RevocationFilter::open(&bytes, trust, now).with_context(|| format!("revocation filter {}", path.display()))?;
    Ok((filter.issuer, bytes))
}
