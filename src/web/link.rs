//! The page and its link: the page starts from the link's settings and keeps the link up to date as they change.
//! The link's format is `crate::share`'s; the share bar that copies it is the training panel's.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::hash;
use super::js::{call, navigator_part};
use super::page::{set_root_classes, SharePage};
use super::training::state::Training;
use crate::share::SharedState;

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
    pub(crate) fn shared_state(&self, page: &SharePage) -> SharedState {
        SharedState {
            config: self.config.get(),
            speed: self.speed.get(),
            pair: self.selected.get(),
            present: page.present.get(),
            scene: page.scene.get(),
            view: page.view.get(),
            n: page.n.get(),
            beta: page.beta.get(),
            hidden: page.hidden.get(),
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
        scene: RwSignal::new(state.scene),
        view: RwSignal::new(state.view),
        n: RwSignal::new(state.n),
        beta: RwSignal::new(state.beta),
        hidden: RwSignal::new(state.hidden.clone()),
        ignored: RwSignal::new(ignored),
    };
    provide_context(page);
    Effect::new(move |_| {
        set_root_classes(page.present.get(), &page.hidden.get(), page.scene.get())
    });
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
pub(crate) fn link(t: &Training, page: &SharePage) -> String {
    let mut map = hash::read();
    t.shared_state(page).write_to(&mut map);
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default().to_string();
    format!("{base}{}", map.to_hash())
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
