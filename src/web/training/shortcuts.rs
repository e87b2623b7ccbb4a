//! The keyboard shortcuts' listener and their list (`?`); the keys themselves are the core's table
//! ([`crate::keys`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::Training;
use crate::keys::{action_for, shortcut_list, Action};
use crate::scene::Scene;

/// Whether a key pressed in `target` belongs to the element: typing in a field, choosing in a list, or moving a
/// slider with the arrows. Shortcuts never fire then.
pub(crate) fn belongs_to_target(target: Option<web_sys::EventTarget>, key: &str) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    if el.is_content_editable() {
        return true;
    }
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => {
            let kind = el.get_attribute("type").unwrap_or_default();
            match kind.as_str() {
                "range" => {
                    key.starts_with("Arrow")
                        || matches!(key, "PageUp" | "PageDown" | "Home" | "End")
                }
                "button" | "checkbox" | "radio" => false,
                _ => true,
            }
        }
        _ => false,
    }
}

/// Whether the list of shortcuts is shown: the page's Keys button (in the first frame) and `?` both toggle it.
#[derive(Clone, Copy)]
pub struct Help(pub RwSignal<bool>);

/// The Keys button, drawn with the page's first frame (so the scene bar never moves when the run's parts mount).
#[component]
pub fn HelpToggle() -> impl IntoView {
    let Help(help) = expect_context::<Help>();
    view! {
        <button type="button" class="help-toggle" data-testid="shortcuts-toggle" title="Keyboard shortcuts (?)"
            aria-label="Keyboard shortcuts" aria-expanded=move || if help.get() { "true" } else { "false" }
            on:click=move |_| help.update(|h| *h = !*h)>"Keys"</button>
    }
}

/// Listens for the shortcuts on the whole page and shows their list on `?` or the Keys button.
#[component]
pub fn Shortcuts() -> impl IntoView {
    let t = expect_context::<Training>();
    let Help(help) = expect_context::<Help>();
    let share = use_context::<crate::web::page::SharePage>();
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
            return;
        }
        let key = ev.key();
        // The lesson's card keys are the lesson panel's (web::lesson), the scene keys the page's (web::app).
        let Some(action) = action_for(&key, ev.shift_key(), false)
            .filter(|a| a.card_step().is_none() && a.scene_step().is_none())
        else {
            return;
        };
        if belongs_to_target(ev.target(), &key) {
            return;
        }
        // The run's keys act on the run only where it is on screen (Train, and Use the model, which follows it); P and ?
        // work everywhere.
        let on_train =
            share.is_none_or(|s| matches!(s.scene.get_untracked(), Scene::Train | Scene::Use));
        if !on_train && !matches!(action, Action::Present | Action::Help) {
            return;
        }
        ev.prevent_default();
        match action {
            Action::PlayPause => t.toggle_play(),
            Action::Step => t.step(),
            Action::Epoch => t.epoch(),
            Action::Back => {
                t.playing.set(false);
                let s = t.shown.get_untracked().step;
                t.rewind_to(s.saturating_sub(1));
            }
            Action::Reset => t.reset(),
            Action::NextStage => t.next_stage(),
            Action::Help => help.update(|h| *h = !*h),
            Action::Present => {
                if let Some(s) = share {
                    s.toggle_present();
                }
            }
            Action::NextCard | Action::PreviousCard | Action::NextScene | Action::PreviousScene => {
            }
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <Show when=move || help.get()>
            <div class="panel shortcuts popover" data-testid="shortcuts" role="region" aria-label="Keyboard shortcuts">
                <dl>
                    {shortcut_list().into_iter().map(|(k, v)| view! { <dt><kbd>{k}</kbd></dt><dd>{v}</dd> }).collect_view()}
                </dl>
                <button type="button" on:click=move |_| help.set(false)>"Close"</button>
            </div>
        </Show>
    }
}
