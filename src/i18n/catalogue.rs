//! The messages of `i18n/*.ftl`, compiled by `build/messages.rs` into static tables, so the
//! Wasm carries the words without a Fluent parser or runtime.

/// A message's value or one of its attributes, element for element as in the file.
pub type Pattern = &'static [Piece];

pub enum Piece {
    /// Words as the translator wrote them.
    Text(&'static str),
    /// A `{ "string literal" }`: Fluent neither isolates nor transforms it.
    #[allow(dead_code)] // until a file uses one, e.g. to write a literal `{`
    Literal(&'static str),
    /// A `{ $variable }`.
    Variable(&'static str),
    /// A `{ $variable -> [key] … *[default] … }`.
    Select {
        variable: &'static str,
        variants: &'static [Variant],
        /// The index of the `*[default]` variant.
        default: usize,
    },
}

pub struct Variant {
    pub key: Key,
    pub pattern: Pattern,
}

pub enum Key {
    /// A plural category (`one`, `few`, …) or a string to equal.
    Name(&'static str),
    /// A whole number to equal.
    Number(i64),
}

pub struct Message {
    pub id: &'static str,
    pub value: Option<Pattern>,
    pub attributes: &'static [(&'static str, Pattern)],
}

mod tables {
    use super::{Key, Message, Piece, Variant};
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}
pub use tables::{DESK_ENGLISH, DESK_WELSH, ENGLISH, OFFICER_ENGLISH, OFFICER_WELSH, WELSH};

/// A message's value, or one of its attributes; `None` if the file has no such thing.
/// `catalogue` is sorted by id (build.rs sorts it).
pub fn find(catalogue: &'static [Message], id: &str, attribute: Option<&str>) -> Option<Pattern> {
    let message = &catalogue[catalogue.binary_search_by(|m| m.id.cmp(id)).ok()?];
    match attribute {
        None => message.value,
        Some(name) => message
            .attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, pattern)| *pattern),
    }
}
