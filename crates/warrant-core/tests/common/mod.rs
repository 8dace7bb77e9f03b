//! A small world for tests: a root, one force with one key, a trust list, a card.
#![allow(dead_code)]

use warrant_core::{keys, sign_card, token, Card, Force, Holder, IssuerKey, RevocationList, Role, RootKey, SigningKey, TrustList};

pub const NOW: i64 = 1_790_000_000;
pub const DAY: i64 = 86_400;
pub const ADDRESS: &str = "https://check.example/";

pub struct World {
    pub root: SigningKey,
    pub root_key: RootKey,
    pub force_key: SigningKey,
    pub kid: Vec<u8>,
    pub trust: TrustList,
}

impl World {
    pub fn new() -> World {
        let root = SigningKey::from_bytes(&[1; 32]);
        let force_key = SigningKey::from_bytes(&[2; 32]);
        let kid = keys::derive_key_id(&force_key.verifying_key());
        let trust = TrustList {
            issued_at: NOW - DAY,
            next_update: NOW + 7 * DAY,
            expires: NOW + 30 * DAY,
            forces: vec![Force {
                id: "MPS".into(),
                name: "Metropolitan Police Service".into(),
                keys: vec![IssuerKey {
                    kid: kid.clone(),
                    public_key: force_key.verifying_key(),
                    not_before: NOW - 365 * DAY,
                    not_after: NOW + 365 * DAY,
                    withdrawn_from: None,
                }],
            }],
        };
        World { root_key: RootKey::new(root.verifying_key()), root, force_key, kid, trust }
    }

    /// Adds a second force to the trust list, like the first but with its own id and key;
    /// returns that key's id.
    pub fn add_force(&mut self, id: &str, key: &SigningKey) -> Vec<u8> {
        let kid = keys::derive_key_id(&key.verifying_key());
        let mut force = self.trust.forces[0].clone();
        force.id = id.into();
        force.keys[0].kid = kid.clone();
        force.keys[0].public_key = key.verifying_key();
        self.trust.forces.push(force);
        kid
    }

    pub fn card(&self) -> Card {
        Card {
            issuer: "MPS".into(),
            serial: vec![7; 8],
            issued_at: NOW - 10 * DAY,
            not_before: NOW - 10 * DAY,
            expires_at: NOW + 3 * 365 * DAY,
            holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(), number: "1234".into(), role: Role::PoliceOfficer },
        }
    }

    /// The card's COSE bytes, signed by the force key.
    pub fn cose(&self, card: &Card) -> Vec<u8> {
        sign_card(card, &self.force_key, &self.kid).expect("valid card")
    }

    pub fn qr(&self, card: &Card) -> String {
        token::qr_text(ADDRESS, &self.cose(card))
    }

    pub fn signed_trust(&self) -> Vec<u8> {
        self.trust.sign(&self.root, &self.root_key.kid).expect("a key in memory signs")
    }

    pub fn revocations(&self, serials: &[&[u8]]) -> RevocationList {
        RevocationList {
            issuer: "MPS".into(),
            issued_at: NOW - DAY,
            next_update: NOW + DAY,
            expires: NOW + 14 * DAY,
            serials: serials.iter().map(|s| s.to_vec()).collect(),
        }
    }
}
