//! One screen per outcome: what it means, the card's details where they were verified, and
//! what to do. `data-verdict` carries the outcome name for tests, embedding pages and
//! scripts; the words and symbol carry it for people, never colour alone.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::use_words;
use crate::checking::{self, Outcome};
use crate::i18n::{Arg, Words};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Rc<Outcome>,
    pub on_again: Callback<()>,
    /// The call-centre desk: a script to read to the caller, and "Next caller" (Escape).
    #[prop_or_default]
    pub desk: bool,
    /// Shown under the verdict's meaning: on the desk, for a card found by its check code,
    /// the code typed and the question to confirm the card with the caller.
    #[prop_or_default]
    pub children: Html,
}

/// What staff read to a caller: the verdict and, where the signature was verified, who
/// the card is for.
pub fn read_back(words: &Words, outcome: &Outcome) -> String {
    let screen = words::screen(outcome.name());
    let Some(card) = outcome.verdict().and_then(|v| v.card()) else {
        return words.get(screen.readback);
    };
    let force = match outcome {
        Outcome::Checked(c) => c.force_name.clone(),
        _ => None,
    }
    .unwrap_or_else(|| card.issuer.clone());
    let date = words.long_date(if outcome.name() == "not-yet-valid" {
        card.not_before
    } else {
        card.expires_at
    });
    let args: [(&str, Arg<'_>); 5] = [
        ("rank", card.holder.rank.as_str().into()),
        ("number", card.holder.number.as_str().into()),
        ("name", card.holder.name.as_str().into()),
        ("force", force.into()),
        ("date", date.into()),
    ];
    words.with(screen.readback, &args)
}

#[function_component(VerdictView)]
pub fn verdict_view(props: &Props) -> Html {
    let words = use_words();
    let outcome = &props.outcome;
    let name = outcome.name();
    let screen = words::screen(name);
    let heading = use_node_ref();
    {
        // Move focus to the verdict so keyboard and screen-reader users land on it.
        let heading = heading.clone();
        use_effect_with(props.outcome.clone(), move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let checked = match &**outcome {
        Outcome::Checked(c) => Some(c),
        _ => None,
    };
    let card = outcome.verdict().and_then(|v| v.card());
    let again = props.on_again.reform(|_: MouseEvent| ());
    html! {
        <section class={classes!("verdict", screen.tone.class())} data-verdict={name} aria-labelledby="verdict-title">
            <h2 id="verdict-title" tabindex="-1" ref={heading}>
                <span class="symbol" aria-hidden="true">{ screen.tone.symbol() }</span>
                { words.get(screen.message) }
            </h2>
            <p class="meaning">{ words.attr(screen.message, "meaning") }</p>
            { props.children.clone() }
            if props.desk {
                <section class="readback" aria-labelledby="readback-title">
                    <h3 id="readback-title">{ words.get("readback-title") }</h3>
                    <p data-readback={name}>{ read_back(&words, outcome) }</p>
                </section>
            }
            if let Some(address) = checked.and_then(|c| c.foreign_address.as_ref()) {
                <p class="notice" data-warning="foreign-address">
                    <strong>{ words.get("warning-label") }{ " " }</strong>{ words.get("warning-foreign-address") }
                    <br/>{ words.get("foreign-address-label") }{ " " }
                    // Left to right in an isolate of its own, every hidden or direction
                    // character made visible: the address cannot reorder itself, or the
                    // words around it, into something that reads as this checker's own.
                    <bdi class="address" dir="ltr" data-foreign-address="">{ checking::visible_address(address) }</bdi>
                </p>
            }
            if let Some(card) = card {
                <h3>{ words.get(if matches!(name, "genuine" | "live") { "details-genuine" } else { "details-other" }) }</h3>
                <dl class="card-details">
                    <dt>{ words.get("field-name") }</dt><dd data-field="name">{ &card.holder.name }</dd>
                    <dt>{ words.get("field-rank") }</dt><dd data-field="rank">{ &card.holder.rank }</dd>
                    <dt>{ words.get("field-number") }</dt><dd data-field="number">{ &card.holder.number }</dd>
                    <dt>{ words.get("field-role") }</dt><dd data-field="role">{ words.get(words::role(card.holder.role.name())) }</dd>
                    <dt>{ words.get("field-force") }</dt>
                    <dd data-field="force">{ checked.and_then(|c| c.force_name.clone()).unwrap_or_else(|| card.issuer.clone()) }</dd>
                    <dt>{ words.get(if name == "not-yet-valid" { "field-valid-from" } else { "field-valid-until" }) }</dt>
                    <dd data-field="expires">{ words.long_date(if name == "not-yet-valid" { card.not_before } else { card.expires_at }) }</dd>
                </dl>
            }
            if let Some(c) = checked.filter(|c| !c.check.warnings.is_empty()) {
                <ul class="notices">
                    { for c.check.warnings.iter().map(|w| html! { <li class="notice" data-warning={w.code()}>{ words.get(words::warning(w.code())) }</li> }) }
                </ul>
            }
            <h3>{ words.get("advice-title") }</h3>
            <ul class="advice">
                { for screen.advice.iter().map(|a| html! { <li>{ words.get(a) }</li> }) }
            </ul>
            if props.desk {
                <button type="button" class="again" aria-keyshortcuts="Escape" onclick={again}>{ words.get("next-caller") }</button>
            } else {
                <button type="button" class="again" onclick={again}>{ words.get("check-another") }</button>
            }
        </section>
    }
}
