//! How fresh the checker's lists are, always visible, so nobody relies on stale data
//! unawares, least of all offline, when the lists are the ones saved on the device; and
//! a banner when they are only the DEMO lists.

use std::rc::Rc;

use yew::prelude::*;

use super::use_words;
use crate::browser;
use crate::trust_store::TrustStore;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub store: Rc<TrustStore>,
    /// The browser says there is no network.
    #[prop_or_default]
    pub offline: bool,
}

#[derive(Properties, PartialEq)]
pub struct BannerProps {
    pub store: Rc<TrustStore>,
}

/// Said once at the top of every layout when the lists are the DEMO ones.
#[function_component(DemoBanner)]
pub fn demo_banner(props: &BannerProps) -> Html {
    let words = use_words();
    if !props.store.is_demo {
        return Html::default();
    }
    html! {
        <p class="demo-banner" role="note"><strong>{ words.get("demo-banner-strong") }{ " " }</strong>{ words.get("demo-banner") }</p>
    }
}

#[function_component(ListStatus)]
pub fn list_status(props: &Props) -> Html {
    let words = use_words();
    let now = browser::now();
    let revocations_issued = props.store.oldest_revocation_list();
    let trust_out_of_date = props.store.trust.as_ref().is_some_and(|t| t.is_out_of_date(now));
    let age_seconds = revocations_issued.map(|issued| (now - issued).max(0));
    let age = match revocations_issued.zip(age_seconds) {
        Some((issued, seconds)) => {
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
    html! {
        <div class="list-status" data-lists={if trust_out_of_date { "out-of-date" } else { "current" }}>
            if props.offline {
                <p class="offline-note" data-offline="true">{ words.get("offline-note") }</p>
            }
            <p data-revocation-age={age_seconds.map(|s| s.to_string())}>
                { age }
                if trust_out_of_date { { " " }{ words.get("lists-trust-out-of-date") } }
            </p>
        </div>
    }
}
