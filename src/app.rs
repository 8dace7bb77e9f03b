//! The app: which page this is (public or embedded), in which language, and the parts of
//! the page around the checker that follow those choices. The desk (`desk_app`) and the
//! officer page (`officer_app`) are entry points of their own, so that this page's Wasm
//! carries neither.

use yew::prelude::*;

use crate::browser::host_frame::{self, SizePolicy, SizeReporter};
use crate::browser::{self, installed, page_text};
use crate::components::language_switch::LanguageSwitch;
use crate::components::public_page::PublicPage;
use crate::i18n::{Locale, Words};
use crate::page_mode::{Layout, PageMode};

/// The page's mode from its address; in the frame, the host's words and colour only if the
/// host named in the link is really framing it (`Embedding::as_framed_by`).
pub fn current_page_mode() -> PageMode {
    let location = browser::window().location();
    let mut mode = PageMode::from_address(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    );
    if let Layout::Embed(embedding) = mode.layout {
        let framing = host_frame::framing_origin();
        mode.layout = Layout::Embed(embedding.as_framed_by(framing.as_deref()));
    }
    mode
}

fn browser_languages() -> Vec<String> {
    browser::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect()
}

/// The page's language: `?lang=` if the link chose one, else the browser's first offered.
pub fn chosen_locale(mode: &PageMode) -> Locale {
    let languages = browser_languages();
    Locale::choose(mode.lang.as_deref(), languages.iter().map(String::as_str))
}

#[function_component(App)]
pub fn app() -> Html {
    let mode = use_memo((), |_| current_page_mode());
    let words = use_state(|| Words::new(chosen_locale(&mode)));

    // Once: what the layout needs from the browser. The embedded frame keeps nothing on
    // the device (no service worker); the public page and desk work offline after one visit.
    {
        let mode = mode.clone();
        use_effect_with((), move |_| {
            let mut reporter = None;
            match &mode.layout {
                Layout::Embed(embedding) => {
                    page_text::set_layout("embed");
                    match &embedding.accent {
                        Some(Ok(accent)) => page_text::set_accent(accent.css()),
                        Some(Err(refusal)) => web_sys::console::warn_1(&format!("Warrant Check: the force colour was refused and the default used: {refusal}").into()),
                        None => {}
                    }
                    if let Some(Err(refusal)) = &embedding.force_name {
                        web_sys::console::warn_1(&format!("Warrant Check: the force name was refused and none shown: {refusal}").into());
                    }
                    // The content's height tells the verdict: only to a host told it anyway.
                    let policy = if embedding.share_verdict { SizePolicy::Content } else { SizePolicy::Screenful };
                    reporter = embedding.host_origin.clone().map(|host| SizeReporter::start(host, policy));
                }
                // desk.html is the desk's own entry point (src/desk_main.rs); this app there
                // (an old copy of the page) is the public checker.
                Layout::Public | Layout::Desk => installed::register_service_worker(),
            }
            move || drop(reporter)
        });
    }
    {
        let mode = mode.clone();
        use_effect_with((*words).clone(), move |words| {
            let locale = words.locale();
            let (title, lede) = (words.get("page-title"), words.get("page-lede"));
            let brand = match mode.embedding().and_then(|e| e.force_name.clone()?.ok()) {
                Some(force) => words.with("brand-for-force", &[("force", force.into())]),
                None => words.get("brand"),
            };
            page_text::set(locale.tag(), locale.is_rtl(), &title, &lede, &brand);
            if mode.embedding().is_some() {
                page_text::label_landmarks(&words.get("embed-title"), &brand);
            }
        });
    }
    let change_language = {
        let words = words.clone();
        Callback::from(move |locale: Locale| words.set(Words::new(locale)))
    };

    let share_with = mode
        .embedding()
        .filter(|e| e.share_verdict)
        .and_then(|e| e.host_origin.clone())
        .map(AttrValue::from);
    html! {
        <ContextProvider<Words> context={(*words).clone()}>
            <LanguageSwitch current={words.locale()} on_change={change_language} />
            <PublicPage share_verdict_with={share_with} />
        </ContextProvider<Words>>
    }
}
