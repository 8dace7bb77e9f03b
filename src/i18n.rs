//! Every word the checker shows comes from the Fluent files in `i18n/`, so a translator can
//! change them without touching Rust. They are compiled in (by build.rs, into tables): the
//! first check must work with no signal, a language switch must not wait for the network,
//! and a Fluent runtime would make the first visit a third heavier.

pub mod catalogue;
mod plural;
mod render;

use std::borrow::Cow;

pub use render::Arg;
use render::{Rendered, Style};

/// The languages the checker speaks, plus a right-to-left pseudo-locale that proves the
/// layout survives a right-to-left language before a real one is added.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Locale {
    English,
    Welsh,
    /// English words shown right to left, as Chromium's own `ar-XB` pseudo-locale does.
    /// Reached only by `?lang=ar-XB`; never offered in the switch.
    PseudoRtl,
}

impl Locale {
    /// The languages offered in the visible switch.
    pub const OFFERED: [Locale; 2] = [Locale::English, Locale::Welsh];

    /// The BCP 47 tag for `lang` attributes and the `?lang=` parameter.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::English => "en-GB",
            Locale::Welsh => "cy",
            Locale::PseudoRtl => "ar-XB",
        }
    }

    /// The language's own name, for the switch: never translated.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::English => "English",
            Locale::Welsh => "Cymraeg",
            Locale::PseudoRtl => "Pseudo RTL",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Locale::PseudoRtl
    }

    /// Matches a language tag from the URL or the browser (`cy-GB`, `en`, `ar-XB`).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            _ if lower == "ar-xb" => Some(Locale::PseudoRtl),
            "cy" => Some(Locale::Welsh),
            "en" => Some(Locale::English),
            _ => None,
        }
    }

    /// An explicit choice (the URL's `?lang=`) wins; then the first of the browser's
    /// languages that we speak; then English.
    pub fn choose<'a>(
        explicit: Option<&str>,
        browser: impl IntoIterator<Item = &'a str>,
    ) -> Locale {
        explicit
            .and_then(Locale::from_tag)
            .or_else(|| {
                browser
                    .into_iter()
                    .filter_map(Locale::from_tag)
                    .find(|l| Locale::OFFERED.contains(l))
            })
            .unwrap_or(Locale::English)
    }
}

/// The words of one language, cheap to clone and compare (by language) for Yew props.
#[derive(Clone)]
pub struct Words {
    locale: Locale,
    /// A page's own words beside the shared ones (the officer page's): a function, so that
    /// pages which never set it do not carry those words at all.
    extra: Option<fn(Locale) -> &'static [catalogue::Message]>,
}

/// Equal when in the same language: a page sets its own words once, for all of them.
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.locale == other.locale && self.extra.is_some() == other.extra.is_some()
    }
}

impl Default for Words {
    fn default() -> Self {
        Words::new(Locale::English)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({:?})", self.locale)
    }
}

/// Shows text right to left without changing a letter, so tests can still find it.
fn right_to_left(text: &str) -> Cow<'_, str> {
    Cow::Owned(format!("\u{202E}{text}\u{202C}"))
}

impl Words {
    pub fn new(locale: Locale) -> Words {
        Words { locale, extra: None }
    }

    /// These words, and a page's own (`extra`), looked up after the shared ones.
    pub fn with_extra(self, extra: fn(Locale) -> &'static [catalogue::Message]) -> Words {
        Words { extra: Some(extra), ..self }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// A message with no variables.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None, &[])
    }

    /// An attribute of a message, e.g. a verdict's `.meaning`.
    pub fn attr(&self, id: &str, attribute: &str) -> String {
        self.format(id, Some(attribute), &[])
    }

    /// A message with variables.
    pub fn with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.format(id, None, args)
    }

    /// "31 May 2029" for a Unix time (UTC), with the month written out so that no
    /// locale's date order can make it ambiguous.
    pub fn long_date(&self, unix: i64) -> String {
        let (year, month, day) = civil_date(unix);
        let month_name = self.get(&format!("month-{month}"));
        let date = self.with(
            "date-long",
            &[
                ("day", day.to_string().into()),
                ("month", month_name.into()),
                ("year", year.to_string().into()),
            ],
        );
        // Digits and a month name need no bidi isolation, and a date shown on its own reads
        // (and copies) better without the invisible marks.
        date.replace(['\u{2068}', '\u{2069}'], "")
    }

    fn format(&self, id: &str, attribute: Option<&str>, args: &[(&str, Arg<'_>)]) -> String {
        let Some(Rendered { text, missing }) = self.render(id, attribute, args) else {
            // Visible but harmless; the tests make sure it never happens.
            return id.to_string();
        };
        #[cfg(target_arch = "wasm32")]
        if !missing.is_empty() {
            web_sys::console::warn_1(
                &format!("translation {id}: no value for {}", missing.join(", ")).into(),
            );
        }
        #[cfg(not(target_arch = "wasm32"))]
        debug_assert!(
            missing.is_empty(),
            "translation {id}: no value for {missing:?}"
        );
        text
    }

    /// The message filled in, or `None` if the language has no such message.
    fn render(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) -> Option<Rendered> {
        let (messages, style) = match self.locale {
            Locale::English => (
                catalogue::ENGLISH,
                Style {
                    plural: plural::english,
                    transform: None,
                },
            ),
            Locale::Welsh => (
                catalogue::WELSH,
                Style {
                    plural: plural::welsh,
                    transform: None,
                },
            ),
            Locale::PseudoRtl => (
                catalogue::ENGLISH,
                Style {
                    plural: plural::english,
                    transform: Some(right_to_left),
                },
            ),
        };
        let pattern = catalogue::find(messages, id, attribute).or_else(|| catalogue::find(self.extra?(self.locale), id, attribute))?;
        Some(render::render(pattern, &style, args))
    }
}

/// (year, month 1–12, day) of a Unix time in UTC (Howard Hinnant's days-to-civil).
fn civil_date(unix: i64) -> (i64, i64, i64) {
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
    use fluent_syntax::ast;

    use super::*;

    const ENGLISH: &str = include_str!("../i18n/en.ftl");
    const WELSH: &str = include_str!("../i18n/cy.ftl");
    const OFFICER_ENGLISH: &str = include_str!("../i18n/officer-en.ftl");
    const OFFICER_WELSH: &str = include_str!("../i18n/officer-cy.ftl");
    const DESK_ENGLISH: &str = include_str!("../i18n/desk-en.ftl");
    const DESK_WELSH: &str = include_str!("../i18n/desk-cy.ftl");

    /// Every message id and `id.attribute` in a file; fails on any syntax error.
    fn keys(source: &str) -> BTreeSet<String> {
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, e)| panic!("syntax errors: {e:?}"));
        let mut keys = BTreeSet::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                keys.insert(m.id.name.to_string());
                for a in &m.attributes {
                    keys.insert(format!("{}.{}", m.id.name, a.id.name));
                }
            }
        }
        keys
    }

    #[test]
    fn welsh_translates_every_english_message() {
        let all = |files: [&str; 3]| files.iter().flat_map(|f| keys(f)).collect::<BTreeSet<_>>();
        let (en, cy) = (all([ENGLISH, OFFICER_ENGLISH, DESK_ENGLISH]), all([WELSH, OFFICER_WELSH, DESK_WELSH]));
        assert!(keys(ENGLISH).is_disjoint(&keys(OFFICER_ENGLISH)), "the officer page's ids are its own");
        assert!(keys(ENGLISH).is_disjoint(&keys(DESK_ENGLISH)), "the desk's ids are its own");
        assert!(keys(OFFICER_ENGLISH).is_disjoint(&keys(DESK_ENGLISH)), "the desk's ids are its own");
        assert_eq!(
            en.difference(&cy).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in Welsh"
        );
        assert_eq!(
            cy.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "only in Welsh"
        );
    }

    /// Every id the Rust code asks for (as a string literal passed to `get`, `attr` or
    /// `with`) exists in English, so no screen can show a raw id.
    #[test]
    fn every_id_in_the_code_exists() {
        let en: BTreeSet<String> = [ENGLISH, OFFICER_ENGLISH, DESK_ENGLISH].iter().flat_map(|f| keys(f)).collect();
        let mut missing = Vec::new();
        let mut seen = 0;
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for call in [".get(\"", ".attr(\"", ".with(\""] {
                for (at, _) in source.match_indices(call) {
                    let rest = &source[at + call.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    if id.contains('{')
                        || !id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    {
                        continue;
                    }
                    seen += 1;
                    if !en.contains(id) {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
        assert!(
            seen > 40,
            "found only {seen} ids: has the calling convention changed?"
        );
        assert!(missing.is_empty(), "{missing:?}");
    }

    /// fluent-bundle with the checker's settings before its messages were compiled.
    fn fluent_bundle(locale: Locale) -> FluentBundle<FluentResource> {
        let (sources, tag) = match locale {
            Locale::English | Locale::PseudoRtl => ([ENGLISH, DESK_ENGLISH], "en-GB"),
            Locale::Welsh => ([WELSH, DESK_WELSH], "cy"),
        };
        let mut bundle = FluentBundle::new(vec![tag.parse().unwrap()]);
        for source in sources {
            bundle
                .add_resource(FluentResource::try_new(source.to_string()).unwrap())
                .unwrap();
        }
        if locale == Locale::PseudoRtl {
            bundle.set_transform(Some(right_to_left));
        }
        bundle
    }

    /// What fluent-bundle makes of a message: the text, and whether it reported errors.
    fn fluent_bundle_says(
        bundle: &FluentBundle<FluentResource>,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) -> (String, bool) {
        let message = bundle.get_message(id).unwrap();
        let pattern = match attribute {
            Some(a) => message.get_attribute(a).unwrap().value(),
            None => message.value().unwrap(),
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_ref())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let fluent_args = (!args.is_empty()).then_some(&fluent_args);
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, fluent_args, &mut errors)
            .into_owned();
        (text, !errors.is_empty())
    }

    /// The compiled messages say exactly what fluent-bundle says from the same files: every
    /// message and attribute, in every locale, with no arguments, with words, and with
    /// numbers that reach every plural category and number key.
    #[test]
    fn compiled_messages_equal_fluent_bundle() {
        let variables = [
            "force", "address", "hours", "days", "date", "day", "month", "year", "rank", "number",
            "name", "clock", "floor", "expired", "cards", "forces", "code", "group", "text",
            "character", "count",
        ];
        let every = |value: Arg<'static>| -> Vec<(&str, Arg<'static>)> {
            variables.iter().map(|v| (*v, value.clone())).collect()
        };
        let mut arg_sets = vec![Vec::new()];
        for n in [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 21, 100, 1000, -1, -2] {
            arg_sets.push(every(Arg::Number(n)));
        }
        for text in ["Dyfed-Powys Police", "one", "other", "0", ""] {
            arg_sets.push(every(text.into()));
        }
        let mut compared = 0;
        // The shared words, and the desk's own (looked up after them, as on the desk).
        let desk = |locale| match locale {
            Locale::Welsh => catalogue::DESK_WELSH,
            _ => catalogue::DESK_ENGLISH,
        };
        for (locale, sources) in [
            (Locale::English, [ENGLISH, DESK_ENGLISH]),
            (Locale::Welsh, [WELSH, DESK_WELSH]),
            (Locale::PseudoRtl, [ENGLISH, DESK_ENGLISH]),
        ] {
            let (words, bundle) = (Words::new(locale).with_extra(desk), fluent_bundle(locale));
            for key in sources.iter().flat_map(|s| keys(s)) {
                let (id, attribute) = match key.split_once('.') {
                    Some((id, attribute)) => (id, Some(attribute)),
                    None => (key.as_str(), None),
                };
                for args in &arg_sets {
                    let ours = words.render(id, attribute, args).expect(&key);
                    let (text, errors) = fluent_bundle_says(&bundle, id, attribute, args);
                    assert_eq!(ours.text, text, "{locale:?} {key} {args:?}");
                    assert_eq!(
                        !ours.missing.is_empty(),
                        errors,
                        "{locale:?} {key} {args:?}"
                    );
                    // Every variable the files use is in `variables`, so each is exercised.
                    assert!(
                        args.is_empty() || ours.missing.is_empty(),
                        "{key} uses {:?}",
                        ours.missing
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 3 * 100 * 20, "compared only {compared}");
    }

    #[test]
    fn choosing_a_language() {
        assert_eq!(Locale::choose(None, ["cy-GB", "en-GB"]), Locale::Welsh);
        assert_eq!(Locale::choose(None, ["fr-FR", "en-US"]), Locale::English);
        assert_eq!(Locale::choose(None, ["fr-FR"]), Locale::English);
        assert_eq!(Locale::choose(Some("en"), ["cy"]), Locale::English);
        assert_eq!(Locale::choose(Some("ar-XB"), ["cy"]), Locale::PseudoRtl);
        assert_eq!(Locale::choose(Some("xx"), ["cy"]), Locale::Welsh);
        // The pseudo-locale is never picked up from a browser's settings.
        assert_eq!(Locale::choose(None, ["ar-XB", "cy"]), Locale::Welsh);
    }

    #[test]
    fn welsh_plurals_and_dates() {
        let (cy, en) = (Words::new(Locale::Welsh), Words::default());
        assert_eq!(cy.long_date(1_874_923_200), "31 Mai 2029");
        assert_eq!(en.long_date(951_782_400), "29 February 2000");
        let age = |h: i64| cy.with("lists-age", &[("hours", h.into()), ("date", "x".into())]);
        assert!(
            age(1).contains("awr yn ôl") && !age(1).contains('1'),
            "{}",
            age(1)
        );
        assert!(age(2).contains("ddwy awr"), "{}", age(2));
        assert!(age(5).contains('5'), "{}", age(5));
        assert!(en
            .with("lists-age", &[("hours", 0.into()), ("date", "x".into())])
            .contains("less than an hour"));
        assert!(en
            .with(
                "lists-age-days",
                &[("days", 1.into()), ("date", "x".into())]
            )
            .contains("1\u{2069} day ago"));
    }

    #[test]
    fn pseudo_locale_turns_text_but_not_card_details() {
        let rtl = Words::new(Locale::PseudoRtl);
        assert!(rtl.get("verdict-genuine").starts_with('\u{202E}'));
        let script = rtl.with(
            "brand-for-force",
            &[("force", "Dyfed-Powys Police".into())],
        );
        assert!(
            script.contains("\u{2068}Dyfed-Powys Police\u{2069}"),
            "{script}"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(1_874_923_200), (2029, 5, 31));
        assert_eq!(civil_date(951_782_400), (2000, 2, 29));
    }
}
