//! The first view written into `index.html` (`crate::views::first_view`), handed over to the app in place: the app
//! mounts and the static copy goes in the same task, so no frame shows both or neither; each chart's SVG poster moves
//! under its new canvas and stays until that canvas has drawn its chart.
//!
//! The first view is live before the app arrives (the page's first part, `first/`): the app starts from the rewards
//! it shows, and presses the scene bar's button the reader pressed while the app was loading.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, HtmlInputElement};

use crate::format::{parse_number, snap_reward};
use crate::lesson::START;
use crate::views::ExplorerChart;

/// Runs `mount` (which appends the app to the body) with the rewards the first view shows, then removes the static
/// first view, keeping each poster under the canvas of the same chart, and presses the app's control for a scene bar
/// button pressed before (`data-pending`, `data-control`).
pub fn take_over(mount: impl FnOnce((f64, f64))) {
    let doc = leptos::prelude::document();
    let stale = doc.get_element_by_id("first-view");
    let reward = |id: &str, default: f64| {
        stale
            .as_ref()
            .and_then(|s| s.query_selector(&format!("#{id}")).ok().flatten())
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .and_then(|input| parse_number(&input.value()))
            .map_or(default, snap_reward)
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
    mount(rewards);
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
