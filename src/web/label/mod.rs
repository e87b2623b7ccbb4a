//! The "Label" scene: the learner is the labeler. One pair at a time (A, B or can't tell, by button, tap or key),
//! undo, a few pairs shown again with the sides swapped; then a run trained on those labels, a code to share them,
//! and a class's codes read together for its agreement. No server: codes travel through whatever the class uses.
//!
//! The session, the codes and the statistics are the core's (`crate::label`); this folder lays them out.

mod class;
mod mine;
mod share;
pub mod state;

use leptos::prelude::*;

use crate::label::{builtin_set, label_key, label_key_name, Label, LabelKey, LabelSet};
use crate::scene::Scene;
use crate::web::page::SharePage;
use crate::web::training::Training;

use class::{ClassPanel, ClassResults};
use mine::MinePanel;
use share::SharePanel;
use state::{Labeling, DEFAULT_SET};

/// The side column's tabs: (key, title).
const TABS: [(&str, &str); 3] = [
    ("mine", "My labels"),
    ("labels-share", "Share"),
    ("class", "Class"),
];

/// The scene.
#[component]
pub fn LabelScene() -> impl IntoView {
    let t = expect_context::<Training>();
    let page = expect_context::<SharePage>();
    let l = expect_context::<Labeling>();
    keys(l, page);
    let s = move || l.session.get();
    let progress = move || {
        let (given, total) = s().progress();
        format!("{given} of {total}")
    };
    let done = move || l.session.with(|s| s.is_done());
    // The set: the built-in one, or the run's data set (a new session either way, with the run's seed).
    let run_set = move || t.current_data().and_then(|d| LabelSet::from_dataset(&d));
    let set_id = move || l.session.with(|s| s.set().id.clone());
    let armed = RwSignal::new(false);
    let on_set = move |ev: leptos::ev::Event| {
        let seed = t.config.get_untracked().seed;
        let set = match event_target_value(&ev).as_str() {
            DEFAULT_SET => builtin_set(DEFAULT_SET),
            _ => run_set(),
        };
        if let Some(set) = set {
            l.start(set, seed);
        }
    };
    let restart = move |_| {
        let given = l.session.with_untracked(|s| s.labels().len());
        if given > 0 && !armed.get_untracked() {
            armed.set(true);
            return;
        }
        armed.set(false);
        let set = l.session.with_untracked(|s| s.set().clone());
        l.start(set, t.config.get_untracked().seed);
    };
    let answer = move |which: Label| {
        let text = move || {
            l.session.with(|s| {
                s.current()
                    .map(|c| if which == Label::A { c.a } else { c.b }.to_string())
            })
        };
        let (tag, id) = match which {
            Label::A => ("A", "label-a"),
            _ => ("B", "label-b"),
        };
        view! {
            <button type="button" class="answer" data-testid=id disabled=done
                aria-keyshortcuts=if which == Label::A { "1 ArrowLeft" } else { "2 ArrowRight" }
                on:click=move |_| { l.give(which); }>
                <span class="answer-tag">{tag}" is better"</span>
                <span class="answer-text" data-testid=format!("{id}-text")>{text}</span>
                <kbd>{label_key_name(LabelKey::Give(which))}</kbd>
            </button>
        }
    };
    let tab = l.tab;
    let class_shown = move || tab.get() == "class" && l.class.with(Option::is_some);
    let tabs = TABS
        .into_iter()
        .map(|(key, title)| {
            view! {
                <button type="button" role="tab" class="side-tab" data-testid=format!("tab-{key}")
                    id=format!("tab-{key}") aria-controls=format!("side-{key}")
                    aria-selected=move || (tab.get() == key).to_string()
                    on:click=move |_| tab.set(key)>{title}</button>
            }
        })
        .collect_view();
    let panel = move |key: &'static str, body: AnyView| {
        view! {
            <div class="side-panel" role="tabpanel" id=format!("side-{key}")
                aria-labelledby=format!("tab-{key}") hidden=move || tab.get() != key>
                {body}
            </div>
        }
    };
    view! {
        <section class="label scene" data-scene="label" aria-labelledby="label-title">
            <h2 id="label-title" class="sr-only">"Be the labeler"</h2>
            <div class="topbar" role="group" aria-label="Your labeling session">
                <span class="label-progress">"Labeled "<b data-testid="label-progress">{progress}</b></span>
                <progress max=move || s().total() value=move || s().labels().len() aria-label="Labeled so far"></progress>
                <button type="button" data-testid="label-undo" title="Take back the last label (Backspace or U)"
                    disabled=move || s().labels().is_empty() on:click=move |_| l.undo()>"Undo"</button>
                <label class="label-set">
                    <span>"Pairs"</span>
                    <select data-testid="label-set" on:change=on_set prop:value=move || {
                        if set_id() == DEFAULT_SET { DEFAULT_SET.to_string() } else { "run".to_string() }
                    }>
                        <option value=DEFAULT_SET>"30 everyday questions"</option>
                        <option value="run" disabled=move || run_set().is_none()>
                            {move || format!("the run's data: {}", t.config.get().dataset)}
                        </option>
                    </select>
                </label>
                <button type="button" data-testid="label-restart" on:click=restart>
                    {move || if armed.get() {
                        format!("Clear {} labels?", s().labels().len())
                    } else {
                        "Start over".to_string()
                    }}
                </button>
            </div>
            <Show when=move || !l.notice.get().is_empty()>
                <p class="notice" role="status" data-testid="label-notice">{move || l.notice.get()}</p>
            </Show>
            <div class="label-grid">
                <Show when=class_shown>
                    <div class="panel class-results" data-testid="class-results"><ClassResults/></div>
                </Show>
                <div class="panel label-pair" hidden=class_shown>
                    <Show when=move || !done() fallback=move || view! {
                        <p class="label-done" data-testid="label-done">
                            {move || format!("All {} labeled. See what they add up to under \"My labels\", or \
                                share them with your class.", s().total())}
                        </p>
                    }>
                        <p class="label-ask">"Which answer is better?"</p>
                        <p class="label-prompt" data-testid="label-prompt">
                            {move || l.session.with(|s| s.current().map(|c| c.prompt.to_string()))}
                        </p>
                        <div class="answers">{answer(Label::A)}{answer(Label::B)}</div>
                        <button type="button" class="cant-tell" data-testid="label-cant"
                            aria-keyshortcuts="0 ArrowDown" on:click=move |_| { l.give(Label::CantTell); }>
                            "Can't tell "<kbd>{label_key_name(LabelKey::Give(Label::CantTell))}</kbd>
                        </button>
                    </Show>
                </div>
                <aside class="side label-side" aria-label="Your labels, sharing them, and the class">
                    <div class="side-tabs" role="tablist" aria-label="Label side column">{tabs}</div>
                    {panel("mine", view! { <MinePanel/> }.into_any())}
                    {panel("labels-share", view! { <SharePanel/> }.into_any())}
                    {panel("class", view! { <ClassPanel/> }.into_any())}
                </aside>
            </div>
        </section>
    }
}

/// 1/←, 2/→, 0/↓ label the pair shown and Backspace/U takes the last label back, while the scene is on screen and
/// no field has the key.
fn keys(l: Labeling, page: SharePage) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if page.scene.get_untracked() != Scene::Label
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || ev.default_prevented()
        {
            return;
        }
        let key = ev.key();
        let Some(action) = label_key(&key) else {
            return;
        };
        if crate::web::training::shortcuts::belongs_to_target(ev.target(), &key) {
            return;
        }
        ev.prevent_default();
        match action {
            LabelKey::Give(label) => {
                l.give(label);
            }
            LabelKey::Undo => l.undo(),
        }
    });
    on_cleanup(move || handle.remove());
}
