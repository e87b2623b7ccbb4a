//! The explorer charts' text alternatives, tables and PNG/SVG buttons.

use leptos::html::Canvas;
use leptos::prelude::*;

use super::chart_tools::{svg_size, ChartTools, Table};
use super::plots::{draw_step, gap_range, theme, Step};
use crate::charts::Layer;
use crate::format::fixed;
use crate::loss::{explain, Explained};
use crate::web::backend::to_svg;

/// Four decimals, as the explorer's numbers table writes them.
fn n4(v: f64) -> String {
    fixed(v, 4)
}

/// What the chart of `step` shows now, in one sentence.
fn summary(step: Step, e: &Explained) -> String {
    match step {
        Step::Sigmoid => format!(
            "The curve σ(Δ) rises from 0 to 1; marked at Δ = {}, where σ = {}.",
            n4(e.gap),
            n4(e.sigmoid)
        ),
        Step::Log => format!(
            "The curve log p rises to 0 at p = 1; marked at p = {}, where log p = {}.",
            n4(e.sigmoid),
            n4(e.log_sigmoid)
        ),
        Step::Loss => format!(
            "The loss −log σ(Δ) falls toward 0 as Δ grows; marked at Δ = {}, where the loss is {}.",
            n4(e.gap),
            n4(e.loss)
        ),
        Step::Gradient => format!(
            "dloss/dΔ = −σ(−Δ) rises from −1 toward 0; marked at Δ = {}, where it is {}.",
            n4(e.gap),
            n4(e.dloss_dgap)
        ),
    }
}

/// The curve at whole gaps across the chart's axis, and the marked point.
fn table(step: Step, e: &Explained) -> Table {
    let (lo, hi) = gap_range(e.gap);
    let every = (hi - lo) / 8.0;
    let mut points: Vec<(Explained, bool)> = (0..=8)
        .map(|k| (explain(lo + every * k as f64, 0.0), false))
        .collect();
    points.push((*e, true));
    let mark = |now: bool, v: String| if now { format!("{v} (marked)") } else { v };
    let rows = points
        .iter()
        .map(|(p, now)| match step {
            Step::Sigmoid => vec![mark(*now, n4(p.gap)), n4(p.sigmoid)],
            Step::Log => vec![mark(*now, n4(p.sigmoid)), n4(p.log_sigmoid)],
            Step::Loss => vec![mark(*now, n4(p.gap)), n4(p.loss)],
            Step::Gradient => vec![mark(*now, n4(p.gap)), n4(p.dloss_dgap)],
        })
        .collect();
    let head: &[&str] = match step {
        Step::Sigmoid => &["Δ", "σ(Δ)"],
        Step::Log => &["p = σ(Δ)", "log p"],
        Step::Loss => &["Δ", "−log σ(Δ)"],
        Step::Gradient => &["Δ", "dloss/dΔ"],
    };
    Table::new(head, rows)
}

/// The tools under the explorer chart of `step`; `id` is the canvas' data-testid.
pub fn explorer_tools(
    id: &'static str,
    step: Step,
    canvas: NodeRef<Canvas>,
    explained: Memo<Explained>,
) -> impl IntoView {
    let summary = Signal::derive(move || summary(step, &explained.get()));
    let table = Callback::new(move |()| table(step, &explained.get_untracked()));
    let svg = Callback::new(move |()| {
        let (w, h) = svg_size(canvas);
        let gap = explained.get_untracked().gap;
        to_svg(w, h, |a| {
            draw_step(a, step, gap, Layer::All, &theme(step, false))
        })
        .map_err(|e| e.to_string())
    });
    let changed = Signal::derive(move || explained.with(|e| e.gap.to_bits()));
    view! { <ChartTools id canvas summary table svg changed/> }
}
