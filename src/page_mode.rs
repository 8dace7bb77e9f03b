//! Which kind of page this is, from its address: the public checker (`index.html`), the
//! call-centre desk (`desk.html`) or the frame a force embeds in its website
//! (`embed.html`). One app, three layouts; the query string carries only settings chosen
//! by whoever wrote the link, never anything about a card.

use crate::theme::{self, Accent};

#[derive(Clone, PartialEq, Debug)]
pub enum Layout {
    Public,
    Desk,
    Embed(Embedding),
}

/// What the host page asked for in its snippet.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Embedding {
    /// The host page's origin: the only place size and verdict messages are sent.
    pub host_origin: Option<String>,
    /// Shown in the frame's header, e.g. "Dyfed-Powys Police".
    pub force_name: Option<String>,
    /// The force's colour, or why it was refused (then the default is used).
    pub accent: Option<Result<Accent, theme::Refusal>>,
    /// Whether the host asked to be told the verdict's name (never any card detail).
    pub share_verdict: bool,
}

#[derive(Clone, PartialEq, Debug)]
pub struct PageMode {
    pub layout: Layout,
    /// `?lang=`: an explicit language choice, which beats the browser's.
    pub lang: Option<String>,
}

impl PageMode {
    /// From `location.pathname` and `location.search`.
    pub fn from_address(path: &str, search: &str) -> PageMode {
        let params = parse_query(search);
        let get = |key: &str| {
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        let file = path.rsplit('/').next().unwrap_or("");
        let layout = match file {
            "desk.html" => Layout::Desk,
            "embed.html" => Layout::Embed(Embedding {
                host_origin: get("host").filter(|h| is_origin(h)),
                force_name: get("force")
                    .map(|f| {
                        f.trim()
                            .chars()
                            .filter(|c| !c.is_control())
                            .take(80)
                            .collect::<String>()
                    })
                    .filter(|f| !f.is_empty()),
                accent: get("colour").map(|c| theme::accent(&c)),
                share_verdict: get("share").as_deref() == Some("verdict"),
            }),
            _ => Layout::Public,
        };
        PageMode {
            layout,
            lang: get("lang"),
        }
    }

    pub fn embedding(&self) -> Option<&Embedding> {
        match &self.layout {
            Layout::Embed(e) => Some(e),
            _ => None,
        }
    }
}

/// `scheme://host[:port]` and nothing else, so it can be a postMessage target.
fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    matches!(scheme, "https" | "http")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', '@', ' '])
}

/// `application/x-www-form-urlencoded` pairs, decoded; invalid escapes are kept as written.
fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_come_from_the_file_name() {
        assert_eq!(PageMode::from_address("/", "").layout, Layout::Public);
        assert_eq!(
            PageMode::from_address("/check/index.html", "?lang=cy").layout,
            Layout::Public
        );
        assert_eq!(
            PageMode::from_address("/check/index.html", "?lang=cy")
                .lang
                .as_deref(),
            Some("cy")
        );
        assert_eq!(
            PageMode::from_address("/desk.html", "").layout,
            Layout::Desk
        );
    }

    #[test]
    fn embedding_settings() {
        let mode = PageMode::from_address("/embed.html", "?host=http%3A%2F%2F127.0.0.1%3A8081&force=Dyfed-Powys+Police&colour=%2300567d&share=verdict&lang=cy");
        let e = mode.embedding().unwrap();
        assert_eq!(e.host_origin.as_deref(), Some("http://127.0.0.1:8081"));
        assert_eq!(e.force_name.as_deref(), Some("Dyfed-Powys Police"));
        assert!(matches!(e.accent, Some(Ok(_))));
        assert!(e.share_verdict);
        assert_eq!(mode.lang.as_deref(), Some("cy"));

        let plain = PageMode::from_address(
            "/embed.html",
            "?host=javascript:alert(1)&force=%E2%80%AE%0A&colour=%23ffff00",
        );
        let e = plain.embedding().unwrap();
        assert_eq!(e.host_origin, None);
        assert_eq!(e.force_name.as_deref(), Some("\u{202E}"));
        assert!(matches!(e.accent, Some(Err(_))));
        assert!(!e.share_verdict);
    }

    #[test]
    fn decoding_never_panics() {
        for s in ["%", "%4", "%zz", "%e2%82", "a=%", "%%%", "é%41", "=&=&"] {
            let _ = parse_query(s);
        }
        assert_eq!(decode("a%41%"), "aA%");
        assert_eq!(decode("%e2%82%ac"), "€");
    }
}
