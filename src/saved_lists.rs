//! The lists and marks a checker keeps on the device (`TrustStore::saved`), as one text: one
//! storage item, written at once, so the lists and the marks never disagree. Each line is a
//! kind, then its value; the signed lists and filters are base64url, and are verified again when read.
//! Force ids are signed text without control characters (docs/FORMAT.md §3.1), so one
//! never holds a line break.

use base64ct::{Base64UrlUnpadded, Encoding};

use crate::trust_store::{Marks, Saved};

const HEADER: &str = "warrant-check saved lists 1";

pub fn write(saved: &Saved) -> String {
    let mut text = format!("{HEADER}\nfloor {}\n", saved.marks.time_floor);
    if let Some(iat) = saved.marks.trust {
        text += &format!("trust-mark {iat}\n");
    }
    for (force, iat) in &saved.marks.revocations {
        text += &format!("revocation-mark {iat} {force}\n");
    }
    for (force, iat) in &saved.marks.filters {
        text += &format!("filter-mark {iat} {force}\n");
    }
    if let Some(list) = &saved.trust_list {
        text += &format!("trust-list {}\n", Base64UrlUnpadded::encode_string(list));
    }
    for list in &saved.revocation_lists {
        text += &format!("revocation-list {}\n", Base64UrlUnpadded::encode_string(list));
    }
    for filter in &saved.revocation_filters {
        text += &format!("revocation-filter {}\n", Base64UrlUnpadded::encode_string(filter));
    }
    text
}

/// What was saved, or None for text that is not ours (another version, or nothing). A line
/// that does not read is skipped: the lists are verified again anyway, and a mark lost only
/// makes the checker as trusting as a first visit.
pub fn read(text: &str) -> Option<Saved> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return None;
    }
    let mut saved = Saved { marks: Marks::default(), ..Saved::default() };
    for line in lines {
        let Some((kind, value)) = line.split_once(' ') else { continue };
        let bytes = || Base64UrlUnpadded::decode_vec(value).ok();
        match kind {
            "floor" => saved.marks.time_floor = value.parse().unwrap_or(saved.marks.time_floor),
            "trust-mark" => saved.marks.trust = value.parse().ok().or(saved.marks.trust),
            "revocation-mark" | "filter-mark" => {
                if let Some((iat, force)) = value.split_once(' ').and_then(|(i, f)| Some((i.parse().ok()?, f))) {
                    let marks = if kind == "filter-mark" { &mut saved.marks.filters } else { &mut saved.marks.revocations };
                    marks.insert(force.to_owned(), iat);
                }
            }
            "trust-list" => saved.trust_list = bytes().or(saved.trust_list),
            "revocation-list" => saved.revocation_lists.extend(bytes()),
            "revocation-filter" => saved.revocation_filters.extend(bytes()),
            _ => {}
        }
    }
    Some(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back() {
        let saved = Saved {
            trust_list: Some(vec![0xd2, 0x84, 0, 255]),
            revocation_lists: vec![vec![1, 2, 3], vec![4; 300]],
            revocation_filters: vec![vec![5; 40], vec![6, 7]],
            marks: Marks {
                trust: Some(1_790_000_000),
                revocations: [("MPS".to_string(), 1_790_000_100), ("A force id".to_string(), -5)].into(),
                filters: [("MPS".to_string(), 1_790_000_200), ("DEMO".to_string(), 7)].into(),
                time_floor: 1_790_000_000,
            },
        };
        assert_eq!(read(&write(&saved)), Some(saved));
        assert_eq!(read(&write(&Saved::default())), Some(Saved::default()));
    }

    #[test]
    fn text_that_is_not_ours_reads_as_nothing_and_bad_lines_are_skipped() {
        assert_eq!(read(""), None);
        assert_eq!(read("<html>login</html>"), None);
        let saved = read(&format!("{HEADER}\nfloor x\ntrust-mark 7\ntrust-list !!!\nrevocation-mark 5\nfilter-mark x MPS\nrevocation-list AQID\nrevocation-filter ***\nnonsense\n")).unwrap();
        assert_eq!(saved.marks.time_floor, 0);
        assert_eq!(saved.marks.trust, Some(7));
        assert_eq!(saved.trust_list, None);
        assert!(saved.marks.revocations.is_empty());
        assert!(saved.marks.filters.is_empty());
        assert!(saved.revocation_filters.is_empty());
        assert_eq!(saved.revocation_lists, vec![vec![1, 2, 3]]);
    }
}
