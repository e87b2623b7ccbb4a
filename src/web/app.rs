//! The page's layout: a title, one line on what the page is, and the panels in reading order.

use leptos::prelude::*;

use super::explorer::{Explorer, LossExplorer};
use super::lesson::{Lesson, LessonPanel, LessonToggle};
use super::training::TrainingPanel;

/// The whole page. Each panel is its own component in its own file; this only places them.
#[component]
pub fn App() -> impl IntoView {
    // The panels' state lives here, so the lesson can read and set what the panels show.
    provide_context(Explorer::new());
    // The run starts from the link (its settings, speed, followed pair, presentation mode, hidden parts).
    provide_context(crate::web::share::training_from_link());
    provide_context(Lesson::from_link());
    view! {
        <header class="page-head">
            <h1>"Reward Playground"</h1>
            <p>
                "How an RLHF reward model learns from comparisons: its loss for one pair is −log σ(r"
                <sub>"better"</sub>" − r"<sub>"worse"</sub>"), built here in three steps."
            </p>
            <LessonToggle/>
        </header>
        <main>
            <LossExplorer/>
            <TrainingPanel/>
        </main>
        <LessonPanel/>
    }
}
