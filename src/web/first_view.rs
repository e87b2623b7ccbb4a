//! The first view written into `index.html` (`crate::views::first_view`), handed over to the app in place: the app
//! mounts and the static copy goes in the same task, so no frame shows both or neither; each chart's SVG poster moves
//! under its new canvas and stays until that canvas has drawn its chart.

use web_sys::{Element, HtmlCanvasElement};

use crate::views::ExplorerChart;

/// Runs `mount` (which appends the app to the body), then removes the static first view, keeping each poster under
/// the canvas of the same chart.
pub fn take_over(mount: impl FnOnce()) {
    let doc = leptos::prelude::document();
    let stale = doc.get_element_by_id("first-view");
    let posters: Vec<(Element, &str)> = ExplorerChart::ALL
        .iter()
        .filter_map(|s| {
            let selector = format!(r#"svg[data-for="{}"]"#, s.testid());
            let svg = stale.as_ref()?.query_selector(&selector).ok()??;
            Some((svg, s.testid()))
        })
        .collect();
    mount();
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
