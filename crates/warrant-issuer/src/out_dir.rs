//! A batch's output folder: claimed before anything is signed, and filled in one step.
//!
//! Checking that the folder does not exist and renaming the finished batch onto it only at
//! the end let two batches into one folder both sign every card; the second then found the
//! folder taken and left its thousands of signed cards in its hidden staging folder. So the
//! folder is claimed first by creating it, empty, which only one run can do (the loser is
//! refused before it signs anything); the cards are staged in a hidden folder beside it, and
//! the complete staging folder replaces the empty claim in one rename, so the folder is
//! either empty or whole, never half-written. A run that fails removes its staging folder
//! and its claim (only if still empty: it never deletes what someone else put there).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use tempfile::TempDir;

/// An output folder this run has claimed, and the staging folder it is built in.
pub struct ClaimedOutDir {
    out_dir: PathBuf,
    staging: Option<TempDir>,
    finished: bool,
}

impl ClaimedOutDir {
    /// Claims `out_dir`, which must not exist, and makes a staging folder beside it.
    pub fn claim(out_dir: &Path) -> Result<ClaimedOutDir> {
        let parent = out_dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::create_dir_all(parent).with_context(|| format!("making {}", parent.display()))?;
        match fs::create_dir(out_dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                bail!("{} already exists (or another batch is writing into it); choose a new output folder", out_dir.display())
            }
            Err(e) => return Err(e).with_context(|| format!("making {}", out_dir.display())),
        }
        // Made before the staging folder, so that a failure to make that removes the claim.
        let mut claimed = ClaimedOutDir { out_dir: out_dir.to_path_buf(), staging: None, finished: false };
        let staging = tempfile::Builder::new().prefix(".warrant-batch-").tempdir_in(parent).with_context(|| format!("writing in {}", parent.display()))?;
        claimed.staging = Some(staging);
        Ok(claimed)
    }

    /// Where the batch is written until `finish`.
    pub fn staging(&self) -> &Path {
        self.staging.as_ref().expect("a claimed folder has a staging folder until finished").path()
    }

    /// Puts the staged batch in place of the empty claim.
    pub fn finish(mut self) -> Result<()> {
        let staging = self.staging.take().expect("finished once");
        replace_empty_dir(staging.path(), &self.out_dir).with_context(|| format!("moving the batch into {}", self.out_dir.display()))?;
        // Renamed away: nothing is left at the staging path for the guard to delete.
        let _ = staging.keep();
        self.finished = true;
        Ok(())
    }
}

impl Drop for ClaimedOutDir {
    fn drop(&mut self) {
        if !self.finished {
            // The staging folder deletes itself when dropped (after this). The claim goes
            // only if empty, so that nothing someone else put there is lost.
            let _ = fs::remove_dir(&self.out_dir);
        }
    }
}

/// Renames the folder `from` onto `to`, an empty folder.
fn replace_empty_dir(from: &Path, to: &Path) -> io::Result<()> {
    // POSIX rename(2) replaces an empty folder in the same step. Windows cannot rename onto
    // a folder: there the claim is removed first, leaving a moment without it.
    #[cfg(not(unix))]
    fs::remove_dir(to)?;
    fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    }

    #[test]
    fn the_folder_is_empty_until_finished_and_then_holds_the_staged_files() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("out");
        let claimed = ClaimedOutDir::claim(&out).unwrap();
        fs::write(claimed.staging().join("manifest.csv"), "line\n").unwrap();
        assert!(names(&out).is_empty(), "the claim is empty while the batch is staged");
        claimed.finish().unwrap();
        assert_eq!(names(&out), ["manifest.csv"]);
        assert_eq!(names(parent.path()), ["out"], "no staging folder is left");
    }

    #[test]
    fn a_second_claim_is_refused_and_a_dropped_claim_leaves_nothing() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("out");
        let first = ClaimedOutDir::claim(&out).unwrap();
        let message = ClaimedOutDir::claim(&out).err().unwrap().to_string();
        assert!(message.contains("already exists"), "{message}");
        fs::write(first.staging().join("manifest.csv"), "line\n").unwrap();
        drop(first);
        assert!(names(parent.path()).is_empty(), "left behind: {:?}", names(parent.path()));
    }

    #[test]
    fn a_dropped_claim_keeps_what_someone_else_put_in_the_folder() {
        let parent = tempfile::tempdir().unwrap();
        let out = parent.path().join("out");
        let claimed = ClaimedOutDir::claim(&out).unwrap();
        fs::write(out.join("theirs.txt"), "not the batch's").unwrap();
        drop(claimed);
        assert_eq!(names(&out), ["theirs.txt"]);
    }
}
