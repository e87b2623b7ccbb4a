//! What the whole page shows besides the panels: presentation mode and the parts a teacher's link hides, provided
//! as a context ([`SharePage`]) that every chart reads its presentation mode from.

use leptos::prelude::*;

use crate::scene::{Scene, TrainView};
use crate::share::HIDEABLE;

/// The page-wide state a link carries besides the run: presentation mode, hidden controls, and what the link had
/// that could not be used.
#[derive(Clone, Copy)]
pub struct SharePage {
    /// Presentation mode: large type, thick lines, high contrast.
    pub present: RwSignal<bool>,
    /// The scene on screen.
    pub scene: RwSignal<Scene>,
    /// What the Train scene shows large.
    pub view: RwSignal<TrainView>,
    /// The n of best-of-n on the "Use the model" scene.
    pub n: RwSignal<u64>,
    /// The β of π_β on the "Use the model" scene.
    pub beta: RwSignal<f64>,
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

    /// Moves `by` scenes along the bar.
    pub fn move_scene(&self, by: isize) {
        self.scene.update(|s| *s = s.moved(by));
    }
}

/// Presentation mode as the page's context holds it, for a chart to read outside the reactive graph (`None`
/// when no page state is provided, e.g. a panel mounted on its own in a test: then it is off).
#[derive(Clone, Copy)]
pub struct Presenting(Option<RwSignal<bool>>);

impl Presenting {
    /// The page's presentation mode, from the context.
    pub fn from_context() -> Presenting {
        Presenting(use_context::<SharePage>().map(|p| p.present))
    }

    /// Whether presentation mode is on now (untracked).
    pub fn now(self) -> bool {
        self.0.is_some_and(|p| p.get_untracked())
    }
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets the classes on `<html>` that CSS uses for presentation mode and hidden controls, and its `data-scene`
/// (which scene is on screen), then asks the charts to redraw at their new size and style.
pub(crate) fn set_root_classes(present: bool, hidden: &[String], scene: Scene) {
    let Some(root) = root() else {
        return;
    };
    let _ = root.set_attribute("data-scene", scene.key());
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
