//! Fills in a compiled message the way fluent-bundle does (its default settings), so the
//! strings are the same as before the messages were compiled: placeables not alone in their
//! pattern are isolated with FSI … PDI, a select picks the first variant whose key equals the
//! value or names its plural category, and a missing variable shows as `{$name}`.

use std::borrow::Cow;

use super::catalogue::{Key, Pattern, Piece};

/// The value of a message's `$variable`.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Number(n.into())
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(n.into())
    }
}

/// How one language fills in its messages.
pub struct Style {
    /// The CLDR cardinal plural category of a number.
    pub plural: fn(i64) -> &'static str,
    /// Applied to the translator's words, never to the variables (e.g. card details).
    pub transform: Option<fn(&str) -> Cow<'_, str>>,
}

/// The text, and the variables it needed but was not given.
pub struct Rendered {
    pub text: String,
    pub missing: Vec<&'static str>,
}

pub fn render(pattern: Pattern, style: &Style, args: &[(&str, Arg<'_>)]) -> Rendered {
    let mut out = Rendered {
        text: String::new(),
        missing: Vec::new(),
    };
    write(&mut out, pattern, style, args);
    out
}

fn write(out: &mut Rendered, pattern: Pattern, style: &Style, args: &[(&str, Arg<'_>)]) {
    let isolate = pattern.len() > 1;
    for piece in pattern {
        match piece {
            Piece::Text(text) => match style.transform {
                Some(transform) => out.text.push_str(&transform(text)),
                None => out.text.push_str(text),
            },
            Piece::Literal(text) => out.text.push_str(text),
            Piece::Variable(name) => {
                isolated(out, isolate, |out| match lookup(args, name) {
                    Some(Arg::Text(text)) => out.text.push_str(text),
                    Some(Arg::Number(n)) => out.text.push_str(&n.to_string()),
                    None => {
                        out.missing.push(name);
                        out.text.push_str("{$");
                        out.text.push_str(name);
                        out.text.push('}');
                    }
                });
            }
            Piece::Select {
                variable,
                variants,
                default,
            } => {
                let value = lookup(args, variable);
                if value.is_none() {
                    out.missing.push(variable);
                }
                let chosen = value
                    .and_then(|value| variants.iter().find(|v| matches(&v.key, value, style)))
                    .unwrap_or(&variants[*default]);
                isolated(out, isolate, |out| write(out, chosen.pattern, style, args));
            }
        }
    }
}

fn isolated(out: &mut Rendered, isolate: bool, inner: impl FnOnce(&mut Rendered)) {
    if isolate {
        out.text.push('\u{2068}');
    }
    inner(out);
    if isolate {
        out.text.push('\u{2069}');
    }
}

/// The last value given for `name`, as `FluentArgs::set` keeps the last.
fn lookup<'s, 'a>(args: &'s [(&str, Arg<'a>)], name: &str) -> Option<&'s Arg<'a>> {
    args.iter()
        .rev()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

fn matches(key: &Key, value: &Arg<'_>, style: &Style) -> bool {
    match (key, value) {
        (Key::Name(key), Arg::Text(text)) => *key == text.as_ref(),
        (Key::Name(key), Arg::Number(n)) => *key == (style.plural)(*n),
        (Key::Number(key), Arg::Number(n)) => key == n,
        (Key::Number(_), Arg::Text(_)) => false,
    }
}
