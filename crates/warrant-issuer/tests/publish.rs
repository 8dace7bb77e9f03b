//! `publish`: the force's list signed again from its register and the bundle rebuilt, written
//! into a web root's lists/ all at once; a run that fails for any reason leaves the last good
//! files byte for byte and says why.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Output;

use common::{issue, one_force, run_ok, serial_of, tool};
use warrant_core::{keys, read_revocation_bundle, RevocationList, RootKey, SigningKey, TrustList};

const LOST: &str = "0a0b0c0d0e0f1011";

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// MPS's keys, the national root and trust list, a register revoking `LOST`, and a web root
/// `www/` whose lists/ holds the trust list, as the checker's build leaves it.
fn force_with_web_root(d: &Path) {
    one_force(d);
    fs::create_dir_all(d.join("www/lists")).unwrap();
    fs::copy(d.join("trust.cose"), d.join("www/lists/trust-list.cose")).unwrap();
    fs::write(d.join("register.txt"), format!("{LOST}  # lost 2026-11-20\n")).unwrap();
}

const PUBLISH: [&str; 11] =
    ["publish", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--web-root", "www", "--root", "root.pub.pem"];

fn publish(d: &Path, extra: &[&str]) -> Output {
    tool().current_dir(d).args(PUBLISH).args(extra).output().unwrap()
}

fn trust(d: &Path) -> TrustList {
    let root = keys::verifying_key_from_pem(&fs::read_to_string(d.join("root.pub.pem")).unwrap()).unwrap();
    TrustList::open(&fs::read(d.join("www/lists/trust-list.cose")).unwrap(), &[RootKey::new(root)], now()).unwrap()
}

/// The lists a checker fetching www/lists/revocations.cbor accepts, by force.
fn bundled(d: &Path) -> BTreeMap<String, (Vec<u8>, RevocationList)> {
    let trust = trust(d);
    read_revocation_bundle(&fs::read(d.join("www/lists/revocations.cbor")).unwrap())
        .unwrap()
        .into_iter()
        .map(|bytes| {
            let list = RevocationList::open(&bytes, &trust, now()).expect("every bundled list opens");
            (list.issuer.clone(), (bytes, list))
        })
        .collect()
}

/// Every file in www/lists/ (hidden ones too), byte for byte.
fn files(d: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(d.join("www/lists"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().into_string().unwrap(), fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

/// Expects `out` to be a failed run that changed nothing in www/lists/; returns what it said.
fn refused(d: &Path, before: &BTreeMap<String, Vec<u8>>, out: Output) -> String {
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "expected a failure, got {said}");
    assert!(said.contains("nothing was published"), "{said}");
    assert_eq!(&files(d), before, "a failed run changed lists/ ({said})");
    said
}

#[test]
fn publishing_twice_signs_a_newer_list_that_a_checker_accepts_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    force_with_web_root(d);

    let out = publish(d, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("lists/revocations-MPS.cose, lists/revocations.cbor") && said.contains("1 serials revoked by MPS"), "{said}");
    let first = bundled(d);
    let (bytes, list) = &first["MPS"];
    assert_eq!(fs::read(d.join("www/lists/revocations-MPS.cose")).unwrap(), *bytes, "the force's own file is the bundled list");
    assert!(list.is_revoked(&warrant_core::parse_hex(LOST).unwrap()));
    assert_eq!(list.serials.len(), 1);
    assert_eq!((list.next_update - list.issued_at, list.expires - list.issued_at), (2 * 86_400, 7 * 86_400), "defaults: 2 and 7 days");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for name in ["revocations-MPS.cose", "revocations.cbor"] {
            let mode = fs::metadata(d.join("www/lists").join(name)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "{name}: a web server must be able to read it");
        }
    }
    assert_eq!(files(d).keys().filter(|n| n.starts_with('.')).count(), 0, "no temporary files left");

    // Nothing revoked since: the next run still signs a new list, dated later.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    run_ok(d, &PUBLISH);
    let second = bundled(d);
    let (bytes2, list2) = &second["MPS"];
    assert!(list2.issued_at > list.issued_at, "iat {} then {}", list.issued_at, list2.issued_at);
    assert!(list2.next_update > list.next_update);
    assert_eq!(list2.serials, list.serials);
    assert_ne!(bytes2, bytes);
    assert_eq!(fs::read(d.join("www/lists/revocations-MPS.cose")).unwrap(), *bytes2);

    // A card revoked in between is in the next list.
    let card = serial_of(&issue(d, "Jane Smith", "Police Constable", "1234"));
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", &card, "--out", "elsewhere.cose"]);
    run_ok(d, &PUBLISH);
    assert!(bundled(d)["MPS"].1.is_revoked(&warrant_core::parse_hex(&card).unwrap()));
}

/// Runs publish as a user that cannot write www/lists/. Root writes anywhere, so when the
/// tests run as root the tool runs as `nobody` (setpriv, from util-linux) over a copy of
/// the files that user owns.
#[cfg(unix)]
fn publish_into_read_only_lists(d: &Path) -> Output {
    use std::os::unix::fs::{chown, MetadataExt, PermissionsExt};
    let lists = d.join("www/lists");
    let as_root = fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false);
    let out = if as_root {
        const NOBODY: u32 = 65534;
        let binary = d.join("warrant-issuer-copy");
        fs::copy(assert_cmd::cargo::cargo_bin("warrant-issuer"), &binary).unwrap();
        fn own(path: &Path) {
            chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
            if path.is_dir() {
                for e in fs::read_dir(path).unwrap() {
                    own(&e.unwrap().path());
                }
            }
        }
        own(d);
        fs::set_permissions(&lists, fs::Permissions::from_mode(0o555)).unwrap();
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(&binary)
            .args(PUBLISH)
            .current_dir(d)
            .output()
            .expect("setpriv (util-linux) runs the tool as another user")
    } else {
        fs::set_permissions(&lists, fs::Permissions::from_mode(0o555)).unwrap();
        publish(d, &[])
    };
    fs::set_permissions(&lists, fs::Permissions::from_mode(0o755)).unwrap();
    out
}

#[test]
fn a_run_that_fails_keeps_the_last_good_files_byte_for_byte_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    force_with_web_root(d);
    run_ok(d, &PUBLISH);
    let good = files(d);
    assert_eq!(good.len(), 3, "{:?}", good.keys());
    let with_key = |key: &str| {
        let mut args = PUBLISH.to_vec();
        args[2] = key;
        tool().current_dir(d).args(&args).output().unwrap()
    };

    // The key: missing, not a key, or a key of someone else.
    let said = refused(d, &good, with_key("missing.key.pem"));
    assert!(said.contains("reading the key file missing.key.pem"), "{said}");
    fs::write(d.join("garbled.key.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n").unwrap();
    let said = refused(d, &good, with_key("garbled.key.pem"));
    assert!(said.contains("garbled.key.pem"), "{said}");
    run_ok(d, &["keygen", "stranger"]);
    let said = refused(d, &good, with_key("stranger.key.pem"));
    assert!(said.contains("is not one of MPS's keys in the trust list"), "{said}");
    // A force the trust list does not name.
    let mut args = PUBLISH.to_vec();
    args[4] = "WMP";
    let said = refused(d, &good, tool().current_dir(d).args(&args).output().unwrap());
    assert!(said.contains("the trust list has no force \"WMP\""), "{said}");

    // The register: held by a revoke that is still running, missing, or unreadable.
    let lock = fs::OpenOptions::new().create(true).truncate(false).write(true).open(d.join("register.txt.lock")).unwrap();
    fs4::FileExt::lock(&lock).unwrap();
    let said = refused(d, &good, publish(d, &["--lock-wait", "0"]));
    assert!(said.contains("the register register.txt is locked by another run"), "{said}");
    fs4::FileExt::unlock(&lock).unwrap();
    let mut args = PUBLISH.to_vec();
    args[6] = "registr.txt";
    let said = refused(d, &good, tool().current_dir(d).args(&args).output().unwrap());
    assert!(said.contains("the register registr.txt does not exist"), "{said}");
    fs::write(d.join("register.txt"), format!("{LOST}  # lost\nstolen from a car\n")).unwrap();
    let said = refused(d, &good, publish(d, &[]));
    assert!(said.contains("line 2") && said.contains("not a card serial"), "{said}");
    // A register that lost a serial the published list revokes: that card would be genuine again.
    fs::write(d.join("register.txt"), "").unwrap();
    let said = refused(d, &good, publish(d, &[]));
    assert!(said.contains("no longer holds 1 serials") && said.contains(LOST) && said.contains("--allow-removals"), "{said}");
    fs::write(d.join("register.txt"), format!("{LOST}  # lost 2026-11-20\n")).unwrap();

    // The trust list: not vouching for the key now, not signed by the root, or past its expiry.
    fs::write(
        d.join("forces-old.json"),
        r#"{"forces":[{"id":"MPS","name":"Metropolitan Police Service","keys":[{"public_key":"mps.pub.pem","not_before":"2020-01-01","not_after":"2021-01-01"}]}]}"#,
    )
    .unwrap();
    run_ok(d, &["trust-list", "--root-key", "root.key.pem", "--forces", "forces-old.json", "--out", "old-key.cose"]);
    let said = refused(d, &good, publish(d, &["--trust-list", "old-key.cose"]));
    assert!(said.contains("the trust list does not vouch for this key of MPS now (key-expired)"), "{said}");
    run_ok(d, &["keygen", "other-root"]);
    run_ok(d, &["trust-list", "--root-key", "other-root.key.pem", "--forces", "forces.json", "--out", "other-root.cose"]);
    let said = refused(d, &good, publish(d, &["--trust-list", "other-root.cose"]));
    assert!(said.contains("does not open with the root key root.pub.pem") && said.contains("unknown-signer"), "{said}");
    run_ok(d, &["trust-list", "--root-key", "root.key.pem", "--forces", "forces.json", "--out", "expired.cose", "--next-update-days", "0", "--valid-days", "0"]);
    let said = refused(d, &good, publish(d, &["--trust-list", "expired.cose"]));
    assert!(said.contains("(expired)"), "{said}");

    // The web root: not the checker's, or its lists/ not writable.
    let mut args = PUBLISH.to_vec();
    args[8] = "cards";
    let out = tool().current_dir(d).args(&args).output().unwrap();
    let said = refused(d, &good, out);
    assert!(said.contains("cards/lists is not a folder"), "{said}");
    #[cfg(unix)]
    {
        let said = refused(d, &good, publish_into_read_only_lists(d));
        assert!(said.contains("writing in www/lists") && said.contains("Permission denied"), "{said}");
    }

    // The machine's clock behind the list in place.
    let mps = keys::signing_key_from_pem(&fs::read_to_string(d.join("mps.key.pem")).unwrap()).unwrap();
    let ahead = signed_list(&mps, now() + 3600, &[]);
    fs::write(d.join("www/lists/revocations-MPS.cose"), &ahead).unwrap();
    let ahead_files = files(d);
    let said = refused(d, &ahead_files, publish(d, &[]));
    assert!(said.contains("is this machine's clock behind?"), "{said}");
    fs::write(d.join("www/lists/revocations-MPS.cose"), &good["revocations-MPS.cose"]).unwrap();
    assert_eq!(files(d), good);

    // Still publishes once the fault is mended.
    run_ok(d, &PUBLISH);
    assert_eq!(bundled(d)["MPS"].1.serials.len(), 1);
}

/// MPS's list signed with `key`, dated `iat`, valid a week.
fn signed_list(key: &SigningKey, iat: i64, serials: &[Vec<u8>]) -> Vec<u8> {
    let list = RevocationList { issuer: "MPS".into(), issued_at: iat, next_update: iat + 86_400, expires: iat + 7 * 86_400, serials: serials.to_vec() };
    list.sign(key, &keys::derive_key_id(&key.verifying_key())).unwrap()
}

#[test]
fn a_rename_that_fails_part_way_puts_back_the_files_already_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    force_with_web_root(d);
    run_ok(d, &PUBLISH);
    // The bundle, renamed last, cannot be replaced: something made a folder of its name.
    fs::remove_file(d.join("www/lists/revocations.cbor")).unwrap();
    fs::create_dir_all(d.join("www/lists/revocations.cbor/in-the-way")).unwrap();
    let before = files(d);
    let out = publish(d, &[]);
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("revocations.cbor") && said.contains("the 1 files already replaced were put back as they were"), "{said}");
    assert_eq!(files(d), before, "revocations-MPS.cose is the old one again");
}

#[test]
fn a_removal_is_published_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    force_with_web_root(d);
    run_ok(d, &PUBLISH);
    fs::write(d.join("register.txt"), "# the card was found again\n").unwrap();
    assert!(!publish(d, &[]).status.success());
    let out = publish(d, &["--allow-removals"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(bundled(d)["MPS"].1.serials.is_empty());
}

/// MPS and WMP in one trust list; WMP's key is `wmp.key.pem`.
fn two_forces(d: &Path) {
    force_with_web_root(d);
    run_ok(d, &["keygen", "wmp"]);
    fs::write(
        d.join("forces.json"),
        r#"{"forces":[
            {"id":"MPS","name":"Metropolitan Police Service","keys":[{"public_key":"mps.pub.pem","not_before":"2020-01-01","not_after":"2040-01-01"}]},
            {"id":"WMP","name":"West Midlands Police","keys":[{"public_key":"wmp.pub.pem","not_before":"2020-01-01","not_after":"2040-01-01"}]}]}"#,
    )
    .unwrap();
    run_ok(d, &["trust-list", "--root-key", "root.key.pem", "--forces", "forces.json", "--out", "trust.cose"]);
    fs::copy(d.join("trust.cose"), d.join("www/lists/trust-list.cose")).unwrap();
    fs::create_dir(d.join("incoming")).unwrap();
}

fn wmp_revokes(d: &Path, serial: &str, out: &str) {
    run_ok(d, &["revoke", "--key", "wmp.key.pem", "--issuer", "WMP", "--register", "wmp-register.txt", "--serial", serial, "--out", out]);
}

#[test]
fn other_forces_newest_lists_are_bundled_and_ones_a_checker_would_refuse_are_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    two_forces(d);
    wmp_revokes(d, "1111", "incoming/wmp-old.cose");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    wmp_revokes(d, "2222", "incoming/wmp.cose");
    // Tampered: a checker would refuse it, so the bundle leaves it out and says so.
    let mut tampered = fs::read(d.join("incoming/wmp.cose")).unwrap();
    *tampered.last_mut().unwrap() ^= 1;
    fs::write(d.join("incoming/wmp-tampered.cose"), tampered).unwrap();

    let out = publish(d, &["--lists-dir", "incoming"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let warned = String::from_utf8(out.stderr).unwrap();
    assert!(warned.contains("wmp-tampered.cose: list signature does not match (tampered or forged) (invalid-signature); left out of the bundle"), "{warned}");
    let lists = bundled(d);
    assert_eq!(lists.keys().collect::<Vec<_>>(), ["MPS", "WMP"]);
    let newest = fs::read(d.join("incoming/wmp.cose")).unwrap();
    assert_eq!(lists["WMP"].0, newest, "the newer of WMP's two lists, byte for byte");
    assert_eq!(fs::read(d.join("www/lists/revocations-WMP.cose")).unwrap(), newest, "published beside the bundle");

    // The lists dir now holds only the older list: the newer one already in lists/ stays.
    fs::remove_file(d.join("incoming/wmp.cose")).unwrap();
    fs::remove_file(d.join("incoming/wmp-tampered.cose")).unwrap();
    run_ok(d, &[&PUBLISH[..], &["--lists-dir", "incoming"]].concat());
    assert_eq!(bundled(d)["WMP"].0, newest, "lists only move forward");
    assert_eq!(fs::read(d.join("www/lists/revocations-WMP.cose")).unwrap(), newest);

    // Other files in lists/ (a card directory, say) are not lists, and draw no warning.
    fs::write(d.join("www/lists/directories.cbor"), [0xa0]).unwrap();
    let out = publish(d, &[]);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(fs::read(d.join("www/lists/directories.cbor")).unwrap(), [0xa0], "left alone");

    // Without a lists dir, the lists in place (file and bundle) are bundled again.
    fs::remove_file(d.join("www/lists/revocations-WMP.cose")).unwrap();
    run_ok(d, &PUBLISH);
    assert_eq!(bundled(d)["WMP"].0, newest, "kept from the bundle in place");
}

#[test]
fn a_newer_trust_list_is_published_too_and_an_older_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    force_with_web_root(d);
    let old = fs::read(d.join("trust.cose")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    run_ok(d, &["trust-list", "--root-key", "root.key.pem", "--forces", "forces.json", "--out", "trust-new.cose"]);
    let new = fs::read(d.join("trust-new.cose")).unwrap();
    let said = run_ok(d, &[&PUBLISH[..], &["--trust-list", "trust-new.cose"]].concat());
    assert!(said.contains("lists/trust-list.cose"), "{said}");
    assert_eq!(fs::read(d.join("www/lists/trust-list.cose")).unwrap(), new);

    fs::write(d.join("trust-old.cose"), &old).unwrap();
    let before = files(d);
    let said = refused(d, &before, publish(d, &["--trust-list", "trust-old.cose"]));
    assert!(said.contains("is newer than trust-old.cose") && said.contains("lists only move forward"), "{said}");
}

#[cfg(unix)]
#[test]
fn lists_written_by_revoke_trust_list_and_bundle_are_readable_by_a_web_server() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    force_with_web_root(d);
    run_ok(d, &["trust-list", "--root-key", "root.key.pem", "--forces", "forces.json", "--out", "www/lists/trust-list.cose"]);
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--out", "www/lists/revocations-MPS.cose"]);
    run_ok(d, &["bundle", "--trust-list", "trust.cose", "--root", "root.pub.pem", "--out", "www/lists/revocations.cbor", "www/lists/revocations-MPS.cose"]);
    for (name, bytes) in files(d) {
        assert!(!bytes.is_empty());
        let mode = fs::metadata(d.join("www/lists").join(&name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{name}");
    }
}

/// The filters a checker page fetching www/lists/revocation-filters.cbor accepts, by force.
fn bundled_filters(d: &Path) -> BTreeMap<String, (Vec<u8>, warrant_core::RevocationFilter)> {
    let trust = trust(d);
    warrant_core::read_filter_bundle(&fs::read(d.join("www/lists/revocation-filters.cbor")).unwrap())
        .unwrap()
        .into_iter()
        .map(|bytes| {
            let filter = warrant_core::RevocationFilter::open(&bytes, &trust, now()).expect("every bundled filter opens");
            (filter.issuer.clone(), (bytes, filter))
        })
        .collect()
}

#[test]
fn with_the_record_the_force_s_filter_and_the_filters_bundle_are_published_beside_the_lists() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    force_with_web_root(d);
    let kept = serial_of(&issue(d, "Jane Smith", "Police Constable", "1234"));
    let lost = serial_of(&issue(d, "Tom Baker", "PCSO", "7788"));
    run_ok(d, &["revoke", "--key", "mps.key.pem", "--issuer", "MPS", "--register", "register.txt", "--serial", &lost, "--out", "elsewhere.cose"]);
    // Coverage now: both cards, issued a moment ago, are covered by the filter's bits.
    let with_record = ["--record", "issued.jsonl", "--coverage-margin-hours", "0"];
    let out = publish(d, &with_record);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(said.contains("lists/revocation-filter-MPS.cose") && said.contains("lists/revocation-filters.cbor"), "{said}");
    assert!(said.contains("1 filters in the filters bundle (MPS)"), "{said}");
    let filters = bundled_filters(d);
    let (bytes, filter) = &filters["MPS"];
    assert_eq!(fs::read(d.join("www/lists/revocation-filter-MPS.cose")).unwrap(), *bytes);
    let hex = |s: &str| warrant_core::parse_hex(s).unwrap();
    // LOST is in the register but in no record: listed as recent; both cards are covered.
    assert_eq!(filter.recent, vec![hex(LOST)]);
    assert!(filter.filter.contains(&hex(&lost)), "the lost card is revoked by the filter's bits");
    assert!(!filter.filter.contains(&hex(&kept)), "the kept card is not");
    assert!(filter.revokes_card(&hex(&lost), filter.coverage) && !filter.revokes_card(&hex(&kept), filter.coverage));
    // The lists are still published, from the same register, for other systems.
    let lists = bundled(d);
    assert!(lists["MPS"].1.is_revoked(&hex(&lost)));
    assert_eq!(filter.issued_at, lists["MPS"].1.issued_at);

    // The next run signs a newer filter; without --record, the filters in place are left as they are.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    run_ok(d, &[&PUBLISH[..], &with_record[..]].concat());
    let (bytes2, filter2) = &bundled_filters(d)["MPS"];
    assert!(filter2.issued_at > filter.issued_at);
    assert_ne!(bytes2, bytes);
    let before = fs::read(d.join("www/lists/revocation-filters.cbor")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    run_ok(d, &PUBLISH);
    assert_eq!(fs::read(d.join("www/lists/revocation-filters.cbor")).unwrap(), before);

    // A record that is another force's is refused, and nothing is published.
    let theirs = fs::read_to_string(d.join("issued.jsonl")).unwrap().replacen("\"MPS\"", "\"WMP\"", 1);
    fs::write(d.join("theirs.jsonl"), theirs).unwrap();
    let files_before = files(d);
    let said = refused(d, &files_before, publish(d, &["--record", "theirs.jsonl"]));
    assert!(said.contains("not MPS's"), "{said}");
}
