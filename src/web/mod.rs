//! The page (wasm32 only): a Leptos app, one file per panel, and the canvas glue that draws the charts.

pub mod app;
pub mod backend;
pub mod bench;
pub mod canvas;
pub mod chart_tools;
pub mod controls;
pub mod data_panel;
pub mod download;
pub mod explorer;
pub mod explorer_tools;
pub mod export_panel;
pub mod hash;
pub mod lesson;
pub mod plots;
pub mod score;
pub mod share;
pub mod training;

/// Mounts the app on the page's body; panics are reported in the browser console.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
