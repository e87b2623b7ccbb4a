//! The training panel: a live reward model that the teacher steps through or plays, with its charts.
//!
//! The panel's state is [`Training`] (in `state.rs`), around the pure `crate::train::Session`; components only
//! call its methods.

mod explain;
mod inspector;
pub(crate) mod keys;
mod live_charts;
mod player;
mod settings;
mod state;
mod user_data;

use leptos::prelude::*;

use crate::web::data_panel::DataPanel;
use crate::web::export_panel::ExportPanel;

pub use explain::SlowMotion;
pub use inspector::PairInspector;
pub use keys::Shortcuts;
pub use live_charts::LiveCharts;
pub use player::Stepper;
pub use settings::Settings;
pub use state::{now, Training};
pub use user_data::{MAX_PAIRS, MAX_TEXT_BYTES, USER_DATA};

/// Speeds offered and the speed a run starts at: the link reads and writes the same list.
pub use crate::share::{DEFAULT_SPEED, SPEEDS};

/// The training panel.
#[component]
pub fn TrainingPanel() -> impl IntoView {
    // App provides the state (the lesson uses it too); a panel on its own makes its own, from the link.
    if use_context::<Training>().is_none() {
        provide_context(crate::web::share::training_from_link());
    }
    view! {
        <section class="training" aria-labelledby="training-title">
            <h2 id="training-title">"Train a reward model"</h2>
            <p class="lead">
                "A tiny model gives each response a reward. Every update lowers the loss −log σ(Δ) on a batch of "
                "pairs: watch the gaps Δ grow and the pairs slide up the σ curve."
            </p>
            <crate::web::share::ShareBar/>
            <Shortcuts/>
            <div class="training-grid">
                <div class="side">
                    <Stepper/>
                    <Settings/>
                    <DataPanel/>
                    <ExportPanel/>
                </div>
                <div class="main">
                    <SlowMotion/>
                    <PairInspector/>
                    <crate::web::score::ScorePanel/>
                    <LiveCharts/>
                </div>
            </div>
        </section>
    }
}
