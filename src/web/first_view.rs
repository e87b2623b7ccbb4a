//! The first view written into `index.html` (`crate::views::first_view`), handed over to the app in place: the app
//! mounts and the static copy goes in the same task, so no frame shows both or neither; each chart's SVG poster moves
//! under its new canvas and stays until that canvas has drawn its chart.
//!
//! The first view is live before the app arrives (the page's first part, `first/`): the app starts from the rewards
//! it shows, and presses the scene bar's button or the shortcut the reader pressed to ask for it.

use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlCanvasElement, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit,
};

use crate::format::box_reward;
use crate::lesson::START;
use crate::views::ExplorerChart;

/// A shortcut pressed in the first view (its `data-pending-key`, `data-pending-shift`, `data-pending-alt`), to press
/// again in the app.
#[derive(Clone, Debug)]
pub struct PendingKey {
    key: String,
    shift: bool,
    alt: bool,
}

impl PendingKey {
    /// The shortcut the first view `view` holds, if any.
    fn from(view: &Element) -> Option<PendingKey> {
        let flag = |name: &str| view.get_attribute(name).is_some_and(|v| v == "true");
        Some(PendingKey {
            key: view.get_attribute("data-pending-key")?,
            shift: flag("data-pending-shift"),
            alt: flag("data-pending-alt"),
        })
    }

    /// Presses the key on the page's body, where the app's shortcuts hear it.
    pub fn press(&self) {
        let init = KeyboardEventInit::new();
        init.set_key(&self.key);
        init.set_shift_key(self.shift);
        init.set_alt_key(self.alt);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init);
        if let (Ok(event), Some(body)) = (event, leptos::prelude::document().body()) {
            let _ = body.dispatch_event(&event);
        }
    }
}

/// Runs `mount` (which appends the app to the body) with the rewards the first view shows and the shortcut pressed
/// there, then removes the static first view, keeping each poster under the canvas of the same chart, and presses
/// (and focuses) the app's control for a scene bar button pressed there (`data-pending`, `data-control`).
pub fn take_over(mount: impl FnOnce((f64, f64), Option<PendingKey>)) {
    let doc = leptos::prelude::document();
    let stale = doc.get_element_by_id("first-view");
    let reward = |id: &str, default: f64| {
        stale
            .as_ref()
            .and_then(|s| s.query_selector(&format!("#{id}")).ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| box_reward(&input.value()))
            .unwrap_or(default)
    };
    let rewards = (reward("r-better", START.0), reward("r-worse", START.1));
    let pending = stale
        .as_ref()
        .and_then(|s| s.query_selector("[data-pending]").ok().flatten())
        .and_then(|b| b.get_attribute("data-control"));
    let posters: Vec<(Element, &str)> = ExplorerChart::ALL
        .iter()
        .filter_map(|s| {
            let selector = format!(r#"svg[data-for="{}"]"#, s.testid());
            let svg = stale.as_ref()?.query_selector(&selector).ok()??;
            Some((svg, s.testid()))
        })
        .collect();
    let key = stale.as_ref().and_then(PendingKey::from);
    mount(rewards, key);
    let Some(stale) = stale else {
        return;
    };
    stale.remove();
    for (svg, id) in posters {
        let selector = format!(r#"canvas[data-testid="{id}"]"#);
        if let Ok(Some(canvas)) = doc.query_selector(&selector) {
            // Before the canvas: the canvas, laid over the same box, paints over it once drawn.
            let _ = canvas.before_with_node_1(&svg);
        }
    }
    let pressed = pending.and_then(|id| {
        doc.query_selector(&format!(r#"[data-testid="{id}"]"#))
            .ok()?
    });
    if let Some(button) = pressed.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
        let _ = button.focus();
        button.click();
    }
}

/// Removes the poster under `canvas` once the canvas shows its chart.
pub fn drop_poster(canvas: &HtmlCanvasElement) {
    if let Some(poster) = canvas
        .previous_element_sibling()
        .filter(|p| p.has_attribute("data-for"))
    {
        poster.remove();
    }
}
