//! The desk's screen for a check code that did not come to a card: a typo (ask the caller
//! again: never "forged"), a code in no directory, a damaged entry, or a code not looked up
//! because the directory is loading or could not be had (never "not found": nothing was
//! searched). A code that finds its card gets the scan's own screen (`VerdictView`).

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::code_echo::CodeEcho;
use super::use_words;
use crate::code_check::{groups, CodeResult};
use crate::i18n::Words;
use crate::words::Tone;
use warrant_core::check_code::CodeError;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Any result but `Found`.
    pub result: CodeResult,
    /// The code as read (`code_check::reading`).
    pub reading: Rc<Vec<char>>,
    pub on_again: Callback<()>,
}

/// What each result's screen says: tone, title (with `.meaning`), script and advice.
struct CodeScreen {
    tone: Tone,
    message: &'static str,
    readback: &'static str,
    advice: &'static [&'static str],
}

fn screen(result: &CodeResult) -> CodeScreen {
    match result {
        CodeResult::Typo(_) => CodeScreen {
            tone: Tone::Unsure,
            message: "code-typo",
            readback: "readback-code-typo",
            advice: &["code-advice-read-back", "code-advice-999"],
        },
        CodeResult::NotFound | CodeResult::Damaged | CodeResult::Found(_) => CodeScreen {
            tone: Tone::Bad,
            message: "code-not-found",
            readback: "readback-code-not-found",
            advice: &["code-advice-read-back", "code-advice-door", "code-advice-999"],
        },
        CodeResult::NotSearched { loading: true } => CodeScreen {
            tone: Tone::Unsure,
            message: "code-directory-loading",
            readback: "readback-code-not-searched",
            advice: &["code-advice-wait", "code-advice-999"],
        },
        CodeResult::NotSearched { loading: false } => CodeScreen {
            tone: Tone::Unsure,
            message: "code-directory-unavailable",
            readback: "readback-code-not-searched",
            advice: &["code-advice-reconnect", "code-advice-door", "code-advice-999"],
        },
    }
}

/// What exactly is wrong with a typo, where the error tells: how many characters, which
/// group holds a character no code has (a `U` may be a misheard `V`), or that the check
/// character does not match.
pub fn typo_detail(words: &Words, error: &CodeError, reading: &[char]) -> String {
    match error {
        CodeError::Empty => words.get("code-typo-empty"),
        CodeError::WrongLength { symbols } => words.with("code-typo-length", &[("count", (*symbols as i64).into())]),
        CodeError::CheckFailed => words.get("code-typo-check"),
        CodeError::NotInAlphabet { character, .. } => {
            let group = error.group().unwrap_or(0);
            let text = groups(reading).get(group).cloned().unwrap_or_default();
            let number = (group as i64 + 1).into();
            if character.eq_ignore_ascii_case(&'u') {
                words.with("code-typo-u", &[("group", number), ("text", text.into())])
            } else {
                words.with("code-typo-character", &[("group", number), ("text", text.into()), ("character", character.to_string().into())])
            }
        }
    }
}

#[function_component(CodeResultView)]
pub fn code_result_view(props: &Props) -> Html {
    let words = use_words();
    let screen = screen(&props.result);
    let heading = use_node_ref();
    {
        // As a verdict does: focus moves to the result, for keyboard and screen-reader users.
        let heading = heading.clone();
        use_effect_with(props.result.clone(), move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let name = props.result.name();
    let error = match &props.result {
        CodeResult::Typo(error) => Some(*error),
        _ => None,
    };
    let again = props.on_again.reform(|_: MouseEvent| ());
    html! {
        <section class={classes!("verdict", "code-result", screen.tone.class())} data-code-result={name} aria-labelledby="verdict-title">
            <h2 id="verdict-title" tabindex="-1" ref={heading}>
                <span class="symbol" aria-hidden="true">{ screen.tone.symbol() }</span>
                { words.get(screen.message) }
            </h2>
            <p class="meaning">{ words.attr(screen.message, "meaning") }</p>
            if let Some(error) = &error {
                <p class="code-problem" data-code-error={error.code()}>{ typo_detail(&words, error, &props.reading) }</p>
            }
            if props.result == CodeResult::Damaged {
                <p class="code-problem" data-code-error="damaged">{ words.get("code-damaged-note") }</p>
            }
            <CodeEcho reading={props.reading.clone()} wrong_group={error.and_then(|e| e.group())} />
            <section class="readback" aria-labelledby="readback-title">
                <h3 id="readback-title">{ words.get("readback-title") }</h3>
                <p data-readback={name}>{ words.get(screen.readback) }</p>
            </section>
            <h3>{ words.get("advice-title") }</h3>
            <ul class="advice">
                { for screen.advice.iter().map(|a| html! { <li>{ words.get(a) }</li> }) }
            </ul>
            <button type="button" class="again" aria-keyshortcuts="Escape" onclick={again}>{ words.get("next-caller") }</button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_check::reading;
    use crate::desk_app::desk_words;
    use crate::i18n::Locale;

    fn all_results() -> Vec<CodeResult> {
        vec![
            CodeResult::Typo(CodeError::CheckFailed),
            CodeResult::Typo(CodeError::WrongLength { symbols: 11 }),
            CodeResult::Typo(CodeError::NotInAlphabet { character: 'U', position: 6 }),
            CodeResult::Typo(CodeError::Empty),
            CodeResult::NotFound,
            CodeResult::Damaged,
            CodeResult::NotSearched { loading: true },
            CodeResult::NotSearched { loading: false },
        ]
    }

    /// A typo or a code not looked up says nothing about the card: never "forged" or
    /// "fake", in any language; a code in no directory says the card may be forged.
    #[test]
    fn a_typo_is_never_called_forged() {
        for locale in Locale::OFFERED {
            let words = Words::new(locale).with_extra(desk_words);
            for result in all_results() {
                let s = screen(&result);
                let mut said = vec![words.get(s.message), words.attr(s.message, "meaning"), words.get(s.readback)];
                said.extend(s.advice.iter().map(|a| words.get(a)));
                if let CodeResult::Typo(e) = &result {
                    said.push(typo_detail(&words, e, &reading("K7QM-29UD-HP4A")));
                }
                let all = said.join(" ").to_lowercase();
                assert!(!all.contains('{') && !said.iter().any(|s| s.starts_with("code-") || s.starts_with("readback-")), "{locale:?} {result:?}: {all}");
                let forged = ["forged", "fake", "ffug"].iter().any(|w| all.contains(w));
                assert_eq!(forged, matches!(result, CodeResult::NotFound | CodeResult::Damaged), "{locale:?} {result:?}: {all}");
                assert!(all.contains("999"), "{locale:?} {result:?} does not mention 999");
            }
        }
    }

    #[test]
    fn a_typo_says_which_group_looks_wrong_when_it_can() {
        let words = Words::new(Locale::English).with_extra(desk_words);
        let u = CodeError::NotInAlphabet { character: 'U', position: 6 };
        let said = typo_detail(&words, &u, &reading("k7qm-29ud-hp4a")).replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(said, "Group 2 (29UD) looks wrong: “U” is never used in a check code. The caller may have said “V”.");
        let length = typo_detail(&words, &CodeError::WrongLength { symbols: 11 }, &reading("K7QM-29XD-HP4"));
        assert!(length.replace(['\u{2068}', '\u{2069}'], "").starts_with("It has 11 letters and numbers"), "{length}");
        let cy = Words::new(Locale::Welsh).with_extra(desk_words);
        assert!(typo_detail(&cy, &u, &reading("k7qm-29ud-hp4a")).contains("grŵp"));
    }
}
