//! How fresh the checker's lists are, always visible, so nobody relies on stale data unawares.

use yew::prelude::*;

use super::long_date;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Issue time of the oldest revocation list held, if any.
    pub revocations_issued: Option<i64>,
    pub trust_out_of_date: bool,
    pub now: i64,
}

#[function_component(ListStatus)]
pub fn list_status(props: &Props) -> Html {
    let age = match props.revocations_issued {
        Some(issued) => {
            let days = (props.now - issued).max(0) / 86_400;
            let ago = match days {
                0 => "today".to_string(),
                1 => "yesterday".to_string(),
                n => format!("{n} days ago"),
            };
            format!("List of cancelled cards last updated {ago} ({}).", long_date(issued))
        }
        None => "No list of cancelled cards is available yet.".to_string(),
    };
    html! {
        <p class="list-status" data-lists={if props.trust_out_of_date { "out-of-date" } else { "current" }}>
            { age }
            if props.trust_out_of_date { { " The list of police forces is out of date." } }
        </p>
    }
}
