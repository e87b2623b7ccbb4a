//! The loss explorer in a real browser: mount it, change a reward as a person would, read what it shows.
#![cfg(target_arch = "wasm32")]

use reward_playground::loss::explain;
use reward_playground::web::explorer::{LossExplorer, START};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh explorer in its own div; the handle keeps it mounted.
fn mount_explorer() -> (HtmlElement, impl Sized) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", "width: 1000px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), LossExplorer);
    (host, handle)
}

fn find(host: &Element, testid: &str) -> Element {
    host.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
}

fn shown(host: &Element, testid: &str) -> f64 {
    let text = find(host, testid).text_content().unwrap_or_default();
    text.trim()
        .parse()
        .unwrap_or_else(|_| panic!("{testid} shows {text:?}, not a number"))
}

/// Types `text` into an input and fires the events a keyboard would.
fn type_into(input: &Element, text: &str, event: &str) {
    let input: HtmlInputElement = input.clone().unchecked_into();
    input.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&Event::new_with_event_init_dict(event, &init).unwrap())
        .unwrap();
}

async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn the_explorer_opens_with_the_loss_of_its_starting_rewards() {
    let (host, _handle) = mount_explorer();
    settle().await;
    let expected = explain(START.0, START.1);
    assert!((shown(&host, "loss") - expected.loss).abs() < 0.5e-4);
    assert!((shown(&host, "gap") - expected.gap).abs() < 0.5e-2);
    host.remove();
}

#[wasm_bindgen_test]
async fn typing_a_reward_updates_the_shown_loss() {
    let (host, _handle) = mount_explorer();
    settle().await;
    type_into(&find(&host, "r-better-input"), "-3.25", "input");
    settle().await;
    let expected = explain(-3.25, START.1);
    let loss = shown(&host, "loss");
    assert!(
        (loss - expected.loss).abs() < 0.5e-4,
        "shows {loss}, expected {}",
        expected.loss
    );
    // The slider follows the typed value.
    let slider: HtmlInputElement = find(&host, "r-better-slider").unchecked_into();
    assert_eq!(slider.value(), "-3.25");
    host.remove();
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_reward_is_ignored_and_marked_invalid() {
    let (host, _handle) = mount_explorer();
    settle().await;
    let before = shown(&host, "loss");
    let input = find(&host, "r-worse-input");
    type_into(&input, "12", "input");
    settle().await;
    assert_eq!(shown(&host, "loss"), before);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    // Committing an out-of-range number clamps it into −8..8.
    type_into(&input, "12", "change");
    settle().await;
    let expected = explain(START.0, 8.0);
    assert!((shown(&host, "loss") - expected.loss).abs() < 0.5e-4);
    assert_eq!(
        input.clone().unchecked_into::<HtmlInputElement>().value(),
        "8.00"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn shifting_both_rewards_leaves_the_loss_unchanged() {
    let (host, _handle) = mount_explorer();
    settle().await;
    let loss = find(&host, "loss").text_content();
    type_into(&find(&host, "shift-c"), "2.5", "input");
    find(&host, "shift-apply")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    let better: HtmlInputElement = find(&host, "r-better-input").unchecked_into();
    let worse: HtmlInputElement = find(&host, "r-worse-input").unchecked_into();
    assert_eq!(better.value(), "4.00");
    assert_eq!(worse.value(), "2.00");
    assert_eq!(find(&host, "loss").text_content(), loss);
    host.remove();
}
