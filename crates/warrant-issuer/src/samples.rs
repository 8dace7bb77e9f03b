//! A fixed set of sample cards, one or more per verdict, built from keys derived from
//! public labels. They are the test vectors (with a fixed time) and the demo's sample
//! cards (with the current time). Demo keys are public: never trust them for real cards.

use coset::cwt::{ClaimsSetBuilder, Timestamp};
use coset::{iana, CborSerializable, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable};
use sha2::{Digest, Sha256};
use warrant_core::{
    card_qr_text, keys, sign_card, sign_live_code, token, Card, DeviceCredential, Force, Holder, IssuerKey, RevocationList, Role,
    RootKey, SigningKey, TrustList,
};

use crate::time_arg::DAY;

pub const DEMO_FORCE_ID: &str = "DEMO";
pub const DEMO_FORCE_NAME: &str = "Demonstration Police (DEMO, not a real force)";

/// A key derived from a public label: reproducible, and therefore only for demos and tests.
pub fn demo_key(label: &str) -> SigningKey {
    SigningKey::from_bytes(&Sha256::digest(format!("warrant-check demo key: {label}")).into())
}

fn demo_serial(label: &str) -> Vec<u8> {
    Sha256::digest(format!("warrant-check demo serial: {label}"))[..8].to_vec()
}

/// Everything the samples need, at one moment.
pub struct SampleWorld {
    pub now: i64,
    pub checker_address: String,
    pub root: SigningKey,
    pub force_key: SigningKey,
    pub withdrawn_key: SigningKey,
    pub signed_trust_list: Vec<u8>,
    pub signed_revocation_list: Vec<u8>,
    /// The serials on that list: the force's revocation register.
    pub revoked_serials: Vec<Vec<u8>>,
}

pub struct Sample {
    pub name: &'static str,
    pub description: &'static str,
    pub qr_text: String,
    pub expected: &'static str,
    pub expected_reason: Option<&'static str>,
    /// The key the token names (the genuine one for bad signatures).
    pub issuer_key: SigningKey,
    pub card: Option<Card>,
}

impl SampleWorld {
    pub fn new(now: i64, checker_address: &str) -> SampleWorld {
        let root = demo_key("root");
        let force_key = demo_key("force current");
        let withdrawn_key = demo_key("force withdrawn");
        let key_entry = |k: &SigningKey, withdrawn_from| IssuerKey {
            kid: keys::derive_key_id(&k.verifying_key()),
            public_key: k.verifying_key(),
            not_before: now - 5 * 365 * DAY,
            not_after: now + 5 * 365 * DAY,
            withdrawn_from,
        };
        let trust_list = TrustList {
            issued_at: now - DAY,
            next_update: now + 6 * DAY,
            expires: now + 60 * DAY,
            forces: vec![Force {
                id: DEMO_FORCE_ID.into(),
                name: DEMO_FORCE_NAME.into(),
                keys: vec![key_entry(&force_key, None), key_entry(&withdrawn_key, Some(now - 30 * DAY))],
            }],
        };
        let signed_trust_list = trust_list.sign(&root, &RootKey::new(root.verifying_key()).kid).expect("a key in memory signs");
        let revocation_list = RevocationList {
            issuer: DEMO_FORCE_ID.into(),
            issued_at: now - DAY,
            next_update: now + 6 * DAY,
            expires: now + 30 * DAY,
            serials: [demo_serial("revoked"), demo_serial("revoked phone")].into_iter().collect(),
        };
        let signed_revocation_list = revocation_list.sign(&force_key, &keys::derive_key_id(&force_key.verifying_key())).expect("a key in memory signs");
        SampleWorld {
            now,
            checker_address: checker_address.into(),
            root,
            force_key,
            withdrawn_key,
            signed_trust_list,
            signed_revocation_list,
            revoked_serials: revocation_list.serials,
        }
    }

    fn card(&self, label: &str, name: &str, rank: &str, number: &str, role: Role) -> Card {
        Card {
            issuer: DEMO_FORCE_ID.into(),
            serial: demo_serial(label),
            issued_at: self.now - 90 * DAY,
            not_before: self.now - 90 * DAY,
            expires_at: self.now + 3 * 365 * DAY,
            holder: Holder { name: name.into(), rank: rank.into(), number: number.into(), role },
        }
    }

    fn qr(&self, card: &Card, key: &SigningKey) -> String {
        let kid = keys::derive_key_id(&key.verifying_key());
        card_qr_text(card, key, &kid, &self.checker_address).expect("sample cards are valid")
    }

    fn with_token(&self, cose: &[u8]) -> String {
        token::qr_text(&self.checker_address, cose)
    }

    /// A sample signed with the force's current key, with no reason to expect.
    fn sample(&self, name: &'static str, description: &'static str, qr_text: String, expected: &'static str, card: Option<Card>) -> Sample {
        Sample { name, description, qr_text, expected, expected_reason: None, issuer_key: self.force_key.clone(), card }
    }

    pub fn samples(&self) -> Vec<Sample> {
        let genuine = self.card("genuine", "Jane Smith", "Police Constable", "1234", Role::PoliceOfficer);
        let genuine_qr = self.qr(&genuine, &self.force_key);
        let mut out = vec![self.sample("genuine", "A genuine, current card.", genuine_qr.clone(), "genuine", Some(genuine.clone()))];

        let long = self.card(
            "genuine-long-name",
            "Alexandra Catherine Montgomery-Fitzwilliam Ashworth-Beauchamp",
            "Detective Chief Superintendent",
            "DCS 1234567",
            Role::PoliceOfficer,
        );
        out.push(self.sample("genuine-long-name", "A genuine card with a long name and rank.", self.qr(&long, &self.force_key), "genuine", Some(long)));

        let staff = self.card("genuine-staff", "Sam Okafor", "Police Staff", "S 90210", Role::PoliceStaff);
        out.push(self.sample("genuine-staff", "A genuine police staff pass.", self.qr(&staff, &self.force_key), "genuine", Some(staff)));

        let mut before = self.card("genuine-before-withdrawal", "Priya Patel", "Sergeant", "5678", Role::PoliceOfficer);
        before.issued_at = self.now - 60 * DAY;
        before.not_before = before.issued_at;
        out.push(Sample {
            issuer_key: self.withdrawn_key.clone(),
            ..self.sample(
                "genuine-before-withdrawal",
                "Signed by a key withdrawn later; cards issued before the withdrawal still stand.",
                self.qr(&before, &self.withdrawn_key),
                "genuine",
                Some(before),
            )
        });

        let revoked = self.card("revoked", "Tom Baker", "PCSO", "7788", Role::Pcso);
        out.push(self.sample("revoked", "Genuinely issued, then reported lost: its serial is on the revocation list.", self.qr(&revoked, &self.force_key), "revoked", Some(revoked)));

        let mut expired = self.card("expired", "Alan Jones", "Special Constable", "SC 42", Role::SpecialConstable);
        expired.issued_at = self.now - 4 * 365 * DAY;
        expired.not_before = expired.issued_at;
        expired.expires_at = self.now - 30 * DAY;
        out.push(self.sample("expired", "Genuinely issued, but past its expiry date.", self.qr(&expired, &self.force_key), "expired", Some(expired)));

        let mut future = self.card("not-yet-valid", "Chris Evans", "Police Constable", "9012", Role::PoliceOfficer);
        future.issued_at = self.now - DAY;
        future.not_before = self.now + 10 * DAY;
        out.push(self.sample("not-yet-valid", "Genuinely issued, but valid only from a future date.", self.qr(&future, &self.force_key), "not-yet-valid", Some(future)));

        let fake_key = demo_key("unknown force");
        let mut unknown = self.card("unknown-issuer", "John Doe", "Inspector", "1111", Role::PoliceOfficer);
        unknown.issuer = "FAKE".into();
        out.push(Sample {
            issuer_key: fake_key.clone(),
            ..self.sample("unknown-issuer", "Signed by a force that is not in the trust list.", self.qr(&unknown, &fake_key), "unknown-issuer", None)
        });

        let mut after = self.card("issuer-key-invalid", "Mark Green", "Police Constable", "3344", Role::PoliceOfficer);
        after.issued_at = self.now - 10 * DAY;
        after.not_before = after.issued_at;
        out.push(Sample {
            expected_reason: Some("key-withdrawn"),
            issuer_key: self.withdrawn_key.clone(),
            ..self.sample(
                "issuer-key-invalid",
                "Signed by a force key after the force withdrew it (key compromised).",
                self.qr(&after, &self.withdrawn_key),
                "issuer-key-invalid",
                Some(after),
            )
        });

        out.push(self.sample(
            "invalid-signature-tampered",
            "The genuine card with the name altered after signing.",
            self.tampered(&genuine_qr),
            "invalid-signature",
            None,
        ));

        let forger = demo_key("forger");
        let forged_cose = sign_card(&genuine, &forger, &keys::derive_key_id(&self.force_key.verifying_key())).expect("valid card");
        out.push(self.sample(
            "invalid-signature-forged",
            "The genuine card's details signed by a forger's key under the force's key id.",
            self.with_token(&forged_cose),
            "invalid-signature",
            None,
        ));

        let token = genuine_qr.split_once('#').map(|(_, t)| t).unwrap_or_default();
        let malformed = |name, description, qr_text, reason| Sample {
            expected_reason: Some(reason),
            ..self.sample(name, description, qr_text, "malformed", None)
        };
        out.push(malformed(
            "malformed-truncated",
            "The genuine card's code cut short, as by a damaged print or a partial scan.",
            format!("{}#{}", self.checker_address, &token[..token.len() * 2 / 3 / 4 * 4]),
            "truncated",
        ));
        out.push(malformed(
            "malformed-bad-encoding",
            "A code that starts like a card but is not valid base64url.",
            format!("{}#0oRDoQEn!!not*base64", self.checker_address),
            "bad-encoding",
        ));
        out.push(malformed(
            "malformed-oversized",
            "A code far longer than any card's.",
            format!("{}#0o{}", self.checker_address, "A".repeat(1200)),
            "oversized",
        ));
        out.push(malformed(
            "malformed-unsupported-algorithm",
            "A card-shaped credential whose header names ES256 instead of EdDSA.",
            self.with_token(&self.raw_sign1(iana::Algorithm::ES256, genuine_claims_without(&genuine, false))),
            "unsupported-algorithm",
        ));
        out.push(malformed(
            "malformed-missing-claim",
            "A signed credential with no expiry claim.",
            self.with_token(&self.raw_sign1(iana::Algorithm::EdDSA, genuine_claims_without(&genuine, true))),
            "missing-claim",
        ));
        out.push(self.sample(
            "live-stale-replayed",
            "A live code from an enrolled phone, captured and shown again two minutes later.",
            self.live_code("phone", self.now - 120, &demo_key("officer phone")),
            "live-stale",
            Some(self.device_credential("phone").card),
        ));
        out.push(self.sample("not-a-card-web-address", "Some other QR code: a shop's web address.", "https://shop.example/offers?id=42".into(), "not-a-card", None));
        out.push(self.sample("not-a-card-wifi", "Some other QR code: Wi-Fi settings.", "WIFI:S:home;T:WPA;P:secret;;".into(), "not-a-card", None));
        out
    }

    /// The genuine card's officer's phone, enrolled under the serial derived from `label`.
    fn device_credential(&self, label: &str) -> DeviceCredential {
        let genuine = self.card("genuine", "Jane Smith", "Police Constable", "1234", Role::PoliceOfficer);
        DeviceCredential {
            card: Card { issued_at: self.now - 7 * DAY, not_before: self.now - 7 * DAY, expires_at: self.now + 365 * DAY, ..genuine },
            serial: demo_serial(label),
            device_key: demo_key("officer phone").verifying_key(),
        }
    }

    fn signed_device_credential(&self, label: &str) -> Vec<u8> {
        let kid = keys::derive_key_id(&self.force_key.verifying_key());
        self.device_credential(label).sign(&self.force_key, &kid).expect("sample credentials are valid")
    }

    /// A live code for the credential `label`, made at `made_at` and signed by `signer`.
    fn live_code(&self, label: &str, made_at: i64, signer: &SigningKey) -> String {
        self.with_token(&sign_live_code(&self.signed_device_credential(label), made_at, signer).expect("the credential reads"))
    }

    /// Live codes from an enrolled phone (docs/FORMAT.md §12), for the test vectors only: a
    /// live code made when the demo is built would be stale by the time anyone scans it.
    /// (The stale one, which stays stale, is among the demo's samples.)
    pub fn live_samples(&self) -> Vec<Sample> {
        let phone = demo_key("officer phone");
        let shown = self.device_credential("phone").card;
        let credential_alone = self.signed_device_credential("phone");
        vec![
            self.sample("live", "A live code from the enrolled phone, made 5 seconds ago.", self.live_code("phone", self.now - 5, &phone), "live", Some(shown.clone())),
            self.sample(
                "live-stale-phone-clock-ahead",
                "A live code from a phone whose clock is two minutes fast.",
                self.live_code("phone", self.now + 120, &phone),
                "live-stale",
                Some(shown.clone()),
            ),
            self.sample(
                "live-wrong-device",
                "A genuine device credential with a live code signed by another phone.",
                self.live_code("phone", self.now, &demo_key("another phone")),
                "invalid-signature",
                None,
            ),
            self.sample(
                "live-revoked-device",
                "A live code from a phone whose device credential has been revoked.",
                self.live_code("revoked phone", self.now, &phone),
                "revoked",
                Some(shown),
            ),
            Sample {
                expected_reason: Some("bad-structure"),
                ..self.sample(
                    "malformed-device-credential-alone",
                    "A device credential shown on its own, without a live code around it.",
                    self.with_token(&credential_alone),
                    "malformed",
                    None,
                )
            },
        ]
    }

    /// Changes one letter of the holder's name inside the signed bytes.
    fn tampered(&self, qr_text: &str) -> String {
        let (_, tok) = qr_text.split_once('#').unwrap_or_default();
        let mut cose = token::decode(tok).expect("sample token decodes");
        let at = cose.windows(5).position(|w| w == b"Smith").expect("name in payload");
        cose[at] = b'S' ^ 0x01; // "Rmith"
        self.with_token(&cose)
    }

    /// A COSE_Sign1 built outside the core's rules, signed with the force key.
    fn raw_sign1(&self, alg: iana::Algorithm, claims: Vec<u8>) -> Vec<u8> {
        use ed25519_dalek::Signer;
        let kid = keys::derive_key_id(&self.force_key.verifying_key());
        CoseSign1Builder::new()
            .protected(HeaderBuilder::new().algorithm(alg).key_id(kid).build())
            .payload(claims)
            .create_signature(b"", |data| self.force_key.sign(data).to_bytes().to_vec())
            .build()
            .to_tagged_vec()
            .expect("encodes")
    }
}

/// The genuine card's claims, optionally without `exp`.
fn genuine_claims_without(card: &Card, drop_exp: bool) -> Vec<u8> {
    let mut b = ClaimsSetBuilder::new()
        .issuer(card.issuer.clone())
        .issued_at(Timestamp::WholeSeconds(card.issued_at))
        .cwt_id(card.serial.clone());
    if !drop_exp {
        b = b.expiration_time(Timestamp::WholeSeconds(card.expires_at));
    }
    let h = &card.holder;
    b.private_claim(
        warrant_core::labels::HOLDER_CLAIM,
        coset::cbor::value::Value::Array(vec![
            u64::from(h.role.code()).into(),
            h.rank.clone().into(),
            h.number.clone().into(),
            h.name.clone().into(),
        ]),
    )
    .build()
    .to_vec()
    .expect("encodes")
}
