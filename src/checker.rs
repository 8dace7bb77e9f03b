//! What every layout shares: the trust data, the outcome on screen, and the ways to change
//! them. Lists are refreshed from this origin on load, every few minutes and whenever the
//! network comes back, so an installed checker left open stays current. The public page and
//! the desk keep the lists they verified, and their marks, in the page's storage, so that
//! what a reload, another tab or an offline visit gets is never older than what was verified
//! (`trust_store`); the embedded frame keeps nothing on the device.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser::listener::Listener;
use crate::browser::{self, address, fetch, installed, storage};
use crate::checking::{self, Outcome};
use crate::latest::{Ticket, Tickets};
use crate::saved_lists;
use crate::trust_store::{Saved, TrustStore};

/// Where the signed lists are published, relative to the page (same origin).
const LISTS_PATH: &str = "lists/";

/// The bundle of every force's signed revocation filter (FORMAT.md §14.5), in `LISTS_PATH`.
pub const FILTERS_BUNDLE: &str = "revocation-filters.cbor";

/// Where the verified lists and their marks are kept (`saved_lists`).
const SAVED_LISTS_KEY: &str = "warrant-check-lists";

/// How often an open checker fetches the lists again (they are small and the same for
/// everyone, so this says nothing about what is being checked).
pub const REFRESH_EVERY_MS: i32 = 10 * 60 * 1000;

#[derive(Clone)]
pub struct Checker {
    pub store: Rc<TrustStore>,
    pub outcome: Option<Rc<Outcome>>,
    /// Which code the outcome is for: each code given gets a new one, even when its verdict
    /// is the same as the last code's, so its screen is new (focused, announced, reported).
    pub outcome_id: u64,
    pub online: bool,
    /// Checks a QR text (or bare token) and shows its verdict.
    pub show: Callback<String>,
    /// Starts a way in that takes time (reading a photo); see `PendingCheck`.
    pub begin: Callback<(), PendingCheck>,
    /// Forgets the outcome and the text behind it, and anything still being read.
    pub clear: Callback<()>,
}

/// A code still being read, e.g. from a photo. Its answer reaches the screen only if no
/// other code was given, and the screen was not cleared, since it began.
#[derive(Clone)]
pub struct PendingCheck {
    ticket: Ticket,
    show: Callback<(Ticket, String)>,
    unreadable: Callback<Ticket>,
}

impl PendingCheck {
    /// The QR text was read: check it and show its verdict.
    pub fn show(&self, text: String) {
        self.show.emit((self.ticket.clone(), text));
    }

    /// The picture held no readable code.
    pub fn unreadable(&self) {
        self.unreadable.emit(self.ticket.clone());
    }

    /// Which code this is: `Checker::outcome_id` once its verdict is shown.
    pub fn number(&self) -> u64 {
        self.ticket.number()
    }

    /// Whether no other code was given, and the screen not cleared, since this one began.
    pub fn is_current(&self) -> bool {
        self.ticket.is_latest()
    }
}

/// What the screen shows, and for which code.
#[derive(Clone)]
struct Shown {
    id: u64,
    outcome: Rc<Outcome>,
}

#[hook]
pub fn use_checker() -> Checker {
    let keeps_lists = use_memo((), |_| crate::app::current_page_mode().embedding().is_none());
    let keeps_lists = *keeps_lists;
    let store = use_state(|| Rc::new(TrustStore::from_snapshot(load_saved(keeps_lists), browser::now())));
    let tickets = (*use_memo((), |_| Tickets::default())).clone();
    // A deep link's token is taken from the address bar (and cleared from it) and checked
    // against the lists held at once, in the first render: the first screen a card's link
    // shows is its verdict, with no render and effect in between.
    let opened_with = use_memo((), |_| address::take_deep_link());
    let shown = use_state(|| {
        let text = (*opened_with).as_ref()?;
        Some(Shown { id: tickets.issue().number(), outcome: Rc::new(judge(text, &store)) })
    });
    let online = use_state(installed::is_online);
    // The store as of the latest render, for refreshes started by timers and events, and
    // for checks made by callbacks created in an earlier render (listeners, photos still
    // being read): those must not check against lists that have since been replaced.
    let latest = use_mut_ref(|| (*store).clone());
    *latest.borrow_mut() = (*store).clone();

    // The text on screen, so its verdict can be redone when fresher lists arrive: a card
    // revoked since the page was built must not stay "genuine" on the snapshot's word.
    let shown_text = use_mut_ref(|| (*opened_with).clone());
    let show_for = {
        let (latest, shown, shown_text) = (latest.clone(), shown.clone(), shown_text.clone());
        Callback::from(move |(ticket, text): (Ticket, String)| {
            if !ticket.is_latest() {
                return;
            }
            let store = latest.borrow().clone();
            let result = judge(&text, &store);
            shown.set(Some(Shown { id: ticket.number(), outcome: Rc::new(result) }));
            *shown_text.borrow_mut() = Some(text);
        })
    };
    let unreadable_for = {
        let (shown, shown_text) = (shown.clone(), shown_text.clone());
        Callback::from(move |ticket: Ticket| {
            if !ticket.is_latest() {
                return;
            }
            shown_text.borrow_mut().take();
            shown.set(Some(Shown { id: ticket.number(), outcome: Rc::new(Outcome::Unreadable) }));
        })
    };
    {
        let (shown, shown_text) = (shown.clone(), shown_text.clone());
        use_effect_with((*store).clone(), move |store| {
            let text = shown_text.borrow().clone();
            if let (Some(text), Some(current)) = (text, &*shown) {
                let now = store.judging_time(browser::now());
                let fresh = checking::check_text(&text, store, &address::own_address(), now);
                if fresh != *current.outcome {
                    shown.set(Some(Shown { id: current.id, outcome: Rc::new(fresh) }));
                }
            }
        });
    }
    let show = {
        let (tickets, show_for) = (tickets.clone(), show_for.clone());
        Callback::from(move |text: String| show_for.emit((tickets.issue(), text)))
    };
    let begin = {
        let tickets = tickets.clone();
        Callback::from(move |()| PendingCheck {
            ticket: tickets.issue(),
            show: show_for.clone(),
            unreadable: unreadable_for.clone(),
        })
    };
    let clear = {
        let (shown, shown_text) = (shown.clone(), shown_text.clone());
        Callback::from(move |()| {
            tickets.issue();
            shown_text.borrow_mut().take();
            shown.set(None);
        })
    };

    // On load (the deep link was checked in the first render, above): every link opened
    // later in the same tab is checked too. Then the lists are refreshed, now and from
    // time to time.
    {
        let (show, setter, latest, online) =
            (show.clone(), store.setter(), latest.clone(), online.clone());
        use_effect_with((), move |_| {
            // A link opened between the first render and this effect (WebKit was seen to
            // run one in that gap) would be seen by neither: checked here, before watching.
            if let Some(text) = address::take_deep_link() {
                show.emit(text);
            }
            let later_links = address::watch_deep_links(move |text| show.emit(text));
            let refresh = Rc::new(move || {
                spawn_local(refresh_lists(latest.clone(), setter.clone(), keeps_lists))
            });
            refresh();
            let tick = {
                let refresh = refresh.clone();
                Closure::<dyn FnMut()>::new(move || refresh())
            };
            let window = browser::window();
            let timer = window
                .set_interval_with_callback_and_timeout_and_arguments_0(
                    tick.as_ref().unchecked_ref(),
                    REFRESH_EVERY_MS,
                )
                .ok();
            let back_online = {
                let (refresh, online) = (refresh.clone(), online.clone());
                Listener::new(&window, "online", move |_| {
                    online.set(true);
                    refresh();
                })
            };
            let gone_offline = Listener::new(&window, "offline", move |_| online.set(false));
            move || {
                if let Some(id) = timer {
                    browser::window().clear_interval_with_handle(id);
                }
                drop((tick, later_links, back_online, gone_offline));
            }
        });
    }

    Checker {
        store: (*store).clone(),
        outcome: shown.as_ref().map(|s| s.outcome.clone()),
        outcome_id: shown.as_ref().map_or(0, |s| s.id),
        online: *online,
        show,
        begin,
        clear,
    }
}

/// Checks QR text against the lists held, timed in the page's performance entries
/// ("warrant-verify").
fn judge(text: &str, store: &TrustStore) -> Outcome {
    let performance = browser::window().performance();
    let started = performance.as_ref().map(|p| p.now());
    let now = store.judging_time(browser::now());
    let result = checking::check_text(text, store, &address::own_address(), now);
    if let (Some(p), Some(t0)) = (&performance, started) {
        browser::record_measure(p, "warrant-verify", t0);
    }
    result
}

/// What this device saved, where this layout keeps lists at all.
fn load_saved(keeps_lists: bool) -> Option<Saved> {
    keeps_lists.then(|| storage::get(SAVED_LISTS_KEY)).flatten().and_then(|text| saved_lists::read(&text))
}

/// Fetches the trust list and the bundle of every force's revocation filter from this origin
/// and keeps each list or filter that the built-in root vouches for and that is newer than the
/// one held, or than any saved on this device by this page or another tab. A response that is
/// not a list (a Wi-Fi portal's login page, an error page) is refused like a forged one.
async fn refresh_lists(
    latest: Rc<RefCell<Rc<TrustStore>>>,
    store: UseStateSetter<Rc<TrustStore>>,
    keeps_lists: bool,
) {
    let held = latest.borrow().clone();
    if !held.has_root() {
        return;
    }
    let mut fresh = (*held).clone();
    if let Some(saved) = load_saved(keeps_lists) {
        fresh.restore(&saved, browser::now());
    }
    fresh.expire(browser::now());
    if let Some(bytes) = fetch::fetch_bytes(&format!("{LISTS_PATH}trust-list.cose")).await {
        if let Err(e) = fresh.accept_trust_list(&bytes, browser::now()) {
            web_sys::console::warn_1(&format!("refused the fetched trust list: {e}").into());
        }
    }
    // Every force's revocation filter in one file (FORMAT.md §14.5): one request however
    // many forces there are, the whole file, the same for everyone; each filter still opens
    // on its own, against its own force's keys. (The bundle of lists, §8.1, is still
    // published for other systems; this page no longer fetches it.)
    if let Some(bytes) = fetch::fetch_bytes(&format!("{LISTS_PATH}{FILTERS_BUNDLE}")).await {
        match warrant_core::read_filter_bundle(&bytes) {
            Ok(filters) => {
                for filter in filters {
                    if let Err(e) = fresh.accept_revocation_filter(&filter, browser::now()) {
                        web_sys::console::warn_1(&format!("refused the fetched revocation filter ({}): {e}", e.code()).into());
                    }
                }
            }
            Err(e) => web_sys::console::warn_1(&format!("refused the fetched revocation filters bundle ({}): {e}", e.code()).into()),
        }
    }
    if keeps_lists {
        // What another tab saved while these requests were out is merged in before saving,
        // so that no tab ever writes back lists older than the ones already kept.
        if let Some(saved) = load_saved(keeps_lists) {
            fresh.restore(&saved, browser::now());
        }
        storage::set(SAVED_LISTS_KEY, &saved_lists::write(&fresh.saved()));
    }
    // Another refresh may have finished meanwhile: only ever move forward from what is held
    // now (what it took is in storage, and `restore` would have merged it above).
    let current = latest.borrow().clone();
    if fresh != *current {
        store.set(Rc::new(fresh));
    }
}
