use super::*;
use crate::check_code::CheckCode;

fn code(n: u8) -> CheckCode {
    CheckCode::from_random([n, 1, 2, 3, 4, 5, n])
}

fn token(n: u8, len: usize) -> Vec<u8> {
    let mut t = alloc::vec![0xd2, 0x84];
    t.resize(len, n);
    t
}

/// Three cards' entries, and the codes that open them.
fn directory_of_three() -> (Vec<u8>, Vec<(CheckCode, Vec<u8>)>) {
    let cards: Vec<(CheckCode, Vec<u8>)> = (1..=3).map(|n| (code(n), token(n, 120 + n as usize))).collect();
    let padded = padded_size_for(cards.iter().map(|(_, t)| t.len()).max().unwrap());
    let entries = cards.iter().map(|(c, t)| seal_entry(&derive_entry_keys(c), t, padded).unwrap()).collect();
    (write_directory("MPS", padded, entries).unwrap(), cards)
}

#[test]
fn each_code_opens_its_own_card_and_no_other() {
    let (file, cards) = directory_of_three();
    let directory = Directory::read(&file).unwrap();
    assert_eq!((directory.force.as_str(), directory.len()), ("MPS", 3));
    for (code, token) in &cards {
        assert_eq!(directory.find(&derive_entry_keys(code)), Lookup::Found(token.clone()));
    }
    assert_eq!(directory.find(&derive_entry_keys(&code(9))), Lookup::NotFound);
}

#[test]
fn entries_are_one_size_and_show_nothing_of_the_token() {
    let (file, cards) = directory_of_three();
    let padded = padded_size_for(123);
    assert_eq!(padded, 128);
    let directory = Directory::read(&file).unwrap();
    assert_eq!(directory.entries.len(), 3 * (padded + LOOKUP_BYTES + TAG_BYTES));
    for (_, token) in &cards {
        // The token's repeated byte never shows through the cipher in a run.
        let run = &token[10..26];
        assert!(!file.windows(run.len()).any(|w| w == run));
    }
}

#[test]
fn a_changed_entry_is_damaged_never_another_card() {
    let (file, cards) = directory_of_three();
    let directory = Directory::read(&file).unwrap();
    for at in [LOOKUP_BYTES, LOOKUP_BYTES + 40, directory.entry_size() - 1] {
        let mut changed = directory.clone();
        let index = changed.position(&derive_entry_keys(&cards[0].0).lookup).unwrap();
        let size = changed.entry_size();
        changed.entries[index * size + at] ^= 1;
        assert_eq!(changed.find(&derive_entry_keys(&cards[0].0)), Lookup::Damaged, "byte {at}");
    }
    // Another card's sealed entry filed under this code's lookup id does not open either.
    let mut swapped = directory.clone();
    let keys = [0, 1].map(|i| derive_entry_keys(&cards[i].0));
    let (a, b) = (swapped.position(&keys[0].lookup).unwrap(), swapped.position(&keys[1].lookup).unwrap());
    let size = swapped.entry_size();
    let other = swapped.entries[b * size + LOOKUP_BYTES..(b + 1) * size].to_vec();
    swapped.entries[a * size + LOOKUP_BYTES..(a + 1) * size].copy_from_slice(&other);
    assert_eq!(swapped.find(&keys[0]), Lookup::Damaged);
}

#[test]
fn refuses_files_that_are_not_directories() {
    let (file, _) = directory_of_three();
    assert_eq!(Directory::read(b"<html>Sign in to the Wi-Fi</html>"), Err(DirectoryError::Malformed("directory")));
    assert!(Directory::read(&file[..file.len() - 1]).is_err());
    let truncated_entries = write_raw(1, "MPS", 128, &[0; 100]);
    assert_eq!(Directory::read(&truncated_entries), Err(DirectoryError::Malformed("entries")));
    assert_eq!(Directory::read(&write_raw(2, "MPS", 128, &[])), Err(DirectoryError::UnsupportedVersion(2)));
    assert_eq!(Directory::read(&write_raw(1, "MPS", 100, &[])), Err(DirectoryError::Malformed("padded")));
    let mut unordered = alloc::vec![0_u8; 2 * 160];
    unordered[0] = 1;
    assert_eq!(Directory::read(&write_raw(1, "MPS", 128, &unordered)), Err(DirectoryError::Malformed("entries out of order")));
    assert_eq!(Directory::read(&write_raw(1, "MPS", 128, &[])).map(|d| d.len()), Ok(0));
}

fn write_raw(v: i64, force: &str, padded: i64, entries: &[u8]) -> Vec<u8> {
    cbor_map::encode(&map(alloc::vec![
        ("v", int(v)),
        ("force", Value::Text(force.into())),
        ("padded", int(padded)),
        ("entries", Value::Bytes(entries.to_vec())),
    ]))
}

#[test]
fn a_bundle_finds_codes_in_any_of_its_directories() {
    let (mps, cards) = directory_of_three();
    let other = code(7);
    let padded = padded_size_for(150);
    let wmp = write_directory("WMP", padded, alloc::vec![seal_entry(&derive_entry_keys(&other), &token(7, 150), padded).unwrap()]).unwrap();
    let bundle = write_directory_bundle(alloc::vec![("WMP".into(), wmp), ("MPS".into(), mps)]).unwrap();
    let directories: Vec<Directory> = read_directory_bundle(&bundle).unwrap().iter().map(|f| Directory::read(f).unwrap()).collect();
    assert_eq!(directories.iter().map(|d| d.force.as_str()).collect::<Vec<_>>(), ["MPS", "WMP"]);
    assert_eq!(find_in(&directories, &derive_entry_keys(&other)), Lookup::Found(token(7, 150)));
    assert_eq!(find_in(&directories, &derive_entry_keys(&cards[2].0)), Lookup::Found(cards[2].1.clone()));
    assert_eq!(find_in(&directories, &derive_entry_keys(&code(8))), Lookup::NotFound);
    assert!(write_directory_bundle(alloc::vec![("A".into(), alloc::vec![1]), ("A".into(), alloc::vec![2])]).is_err());
}

#[test]
fn tokens_too_long_for_the_padding_are_refused() {
    let keys = derive_entry_keys(&code(1));
    assert_eq!(seal_entry(&keys, &token(1, 127), 128), Err(DirectoryError::Oversized));
    assert!(seal_entry(&keys, &token(1, 126), 128).is_ok());
    assert_eq!(padded_size_for(MAX_TOKEN_CHARS * 3 / 4), MAX_PADDED);
}
