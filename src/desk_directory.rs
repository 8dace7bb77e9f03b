//! The desk's card directory: `lists/directories.cbor`, every force's directory in one file,
//! fetched whole on load and whenever the desk refreshes its lists (every 10 minutes, and
//! when the network comes back). The same file for everyone: no request ever depends on a
//! code typed. What read as a directory is kept on the device (`browser::directory_cache`)
//! and opened from there first, so the desk finds cards with no signal after one visit.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::browser::listener::Listener;
use crate::browser::{self, directory_cache, fetch};
use crate::checker::REFRESH_EVERY_MS;
use crate::code_check::{read_directories, Directories};

/// Where the directory bundle is published, relative to the page (same origin).
pub const DIRECTORY_PATH: &str = "lists/directories.cbor";

#[hook]
pub fn use_directories() -> Directories {
    let held = use_state(Directories::default);
    // The directories as of the latest render, for refreshes started by timers and events.
    let latest = use_mut_ref(Directories::default);
    *latest.borrow_mut() = (*held).clone();
    {
        let (setter, latest) = (held.setter(), latest.clone());
        use_effect_with((), move |_| {
            let refresh = Rc::new(move |first: bool| spawn_local(refresh(latest.clone(), setter.clone(), first)));
            refresh(true);
            let tick = {
                let refresh = refresh.clone();
                Closure::<dyn FnMut()>::new(move || refresh(false))
            };
            let window = browser::window();
            let timer = window
                .set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), REFRESH_EVERY_MS)
                .ok();
            let back_online = Listener::new(&window, "online", move |_| refresh(false));
            move || {
                if let Some(id) = timer {
                    browser::window().clear_interval_with_handle(id);
                }
                drop((tick, back_online));
            }
        });
    }
    (*held).clone()
}

/// On the first load, the copy kept on this device first (if any); then the published file.
/// A fetched file replaces what is held only if it reads as a directory and differs; if
/// nothing has been had either way, the directory is unavailable.
async fn refresh(latest: Rc<RefCell<Directories>>, held: UseStateSetter<Directories>, first: bool) {
    let set = |directories: Directories| {
        *latest.borrow_mut() = directories.clone();
        held.set(directories);
    };
    if first {
        if let Some(directories) = directory_cache::kept(DIRECTORY_PATH).await.and_then(|bytes| read_directories(&bytes).ok()) {
            set(Directories::Loaded(Rc::new(directories)));
        }
    }
    let fetched = fetch::fetch_bytes(DIRECTORY_PATH).await;
    match fetched.as_deref().map(read_directories) {
        Some(Ok(directories)) => {
            let same = matches!(&*latest.borrow(), Directories::Loaded(current) if **current == directories);
            if !same {
                set(Directories::Loaded(Rc::new(directories)));
                if let Some(bytes) = &fetched {
                    directory_cache::keep(DIRECTORY_PATH, bytes).await;
                }
            }
        }
        Some(Err(e)) => web_sys::console::warn_1(&format!("refused the fetched card directory: {e:?}").into()),
        None => {}
    }
    if matches!(*latest.borrow(), Directories::Loading) {
        set(Directories::Unavailable);
    }
}
