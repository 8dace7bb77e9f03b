//! The checker's trust data: the built-in root, the trust list and revocation lists it
//! holds, and the rules for replacing them. Trust only moves forward: a list is replaced only
//! by a newer one that opens, the newest `iat` ever accepted is remembered (`Marks`, saved
//! with the lists: `saved_lists`) so that no reload, tab, cache or network can bring an older
//! list back, and time is never judged with a clock that is provably behind.

use std::collections::BTreeMap;

use warrant_core::{keys, limits::CLOCK_SKEW_SECONDS, ListError, RevocationList, RootKey, TrustList, UnixTime};

use crate::snapshot;

/// The high-water marks: what this checker has verified, which nothing older may undo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// The `iat` of the newest trust list ever accepted.
    pub trust: Option<UnixTime>,
    /// The `iat` of the newest revocation list ever accepted, per force id.
    pub revocations: BTreeMap<String, UnixTime>,
    /// A lower bound on the real time: the newest `iat` seen on a list the root signed (the
    /// root is the most closely guarded key there is). A clock earlier than this is wrong.
    pub time_floor: UnixTime,
}

impl Marks {
    /// Both sets of marks at once: the later of each (another tab may have gone further).
    pub fn merge(&mut self, other: &Marks) {
        self.trust = self.trust.max(other.trust);
        for (force, iat) in &other.revocations {
            let held = self.revocations.entry(force.clone()).or_insert(*iat);
            *held = (*held).max(*iat);
        }
        self.time_floor = self.time_floor.max(other.time_floor);
    }
}

/// What a checker keeps on the device: the signed lists exactly as verified, and the marks.
/// The lists are opened (verified) again whenever they are read back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    pub trust_list: Option<Vec<u8>>,
    pub revocation_lists: Vec<Vec<u8>>,
    pub marks: Marks,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrustStore {
    roots: Vec<RootKey>,
    /// None until a signed list has been accepted (no snapshot, or the snapshot expired).
    pub trust: Option<TrustList>,
    /// Opened from `signed_revocations`, against `trust`.
    pub revocations: Vec<RevocationList>,
    /// Built with the DEMO root: the page must say so.
    pub is_demo: bool,
    signed_trust: Option<Vec<u8>>,
    signed_revocations: BTreeMap<String, Vec<u8>>,
    marks: Marks,
    /// When the newest trust list this checker has seen ran out, if it had by this device's
    /// clock: with none held, either the lists are old or the clock is far ahead.
    ran_out: Option<UnixTime>,
}

impl TrustStore {
    /// The store as built into the page, after what this device saved (if anything), opened
    /// at `clock`. What was saved goes first, so that a snapshot older than it is refused.
    pub fn from_snapshot(saved: Option<Saved>, clock: UnixTime) -> TrustStore {
        let roots = snapshot::ROOT_KEY
            .and_then(|(key, kid)| Some(RootKey { key: keys::verifying_key_from_bytes(&key).ok()?, kid: kid.to_vec() }))
            .into_iter()
            .collect();
        let mut store = TrustStore::empty(roots, snapshot::IS_DEMO);
        if let Some(saved) = saved {
            store.restore(&saved, clock);
        }
        let _ = store.accept_trust_list(snapshot::TRUST_LIST, clock);
        for list in snapshot::REVOCATIONS {
            let _ = store.accept_revocation_list(list, clock);
        }
        store
    }

    pub fn with_root(root: RootKey) -> TrustStore {
        TrustStore::empty(vec![root], false)
    }

    fn empty(roots: Vec<RootKey>, is_demo: bool) -> TrustStore {
        TrustStore {
            roots,
            trust: None,
            revocations: Vec::new(),
            is_demo,
            signed_trust: None,
            signed_revocations: BTreeMap::new(),
            marks: Marks::default(),
            ran_out: None,
        }
    }

    pub fn has_root(&self) -> bool {
        !self.roots.is_empty()
    }

    /// The time to judge cards and lists by: the device clock, unless it is behind what the
    /// root has proved (then the proved time: an expired card must not pass as genuine on a
    /// phone whose clock is years slow).
    pub fn judging_time(&self, clock: UnixTime) -> UnixTime {
        clock.max(self.marks.time_floor)
    }

    /// The time this checker knows it is at least, when the device clock is behind it by more
    /// than the clock allowance: the page says the clock is wrong.
    pub fn clock_behind(&self, clock: UnixTime) -> Option<UnixTime> {
        (clock.saturating_add(CLOCK_SKEW_SECONDS) < self.marks.time_floor).then_some(self.marks.time_floor)
    }

    /// With no trust list held because the newest one seen had run out by this clock: when
    /// it ran out. The clock may be far ahead, or the checker long offline.
    pub fn ran_out(&self) -> Option<UnixTime> {
        self.ran_out.filter(|_| self.trust.is_none())
    }

    /// Takes a trust list if the root signed it, it opens at the judging time, and it is
    /// newer than any trust list accepted before (a replayed old list must not undo a key
    /// withdrawal). Returns whether the held list changed. Revocation lists that the new
    /// list no longer vouches for go (a force removed, or its key withdrawn before the
    /// list was signed).
    pub fn accept_trust_list(&mut self, bytes: &[u8], clock: UnixTime) -> Result<bool, ListError> {
        let list = match TrustList::open(bytes, &self.roots, self.judging_time(clock)) {
            // Signed by the root (the signature is checked before the dates), so the real
            // time is at least its iat: this clock is behind, not the list ahead.
            Err(ListError::IssuedInFuture { issued_at }) => {
                self.marks.time_floor = self.marks.time_floor.max(issued_at);
                TrustList::open(bytes, &self.roots, self.judging_time(clock))
            }
            other => other,
        };
        let list = list.inspect_err(|e| {
            if let ListError::Expired { expires } = e {
                self.ran_out = self.ran_out.max(Some(*expires));
            }
        })?;
        if !is_newer(list.issued_at, self.marks.trust, self.trust.is_some()) {
            return Ok(false);
        }
        self.marks.trust = Some(list.issued_at);
        self.marks.time_floor = self.marks.time_floor.max(list.issued_at);
        self.trust = Some(list);
        self.signed_trust = Some(bytes.to_vec());
        self.reopen_revocation_lists(clock);
        Ok(true)
    }

    /// Takes a revocation list on the same terms, per force.
    pub fn accept_revocation_list(&mut self, bytes: &[u8], clock: UnixTime) -> Result<bool, ListError> {
        let trust = self.trust.as_ref().ok_or(ListError::UnknownSigner)?;
        let list = RevocationList::open(bytes, trust, self.judging_time(clock))?;
        let held = self.signed_revocations.contains_key(&list.issuer);
        if !is_newer(list.issued_at, self.marks.revocations.get(&list.issuer).copied(), held) {
            return Ok(false);
        }
        self.marks.revocations.insert(list.issuer.clone(), list.issued_at);
        self.signed_revocations.insert(list.issuer.clone(), bytes.to_vec());
        self.revocations.retain(|r| r.issuer != list.issuer);
        self.revocations.push(list);
        Ok(true)
    }

    /// Opens every held revocation list again against the trust list now held. One that no
    /// longer opens goes; unless it merely expired, its force's mark goes with it, since the
    /// trust list has disowned the list that set it (a list signed with a stolen key must
    /// not hold back the force's real lists).
    fn reopen_revocation_lists(&mut self, clock: UnixTime) {
        let now = self.judging_time(clock);
        self.revocations.clear();
        let Some(trust) = &self.trust else {
            self.signed_revocations.clear();
            return;
        };
        let marks = &mut self.marks.revocations;
        let revocations = &mut self.revocations;
        self.signed_revocations.retain(|force, bytes| match RevocationList::open(bytes, trust, now) {
            Ok(list) => {
                revocations.push(list);
                true
            }
            Err(ListError::Expired { .. }) => false,
            Err(_) => {
                marks.remove(force);
                false
            }
        });
    }

    /// Drops lists that have expired since they were accepted (a page left open for weeks).
    /// Their marks stay: an older list is no better for the newer one having expired.
    pub fn expire(&mut self, clock: UnixTime) {
        let now = self.judging_time(clock);
        if let Some(expires) = self.trust.as_ref().map(|t| t.expires).filter(|e| now >= *e) {
            self.ran_out = self.ran_out.max(Some(expires));
            self.trust = None;
            self.signed_trust = None;
        }
        self.reopen_revocation_lists(clock);
    }

    /// What to keep on the device.
    pub fn saved(&self) -> Saved {
        Saved {
            trust_list: self.signed_trust.clone(),
            revocation_lists: self.signed_revocations.values().cloned().collect(),
            marks: self.marks.clone(),
        }
    }

    /// Takes what was saved on this device (by this page before, or by another tab): its
    /// marks first, then its lists, each opened again as if fetched.
    pub fn restore(&mut self, saved: &Saved, clock: UnixTime) {
        self.marks.merge(&saved.marks);
        if let Some(bytes) = &saved.trust_list {
            let _ = self.accept_trust_list(bytes, clock);
        }
        for bytes in &saved.revocation_lists {
            let _ = self.accept_revocation_list(bytes, clock);
        }
    }

    /// When the oldest held revocation list was issued, to say how fresh the data is.
    pub fn oldest_revocation_list(&self) -> Option<UnixTime> {
        self.revocations.iter().map(|r| r.issued_at).min()
    }
}

/// Whether a list issued at `issued_at` should replace what is held, given the newest `iat`
/// ever accepted for it. A list as new as the mark is taken only when none is held (the
/// saved copy of the very list that set the mark).
fn is_newer(issued_at: UnixTime, mark: Option<UnixTime>, held: bool) -> bool {
    match mark {
        None => true,
        Some(mark) => issued_at > mark || (issued_at == mark && !held),
    }
}

#[cfg(test)]
mod tests;
