//! Step 1 of the loss: σ(Δ), the model's probability that a labeler prefers the better response.

use super::curve::{draw_curve, samples, CurveView};
use super::frame::{sane_range, Frame};
use super::{ChartError, Theme};
use crate::loss::sigmoid;
use plotters::coord::Shift;
use plotters::prelude::*;

/// σ(Δ) = 1 / (1 + e^(−Δ)) over Δ in `view.x_range`; the current Δ at (Δ, σ(Δ)); a pair's dot at (gap, σ(gap)).
pub fn draw_sigmoid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CurveView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let x = sane_range(view.x_range.0, view.x_range.1, -8.0..8.0);
    let frame = Frame::new(
        x.clone(),
        0.0..1.0,
        "gap \u{394} = r_better \u{2212} r_worse",
        "\u{3c3}(\u{394})",
    );
    let curve = samples(x.start, x.end).map(|d| (d, sigmoid(d)));
    draw_curve(area, theme, &frame, curve, |d| (d, sigmoid(d)), view)
}
