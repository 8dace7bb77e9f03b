//! Paste or type the QR text, the link, or the code printed under the QR code.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_text: Callback<String>,
}

#[function_component(PasteForm)]
pub fn paste_form(props: &Props) -> Html {
    let input = use_node_ref();
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
            <label for="code-input">{ "Type or paste the card's code or link" }</label>
            <p class="hint" id="code-hint">{ "It starts with 0o, or with a web address. Press Enter to check." }</p>
            <textarea id="code-input" name="code" rows="3" spellcheck="false" autocomplete="off" autocapitalize="off"
                aria-describedby="code-hint" ref={input} onkeydown={onkeydown} />
            <button type="submit">{ "Check this code" }</button>
        </form>
    }
}
