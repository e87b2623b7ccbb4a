//! The Train scene: a live reward model that the teacher steps through or plays, laid out to fit one screen: the
//! controls and the big counters in a bar at the top, the charts filling the rest, and a side column whose tabs
//! hold the followed pair, the settings, the data, saving, sharing and scoring.
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
mod side;
mod slow_step;
pub(crate) mod state;
mod stepper;
mod user_data;
mod word_strip;

use leptos::prelude::*;

use live_charts::LiveCharts;
use side::SideColumn;
use stepper::Stepper;

pub use state::{now, Training};
pub use user_data::{MAX_PAIRS, MAX_TEXT_BYTES, USER_DATA};

/// The Train scene.
#[component]
pub fn TrainingPanel() -> impl IntoView {
    // App provides the state (the lesson uses it too); a panel on its own makes its own, from the link.
    if use_context::<Training>().is_none() {
        provide_context(crate::web::link::training_from_link());
    }
    view! {
        <section class="training scene" data-scene="train" aria-labelledby="training-title">
            <h2 id="training-title" class="sr-only">"Train a reward model"</h2>
            <Stepper/>
            <div class="stage">
                <LiveCharts/>
                <SideColumn/>
            </div>
        </section>
    }
}
