//! `publish`: the force's revocation list signed again from its register, and the bundle of
//! every force's newest list rebuilt, written into a web root's `lists/` folder together; with
//! `--record`, the force's revocation filter too (docs/FORMAT.md §14), signed from the same
//! register and its record of issued cards, and the bundle of every force's newest filter,
//! which the checker page fetches, rebuilt beside them.
//!
//! Meant to run unattended (a daily timer), so that lists are re-signed before their
//! `next_update` even when nothing was revoked. It never leaves a list a checker would refuse
//! in place of a good one: every new file is written beside the old one, read back from disk
//! and opened against the trust list as a checker would, and only then renamed into place,
//! all or none (`staged_files`). Any failure leaves the old files byte for byte and says why.
//!
//! Lists only move forward (FORMAT.md §10): for each other force the list with the highest
//! `iat` found (in `lists/`, in its bundle, or in `--lists-dir`) is bundled, and the force's
//! own list is not published when the one in place is dated later than this run (a clock set
//! back). The register is read under the lock `revoke` takes, so a revoke in progress is
//! never half-published.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use warrant_core::limits::MAX_BUNDLE_BYTES;
use warrant_core::{
    read_filter_bundle, read_revocation_bundle, write_filter_bundle, write_revocation_bundle, ListError, RevocationFilter, RevocationList, RootKey,
    TrustList,
};

use crate::private_key::KeyArg;
use crate::register_lock::{self, RegisterLock};
use crate::staged_files::StagedFiles;
use crate::time_arg::{self, DAY};
use crate::{filters, key_files, record, register};

const TRUST_LIST: &str = "trust-list.cose";
const BUNDLE: &str = "revocations.cbor";
/// The bundle of every force's revocation filter: what the checker page fetches.
const FILTER_BUNDLE: &str = "revocation-filters.cbor";
/// Each force's own filter is `revocation-filter-<force>.cose`.
const FILTER_PREFIX: &str = "revocation-filter-";

#[derive(clap::Args)]
pub struct PublishArgs {
    /// A key of the force (PKCS#8 PEM file, or pkcs11: URI); the list is signed with it.
    #[arg(long)]
    key: KeyArg,
    /// The force's id in the trust list, e.g. MPS.
    #[arg(long)]
    issuer: String,
    /// The force's revocation register, as `revoke` keeps it. It must exist (an empty file
    /// publishes a list revoking nothing): a mistyped path is refused, not read as empty.
    #[arg(long)]
    register: PathBuf,
    /// The checker's web root (the folder holding index.html); the lists are written into
    /// its lists/ folder, which must exist.
    #[arg(long)]
    web_root: PathBuf,
    /// Root public key (SPKI PEM) the trust list must be signed by.
    #[arg(long)]
    root: PathBuf,
    /// A trust list to publish too, replacing lists/trust-list.cose (never by an older one).
    /// Without it, the trust list already in lists/ is used.
    #[arg(long)]
    trust_list: Option<PathBuf>,
    /// A folder of other forces' signed lists (*.cose) or bundles (*.cbor) as they send them;
    /// the newest list of each force found there or in lists/ is bundled. Their revocation
    /// filters there are named revocation-filter-*.cose (or revocation-filters.cbor, a bundle).
    #[arg(long)]
    lists_dir: Option<PathBuf>,
    /// The force's record of issued cards, as `issue` and `batch` keep it. With it, the
    /// force's revocation filter is signed too (lists/revocation-filter-<force>.cose), from the
    /// same register, and the bundle the checker page fetches (lists/revocation-filters.cbor)
    /// rebuilt with every force's newest filter. Without it, filters in place are left as they are.
    #[arg(long)]
    record: Option<PathBuf>,
    /// A file of issued serials from before the record was kept (see `filter --issued`).
    #[arg(long, requires = "record")]
    issued: Option<PathBuf>,
    /// Hours before now of the filter's coverage time (see `filter`).
    #[arg(long, default_value_t = 24, requires = "record")]
    coverage_margin_hours: i64,
    /// Days until checkers warn that the list is out of date. Publish more often than this.
    #[arg(long, default_value_t = 2)]
    next_update_days: i64,
    /// Days until checkers refuse the list.
    #[arg(long, default_value_t = 7)]
    valid_days: i64,
    /// Seconds to wait for a revoke or publish that holds the register's lock, then give up.
    #[arg(long, default_value_t = 60)]
    lock_wait: u64,
    /// Publish even though the register no longer holds serials that the list in place
    /// revokes (those cards would read as genuine again).
    #[arg(long)]
    allow_removals: bool,
}

/// Runs `publish`, printing what was written and, on standard error, the lists left out.
pub fn run(args: PublishArgs) -> Result<()> {
    let lists = args.web_root.join("lists");
    let now = time_arg::now();
    let ready = prepare(&args, &lists, now)
        .with_context(|| format!("nothing was published (the files in {} are as they were)", lists.display()))?;
    for warning in &ready.warnings {
        eprintln!("warning: {warning}");
    }
    let written: Vec<String> = ready.staged.names().map(|n| format!("lists/{n}")).collect();
    ready.staged.commit()?;
    drop(ready.lock);
    let l = &ready.list;
    if let Some(f) = &ready.filter {
        println!(
            "{} filters in the filters bundle ({}); {}'s filter: {} revoked in its bits, {} listed as recent, coverage {}",
            ready.filter_forces.len(),
            ready.filter_forces.join(", "),
            f.issuer,
            ready.list.serials.len() - f.recent.len(),
            f.recent.len(),
            time_arg::format(f.coverage)
        );
    }
    println!(
        "published {}: {} lists in the bundle ({}); {} serials revoked by {}, signed {}, next update {}, expires {}",
        written.join(", "),
        ready.forces.len(),
        ready.forces.join(", "),
        l.serials.len(),
        l.issuer,
        time_arg::format(l.issued_at),
        time_arg::format(l.next_update),
        time_arg::format(l.expires)
    );
    Ok(())
}

/// Everything written and checked, not yet renamed into place.
struct Ready {
    staged: StagedFiles,
    list: RevocationList,
    forces: Vec<String>,
    /// The force's filter, when `--record` was given, and the forces in the filters bundle.
    filter: Option<RevocationFilter>,
    filter_forces: Vec<String>,
    warnings: Vec<String>,
    lock: RegisterLock,
}

/// A signed revocation list found on disk, opened against the trust list.
struct Found {
    from: String,
    bytes: Vec<u8>,
    list: RevocationList,
    in_place: bool,
}

fn prepare(args: &PublishArgs, lists: &Path, now: i64) -> Result<Ready> {
    let issuer = &args.issuer;
    if !fits_file_name(issuer) {
        bail!("the force id {issuer:?} cannot name a file (letters, digits, '-' and '_' only)");
    }
    if args.next_update_days < 1 || args.valid_days < args.next_update_days {
        bail!("--next-update-days must be at least 1 and --valid-days at least as many");
    }
    if !lists.is_dir() {
        bail!("{} is not a folder: --web-root must be the checker's web root, holding its lists/ folder", lists.display());
    }
    if !args.register.is_file() {
        bail!(
            "the register {} does not exist (a mistyped path would publish a list revoking nothing); create it, even empty, first",
            args.register.display()
        );
    }
    // Opened before the lock is taken, as revoke does: a PIN prompt must not hold it.
    let key = args.key.open()?;
    let lock = register_lock::lock_within(&args.register, Duration::from_secs(args.lock_wait))?;
    let register = register::read(&args.register)?;
    // The record is read under its own lock too, as `filter` reads it: a card being recorded
    // is either wholly in it or not at all.
    let issued = match &args.record {
        Some(path) => {
            if args.coverage_margin_hours < 0 {
                bail!("--coverage-margin-hours cannot be negative");
            }
            let _record_lock = record::lock(path)?;
            Some(filters::read_issued(path, args.issued.as_deref(), &args.issuer)?)
        }
        None => None,
    };

    // The trust list every list is opened against: the one given, or the one in place.
    let root = RootKey::new(key_files::read_verifying_key(&args.root)?);
    let in_place_trust = lists.join(TRUST_LIST);
    let trust_path = args.trust_list.clone().unwrap_or_else(|| in_place_trust.clone());
    let trust_bytes = read_capped(&trust_path).with_context(|| {
        if args.trust_list.is_none() {
            format!("no trust list in {} (give one with --trust-list)", lists.display())
        } else {
            format!("the trust list {}", trust_path.display())
        }
    })?;
    let trust = TrustList::open(&trust_bytes, std::slice::from_ref(&root), now)
        .map_err(named)
        .with_context(|| format!("the trust list {} does not open with the root key {}", trust_path.display(), args.root.display()))?;
    let mut new_trust = None;
    if args.trust_list.is_some() {
        let old = fs::read(&in_place_trust).ok();
        if old.as_deref() != Some(&trust_bytes[..]) {
            if let Some(old) = old {
                let old_iat = match TrustList::open(&old, std::slice::from_ref(&root), now) {
                    Ok(t) => Some(t.issued_at),
                    Err(ListError::IssuedInFuture { issued_at }) => Some(issued_at),
                    Err(_) => None,
                };
                if let Some(old_iat) = old_iat.filter(|&t| t > trust.issued_at) {
                    bail!(
                        "the trust list in place ({}) is newer than {} (signed {}, against {}): lists only move forward",
                        in_place_trust.display(),
                        trust_path.display(),
                        time_arg::format(old_iat),
                        time_arg::format(trust.issued_at)
                    );
                }
            }
            new_trust = Some(trust_bytes.clone());
        }
    }

    // The key must be one the trust list gives this force, and good now.
    let force = trust.force(issuer).with_context(|| format!("the trust list has no force {issuer:?}"))?;
    let kid = key.key_id();
    let issuer_key = force.key(&kid).with_context(|| {
        format!("this key (id {}) is not one of {issuer}'s keys in the trust list: is it the right key for the force?", warrant_core::to_hex(&kid))
    })?;
    if let Err(problem) = issuer_key.vouches_for(now) {
        bail!("the trust list does not vouch for this key of {issuer} now ({})", problem.code());
    }

    // Every list on hand, opened; the ones a checker would refuse are left out, said why.
    let mut warnings = Vec::new();
    let mut found = Vec::new();
    gather(lists, true, &trust, now, &mut found, &mut warnings)?;
    if let Some(dir) = &args.lists_dir {
        gather(dir, false, &trust, now, &mut found, &mut warnings)?;
    }
    let own_file = format!("revocations-{issuer}.cose");
    // This force's own list in place: a later one means the clock went back.
    if let Ok(Err(ListError::IssuedInFuture { issued_at })) = fs::read(lists.join(&own_file)).map(|b| RevocationList::open(&b, &trust, now)) {
        bail!(
            "lists/{own_file} is dated {}, after this run ({}): is this machine's clock behind?",
            time_arg::format(issued_at),
            time_arg::format(now)
        );
    }
    let newest_own = found.iter().filter(|f| f.list.issuer == *issuer).max_by_key(|f| f.list.issued_at);
    if let Some(own) = newest_own {
        if own.list.issued_at > now {
            bail!("{} is dated {}, after this run ({}): is this machine's clock behind?", own.from, time_arg::format(own.list.issued_at), time_arg::format(now));
        }
        let dropped: Vec<String> = own.list.serials.iter().filter(|s| !register.serials.contains(*s)).map(|s| warrant_core::to_hex(s)).collect();
        if !dropped.is_empty() && !args.allow_removals {
            bail!(
                "the register {} no longer holds {} serials that {} revokes ({}{}); those cards would read as genuine again. \
                 Mend the register, or give --allow-removals if that is meant",
                args.register.display(),
                dropped.len(),
                own.from,
                dropped.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
                if dropped.len() > 3 { ", …" } else { "" }
            );
        }
    }

    let list = RevocationList {
        issuer: issuer.clone(),
        issued_at: now,
        next_update: now + args.next_update_days * DAY,
        expires: now + args.valid_days * DAY,
        serials: register.serials.iter().cloned().collect(),
    };
    let signed = list.sign(&key, &kid).with_context(|| format!("signing {issuer}'s list"))?;

    // Each other force's newest list (the one in place when two are as new).
    let mut newest: BTreeMap<String, Found> = BTreeMap::new();
    for f in found.into_iter().filter(|f| f.list.issuer != *issuer) {
        match newest.get(&f.list.issuer) {
            Some(held) if held.list.issued_at >= f.list.issued_at => {}
            _ => {
                newest.insert(f.list.issuer.clone(), f);
            }
        }
    }
    let mut bundled: Vec<(String, Vec<u8>)> = newest.values().map(|f| (f.list.issuer.clone(), f.bytes.clone())).collect();
    bundled.push((issuer.clone(), signed.clone()));
    let bundle = write_revocation_bundle(bundled).map_err(named).context("bundling the lists")?;

    // Written beside the old files, in the order they will be renamed: the bundle, which is
    // what checkers fetch, last.
    let mut staged = StagedFiles::new(lists);
    staged.add(&own_file, &signed)?;
    for f in newest.values() {
        let name = format!("revocations-{}.cose", f.list.issuer);
        let in_place = fs::read(lists.join(&name)).ok();
        let changed = in_place.as_deref() != Some(&f.bytes[..]);
        if changed && (!f.in_place || in_place.is_some()) {
            if fits_file_name(&f.list.issuer) {
                staged.add(&name, &f.bytes)?;
            } else {
                warnings.push(format!("{}: the force id {:?} cannot name a file; its list is in the bundle only", f.from, f.list.issuer));
            }
        }
    }
    if let Some(bytes) = &new_trust {
        staged.add(TRUST_LIST, bytes)?;
    }
    staged.add(BUNDLE, &bundle)?;

    // The force's filter from the same register, and the filters bundle, renamed last.
    let (filter, filter_forces) = match &issued {
        Some(issued) => {
            let revoked: Vec<&[u8]> = register.serials.iter().map(Vec::as_slice).collect();
            let coverage = now - args.coverage_margin_hours * 3600;
            let filter = filters::build(issuer.clone(), issued, &revoked, now, coverage, args.next_update_days, args.valid_days);
            let signed = filter.sign(&key, &kid).with_context(|| format!("signing {issuer}'s filter"))?;
            let forces = stage_filters(args, lists, &trust, now, &signed, &mut staged, &mut warnings)?;
            (Some(filter), forces)
        }
        None => (None, Vec::new()),
    };

    let mut forces: Vec<String> = newest.keys().cloned().collect();
    forces.push(issuer.clone());
    forces.sort();
    check_staged(&staged, lists, &root, now, &list, &forces).context("the new files, read back from disk, are not what a checker would accept")?;
    if let Some(filter) = &filter {
        check_staged_filters(&staged, lists, &root, now, filter, &filter_forces)
            .context("the new filters, read back from disk, are not what a checker would accept")?;
    }
    Ok(Ready { staged, list, forces, filter, filter_forces, warnings, lock })
}

/// A signed revocation filter found on disk, opened against the trust list.
struct FoundFilter {
    from: String,
    bytes: Vec<u8>,
    filter: RevocationFilter,
    in_place: bool,
}

/// Stages the force's own filter (`signed`), each other force's newest filter found in lists/
/// or `--lists-dir` that changed, and the filters bundle of them all. Returns the forces in it.
fn stage_filters(
    args: &PublishArgs,
    lists: &Path,
    trust: &TrustList,
    now: i64,
    signed: &[u8],
    staged: &mut StagedFiles,
    warnings: &mut Vec<String>,
) -> Result<Vec<String>> {
    let issuer = &args.issuer;
    let mut found = Vec::new();
    gather_filters(lists, true, trust, now, &mut found, warnings)?;
    if let Some(dir) = &args.lists_dir {
        gather_filters(dir, false, trust, now, &mut found, warnings)?;
    }
    let own_file = format!("{FILTER_PREFIX}{issuer}.cose");
    if let Ok(Err(ListError::IssuedInFuture { issued_at })) = fs::read(lists.join(&own_file)).map(|b| RevocationFilter::open(&b, trust, now)) {
        bail!("lists/{own_file} is dated {}, after this run ({}): is this machine's clock behind?", time_arg::format(issued_at), time_arg::format(now));
    }
    if let Some(own) = found.iter().filter(|f| f.filter.issuer == *issuer).max_by_key(|f| f.filter.issued_at) {
        if own.filter.issued_at > now {
            bail!("{} is dated {}, after this run ({}): is this machine's clock behind?", own.from, time_arg::format(own.filter.issued_at), time_arg::format(now));
        }
    }
    let mut newest: BTreeMap<String, FoundFilter> = BTreeMap::new();
    for f in found.into_iter().filter(|f| f.filter.issuer != *issuer) {
        match newest.get(&f.filter.issuer) {
            Some(held) if held.filter.issued_at >= f.filter.issued_at => {}
            _ => {
                newest.insert(f.filter.issuer.clone(), f);
            }
        }
    }
    let mut bundled: Vec<(String, Vec<u8>)> = newest.values().map(|f| (f.filter.issuer.clone(), f.bytes.clone())).collect();
    bundled.push((issuer.clone(), signed.to_vec()));
    let bundle = write_filter_bundle(bundled).map_err(named).context("bundling the filters")?;
    staged.add(&own_file, signed)?;
    for f in newest.values() {
        let name = format!("{FILTER_PREFIX}{}.cose", f.filter.issuer);
        let in_place = fs::read(lists.join(&name)).ok();
        if in_place.as_deref() != Some(&f.bytes[..]) && (!f.in_place || in_place.is_some()) {
            if fits_file_name(&f.filter.issuer) {
                staged.add(&name, &f.bytes)?;
            } else {
                warnings.push(format!("{}: the force id {:?} cannot name a file; its filter is in the bundle only", f.from, f.filter.issuer));
            }
        }
    }
    staged.add(FILTER_BUNDLE, &bundle)?;
    let mut forces: Vec<String> = newest.keys().cloned().collect();
    forces.push(issuer.clone());
    forces.sort();
    Ok(forces)
}

/// Reads back every new filter and the filters bundle and opens them as the checker page does.
fn check_staged_filters(staged: &StagedFiles, lists: &Path, root: &RootKey, now: i64, filter: &RevocationFilter, forces: &[String]) -> Result<()> {
    let read = |name: &str| -> Result<Vec<u8>> {
        let path = staged.staged(name).map(Path::to_path_buf).unwrap_or_else(|| lists.join(name));
        read_capped(&path).with_context(|| format!("reading back {name}"))
    };
    let trust = TrustList::open(&read(TRUST_LIST)?, std::slice::from_ref(root), now).map_err(named).context(TRUST_LIST)?;
    for name in staged.names().filter(|n| n.starts_with(FILTER_PREFIX) && n.ends_with(".cose")) {
        let opened = RevocationFilter::open(&read(name)?, &trust, now).map_err(named).with_context(|| name.to_string())?;
        if name != format!("{FILTER_PREFIX}{}.cose", opened.issuer) {
            bail!("{name} holds the filter of {}", opened.issuer);
        }
        if opened.issuer == filter.issuer && opened != *filter {
            bail!("{name} is not the filter just signed");
        }
    }
    let mut in_bundle = Vec::new();
    for (i, bytes) in read_filter_bundle(&read(FILTER_BUNDLE)?).map_err(named).context(FILTER_BUNDLE)?.iter().enumerate() {
        let opened = RevocationFilter::open(bytes, &trust, now).map_err(named).with_context(|| format!("{FILTER_BUNDLE}, filter {}", i + 1))?;
        if opened.issuer == filter.issuer && opened != *filter {
            bail!("{FILTER_BUNDLE} does not hold the filter just signed");
        }
        in_bundle.push(opened.issuer);
    }
    if in_bundle != forces {
        bail!("{FILTER_BUNDLE} holds the filters of {in_bundle:?}, not {forces:?}");
    }
    Ok(())
}

/// Every filter in `dir`: `revocation-filter-*.cose` and the bundle `revocation-filters.cbor`
/// (hidden files, another run's temporary files, skipped). One that does not open is left out
/// with a warning.
fn gather_filters(dir: &Path, in_place: bool, trust: &TrustList, now: i64, found: &mut Vec<FoundFilter>, warnings: &mut Vec<String>) -> Result<()> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(is_filter_file))
        .collect();
    paths.sort();
    for path in paths {
        let shown = path.display().to_string();
        let filters = match path.extension().and_then(|e| e.to_str()) {
            Some("cose") => read_capped(&path).map(|bytes| vec![(shown.clone(), bytes)]),
            _ => read_capped(&path)
                .and_then(|b| read_filter_bundle(&b).map_err(named))
                .map(|fs| fs.into_iter().enumerate().map(|(i, b)| (format!("{shown} (filter {})", i + 1), b)).collect()),
        };
        let filters = match filters {
            Ok(filters) => filters,
            Err(e) => {
                warnings.push(format!("{shown}: {e:#}; left out"));
                continue;
            }
        };
        for (from, bytes) in filters {
            match RevocationFilter::open(&bytes, trust, now) {
                Ok(filter) => found.push(FoundFilter { from, bytes, filter, in_place }),
                Err(e) => warnings.push(format!("{from}: {} ({}); left out of the filters bundle", e, e.code())),
            }
        }
    }
    Ok(())
}

fn is_filter_file(name: &str) -> bool {
    !name.starts_with('.') && (name == FILTER_BUNDLE || (name.starts_with(FILTER_PREFIX) && name.ends_with(".cose")))
}

/// Reads back every new file and opens it as a checker would: the trust list with the root,
/// the force's list and every list in the bundle against it.
fn check_staged(staged: &StagedFiles, lists: &Path, root: &RootKey, now: i64, list: &RevocationList, forces: &[String]) -> Result<()> {
    let read = |name: &str| -> Result<Vec<u8>> {
        let path = staged.staged(name).map(Path::to_path_buf).unwrap_or_else(|| lists.join(name));
        read_capped(&path).with_context(|| format!("reading back {name}"))
    };
    let trust = TrustList::open(&read(TRUST_LIST)?, std::slice::from_ref(root), now).map_err(named).context(TRUST_LIST)?;
    for name in staged.names().filter(|n| n.ends_with(".cose") && *n != TRUST_LIST && !is_filter_file(n)) {
        let opened = RevocationList::open(&read(name)?, &trust, now).map_err(named).with_context(|| name.to_string())?;
        if name != format!("revocations-{}.cose", opened.issuer) {
            bail!("{name} holds the list of {}", opened.issuer);
        }
        if opened.issuer == list.issuer && opened != *list {
            bail!("{name} is not the list just signed");
        }
    }
    let mut in_bundle = Vec::new();
    for (i, bytes) in read_revocation_bundle(&read(BUNDLE)?).map_err(named).context(BUNDLE)?.iter().enumerate() {
        let opened = RevocationList::open(bytes, &trust, now).map_err(named).with_context(|| format!("{BUNDLE}, list {}", i + 1))?;
        if opened.issuer == list.issuer && opened != *list {
            bail!("{BUNDLE} does not hold the list just signed");
        }
        in_bundle.push(opened.issuer);
    }
    if in_bundle != forces {
        bail!("{BUNDLE} holds the lists of {in_bundle:?}, not {forces:?}");
    }
    Ok(())
}

/// Every list in `dir`: in the web root's lists/ (`in_place`), `revocations-*.cose` and the
/// bundle `revocations.cbor` (other files there, such as card directories, are not lists);
/// in a lists dir, each `*.cose` file but a trust list, and each list in a `*.cbor` bundle.
/// Hidden files (another run's temporary files) are skipped.
fn gather(dir: &Path, in_place: bool, trust: &TrustList, now: i64, found: &mut Vec<Found>, warnings: &mut Vec<String>) -> Result<()> {
    let wanted = |n: &str| {
        !n.starts_with('.')
            && n != TRUST_LIST
            && !is_filter_file(n)
            && (!in_place || n == BUNDLE || (n.starts_with("revocations-") && n.ends_with(".cose")))
    };
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(wanted))
        .collect();
    paths.sort();
    for path in paths {
        let shown = path.display().to_string();
        let lists = match path.extension().and_then(|e| e.to_str()) {
            Some("cose") => match read_capped(&path) {
                Ok(bytes) => vec![(shown.clone(), bytes)],
                Err(e) => {
                    warnings.push(format!("{shown}: {e:#}; left out"));
                    continue;
                }
            },
            Some("cbor") => match read_capped(&path).and_then(|b| read_revocation_bundle(&b).map_err(named)) {
                Ok(lists) => lists.into_iter().enumerate().map(|(i, b)| (format!("{shown} (list {})", i + 1), b)).collect(),
                Err(e) => {
                    warnings.push(format!("{shown}: {e:#}; its lists are left out"));
                    continue;
                }
            },
            _ => continue,
        };
        for (from, bytes) in lists {
            match RevocationList::open(&bytes, trust, now) {
                Ok(list) => found.push(Found { from, bytes, list, in_place }),
                Err(e) => warnings.push(format!("{from}: {} ({}); left out of the bundle", e, e.code())),
            }
        }
    }
    Ok(())
}

/// A list error with its code, as checkers name it.
fn named(e: ListError) -> anyhow::Error {
    anyhow::anyhow!("{e} ({})", e.code())
}

/// A file no larger than any list or bundle a checker accepts.
fn read_capped(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_BUNDLE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .with_context(|| format!("reading {}", path.display()))?;
    if bytes.len() > MAX_BUNDLE_BYTES {
        bail!("{} is larger than any list ({} bytes at most)", path.display(), MAX_BUNDLE_BYTES);
    }
    Ok(bytes)
}

/// Force ids become file names (`revocations-<id>.cose`), so only plain ones are allowed.
fn fits_file_name(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
