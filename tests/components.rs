//! Component tests, run in headless Chromium by wasm-bindgen-test (see scripts/test.sh):
//! each screen renders into a real DOM and is read back the way tests and screen readers do.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit};
use yew::{html, Callback, ContextProvider, Html, Properties};

use warrant_check::checking::{Checked, Outcome};
use warrant_check::components::paste_form::{PasteForm, Props as PasteProps};
use warrant_check::components::verdict_view::{Props as VerdictProps, VerdictView};
use warrant_core::{Card, Check, Holder, MalformedReason, Role, Verdict, Warning};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn card() -> Card {
    Card {
        issuer: "MPS".into(),
        serial: vec![1; 8],
        issued_at: 1_772_539_200,
        not_before: 1_772_539_200,
        expires_at: 1_874_923_200,
        holder: Holder { name: "Jane Smith".into(), rank: "Police Constable".into(), number: "1234".into(), role: Role::PoliceOfficer },
    }
}

fn checked(verdict: Verdict, warnings: Vec<Warning>, foreign: Option<&str>) -> Rc<Outcome> {
    Rc::new(Outcome::Checked(Checked {
        check: Check { verdict, warnings },
        force_name: Some("Metropolitan Police Service".into()),
        foreign_address: foreign.map(Into::into),
    }))
}

async fn render_verdict(outcome: Rc<Outcome>) -> Element {
    render_verdict_at(outcome, false).await
}

async fn render_verdict_at(outcome: Rc<Outcome>, desk: bool) -> Element {
    let root = mount();
    yew::Renderer::<VerdictView>::with_root_and_props(root.clone(), VerdictProps { outcome, on_again: Callback::noop(), desk, children: Html::default() }).render();
    settle().await;
    root
}

/// Without the invisible bidi isolation marks Fluent puts around card details.
fn plain(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

fn text_of(root: &Element, selector: &str) -> Option<String> {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content())
}

#[wasm_bindgen_test]
async fn desk_screen_has_a_read_back_script_and_next_caller() {
    let root = render_verdict_at(checked(Verdict::Genuine(card()), vec![], None), true).await;
    assert_eq!(
        plain(text_of(&root, "[data-readback=genuine]").unwrap()),
        "This is a genuine card for Police Constable 1234 Jane Smith of Metropolitan Police Service. It is valid until 31 May 2029. \
         A genuine card does not mean they must be let in or given money or valuables."
    );
    assert_eq!(text_of(&root, "button.again").as_deref(), Some("Next caller (Esc)"));
    // Before the signature check there is no card to name.
    let root = render_verdict_at(checked(Verdict::InvalidSignature, vec![], None), true).await;
    let script = text_of(&root, "[data-readback=invalid-signature]").unwrap();
    assert!(script.contains("forged") && !script.contains("Jane"), "{script}");
    // The public page has neither.
    let root = render_verdict(checked(Verdict::Genuine(card()), vec![], None)).await;
    assert!(root.query_selector("[data-readback]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn genuine_screen_names_the_card_and_force() {
    let root = render_verdict(checked(Verdict::Genuine(card()), vec![], None)).await;
    let section = root.query_selector("[data-verdict]").unwrap().unwrap();
    assert_eq!(section.get_attribute("data-verdict").as_deref(), Some("genuine"));
    assert_eq!(text_of(&root, "[data-field=name]").as_deref(), Some("Jane Smith"));
    assert_eq!(text_of(&root, "[data-field=number]").as_deref(), Some("1234"));
    assert_eq!(text_of(&root, "[data-field=force]").as_deref(), Some("Metropolitan Police Service"));
    assert_eq!(text_of(&root, "[data-field=expires]").as_deref(), Some("31 May 2029"));
    // The symbol is hidden from screen readers; the words carry the verdict.
    assert_eq!(root.query_selector("h2 .symbol").unwrap().unwrap().get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(text_of(&root, "h2").unwrap().contains("Genuine card"));
}

#[wasm_bindgen_test]
async fn a_new_outcome_replaces_every_detail_of_the_last() {
    let root = mount();
    let genuine = checked(Verdict::Genuine(card()), vec![], None);
    let mut app = yew::Renderer::<VerdictView>::with_root_and_props(
        root.clone(),
        VerdictProps { outcome: genuine, on_again: Callback::noop(), desk: false, children: Html::default() },
    )
    .render();
    settle().await;
    assert_eq!(text_of(&root, "[data-field=name]").as_deref(), Some("Jane Smith"));
    let other = Card {
        holder: Holder { name: "Alan Jones".into(), rank: "Sergeant".into(), number: "5678".into(), role: Role::PoliceOfficer },
        ..card()
    };
    app.update(VerdictProps { outcome: checked(Verdict::Revoked(other), vec![], None), on_again: Callback::noop(), desk: false, children: Html::default() });
    settle().await;
    let section = root.query_selector("[data-verdict]").unwrap().unwrap();
    assert_eq!(section.get_attribute("data-verdict").as_deref(), Some("revoked"));
    assert!(text_of(&root, "h2").unwrap().contains("Cancelled card"));
    assert_eq!(text_of(&root, "[data-field=name]").as_deref(), Some("Alan Jones"));
    assert_eq!(text_of(&root, "[data-field=rank]").as_deref(), Some("Sergeant"));
    assert_eq!(text_of(&root, "[data-field=number]").as_deref(), Some("5678"));
    let everything = root.text_content().unwrap();
    assert!(!everything.contains("Jane Smith") && !everything.contains("Genuine card"), "{everything}");
}

#[wasm_bindgen_test]
async fn genuine_advice_points_at_the_details_where_they_are() {
    let root = render_verdict(checked(Verdict::Genuine(card()), vec![], None)).await;
    let details = root.query_selector(".card-details").unwrap().unwrap();
    let advice = root.query_selector(".advice li").unwrap().unwrap();
    let compare = advice.text_content().unwrap();
    assert!(compare.contains("name, rank and number above"), "{compare}");
    // Read top to bottom, the details come before the advice that points back at them.
    let position = details.compare_document_position(&advice);
    assert_ne!(position & web_sys::Node::DOCUMENT_POSITION_FOLLOWING, 0);
}

#[wasm_bindgen_test]
async fn every_outcome_has_its_own_screen() {
    let outcomes = vec![
        checked(Verdict::Revoked(card()), vec![], None),
        checked(Verdict::Expired(card()), vec![], None),
        checked(Verdict::NotYetValid(card()), vec![], None),
        checked(Verdict::UnknownIssuer { issuer: "XYZ".into() }, vec![], None),
        checked(Verdict::IssuerKeyInvalid { card: card(), problem: warrant_core::KeyProblem::Withdrawn }, vec![], None),
        checked(Verdict::InvalidSignature, vec![], None),
        checked(Verdict::Malformed(MalformedReason::Truncated), vec![], None),
        checked(Verdict::NotACard, vec![], None),
        Rc::new(Outcome::Unreadable),
        Rc::new(Outcome::NoTrustList),
        Rc::new(Outcome::CheckCode),
    ];
    let mut titles = Vec::new();
    for outcome in outcomes {
        let name = outcome.name();
        let root = render_verdict(outcome).await;
        assert_eq!(root.query_selector("[data-verdict]").unwrap().unwrap().get_attribute("data-verdict").as_deref(), Some(name));
        let advice = text_of(&root, ".advice").unwrap();
        assert!(advice.contains("999"), "{name}: {advice}");
        titles.push(text_of(&root, "h2").unwrap());
    }
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "{titles:?}");
}

#[wasm_bindgen_test]
async fn failures_before_the_signature_show_no_card_details() {
    for verdict in [Verdict::InvalidSignature, Verdict::UnknownIssuer { issuer: "MPS".into() }, Verdict::Malformed(MalformedReason::BadEncoding)] {
        let root = render_verdict(checked(verdict, vec![], None)).await;
        assert!(root.query_selector("[data-field]").unwrap().is_none());
    }
}

#[wasm_bindgen_test]
async fn warnings_and_look_alike_sites_are_shown() {
    let root = render_verdict(checked(
        Verdict::Genuine(card()),
        vec![Warning::RevocationListOutOfDate { next_update: 0 }, Warning::TrustListOutOfDate { next_update: 0 }],
        Some("https://check-police.example/"),
    ))
    .await;
    assert!(root.query_selector("[data-warning=revocation-list-out-of-date]").unwrap().is_some());
    assert!(root.query_selector("[data-warning=trust-list-out-of-date]").unwrap().is_some());
    assert!(text_of(&root, "[data-warning=foreign-address]").unwrap().contains("check-police.example"));
}

#[wasm_bindgen_test]
async fn paste_form_checks_on_enter() {
    let root = mount();
    let received = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let sink = received.clone();
    let on_text = Callback::from(move |t: String| sink.borrow_mut().push(t));
    yew::Renderer::<PasteForm>::with_root_and_props(root.clone(), PasteProps { on_text, focus_on_mount: false, extra_hint: None, label: None, hint: None }).render();
    settle().await;
    let area: HtmlTextAreaElement = root.query_selector("textarea").unwrap().unwrap().dyn_into().unwrap();
    area.set_value("0oABC");
    let init = KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    init.set_cancelable(true);
    area.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    settle().await;
    assert_eq!(*received.borrow(), vec!["0oABC".to_string()]);
    // Blank input is not sent.
    area.set_value("   ");
    area.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    settle().await;
    assert_eq!(received.borrow().len(), 1);
}

// The desk's check by code: its screens in the desk's own words.

use warrant_check::code_check::{reading, CodeResult};
use warrant_check::components::code_echo::{CodeEcho, ConfirmWithCaller};
use warrant_check::components::code_result::CodeResultView;
use warrant_check::desk_app::desk_words;
use warrant_check::i18n::{Locale, Words};
use warrant_core::check_code::CodeError;

#[derive(Properties, PartialEq)]
struct DeskWordsProps {
    welsh: bool,
    children: Html,
}

/// What the desk's app provides: its language, with the desk's own words.
#[yew::function_component(DeskWords)]
fn desk_words_around(props: &DeskWordsProps) -> Html {
    let words = Words::new(if props.welsh { Locale::Welsh } else { Locale::English }).with_extra(desk_words);
    html! { <ContextProvider<Words> context={words}>{ props.children.clone() }</ContextProvider<Words>> }
}

#[derive(Properties, PartialEq)]
struct CodeScreenProps {
    result: CodeResult,
    typed: &'static str,
    #[prop_or_default]
    welsh: bool,
}

#[yew::function_component(CodeScreen)]
fn code_screen(props: &CodeScreenProps) -> Html {
    html! {
        <DeskWords welsh={props.welsh}>
            <CodeResultView result={props.result.clone()} reading={Rc::new(reading(props.typed))} on_again={Callback::noop()} />
        </DeskWords>
    }
}

async fn render_code(result: CodeResult, typed: &'static str, welsh: bool) -> Element {
    let root = mount();
    yew::Renderer::<CodeScreen>::with_root_and_props(root.clone(), CodeScreenProps { result, typed, welsh }).render();
    settle().await;
    root
}

#[wasm_bindgen_test]
async fn a_typo_asks_for_the_code_again_and_marks_the_group() {
    let root = render_code(CodeResult::Typo(CodeError::NotInAlphabet { character: 'U', position: 6 }), "k7qm 29ud hp4a", false).await;
    assert_eq!(root.query_selector("[data-code-result]").unwrap().unwrap().get_attribute("data-code-result").as_deref(), Some("typo"));
    assert!(text_of(&root, "h2").unwrap().contains("Check the code with the caller"));
    assert_eq!(plain(text_of(&root, "[data-code-error]").unwrap()), "Group 2 (29UD) looks wrong: “U” is never used in a check code. The caller may have said “V”.");
    // The group is marked, and named in words: never colour alone.
    assert_eq!(text_of(&root, "mark[data-wrong-group]").as_deref(), Some("29UD"));
    assert_eq!(root.query_selector("[data-code-typed]").unwrap().unwrap().get_attribute("data-code-typed").as_deref(), Some("K7QM-29UD-HP4A"));
    let everything = root.text_content().unwrap().to_lowercase();
    assert!(!everything.contains("forged") && !everything.contains("fake"), "{everything}");
    assert!(text_of(&root, "[data-readback=typo]").unwrap().contains("read it to me again"));
    assert_eq!(text_of(&root, "button.again").as_deref(), Some("Next caller (Esc)"));
    // Spelled out on request: a disclosure, closed until opened.
    let details = root.query_selector("details.spell").unwrap().unwrap();
    assert!(!details.has_attribute("open"));
    assert_eq!(text_of(&root, "details.spell summary").as_deref(), Some("Spell it out"));
    root.query_selector("details.spell summary").unwrap().unwrap().dyn_into::<web_sys::HtmlElement>().unwrap().click();
    settle().await;
    assert!(details.has_attribute("open"));
    assert_eq!(text_of(&root, "[data-spelled=K7QM]").as_deref(), Some("Kilo, Seven, Quebec, Mike"));
    assert_eq!(text_of(&root, "[data-spelled=\"29UD\"]").as_deref(), Some("Two, Nine, Uniform, Delta"));
}

#[wasm_bindgen_test]
async fn other_typos_say_what_is_wrong() {
    let root = render_code(CodeResult::Typo(CodeError::WrongLength { symbols: 11 }), "K7QM-29XD-HP4", false).await;
    assert!(plain(text_of(&root, "[data-code-error=wrong-length]").unwrap()).starts_with("It has 11 letters and numbers, and a check code has 12"));
    assert!(root.query_selector("mark").unwrap().is_none());
    let root = render_code(CodeResult::Typo(CodeError::CheckFailed), "K7QM-29XD-HP4B", false).await;
    assert!(text_of(&root, "[data-code-error=check-failed]").unwrap().contains("misheard, or two were swapped"));
}

#[wasm_bindgen_test]
async fn in_welsh_the_digits_are_spelled_in_welsh() {
    let root = render_code(CodeResult::Typo(CodeError::CheckFailed), "K7QM-29XD-HP4B", true).await;
    assert_eq!(text_of(&root, "[data-spelled=K7QM]").as_deref(), Some("Kilo, Saith, Quebec, Mike"));
    assert_eq!(text_of(&root, "[data-spelled=\"29XD\"]").as_deref(), Some("Dau, Naw, X-ray, Delta"));
    assert!(text_of(&root, "h2").unwrap().contains("Gwiriwch y cod gyda'r galwr"));
}

#[wasm_bindgen_test]
async fn a_code_in_no_directory_may_be_forged_and_nothing_searched_is_never_not_found() {
    let root = render_code(CodeResult::NotFound, "K7QM-29XD-HP4A", false).await;
    let section = root.query_selector("[data-code-result=not-found]").unwrap().unwrap();
    assert!(section.get_attribute("class").unwrap_or_default().split(' ').any(|c| c == "tone-bad"));
    assert!(text_of(&root, "h2").unwrap().contains("No card has this code"));
    let meaning = text_of(&root, ".meaning").unwrap();
    assert!(meaning.contains("may be forged") && meaning.contains("whose directory is not loaded"), "{meaning}");
    assert!(text_of(&root, ".advice").unwrap().contains("999"));

    let root = render_code(CodeResult::Damaged, "K7QM-29XD-HP4A", false).await;
    assert!(text_of(&root, "h2").unwrap().contains("No card has this code"));
    assert!(text_of(&root, "[data-code-error=damaged]").unwrap().contains("may be damaged"));

    for (loading, name) in [(true, "directory-loading"), (false, "directory-unavailable")] {
        let root = render_code(CodeResult::NotSearched { loading }, "K7QM-29XD-HP4A", false).await;
        assert!(root.query_selector(&format!("[data-code-result={name}]")).unwrap().is_some());
        let everything = root.text_content().unwrap();
        assert!(!everything.contains("No card has this code") && !everything.contains("forged"), "{everything}");
    }
}

#[derive(Properties, PartialEq)]
struct FoundProps {
    outcome: Rc<Outcome>,
}

#[yew::function_component(FoundScreen)]
fn found_screen(props: &FoundProps) -> Html {
    html! {
        <DeskWords welsh={false}>
            <VerdictView outcome={props.outcome.clone()} on_again={Callback::noop()} desk=true>
                <ConfirmWithCaller outcome={props.outcome.clone()} />
                <CodeEcho reading={Rc::new(reading("k7qm-29xd-hp4a"))} />
            </VerdictView>
        </DeskWords>
    }
}

#[wasm_bindgen_test]
async fn a_card_found_by_its_code_gets_the_scan_screen_and_a_question_for_the_caller() {
    let root = mount();
    let outcome = checked(Verdict::Revoked(card()), vec![], None);
    yew::Renderer::<FoundScreen>::with_root_and_props(root.clone(), FoundProps { outcome }).render();
    settle().await;
    assert_eq!(root.query_selector("[data-verdict]").unwrap().unwrap().get_attribute("data-verdict").as_deref(), Some("revoked"));
    assert_eq!(
        plain(text_of(&root, "[data-code-confirm]").unwrap()),
        "Ask the caller: “Does the card say Police Constable Jane Smith, number 1234, Metropolitan Police Service?”"
    );
    assert_eq!(root.query_selector("[data-code-typed]").unwrap().unwrap().get_attribute("data-code-typed").as_deref(), Some("K7QM-29XD-HP4A"));
    assert!(text_of(&root, "[data-readback=revoked]").unwrap().contains("has been cancelled"));
    // Before the signature check there is no card to confirm.
    let root = mount();
    yew::Renderer::<FoundScreen>::with_root_and_props(root.clone(), FoundProps { outcome: checked(Verdict::InvalidSignature, vec![], None) }).render();
    settle().await;
    assert!(root.query_selector("[data-code-confirm]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_public_page_sends_a_check_code_to_101() {
    let root = render_verdict(Rc::new(Outcome::CheckCode)).await;
    assert_eq!(root.query_selector("[data-verdict]").unwrap().unwrap().get_attribute("data-verdict").as_deref(), Some("check-code"));
    assert!(text_of(&root, "h2").unwrap().contains("only the police can look it up"));
    let advice = text_of(&root, ".advice").unwrap();
    assert!(advice.contains("Call 101") && advice.contains("999"), "{advice}");
}

/// The embedded frame's screenful height depends on the root font size, read from the
/// computed style ("20px", "17.5px") with JavaScript's parseFloat.
#[wasm_bindgen_test]
fn the_root_font_size_is_read_from_the_computed_style() {
    use warrant_check::browser::host_frame::root_font_px;
    let root: web_sys::HtmlElement = web_sys::window().unwrap().document().unwrap().document_element().unwrap().unchecked_into();
    let before = root.style().get_property_value("font-size").unwrap();
    for (set, read) in [("20px", 20.0), ("17.5px", 17.5)] {
        root.style().set_property("font-size", set).unwrap();
        assert_eq!(root_font_px(), read, "{set}");
    }
    root.style().set_property("font-size", &before).unwrap();
}
