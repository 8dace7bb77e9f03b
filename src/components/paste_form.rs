//! Paste or type the QR text, the link, or the code printed under the QR code.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::use_words;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_text: Callback<String>,
    /// The desk puts the cursor here as soon as the page (or the next caller) starts.
    #[prop_or_default]
    pub focus_on_mount: bool,
    /// Extra hint under the box, e.g. that a photo can be pasted into it.
    #[prop_or_default]
    pub extra_hint: Option<AttrValue>,
    /// The box's label and hint where they are not the public page's (the desk's, which
    /// takes a check code read out by a caller too).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[function_component(PasteForm)]
pub fn paste_form(props: &Props) -> Html {
    let words = use_words();
    let input = use_node_ref();
    {
        let (input, focus) = (input.clone(), props.focus_on_mount);
        use_effect_with((), move |_| {
            if let Some(area) = input.cast::<HtmlTextAreaElement>().filter(|_| focus) {
                let _ = area.focus();
            }
        });
    }
    let submit = {
        let input = input.clone();
        let on_text = props.on_text.clone();
        move || {
            if let Some(area) = input.cast::<HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    on_text.emit(text);
                }
            }
        }
    };
    let onsubmit = {
        let submit = submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit();
        })
    };
    // Enter checks (a code never needs a new line); Shift+Enter still makes one.
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" && !e.shift_key() {
            e.prevent_default();
            submit();
        }
    });
    html! {
        <form class="paste" onsubmit={onsubmit}>
            <label for="code-input">{ props.label.clone().unwrap_or_else(|| words.get("code-label").into()) }</label>
            <p class="hint" id="code-hint">{ props.hint.clone().unwrap_or_else(|| words.get("code-hint").into()) }
                if let Some(extra) = &props.extra_hint { { " " }{ extra.clone() } }
            </p>
            <textarea id="code-input" name="code" rows="3" spellcheck="false" autocomplete="off" autocapitalize="off"
                aria-describedby="code-hint" ref={input} onkeydown={onkeydown} />
            <button type="submit">{ words.get("code-check") }</button>
        </form>
    }
}
