//! How fresh the checker's lists are, always visible, so nobody relies on stale data
//! unawares, least of all offline, when the lists are the ones saved on the device.

use yew::prelude::*;

use super::use_words;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Issue time of the oldest revocation list held, if any.
    pub revocations_issued: Option<i64>,
    pub trust_out_of_date: bool,
    pub now: i64,
    /// The browser says there is no network.
    #[prop_or_default]
    pub offline: bool,
}

#[function_component(ListStatus)]
pub fn list_status(props: &Props) -> Html {
    let words = use_words();
    let age = match props.revocations_issued {
        Some(issued) => {
            let seconds = (props.now - issued).max(0);
            let date = words.long_date(issued);
            if seconds < 86_400 {
                words.with(
                    "lists-age",
                    &[("hours", (seconds / 3600).into()), ("date", date.into())],
                )
            } else {
                words.with(
                    "lists-age-days",
                    &[("days", (seconds / 86_400).into()), ("date", date.into())],
                )
            }
        }
        None => words.get("lists-none"),
    };
    let age_seconds = props
        .revocations_issued
        .map(|issued| (props.now - issued).max(0).to_string());
    html! {
        <div class="list-status" data-lists={if props.trust_out_of_date { "out-of-date" } else { "current" }}>
            if props.offline {
                <p class="offline-note" data-offline="true">{ words.get("offline-note") }</p>
            }
            <p data-revocation-age={age_seconds}>
                { age }
                if props.trust_out_of_date { { " " }{ words.get("lists-trust-out-of-date") } }
            </p>
        </div>
    }
}
