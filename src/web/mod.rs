//! The page (wasm32 only): a Leptos app, one file per panel, and the canvas glue that draws the charts.

pub mod app;
pub mod canvas;
pub mod controls;
pub mod explorer;
pub mod format;
pub mod hash;
pub mod lesson;
pub mod plots;
pub mod training;

/// Mounts the app on the page's body; panics are reported in the browser console.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
