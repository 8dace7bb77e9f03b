//! The page's own storage (`localStorage`), for the verified lists and their marks. It may
//! be missing or refuse writes (storage disabled, a full quota, some in-app browsers): the
//! checker then works as on a first visit each time, never worse.

use super::window;

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        if storage.set_item(key, value).is_err() {
            web_sys::console::warn_1(&"could not save the lists on this device (storage full or disabled)".into());
        }
    }
}
