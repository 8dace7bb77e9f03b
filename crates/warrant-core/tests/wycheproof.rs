//! Project Wycheproof's Ed25519 cases (tests/data/wycheproof, Apache-2.0) through the one
//! signature check every card and list goes through.

use serde::Deserialize;
use warrant_core::keys;

#[derive(Deserialize)]
struct File {
    #[serde(rename = "testGroups")]
    groups: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    #[serde(rename = "publicKeyPem")]
    public_key_pem: String,
    #[serde(rename = "publicKey")]
    public_key: PublicKey,
    tests: Vec<Case>,
}

#[derive(Deserialize)]
struct PublicKey {
    pk: String,
}

#[derive(Deserialize)]
struct Case {
    #[serde(rename = "tcId")]
    id: u32,
    comment: String,
    msg: String,
    sig: String,
    result: String,
}

#[test]
fn wycheproof_ed25519() {
    let text = include_str!("data/wycheproof/ed25519_test.json");
    let file: File = serde_json::from_str(text).unwrap();
    let (mut valid, mut invalid) = (0, 0);
    for group in &file.groups {
        let key = keys::verifying_key_from_pem(&group.public_key_pem).expect("Wycheproof keys are well-formed");
        let raw = keys::verifying_key_from_bytes(&hex::decode(&group.public_key.pk).unwrap()).unwrap();
        assert_eq!(key, raw);
        for case in &group.tests {
            let accepted = keys::verify_strict(&key, &hex::decode(&case.msg).unwrap(), &hex::decode(&case.sig).unwrap());
            let expected = match case.result.as_str() {
                "valid" => true,
                "invalid" => false,
                other => panic!("tc {}: unexpected result {other}", case.id),
            };
            assert_eq!(accepted, expected, "tc {} ({})", case.id, case.comment);
            if expected { valid += 1 } else { invalid += 1 }
        }
    }
    assert_eq!(valid + invalid, 151);
    assert!(valid > 0 && invalid > 0);
}
