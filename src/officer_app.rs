//! The officer page's app (`officer.html`): the same words, language switch and styles as
//! the checker, around the live code. It is its own entry point (`src/officer_main.rs`)
//! so that the public checker's first visit does not carry the officer's code.

use yew::prelude::*;

use crate::app;
use crate::browser::{installed, page_text};
use crate::components::language_switch::LanguageSwitch;
use crate::components::officer_page::OfficerPage;
use crate::i18n::catalogue::{Message, OFFICER_ENGLISH, OFFICER_WELSH};
use crate::i18n::{Locale, Words};

/// The officer page's own words (`i18n/officer-*.ftl`).
fn officer_words(locale: Locale) -> &'static [Message] {
    match locale {
        Locale::Welsh => OFFICER_WELSH,
        _ => OFFICER_ENGLISH,
    }
}

#[function_component(OfficerApp)]
pub fn officer_app() -> Html {
    let words = use_state(|| Words::new(app::chosen_locale(&app::current_page_mode())).with_extra(officer_words));
    use_effect_with((), |_| {
        page_text::set_layout("officer");
        // The live code needs no signal: after one visit the page works offline.
        installed::register_service_worker();
    });
    use_effect_with((*words).clone(), |words| {
        let locale = words.locale();
        page_text::set(locale.tag(), locale.is_rtl(), &words.get("officer-page-title"), &words.get("officer-page-lede"), &words.get("brand"));
    });
    let change_language = {
        let words = words.clone();
        Callback::from(move |locale: Locale| words.set(Words::new(locale).with_extra(officer_words)))
    };
    html! {
        <ContextProvider<Words> context={(*words).clone()}>
            <LanguageSwitch current={words.locale()} on_change={change_language} />
            <OfficerPage />
        </ContextProvider<Words>>
    }
}
