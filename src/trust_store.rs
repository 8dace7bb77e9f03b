//! The checker's trust data: the built-in root, the trust list, and the revocation lists and
//! revocation filters (docs/FORMAT.md §14) it holds, and the rules for replacing them. Trust
//! only moves forward: a list or filter is replaced only by a newer one that opens, the newest
//! `iat` ever accepted is remembered, per force and per kind (`Marks`, saved with the lists:
//! `saved_lists`) so that no reload, tab, cache or network can bring an older one back, and
//! time is never judged with a clock that is provably behind.

use warrant_core::{keys, limits::CLOCK_SKEW_SECONDS, ListError, RevocationFilter, RevocationList, RootKey, TrustList, UnixTime};

pub use crate::by_force::ByForce;
use crate::snapshot;

/// The high-water marks: what this checker has verified, which nothing older may undo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// The `iat` of the newest trust list ever accepted.
    pub trust: Option<UnixTime>,
    /// The `iat` of the newest revocation list ever accepted, per force id.
    pub revocations: ByForce<UnixTime>,
    /// The `iat` of the newest revocation filter ever accepted, per force id.
    pub filters: ByForce<UnixTime>,
    /// A lower bound on the real time: the newest `iat` seen on a list the root signed (the
    /// root is the most closely guarded key there is). A clock earlier than this is wrong.
    pub time_floor: UnixTime,
}

impl Marks {
    /// Both sets of marks at once: the later of each (another tab may have gone further).
    pub fn merge(&mut self, other: &Marks) {
        self.trust = self.trust.max(other.trust);
        for (mine, theirs) in [(&mut self.revocations, &other.revocations), (&mut self.filters, &other.filters)] {
            for (force, iat) in theirs {
                let held = mine.get_or_insert(force, *iat);
                *held = (*held).max(*iat);
            }
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
    pub revocation_filters: Vec<Vec<u8>>,
    pub marks: Marks,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrustStore {
    roots: Vec<RootKey>,
    /// None until a signed list has been accepted (no snapshot, or the snapshot expired).
    pub trust: Option<TrustList>,
    /// Opened from `signed_revocations`, against `trust`.
    pub revocations: Vec<RevocationList>,
    /// Opened from `signed_filters`, against `trust`.
    pub filters: Vec<RevocationFilter>,
    /// Built with the DEMO root: the page must say so.
    pub is_demo: bool,
    signed_trust: Option<Vec<u8>>,
    signed_revocations: ByForce<Vec<u8>>,
    signed_filters: ByForce<Vec<u8>>,
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
        for filter in snapshot::FILTERS {
            let _ = store.accept_revocation_filter(filter, clock);
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
            filters: Vec::new(),
            is_demo,
            signed_trust: None,
            signed_revocations: ByForce::default(),
            signed_filters: ByForce::default(),
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
        let now = self.judging_time(clock);
        let trust = self.trust.as_ref().ok_or(ListError::UnknownSigner)?;
        accept(bytes, trust, now, &mut self.revocations, &mut self.signed_revocations, &mut self.marks.revocations)
    }

    /// Takes a force's revocation filter on the same terms, per force: signed by a key the
    /// trust list gives that force (a filter naming one force and signed by another's key is
    /// refused, `unknown-signer`), unexpired, and newer than any filter of that force accepted
    /// before. A force's filter and its list are held side by side, each with its own mark.
    pub fn accept_revocation_filter(&mut self, bytes: &[u8], clock: UnixTime) -> Result<bool, ListError> {
        let now = self.judging_time(clock);
        let trust = self.trust.as_ref().ok_or(ListError::UnknownSigner)?;
        accept(bytes, trust, now, &mut self.filters, &mut self.signed_filters, &mut self.marks.filters)
    }

    /// Opens every held revocation list and filter again against the trust list now held.
    /// One that no longer opens goes; unless it merely expired, its force's mark goes with it,
    /// since the trust list has disowned the list that set it (a list signed with a stolen key
    /// must not hold back the force's real lists).
    fn reopen_revocation_lists(&mut self, clock: UnixTime) {
        let now = self.judging_time(clock);
        reopen(self.trust.as_ref(), now, &mut self.revocations, &mut self.signed_revocations, &mut self.marks.revocations);
        reopen(self.trust.as_ref(), now, &mut self.filters, &mut self.signed_filters, &mut self.marks.filters);
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
            revocation_filters: self.signed_filters.values().cloned().collect(),
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
        for bytes in &saved.revocation_filters {
            let _ = self.accept_revocation_filter(bytes, clock);
        }
    }

    /// When the oldest revocation data held was issued, to say how fresh the data is: per
    /// force, the newer of its list and its filter.
    pub fn oldest_revocation_list(&self) -> Option<UnixTime> {
        // A list, not a BTreeMap<&str, _>: a map of its own key type would be another copy of
        // the map's code in the Wasm (about 3 KB) for a few dozen forces at most.
        let mut newest: Vec<(&str, UnixTime)> = Vec::new();
        let held = self.revocations.iter().map(|r| (r.issuer.as_str(), r.issued_at)).chain(self.filters.iter().map(|f| (f.issuer.as_str(), f.issued_at)));
        for (force, iat) in held {
            match newest.iter_mut().find(|(f, _)| *f == force) {
                Some((_, at)) => *at = (*at).max(iat),
                None => newest.push((force, iat)),
            }
        }
        newest.into_iter().map(|(_, at)| at).min()
    }
}

/// A force's signed revocation data as the store holds it: a list (§8) or a filter (§14).
trait ForceData: Sized {
    fn open(bytes: &[u8], trust: &TrustList, now: UnixTime) -> Result<Self, ListError>;
    fn issuer(&self) -> &str;
    fn issued_at(&self) -> UnixTime;
}

impl ForceData for RevocationList {
    fn open(bytes: &[u8], trust: &TrustList, now: UnixTime) -> Result<Self, ListError> {
        RevocationList::open(bytes, trust, now)
    }
    fn issuer(&self) -> &str {
        &self.issuer
    }
    fn issued_at(&self) -> UnixTime {
        self.issued_at
    }
}

impl ForceData for RevocationFilter {
    fn open(bytes: &[u8], trust: &TrustList, now: UnixTime) -> Result<Self, ListError> {
        RevocationFilter::open(bytes, trust, now)
    }
    fn issuer(&self) -> &str {
        &self.issuer
    }
    fn issued_at(&self) -> UnixTime {
        self.issued_at
    }
}

/// Takes `bytes` if they open and are newer than the force's mark (`is_newer`), replacing what
/// was held for that force. Returns whether anything changed.
fn accept<T: ForceData>(
    bytes: &[u8],
    trust: &TrustList,
    now: UnixTime,
    opened: &mut Vec<T>,
    signed: &mut ByForce<Vec<u8>>,
    marks: &mut ByForce<UnixTime>,
) -> Result<bool, ListError> {
    let doc = T::open(bytes, trust, now)?;
    let force = doc.issuer().to_owned();
    if !is_newer(doc.issued_at(), marks.get(&force).copied(), signed.contains_key(&force)) {
        return Ok(false);
    }
    marks.insert(force.clone(), doc.issued_at());
    signed.insert(force.clone(), bytes.to_vec());
    opened.retain(|d| d.issuer() != force);
    opened.push(doc);
    Ok(true)
}

/// Opens every held document again against `trust` (see `reopen_revocation_lists`).
fn reopen<T: ForceData>(
    trust: Option<&TrustList>,
    now: UnixTime,
    opened: &mut Vec<T>,
    signed: &mut ByForce<Vec<u8>>,
    marks: &mut ByForce<UnixTime>,
) {
    opened.clear();
    let Some(trust) = trust else {
        signed.clear();
        return;
    };
    signed.retain(|force, bytes| match T::open(bytes, trust, now) {
        Ok(doc) => {
            opened.push(doc);
            true
        }
        Err(ListError::Expired { .. }) => false,
        Err(_) => {
            marks.remove(force);
            false
        }
    });
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
