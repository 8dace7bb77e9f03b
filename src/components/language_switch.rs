//! The visible language switch: each other language offered, named in itself and marked
//! with its `lang`, so a screen reader says "Cymraeg" in Welsh.

use yew::prelude::*;

use super::use_words;
use crate::i18n::Locale;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub current: Locale,
    pub on_change: Callback<Locale>,
}

#[function_component(LanguageSwitch)]
pub fn language_switch(props: &Props) -> Html {
    let words = use_words();
    html! {
        <nav class="language-switch" aria-label={words.get("language-switch-label")}>
            { for Locale::OFFERED.iter().filter(|l| **l != props.current).map(|&locale| {
                let on_change = props.on_change.clone();
                html! {
                    <button type="button" lang={locale.tag()} data-lang={locale.tag()} onclick={move |_| on_change.emit(locale)}>
                        { locale.endonym() }
                    </button>
                }
            }) }
        </nav>
    }
}
