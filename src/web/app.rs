//! The page's layout: a bar at the top with the scenes, the lesson and presentation mode, and under it the scene on
//! screen, which fills the rest of the window.

use std::time::Duration;

use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

use super::explorer::state::Explorer;
use super::explorer::LossExplorer;
use super::first_view::PendingKey;
use super::label::LabelScene;
use super::lesson::{Lesson, LessonPanel, LessonToggle};
use super::page::SharePage;
use super::training::shortcuts::{Help, HelpToggle, Shortcuts};
use super::training::TrainingPanel;
use super::use_model::UseScene;
use crate::keys::action_for;
use crate::scene::Scene;

/// The whole page, its explorer at `start` (r_better, r_worse); `key` is a shortcut pressed before the app had
/// arrived, pressed again once every panel has mounted. Each panel is its own component in its own file; this only
/// places them.
#[component]
pub fn App(start: (f64, f64), key: Option<PendingKey>) -> impl IntoView {
    // The panels' state lives here, so the lesson can read and set what the panels show.
    provide_context(Explorer::at(start));
    // Presentation mode, the scene and hidden parts come from the link at once; the run it asks for (settings,
    // speed, followed pair) is built with the training panel.
    let link = crate::web::link::page_from_link();
    provide_context(Lesson::from_link());
    provide_context(Help(RwSignal::new(false)));
    // The explorer paints first. The run, the training panel, the other scenes and the lesson (many charts and
    // controls) are built in the tasks after that frame, one part per task, so neither the first chart nor any one
    // task waits for all of them (short tasks keep the page answering input while they are built); the service
    // worker, whose install fetches every file again, comes last.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let tools_ref = NodeRef::<leptos::html::Div>::new();
    let owner = Owner::current();
    let parts: Vec<Box<dyn FnOnce()>> = vec![
        Box::new(move || {
            // The lesson reads and sets the run too, so it is provided before any panel mounts.
            let training = link.training();
            provide_context(training);
            provide_context(super::use_model::state::UseComputed::new());
            provide_context(super::label::state::Labeling::from_link(training));
        }),
        in_main(main_ref, TrainingPanel),
        in_main(main_ref, LabelScene),
        in_main(main_ref, UseScene),
        Box::new(move || {
            if let Some(tools) = tools_ref.get_untracked() {
                mount_once(&tools, Shortcuts);
            }
        }),
        Box::new(move || {
            if let Some(body) = document().body() {
                mount_once(&body, LessonPanel);
            }
        }),
        Box::new(crate::web::link::register_service_worker),
        Box::new(move || {
            if let Some(key) = key {
                key.press();
            }
        }),
    ];
    request_animation_frame(move || in_tasks(owner, parts));
    scene_keys();
    // A link that hides the explorer opens on the training.
    let page = expect_context::<SharePage>();
    Effect::new(move |_| {
        if page.scene.get() == Scene::Pair
            && page.hidden.with(|h| h.iter().any(|x| x == "explorer"))
        {
            page.scene.set(Scene::Train);
        }
    });
    view! {
        <header class="scene-bar">
            <h1 title="How an RLHF reward model learns from comparisons">"Reward Playground"</h1>
            <SceneTabs/>
            <div class="bar-tools" node_ref=tools_ref>
                <LessonToggle/>
                <PresentToggle/>
                <HelpToggle/>
            </div>
        </header>
        <ShareNotice/>
        <main node_ref=main_ref>
            <LossExplorer/>
        </main>
    }
}

/// The scene bar: one tab per scene, the one on screen pressed.
#[component]
fn SceneTabs() -> impl IntoView {
    let page = expect_context::<SharePage>();
    let tabs = Scene::ALL
        .into_iter()
        .map(|s| {
            let on = move || page.scene.get() == s;
            view! {
                <button type="button" role="tab" class="scene-tab" data-testid=format!("scene-{}", s.key())
                    aria-selected=move || on().to_string() title=format!("{} ([ and ] move between scenes)", s.blurb())
                    on:click=move |_| page.scene.set(s)>
                    {s.title()}
                </button>
            }
        })
        .collect_view();
    view! { <nav class="scene-tabs" role="tablist" aria-label="Scenes">{tabs}</nav> }
}

/// Presentation mode on and off (also P).
#[component]
fn PresentToggle() -> impl IntoView {
    let page = expect_context::<SharePage>();
    view! {
        <button type="button" data-testid="share-present" title="Presentation mode: large type for a projector (P)"
            aria-pressed=move || if page.present.get() { "true" } else { "false" }
            on:click=move |_| page.toggle_present()>
            "Present"
        </button>
    }
}

/// What a link asked for that the page could not use, until the reader dismisses it.
#[component]
fn ShareNotice() -> impl IntoView {
    let page = expect_context::<SharePage>();
    view! {
        <Show when=move || !page.ignored.get().is_empty()>
            <div class="panel share-notice" role="status" data-testid="share-notice">
                <p>"The link asked for settings this page cannot use; it started with these instead:"</p>
                <ul>{move || page.ignored.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                <button type="button" data-testid="share-notice-close"
                    on:click=move |_| page.ignored.set(Vec::new())>"OK"</button>
            </div>
        </Show>
    }
}

/// `[` and `]` move between scenes (never while typing in a field).
fn scene_keys() {
    let page = expect_context::<SharePage>();
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        let Some(by) = action_for(&key, ev.shift_key(), false).and_then(|a| a.scene_step()) else {
            return;
        };
        if crate::web::training::shortcuts::belongs_to_target(ev.target(), &key) {
            return;
        }
        ev.prevent_default();
        page.move_scene(by);
    });
    on_cleanup(move || handle.remove());
}

/// Runs each of `parts` in a task of its own, in order, under `owner` (so they see and provide the page's contexts).
fn in_tasks(owner: Option<Owner>, mut parts: Vec<Box<dyn FnOnce()>>) {
    if parts.is_empty() {
        return;
    }
    let part = parts.remove(0);
    set_timeout(
        move || {
            match &owner {
                Some(o) => o.with(part),
                None => part(),
            }
            in_tasks(owner, parts);
        },
        Duration::ZERO,
    );
}

/// A part for [`in_tasks`] that mounts a scene at the end of the page's `<main>`.
fn in_main<V: IntoView + 'static>(
    main: NodeRef<leptos::html::Main>,
    view: impl FnOnce() -> V + 'static,
) -> Box<dyn FnOnce()> {
    Box::new(move || {
        if let Some(main) = main.get_untracked() {
            mount_once(&main, view);
        }
    })
}

/// Builds `view` at the end of `parent` and keeps it for the life of the page. Unlike a reactive `{move || …}`
/// child, nothing here can rebuild it, so no rebuild code is generated for the panel's large view type.
fn mount_once<V: IntoView>(parent: &web_sys::Element, view: impl FnOnce() -> V) {
    let mut state = view().into_view().build();
    state.mount(parent, None);
    std::mem::forget(state);
}
