//! Files in one folder replaced together, never half-written.
//!
//! Each new file is first written in full to a hidden temporary file in the same folder and
//! flushed to disk (`fsync`), so it can be read back and checked before anything a reader
//! sees has changed. `commit` then renames each one onto its name (a rename within a folder is
//! atomic: a reader sees the old file or the new one, never part of either) and flushes the
//! folder. If a rename fails part way, the files already replaced are put back from hard
//! links made to the old files just before, so the folder holds the old set again. Temporary
//! files are removed when dropped, so a run that stops with an error leaves none behind.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use tempfile::TempPath;

/// Hidden, so that a listing of the folder (or a web server that hides dot files) does not
/// show a file in the middle of being written.
const PREFIX: &str = ".warrant-publish-";

pub struct StagedFiles {
    dir: PathBuf,
    files: Vec<(String, TempPath)>,
}

impl StagedFiles {
    pub fn new(dir: &Path) -> StagedFiles {
        StagedFiles { dir: dir.to_path_buf(), files: Vec::new() }
    }

    /// Writes `bytes` to a temporary file that will replace `dir/name`, readable by everyone
    /// (the files are public lists a web server must be able to read), and flushes it.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let mut tmp = tempfile::Builder::new()
            .prefix(PREFIX)
            .tempfile_in(&self.dir)
            .with_context(|| format!("writing in {}", self.dir.display()))?;
        let shown = self.dir.join(name);
        tmp.write_all(bytes).with_context(|| format!("writing the new {}", shown.display()))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            tmp.as_file().set_permissions(fs::Permissions::from_mode(0o644)).with_context(|| format!("writing the new {}", shown.display()))?;
        }
        tmp.as_file().sync_all().with_context(|| format!("flushing the new {} to disk", shown.display()))?;
        self.files.push((name.to_string(), tmp.into_temp_path()));
        Ok(())
    }

    /// Where the new `name` is written until `commit` (for reading it back).
    pub fn staged(&self, name: &str) -> Option<&Path> {
        self.files.iter().find(|(n, _)| n == name).map(|(_, p)| p.as_ref())
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|(n, _)| n.as_str())
    }

    /// Renames every staged file onto its name, in the order they were added. If one fails,
    /// the ones already renamed are put back and the error says so.
    pub fn commit(self) -> Result<()> {
        let dir = self.dir;
        // (target, hard link to the file it replaced, if there was one)
        let mut done: Vec<(PathBuf, Option<TempPath>)> = Vec::new();
        for (name, tmp) in self.files {
            let target = dir.join(&name);
            let step = || -> Result<Option<TempPath>> {
                let backup = match fs::symlink_metadata(&target) {
                    Ok(_) => Some(
                        tempfile::Builder::new()
                            .prefix(PREFIX)
                            .make_in(&dir, |link| fs::hard_link(&target, link))
                            .with_context(|| format!("keeping a copy of the old {}", target.display()))?
                            .into_temp_path(),
                    ),
                    Err(_) => None,
                };
                tmp.persist(&target).map_err(|e| anyhow!(e.error)).with_context(|| format!("replacing {}", target.display()))?;
                Ok(backup)
            };
            match step() {
                Ok(backup) => done.push((target, backup)),
                Err(e) => {
                    let undone = done.len();
                    return Err(match put_back(done) {
                        Ok(()) if undone == 0 => e,
                        Ok(()) => e.context(format!("the {undone} files already replaced were put back as they were")),
                        Err(again) => e.context(format!("putting back the files already replaced failed too ({again:#}); check {}", dir.display())),
                    });
                }
            }
        }
        // The renames themselves reach the disk when the folder is flushed.
        fs::File::open(&dir).and_then(|d| d.sync_all()).with_context(|| format!("flushing {} to disk", dir.display()))?;
        Ok(())
    }
}

/// Undoes renames, newest first: the old file back from its hard link, or a file that did
/// not exist before removed.
fn put_back(done: Vec<(PathBuf, Option<TempPath>)>) -> Result<()> {
    for (target, backup) in done.into_iter().rev() {
        match backup {
            Some(old) => old.persist(&target).map_err(|e| anyhow!(e.error)).with_context(|| format!("restoring {}", target.display()))?,
            None => fs::remove_file(&target).with_context(|| format!("removing the new {}", target.display()))?,
        }
    }
    Ok(())
}
