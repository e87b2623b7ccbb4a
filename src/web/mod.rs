//! The page (wasm32 only): a Leptos app, one folder per panel, and the canvas glue that draws the charts.
//!
//! Imports go one way: `app` places the panels; each panel's components import its `state.rs`; the page-wide
//! state (`page`), the link (`link`), and the canvas and chart glue import no panel but the training state.

pub mod app;
pub mod backend;
pub mod bench;
pub mod canvas;
pub mod chart_tools;
pub mod download;
pub mod explorer;
pub mod first_view;
pub mod hash;
pub mod js;
pub mod label;
pub mod lesson;
pub mod link;
pub mod page;
pub mod training;
pub mod use_model;

/// The page's memory allocator (Rust's default on wasm32 is dlmalloc; talc is smaller in the module and no slower).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the app on the page's body in place of the first view written into the page (if the build wrote one),
/// from the rewards it shows; panics are reported in the browser console.
pub fn mount() {
    console_error_panic_hook::set_once();
    first_view::take_over(|start, key| {
        leptos::mount::mount_to_body(move || leptos::view! { <app::App start key/> })
    });
}
