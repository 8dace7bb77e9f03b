//! `publish`: the force's revocation list signed again from its register, and the bundle of
//! every force's newest list rebuilt, written into a web root's `lists/` folder together.
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
use warrant_core::{read_revocation_bundle, write_revocation_bundle, ListError, RevocationList, RootKey, TrustList};

use crate::private_key::KeyArg;
use crate::register_lock::{self, RegisterLock};
use crate::staged_files::StagedFiles;
use crate::time_arg::{self, DAY};
use crate::{key_files, register};

const TRUST_LIST: &str = "trust-list.cose";
const BUNDLE: &str = "revocations.cbor";

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
    /// the newest list of each force found there or in lists/ is bundled.
    #[arg(long)]
    lists_dir: Option<PathBuf>,
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

    let mut forces: Vec<String> = newest.keys().cloned().collect();
    forces.push(issuer.clone());
    forces.sort();
    check_staged(&staged, lists, &root, now, &list, &forces).context("the new files, read back from disk, are not what a checker would accept")?;
    Ok(Ready { staged, list, forces, warnings, lock })
}

/// Reads back every new file and opens it as a checker would: the trust list with the root,
/// the force's list and every list in the bundle against it.
fn check_staged(staged: &StagedFiles, lists: &Path, root: &RootKey, now: i64, list: &RevocationList, forces: &[String]) -> Result<()> {
    let read = |name: &str| -> Result<Vec<u8>> {
        let path = staged.staged(name).map(Path::to_path_buf).unwrap_or_else(|| lists.join(name));
        read_capped(&path).with_context(|| format!("reading back {name}"))
    };
    let trust = TrustList::open(&read(TRUST_LIST)?, std::slice::from_ref(root), now).map_err(named).context(TRUST_LIST)?;
    for name in staged.names().filter(|n| n.ends_with(".cose") && *n != TRUST_LIST) {
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
        !n.starts_with('.') && n != TRUST_LIST && (!in_place || n == BUNDLE || (n.starts_with("revocations-") && n.ends_with(".cose")))
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
