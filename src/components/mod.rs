//! The screens and controls. One component per file; props say exactly what each needs.

pub mod camera_view;
pub mod code_echo;
pub mod code_result;
pub mod desk;
pub mod language_switch;
pub mod list_status;
pub mod officer_page;
pub mod paste_form;
pub mod photo_input;
pub mod public_page;
pub mod verdict_view;

use yew::prelude::*;

use crate::i18n::Words;

/// The words of the language chosen for the page (English where no page provides one,
/// as in component tests).
#[hook]
pub fn use_words() -> Words {
    use_context::<Words>().unwrap_or_default()
}
