//! The checker's trust data: the built-in root, the trust list and revocation lists it
//! holds, and the rules for replacing them with fresher signed files.

use warrant_core::{keys, ListError, RevocationList, RootKey, TrustList, UnixTime};

use crate::snapshot;

#[derive(Clone, Debug, PartialEq)]
pub struct TrustStore {
    roots: Vec<RootKey>,
    /// None until a signed list has been accepted (no snapshot, or the snapshot expired).
    pub trust: Option<TrustList>,
    pub revocations: Vec<RevocationList>,
    /// Built with the DEMO root: the page must say so.
    pub is_demo: bool,
}

impl TrustStore {
    /// The store as built into the page, opened at `now`. A snapshot that no longer opens
    /// (expired) leaves the store empty until a fresh list is fetched.
    pub fn from_snapshot(now: UnixTime) -> TrustStore {
        let roots = snapshot::ROOT_KEY
            .and_then(|(key, kid)| Some(RootKey { key: keys::verifying_key_from_bytes(&key).ok()?, kid: kid.to_vec() }))
            .into_iter()
            .collect();
        let mut store = TrustStore { roots, trust: None, revocations: Vec::new(), is_demo: snapshot::IS_DEMO };
        let _ = store.accept_trust_list(snapshot::TRUST_LIST, now);
        for list in snapshot::REVOCATIONS {
            let _ = store.accept_revocation_list(list, now);
        }
        store
    }

    pub fn with_root(root: RootKey) -> TrustStore {
        TrustStore { roots: vec![root], trust: None, revocations: Vec::new(), is_demo: false }
    }

    pub fn has_root(&self) -> bool {
        !self.roots.is_empty()
    }

    /// Takes a fetched trust list if the root signed it, it has not expired, and it is not
    /// older than the one held (a replayed old list must not undo a key withdrawal).
    /// Returns whether the held list changed.
    pub fn accept_trust_list(&mut self, bytes: &[u8], now: UnixTime) -> Result<bool, ListError> {
        let list = TrustList::open(bytes, &self.roots, now)?;
        if self.trust.as_ref().is_some_and(|held| held.issued_at >= list.issued_at) {
            return Ok(false);
        }
        // Revocation lists of forces no longer listed, or signed by keys no longer trusted, go.
        self.revocations.retain(|r| list.force(&r.issuer).is_some());
        self.trust = Some(list);
        Ok(true)
    }

    /// Takes a fetched revocation list on the same terms, per force.
    pub fn accept_revocation_list(&mut self, bytes: &[u8], now: UnixTime) -> Result<bool, ListError> {
        let trust = self.trust.as_ref().ok_or(ListError::UnknownSigner)?;
        let list = RevocationList::open(bytes, trust, now)?;
        match self.revocations.iter_mut().find(|held| held.issuer == list.issuer) {
            Some(held) if held.issued_at >= list.issued_at => Ok(false),
            Some(held) => {
                *held = list;
                Ok(true)
            }
            None => {
                self.revocations.push(list);
                Ok(true)
            }
        }
    }

    /// Drops lists that have expired since they were accepted (a page left open for weeks).
    pub fn expire(&mut self, now: UnixTime) {
        if self.trust.as_ref().is_some_and(|t| now >= t.expires) {
            self.trust = None;
            self.revocations.clear();
        }
        self.revocations.retain(|r| now < r.expires);
    }

    /// When the oldest held revocation list was issued, to say how fresh the data is.
    pub fn oldest_revocation_list(&self) -> Option<UnixTime> {
        self.revocations.iter().map(|r| r.issued_at).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use warrant_core::{Force, IssuerKey, SigningKey};

    const NOW: i64 = 1_790_000_000;

    fn lists(iat: i64) -> (SigningKey, SigningKey, TrustList) {
        let root = SigningKey::from_bytes(&[1; 32]);
        let force = SigningKey::from_bytes(&[2; 32]);
        let trust = TrustList {
            issued_at: iat,
            next_update: iat + 10,
            expires: iat + 1000,
            forces: vec![Force {
                id: "MPS".into(),
                name: "Met".into(),
                keys: vec![IssuerKey { kid: keys::derive_key_id(&force.verifying_key()), public_key: force.verifying_key(), not_before: 0, not_after: i64::MAX, withdrawn_from: None }],
            }],
        };
        (root, force, trust)
    }

    fn revocations(iat: i64) -> RevocationList {
        RevocationList { issuer: "MPS".into(), issued_at: iat, next_update: iat + 10, expires: iat + 1000, serials: Default::default() }
    }

    #[test]
    fn newer_lists_replace_older_and_never_the_reverse() {
        let (root, force, trust) = lists(NOW);
        let root_key = RootKey::new(root.verifying_key());
        let mut store = TrustStore::with_root(root_key.clone());
        assert_eq!(store.accept_trust_list(&trust.sign(&root, &root_key.kid).unwrap(), NOW), Ok(true));
        let mut newer = trust.clone();
        newer.issued_at += 5;
        let older = lists(NOW - 5).2;
        assert_eq!(store.accept_trust_list(&older.sign(&root, &root_key.kid).unwrap(), NOW), Ok(false));
        assert_eq!(store.accept_trust_list(&newer.sign(&root, &root_key.kid).unwrap(), NOW), Ok(true));
        assert_eq!(store.trust.as_ref().unwrap().issued_at, NOW + 5);

        let kid = keys::derive_key_id(&force.verifying_key());
        assert_eq!(store.accept_revocation_list(&revocations(NOW).sign(&force, &kid).unwrap(), NOW), Ok(true));
        assert_eq!(store.accept_revocation_list(&revocations(NOW - 1).sign(&force, &kid).unwrap(), NOW), Ok(false));
        assert_eq!(store.oldest_revocation_list(), Some(NOW));
    }

    #[test]
    fn lists_signed_by_others_are_refused() {
        let (_, force, trust) = lists(NOW);
        let mut store = TrustStore::with_root(RootKey::new(SigningKey::from_bytes(&[1; 32]).verifying_key()));
        let stranger = SigningKey::from_bytes(&[9; 32]);
        assert!(store.accept_trust_list(&trust.sign(&stranger, &[1, 2]).unwrap(), NOW).is_err());
        assert!(store.trust.is_none());
        // No trust list yet: a revocation list cannot be judged.
        let kid = keys::derive_key_id(&force.verifying_key());
        assert!(store.accept_revocation_list(&revocations(NOW).sign(&force, &kid).unwrap(), NOW).is_err());
    }

    #[test]
    fn expired_lists_are_dropped() {
        let (root, _, trust) = lists(NOW);
        let root_key = RootKey::new(root.verifying_key());
        let mut store = TrustStore::with_root(root_key.clone());
        store.accept_trust_list(&trust.sign(&root, &root_key.kid).unwrap(), NOW).unwrap();
        store.expire(trust.expires);
        assert!(store.trust.is_none());
    }
}
