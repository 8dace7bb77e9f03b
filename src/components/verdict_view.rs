//! One screen per outcome: what it means, the card's details where they were verified, and
//! what to do. `data-verdict` carries the outcome name for tests, embedding pages and
//! scripts; the words and symbol carry it for people, never colour alone.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::long_date;
use crate::checking::Outcome;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub outcome: Rc<Outcome>,
    pub on_again: Callback<()>,
}

#[function_component(VerdictView)]
pub fn verdict_view(props: &Props) -> Html {
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
                { screen.title }
            </h2>
            <p class="meaning">{ screen.meaning }</p>
            if let Some(address) = checked.and_then(|c| c.foreign_address.as_ref()) {
                <p class="notice" data-warning="foreign-address">
                    <strong>{ "Warning: " }</strong>{ words::FOREIGN_ADDRESS }
                    <br/><span class="address">{ format!("The code points to: {address}") }</span>
                </p>
            }
            if let Some(card) = card {
                <h3>{ if name == "genuine" { "Compare with the card and the person" } else { "The card says" } }</h3>
                <dl class="card-details">
                    <dt>{ "Name" }</dt><dd data-field="name">{ &card.holder.name }</dd>
                    <dt>{ "Rank" }</dt><dd data-field="rank">{ &card.holder.rank }</dd>
                    <dt>{ "Number" }</dt><dd data-field="number">{ &card.holder.number }</dd>
                    <dt>{ "Role" }</dt><dd data-field="role">{ words::role(card.holder.role.name()) }</dd>
                    <dt>{ "Police force" }</dt>
                    <dd data-field="force">{ checked.and_then(|c| c.force_name.clone()).unwrap_or_else(|| card.issuer.clone()) }</dd>
                    <dt>{ if name == "not-yet-valid" { "Valid from" } else { "Valid until" } }</dt>
                    <dd data-field="expires">{ long_date(if name == "not-yet-valid" { card.not_before } else { card.expires_at }) }</dd>
                </dl>
            }
            if let Some(c) = checked.filter(|c| !c.check.warnings.is_empty()) {
                <ul class="notices">
                    { for c.check.warnings.iter().map(|w| html! { <li class="notice" data-warning={w.code()}>{ words::warning(w.code()) }</li> }) }
                </ul>
            }
            <h3>{ "What to do now" }</h3>
            <ul class="advice">
                { for screen.advice.iter().map(|a| html! { <li>{ *a }</li> }) }
            </ul>
            <button type="button" class="again" onclick={again}>{ "Check another card" }</button>
        </section>
    }
}
