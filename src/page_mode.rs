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
    /// Shown in the frame's header as the website the checker is on, e.g. "Dyfed-Powys
    /// Police"; or why the name given was refused (then none is shown).
    pub force_name: Option<Result<String, NameRefusal>>,
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
                force_name: get("force").map(|f| force_name(&f)),
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

impl Embedding {
    /// The host's settings, keeping its own words and colour (`force`, `colour`) only if
    /// this page is really framed by the host named in the link: `framing` is the framing
    /// page's origin or address as the browser tells it (`location.ancestorOrigins`, or the
    /// referrer), `None` when the page is not framed. Anyone can link to `embed.html?force=…`
    /// and open it as a page of its own; without this, any sentence in the link would show
    /// on the checker's own origin, above a real verdict. Framing itself is limited to the
    /// listed force sites by the server's `frame-ancestors`.
    pub fn as_framed_by(mut self, framing: Option<&str>) -> Embedding {
        let framed_by_host = match (&self.host_origin, framing.and_then(origin_of)) {
            (Some(host), Some(framing)) => host == framing,
            _ => false,
        };
        if !framed_by_host {
            self.force_name = None;
            self.accent = None;
        }
        self
    }
}

/// Why a force name given by the host page is not shown.
#[derive(Clone, PartialEq, Debug)]
pub struct NameRefusal(&'static str);

impl std::fmt::Display for NameRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

const MAX_FORCE_NAME_CHARS: usize = 60;

/// The host's force name, if it is shaped like one: letters (of any alphabet), spaces,
/// hyphens, apostrophes, `&` and brackets, at most 60 of them ("Dyfed-Powys Police",
/// "Devon & Cornwall Police", "Heddlu Gogledd Cymru"). These are the host's words shown on
/// the checker's origin, so they must not be able to pass for the checker's: no digits (no
/// phone number to call), no sentence punctuation (no "Genuine officer confirmed. Call…"),
/// no invisible or direction characters. Refused whole rather than filtered, since a
/// filtered sentence is still a sentence. Letters alone can still say something ("Genuine
/// officer confirmed"): the shape is the second guard, not the first. The first is that
/// only a listed force site framing the checker gets a name shown at all (`as_framed_by`);
/// and the header shows it only as the name of the website the checker is on ("Warrant
/// Check, on the … website"), in the header, never beside a verdict.
fn force_name(given: &str) -> Result<String, NameRefusal> {
    let name = given.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(NameRefusal("the force name is empty"));
    }
    if name.chars().count() > MAX_FORCE_NAME_CHARS {
        return Err(NameRefusal("the force name is longer than 60 characters"));
    }
    let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '&' | '(' | ')');
    if !name.chars().all(allowed) {
        return Err(NameRefusal("a force name has only letters, spaces, hyphens, apostrophes, & and brackets"));
    }
    Ok(name)
}

/// The origin (`scheme://host[:port]`) of an address or origin, if it has one.
fn origin_of(address: &str) -> Option<&str> {
    let host_start = address.find("://")? + 3;
    let end = address[host_start..].find('/').map_or(address.len(), |p| host_start + p);
    Some(&address[..end]).filter(|origin| is_origin(origin))
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
        assert_eq!(e.force_name, Some(Ok("Dyfed-Powys Police".to_owned())));
        assert!(matches!(e.accent, Some(Ok(_))));
        assert!(e.share_verdict);
        assert_eq!(mode.lang.as_deref(), Some("cy"));

        let plain = PageMode::from_address(
            "/embed.html",
            "?host=javascript:alert(1)&force=%E2%80%AE%0A&colour=%23ffff00",
        );
        let e = plain.embedding().unwrap();
        assert_eq!(e.host_origin, None);
        // A right-to-left override is not a name (it used to be kept, with the line feed dropped).
        assert!(matches!(e.force_name, Some(Err(_))));
        assert!(matches!(e.accent, Some(Err(_))));
        assert!(!e.share_verdict);
    }

    /// Issue 18: `embed.html?force=<a sentence>` opened as a page of its own showed the
    /// sentence in the checker's header, above a real verdict.
    #[test]
    fn host_words_only_when_framed_by_that_host() {
        let link = "?host=http%3A%2F%2F127.0.0.1%3A8081&force=Dyfed-Powys+Police&colour=%2300567d";
        let embedding = || PageMode::from_address("/embed.html", link).embedding().unwrap().clone();
        for framing in [Some("http://127.0.0.1:8081"), Some("http://127.0.0.1:8081/"), Some("http://127.0.0.1:8081/force/page.html?x")] {
            let shown = embedding().as_framed_by(framing);
            assert_eq!(shown.force_name, Some(Ok("Dyfed-Powys Police".to_owned())), "{framing:?}");
            assert!(matches!(shown.accent, Some(Ok(_))));
            assert_eq!(shown.host_origin.as_deref(), Some("http://127.0.0.1:8081"));
        }
        // Not framed, framed by another site, by an opaque origin, or no host named.
        for framing in [None, Some("https://evil.example"), Some("http://127.0.0.1:8081.evil.example/"), Some("null"), Some("")] {
            let shown = embedding().as_framed_by(framing);
            assert_eq!(shown.force_name, None, "{framing:?}");
            assert_eq!(shown.accent, None, "{framing:?}");
        }
        let no_host = PageMode::from_address("/embed.html", "?force=Dyfed-Powys+Police").embedding().unwrap().clone();
        assert_eq!(no_host.as_framed_by(Some("http://127.0.0.1:8081")).force_name, None);
    }

    #[test]
    fn a_force_name_cannot_pass_for_the_checkers_words() {
        for name in ["Dyfed-Powys Police", "Devon & Cornwall Police", "Heddlu Gogledd Cymru", "Police Service of Northern Ireland (PSNI)", "Gwasanaeth Heddlu’r Gogledd", "  British   Transport Police "] {
            assert!(force_name(name).is_ok(), "{name}");
        }
        assert_eq!(force_name("  British   Transport Police ").unwrap(), "British Transport Police");
        for refused in ["Genuine officer confirmed. Call 0800 123 4567 now", "Call 999", "Verified!", "Dyfed-Powys Police: genuine", "\u{202E}ecilop", "Police\u{200B}", "", "   "] {
            assert!(force_name(refused).is_err(), "{refused:?}");
        }
        assert!(force_name(&"a".repeat(61)).is_err());
        assert!(force_name(&"a".repeat(60)).is_ok());
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
