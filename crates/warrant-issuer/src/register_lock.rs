//! One `revoke` (or `publish`) at a time per register. `revoke` reads the register, adds its serials,
//! signs the list and writes both back; runs that overlap each write what they read plus
//! their own serials, so the last writer drops the others' revocations (30 runs started
//! together once left 2 of 30 serials), and a cancelled card would stay genuine.
//!
//! The lock is an exclusive advisory lock on `<register>.lock`, held for the whole
//! read-modify-write of the register and of the signed list built from it. It is a file
//! of its own because the register is replaced by rename: a lock on the register would be
//! on the old file, which the next run no longer opens. The lock file is left in place;
//! deleting it would let a waiting run and a new one lock different files. The operating
//! system releases the lock when the process ends, however it ends.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// An exclusive advisory lock on `<file>.lock`, beside the file it guards (the register, or
/// the record of issued cards); unlocks when dropped.
pub struct FileLock {
    _file: File,
}

/// Held while the register and its list are read and rewritten.
pub type RegisterLock = FileLock;

/// Waits until no other run holds the register's lock, then takes it.
pub fn lock(register: &Path) -> Result<RegisterLock> {
    lock_beside(register, &format!("another revoke of {}", register.display()))
}

/// Waits until no other run holds `<guarded>.lock`, saying that it waits for `holder`, then
/// takes it.
pub fn lock_beside(guarded: &Path, holder: &str) -> Result<FileLock> {
    let (file, path) = open_lock_file(guarded)?;
    // Fully qualified: newer Rust has an inherent File::lock that would shadow the trait.
    if fs4::FileExt::try_lock(&file).is_err() {
        eprintln!("waiting for {holder} to finish");
        fs4::FileExt::lock(&file).with_context(|| format!("locking {}", path.display()))?;
    }
    Ok(FileLock { _file: file })
}

/// Takes the register's lock, waiting at most `wait` for a run that holds it (a `publish` on
/// a timer must end, and say why, rather than queue behind a stuck run for ever).
pub fn lock_within(register: &Path, wait: Duration) -> Result<RegisterLock> {
    let (file, path) = open_lock_file(register)?;
    let deadline = Instant::now() + wait;
    while fs4::FileExt::try_lock(&file).is_err() {
        if Instant::now() >= deadline {
            bail!(
                "the register {} is locked by another run (a revoke or publish holds {}); still locked after {} s",
                register.display(),
                path.display(),
                wait.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(FileLock { _file: file })
}

/// Opens (making it if need be) `<guarded>.lock`: `revoked.txt` → `revoked.txt.lock`.
fn open_lock_file(guarded: &Path) -> Result<(File, PathBuf)> {
    let mut name = guarded.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("opening the lock file {}", path.display()))?;
    Ok((file, path))
}
