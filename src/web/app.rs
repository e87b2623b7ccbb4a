//! The page's layout: a title, one line on what the page is, and the panels in reading order.

use leptos::prelude::*;

use super::explorer::LossExplorer;
use super::training::TrainingPanel;

/// The whole page. Each panel is its own component in its own file; this only places them.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="page-head">
            <h1>"Reward Playground"</h1>
            <p>
                "How an RLHF reward model learns from comparisons: its loss for one pair is −log σ(r"
                <sub>"better"</sub>" − r"<sub>"worse"</sub>"), built here in three steps."
            </p>
        </header>
        <main>
            <LossExplorer/>
            <TrainingPanel/>
        </main>
    }
}
