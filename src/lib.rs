//! Warrant Check, the public checker: a Yew single-page app that reads a warrant card's QR
//! code (camera, photo, paste or deep link) and verifies it in the browser with
//! `warrant-core`. A frame travels one way: image → QR text → verdict → screen.
//!
//! The pure parts (`trust_store`, `saved_lists`, `checking`, `code_check`, `latest`, `qr_image`, `words`) have no browser
//! dependency and are unit-tested natively; `browser` holds the edges (camera, fetch, files,
//! address bar); `components` are the screens.

pub mod app;
pub mod browser;
pub mod by_force;
pub mod checker;
pub mod checking;
pub mod code_check;
pub mod components;
pub mod desk_app;
pub mod desk_directory;
pub mod i18n;
pub mod latest;
pub mod officer_app;
pub mod page_mode;
pub mod saved_lists;
/// Reading a QR code from a frame: the `qr-scan` crate.
pub use qr_scan as qr_image;
pub mod theme;
pub mod trust_store;
pub mod words;

/// The snapshot baked in at build time (see build.rs).
pub mod snapshot {
    include!(concat!(env!("OUT_DIR"), "/trust_snapshot.rs"));
}
