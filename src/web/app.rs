//! The page's layout: a title, one line on what the page is, and the panels in reading order.

use std::time::Duration;

use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

use super::explorer::state::Explorer;
use super::explorer::LossExplorer;
use super::lesson::{Lesson, LessonPanel, LessonToggle};
use super::training::TrainingPanel;

/// The whole page. Each panel is its own component in its own file; this only places them.
#[component]
pub fn App() -> impl IntoView {
    // The panels' state lives here, so the lesson can read and set what the panels show.
    provide_context(Explorer::new());
    // Presentation mode and hidden parts come from the link at once; the run it asks for (settings, speed, followed
    // pair) is built with the training panel.
    let link = crate::web::link::page_from_link();
    provide_context(Lesson::from_link());
    // The explorer paints first. The run, the training panel and the lesson (ten charts and many controls) are built
    // in the task after that frame, so the first chart does not wait for them; so does the service worker, whose
    // install fetches every file again.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let owner = Owner::current();
    request_animation_frame(move || {
        set_timeout(
            move || {
                let mount_rest = move || {
                    // The lesson reads and sets the run too, so it is provided before either panel mounts.
                    provide_context(link.training());
                    if let Some(main) = main_ref.get_untracked() {
                        mount_once(&main, TrainingPanel);
                    }
                    if let Some(body) = document().body() {
                        mount_once(&body, LessonPanel);
                    }
                };
                match &owner {
                    Some(owner) => owner.with(mount_rest),
                    None => mount_rest(),
                }
                crate::web::link::register_service_worker();
            },
            Duration::ZERO,
        )
    });
    view! {
        <header class="page-head">
            <h1>"Reward Playground"</h1>
            <p>
                "How an RLHF reward model learns from comparisons: its loss for one pair is −log σ(r"
                <sub>"better"</sub>" − r"<sub>"worse"</sub>"), built here in three steps."
            </p>
            <LessonToggle/>
        </header>
        <main node_ref=main_ref>
            <LossExplorer/>
        </main>
    }
}

/// Builds `view` at the end of `parent` and keeps it for the life of the page. Unlike a reactive `{move || …}`
/// child, nothing here can rebuild it, so no rebuild code is generated for the panel's large view type.
fn mount_once<V: IntoView>(parent: &web_sys::Element, view: impl FnOnce() -> V) {
    let mut state = view().into_view().build();
    state.mount(parent, None);
    std::mem::forget(state);
}
