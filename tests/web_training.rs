//! The training panel in a real browser: mount it, press its buttons, read the counters and numbers it shows.
#![cfg(target_arch = "wasm32")]

use reward_playground::train::{Config, Trainer};
use reward_playground::web::training::TrainingPanel;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> (HtmlElement, impl Sized) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", "width: 1200px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), TrainingPanel);
    (host, handle)
}

fn find(host: &Element, testid: &str) -> HtmlElement {
    host.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid {testid}"))
        .unchecked_into()
}

fn text(host: &Element, testid: &str) -> String {
    find(host, testid)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn each_step_button_press_is_one_update_with_the_trainers_loss() {
    let (host, _handle) = mount();
    settle().await;
    assert_eq!(text(&host, "step-count"), "0");
    for _ in 0..3 {
        find(&host, "step").click();
    }
    settle().await;
    assert_eq!(text(&host, "step-count"), "3");
    let mut reference = Trainer::from_config(Config::default()).unwrap();
    reference.run(3).unwrap();
    let shown = find(&host, "train-loss")
        .get_attribute("data-value")
        .unwrap();
    assert_eq!(shown, reference.metrics().loss.to_string());
    host.remove();
}

#[wasm_bindgen_test]
async fn epoch_goes_to_the_end_of_the_epoch_and_reset_goes_back_to_zero() {
    let (host, _handle) = mount();
    settle().await;
    find(&host, "step").click();
    find(&host, "epoch").click();
    settle().await;
    let per_epoch = Trainer::from_config(Config::default())
        .unwrap()
        .steps_per_epoch();
    assert_eq!(text(&host, "step-count"), per_epoch.to_string());
    assert_eq!(text(&host, "epoch-count"), "1.00");
    find(&host, "train-reset").click();
    settle().await;
    assert_eq!(text(&host, "step-count"), "0");
    host.remove();
}
