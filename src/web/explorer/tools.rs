//! The explorer charts' text alternatives, tables and PNG/SVG buttons.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::charts::Layer;
use crate::loss::Explained;
use crate::views::ExplorerChart as Step;
use crate::web::backend::to_svg;
use crate::web::chart_tools::{svg_size, ChartTools};

/// The tools under the explorer chart of `step`; `id` is the canvas' data-testid.
pub fn explorer_tools(
    id: &'static str,
    step: Step,
    canvas: NodeRef<Canvas>,
    explained: Memo<Explained>,
) -> impl IntoView {
    let summary = Signal::derive(move || step.sentence(&explained.get()));
    let table = Callback::new(move |()| step.table(&explained.get_untracked()));
    let svg = Callback::new(move |()| {
        let (w, h) = svg_size(canvas);
        let gap = explained.get_untracked().gap;
        to_svg(w, h, |a| {
            step.draw(a, gap, Layer::All, &step.theme(false, false))
        })
        .map_err(|e| e.to_string())
    });
    let changed = Signal::derive(move || explained.with(|e| e.gap.to_bits()));
    view! { <ChartTools id canvas summary table svg changed/> }
}
