//! The call-centre desk's app (`desk.html`): the same words, language switch, lists and
//! styles as the checker, around the desk (`components::desk`), which also finds a card by
//! the check code a caller reads out (`code_check`). It is its own entry point
//! (`src/desk_main.rs`) so that the public checker's first visit carries neither the desk nor
//! the card directory's code (Argon2id, ChaCha20-Poly1305).

use yew::prelude::*;

use crate::app;
use crate::browser::{installed, page_text};
use crate::components::desk::Desk;
use crate::components::language_switch::LanguageSwitch;
use crate::i18n::catalogue::{Message, DESK_ENGLISH, DESK_WELSH};
use crate::i18n::{Locale, Words};

/// The desk's own words (`i18n/desk-*.ftl`).
pub fn desk_words(locale: Locale) -> &'static [Message] {
    match locale {
        Locale::Welsh => DESK_WELSH,
        _ => DESK_ENGLISH,
    }
}

#[function_component(DeskApp)]
pub fn desk_app() -> Html {
    let words = use_state(|| Words::new(app::chosen_locale(&app::current_page_mode())).with_extra(desk_words));
    use_effect_with((), |_| {
        page_text::set_layout("desk");
        // After one visit the desk works offline: the service worker keeps the app shell
        // and, when asked, the desk's own files; the page keeps its lists and directory.
        installed::register_service_worker();
        installed::keep_page_files("desk");
    });
    use_effect_with((*words).clone(), |words| {
        let locale = words.locale();
        page_text::set(locale.tag(), locale.is_rtl(), &words.get("desk-title"), &words.get("desk-lede"), &words.get("brand"));
    });
    let change_language = {
        let words = words.clone();
        Callback::from(move |locale: Locale| words.set(Words::new(locale).with_extra(desk_words)))
    };
    html! {
        <ContextProvider<Words> context={(*words).clone()}>
            <LanguageSwitch current={words.locale()} on_change={change_language} />
            <Desk />
        </ContextProvider<Words>>
    }
}
