//! The check code as the desk read it, echoed in the groups the card prints, and spelled out
//! word by word on request (Kilo, Seven, Quebec…), so that staff can read it back and a
//! misheard character is caught before anything is said about the card.

use std::rc::Rc;

use yew::prelude::*;

use super::use_words;
use crate::checking::Outcome;
use crate::code_check::{groups, spelling_id};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The characters as read (`code_check::reading`).
    pub reading: Rc<Vec<char>>,
    /// The group (0-based) that holds a character no code has, when there is one. Marked,
    /// and named in words by the screen around it: never by colour alone.
    #[prop_or_default]
    pub wrong_group: Option<usize>,
}

#[function_component(CodeEcho)]
pub fn code_echo(props: &Props) -> Html {
    let words = use_words();
    let groups = groups(&props.reading);
    let group = |i: usize, text: &String| {
        if props.wrong_group == Some(i) {
            html! { <mark class="code-group" data-wrong-group="">{ text.clone() }</mark> }
        } else {
            html! { <span class="code-group">{ text.clone() }</span> }
        }
    };
    html! {
        <div class="code-echo">
            <p>
                <span class="code-echo-label">{ words.get("code-typed") }</span>{ " " }
                // Letters and digits, never words: not translated, laid out left to right.
                <bdi class="code-groups" dir="ltr" translate="no" data-code-typed={groups.join("-")}>
                    { for groups.iter().enumerate().map(|(i, text)| html! { <>{ if i > 0 { " " } else { "" } }{ group(i, text) }</> }) }
                </bdi>
            </p>
            <details class="spell">
                <summary>{ words.get("code-spell") }</summary>
                <ol class="spelled">
                    { for groups.iter().map(|text| html! {
                        <li>
                            <bdi class="code-group" dir="ltr" translate="no">{ text.clone() }</bdi>{ ": " }
                            <span data-spelled={text.clone()}>{ text.chars().map(|c| words.get(&spelling_id(c))).collect::<Vec<_>>().join(", ") }</span>
                        </li>
                    }) }
                </ol>
            </details>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ConfirmProps {
    pub outcome: Rc<Outcome>,
}

/// "Does the card say Police Constable Jane Smith, number 1234, Metropolitan Police?": what
/// the card found says, for the caller to confirm against the card in their hand.
#[function_component(ConfirmWithCaller)]
pub fn confirm_with_caller(props: &ConfirmProps) -> Html {
    let words = use_words();
    let Outcome::Checked(checked) = &*props.outcome else {
        return Html::default();
    };
    let Some(card) = checked.check.verdict.card() else {
        return Html::default();
    };
    let force = checked.force_name.clone().unwrap_or_else(|| card.issuer.clone());
    let question = words.with(
        "code-confirm",
        &[
            ("rank", card.holder.rank.as_str().into()),
            ("name", card.holder.name.as_str().into()),
            ("number", card.holder.number.as_str().into()),
            ("force", force.into()),
        ],
    );
    html! { <p class="code-confirm" data-code-confirm="">{ question }</p> }
}
