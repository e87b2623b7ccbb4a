//! The page's first part: the loss explorer of the first view (which the build writes into `index.html`, see
//! `reward_playground::views::first_view`) answering input while the rest of the page loads.
//!
//! It is small on purpose: the core's explorer functions (the loss, the numbers, the sentences and the charts drawn
//! as SVG) and a few DOM calls, no Leptos, no JSON, no trainer. The rewards, the shift and reset work here; the scene
//! bar's buttons ask for the rest of the page (`window.loadRest`, from the page's loader) and show that it is
//! loading. The whole app then takes the first view's place, starting from the rewards shown here
//! (`web::first_view::take_over`).

#[cfg(target_arch = "wasm32")]
mod page;

#[cfg(target_arch = "wasm32")]
fn main() {
    page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "reward-playground-first is the page's first part: build it for wasm32 (trunk build)"
    );
    std::process::exit(2);
}
