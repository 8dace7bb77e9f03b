//! How fresh the checker's lists are, always visible, so nobody relies on stale data
//! unawares, least of all offline, when the lists are the ones saved on the device; and
//! a banner when they are only the DEMO lists, or when the device's clock is wrong.

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

/// Said at the top of every layout when the device's clock is provably wrong: behind the
/// newest time the root has signed (cards are then judged as of that time, not the clock's),
/// or so far ahead that every list has run out.
#[function_component(ClockWarning)]
pub fn clock_warning(props: &BannerProps) -> Html {
    let words = use_words();
    let clock = browser::now();
    let (kind, strong, text) = if let Some(floor) = props.store.clock_behind(clock) {
        let floor = words.long_date(floor);
        let text = words.with("clock-behind", &[("clock", words.long_date(clock).into()), ("floor", floor.into())]);
        ("behind", words.get("clock-behind-strong"), text)
    } else if let Some(expired) = props.store.ran_out() {
        let expired = words.long_date(expired);
        let text = words.with("clock-ahead", &[("clock", words.long_date(clock).into()), ("expired", expired.into())]);
        ("ahead", words.get("clock-ahead-strong"), text)
    } else {
        return Html::default();
    };
    html! {
        <p class="clock-warning" role="note" data-clock={kind}><strong>{ strong }{ " " }</strong>{ text }</p>
    }
}

#[function_component(ListStatus)]
pub fn list_status(props: &Props) -> Html {
    let words = use_words();
    // Ages are told from the judging time: a clock that is behind would make every list
    // look brand new.
    let now = props.store.judging_time(browser::now());
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
