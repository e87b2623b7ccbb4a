//! Sharing a run: the page starts from the link's settings, keeps the link up to date as the settings change, copies
//! it, lets a teacher hide controls, and switches presentation mode. The link's format is `crate::share`'s.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::hash;
use super::training::Training;
use crate::share::{SharedState, HIDEABLE};

/// The page-wide state a link carries besides the run: presentation mode, hidden controls, and what the link had
/// that could not be used.
#[derive(Clone, Copy)]
pub struct SharePage {
    /// Presentation mode: large type, thick lines, high contrast.
    pub present: RwSignal<bool>,
    /// Names from `HIDEABLE` that are hidden.
    pub hidden: RwSignal<Vec<String>>,
    /// What the link asked for that was ignored, one line each.
    pub ignored: RwSignal<Vec<String>>,
}

impl SharePage {
    /// Turns presentation mode on or off.
    pub fn toggle_present(&self) {
        self.present.update(|p| *p = !*p);
    }
}

impl Training {
    /// Applies a shared state's run and view: a new run if its settings differ, then its speed and selected pair.
    pub fn apply_shared(&self, state: &SharedState) {
        if self.config.get_untracked() != state.config {
            self.apply(state.config.clone());
        }
        self.speed.set(state.speed);
        self.selected.set(state.pair);
    }

    /// The shared state of what the page shows now.
    fn shared_state(&self, page: &SharePage) -> SharedState {
        SharedState {
            config: self.config.get(),
            speed: self.speed.get(),
            pair: self.selected.get(),
            present: page.present.get(),
            hidden: page.hidden.get(),
        }
    }
}

/// Whether presentation mode is on (the class on `<html>` is the single source the charts read).
pub fn presenting() -> bool {
    root().is_some_and(|r| r.class_list().contains("presenting"))
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets the classes on `<html>` that CSS uses for presentation mode and hidden controls, then asks the charts to
/// redraw at their new size and style.
fn set_root_classes(present: bool, hidden: &[String]) {
    let Some(root) = root() else {
        return;
    };
    let list = root.class_list();
    let _ = list.toggle_with_force("presenting", present);
    for (name, _) in HIDEABLE {
        let _ = list.toggle_with_force(&format!("hide-{name}"), hidden.iter().any(|h| h == name));
    }
    if let Some(w) = web_sys::window() {
        if let Ok(ev) = web_sys::Event::new("resize") {
            let _ = w.dispatch_event(&ev);
        }
    }
}

/// What the link asks for, read once at start: the settings for the run, and whether the link had a hash at all.
pub struct LinkStart {
    state: SharedState,
    had_hash: bool,
}

/// Reads the link and applies what is cheap and visible at once: presentation mode and hidden parts (provided as
/// [`SharePage`]). The run itself is built later by [`LinkStart::training`], so the first chart need not wait for it.
pub fn page_from_link() -> LinkStart {
    let start = hash::read();
    let (state, ignored) = SharedState::from_hash(&start);
    let page = SharePage {
        present: RwSignal::new(state.present),
        hidden: RwSignal::new(state.hidden.clone()),
        ignored: RwSignal::new(ignored),
    };
    provide_context(page);
    Effect::new(move |_| set_root_classes(page.present.get(), &page.hidden.get()));
    LinkStart {
        state,
        had_hash: !start.pairs().is_empty(),
    }
}

impl LinkStart {
    /// The panel's state as the link says (defaults for what it lacks or could not use), with the link kept up to
    /// date from then on: written once per change of a shared setting (never once per step), without history
    /// entries. Needs the [`SharePage`] that [`page_from_link`] provided.
    pub fn training(self) -> Training {
        let LinkStart { state, had_hash } = self;
        let page = expect_context::<SharePage>();
        let t = Training::new(state.config.clone());
        t.apply_shared(&state);
        Effect::new(move |prev: Option<()>| {
            let state = t.shared_state(&page);
            if prev.is_none() && !had_hash {
                return; // a plain address stays plain until something changes
            }
            let mut map = hash::read();
            let before = map.to_hash();
            state.write_to(&mut map);
            if map.to_hash() != before {
                hash::write(&map);
            }
        });
        t
    }
}

/// [`page_from_link`] and [`LinkStart::training`] at once (for a training panel mounted on its own).
pub fn training_from_link() -> Training {
    page_from_link().training()
}

/// The address of this page with the current state in its hash.
fn link(t: &Training, page: &SharePage) -> String {
    let mut map = hash::read();
    t.shared_state(page).write_to(&mut map);
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default().to_string();
    format!("{base}{}", map.to_hash())
}

/// `obj.name(...args)` through JavaScript's own lookup (no web-sys feature needed); `None` if it is missing or throws.
fn call(obj: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = js_sys::Reflect::get(obj, &name.into()).ok()?;
    let f = f.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(obj, &args).ok()
}

/// `window.navigator.<name>`, if the browser has it.
fn navigator_part(name: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    let nav = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    js_sys::Reflect::get(&nav, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Registers `sw.js` (beside the page, by a relative address) so the page works offline after the first visit.
/// Called after the first chart is on screen: the worker's install fetches every file again.
pub fn register_service_worker() {
    let Some(sw) = navigator_part("serviceWorker") else {
        return;
    };
    if let Some(promise) = call(&sw, "register", &["sw.js".into()]) {
        // A refusal (e.g. a file:// page) only means no offline copy; the page works as it is.
        let ignore = Closure::once_into_js(|_: JsValue| {});
        let _ = call(&promise, "catch", &[ignore]);
    }
}

/// Writes `text` to the clipboard; `done(true)` when it got there, `done(false)` when the browser refused.
fn copy_to_clipboard(text: &str, done: impl Fn(bool) + 'static) {
    let promise = navigator_part("clipboard").and_then(|c| call(&c, "writeText", &[text.into()]));
    let Some(promise) = promise else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(done);
    let d = done.clone();
    let ok = Closure::once_into_js(move |_: JsValue| d(true));
    let err = Closure::once_into_js(move |_: JsValue| done(false));
    let _ = call(&promise, "then", &[ok, err]);
}

/// Copy link, presentation mode, "Hide controls…", and the notice of what a link asked for that was ignored.
#[component]
pub fn ShareBar() -> impl IntoView {
    let t = expect_context::<Training>();
    let page = expect_context::<SharePage>();
    let status = RwSignal::new(String::new());
    let shown_link = RwSignal::new(String::new());
    let dialog = RwSignal::new(false);
    let field = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let url = link(&t, &page);
        shown_link.set(url.clone());
        copy_to_clipboard(&url, move |ok| {
            if ok {
                status.set("Link copied".into());
                return;
            }
            // No clipboard here: select the link so Ctrl+C (or a long press) copies it.
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
                input.select();
            }
            status.set("The link is selected above: copy it with Ctrl+C (⌘C on a Mac).".into());
        });
    };
    let toggle_hidden = move |name: &'static str| {
        page.hidden.update(|h| {
            if let Some(i) = h.iter().position(|x| x == name) {
                h.remove(i);
            } else {
                // Kept in HIDEABLE's order.
                *h = HIDEABLE
                    .iter()
                    .filter(|(n, _)| *n == name || h.iter().any(|x| x == n))
                    .map(|(n, _)| n.to_string())
                    .collect();
            }
        });
    };
    let choices = move || {
        HIDEABLE
            .iter()
            .map(|&(name, label)| {
                view! {
                    <label class="share-choice">
                        <input type="checkbox" data-testid=format!("share-hide-{name}")
                            prop:checked=move || page.hidden.get().iter().any(|h| h == name)
                            on:change=move |_| toggle_hidden(name)/>
                        <span>{label}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <div class="share-bar" role="group" aria-label="Share and present">
            <button type="button" data-testid="share-copy" on:click=copy>"Copy link"</button>
            <button type="button" data-testid="share-present" title="Presentation mode (P)"
                aria-pressed=move || if page.present.get() { "true" } else { "false" }
                on:click=move |_| page.toggle_present()>
                {move || if page.present.get() { "Leave presentation mode" } else { "Presentation mode" }}
            </button>
            <button type="button" data-testid="share-hide" aria-expanded=move || dialog.get().to_string()
                on:click=move |_| dialog.update(|d| *d = !*d)>"Hide controls…"</button>
            <Show when=move || !shown_link.get().is_empty()>
                <label class="share-link">
                    <span>"Link"</span>
                    <input type="text" readonly node_ref=field data-testid="share-link"
                        prop:value=move || shown_link.get()/>
                </label>
            </Show>
            <p class="share-status" role="status" data-testid="share-status">{move || status.get()}</p>
        </div>
        <Show when=move || dialog.get()>
            <div class="panel share-dialog" role="dialog" aria-label="Hide controls" data-testid="share-dialog">
                <p>"Hidden parts stay hidden for everyone who opens the link; this dialog shows them again."</p>
                {choices()}
                <button type="button" data-testid="share-hide-done" on:click=move |_| dialog.set(false)>"Done"</button>
            </div>
        </Show>
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
