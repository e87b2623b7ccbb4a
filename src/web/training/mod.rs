//! The training panel: a live reward model that the teacher steps through or plays, with its charts.
//!
//! The panel's state is [`Training`] (in `state.rs`), around the pure `crate::train::Session`; components only
//! call its methods.

mod data_panel;
mod export_panel;
mod inspector;
mod live_charts;
mod score;
mod settings;
mod share_bar;
pub(crate) mod shortcuts;
mod slow_step;
pub(crate) mod state;
mod stepper;
mod user_data;

use leptos::prelude::*;

use data_panel::DataPanel;
use export_panel::ExportPanel;
use inspector::PairInspector;
use live_charts::LiveCharts;
use score::ScorePanel;
use settings::Settings;
use share_bar::ShareBar;
use shortcuts::Shortcuts;
use slow_step::SlowStepPanel;
use stepper::Stepper;

pub use state::{now, Training};
pub use user_data::{MAX_PAIRS, MAX_TEXT_BYTES, USER_DATA};

/// The training panel.
#[component]
pub fn TrainingPanel() -> impl IntoView {
    // App provides the state (the lesson uses it too); a panel on its own makes its own, from the link.
    if use_context::<Training>().is_none() {
        provide_context(crate::web::link::training_from_link());
    }
    view! {
        <section class="training" aria-labelledby="training-title">
            <h2 id="training-title">"Train a reward model"</h2>
            <p class="lead">
                "A tiny model gives each response a reward. Every update lowers the loss −log σ(Δ) on a batch of "
                "pairs: watch the gaps Δ grow and the pairs slide up the σ curve."
            </p>
            <ShareBar/>
            <Shortcuts/>
            <div class="training-grid">
                <div class="side">
                    <Stepper/>
                    <Settings/>
                    <DataPanel/>
                    <ExportPanel/>
                </div>
                <div class="main">
                    <SlowStepPanel/>
                    <PairInspector/>
                    <ScorePanel/>
                    <LiveCharts/>
                </div>
            </div>
        </section>
    }
}
