//! Step 1 of the loss: σ(Δ), the model's probability that a labeler prefers the better response.

use super::curve::{draw_curve, samples, CurveView};
use super::frame::{sane_range, Frame};
use super::{ChartError, Theme};
use crate::loss::sigmoid;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The axes of [`draw_sigmoid`]: Δ in `view.x_range` along x, σ in [0, 1] up y.
pub(crate) fn sigmoid_axes<'a>(view: &CurveView) -> Frame<'a> {
    let x = sane_range(view.x_range.0, view.x_range.1, -8.0..8.0);
    Frame::new(
        x,
        0.0..1.0,
        "gap \u{394} = r_better \u{2212} r_worse",
        "\u{3c3}(\u{394})",
    )
}

/// Where the chart puts gap `d`: (Δ, σ(Δ)).
pub(crate) fn sigmoid_point(d: f64) -> (f64, f64) {
    (d, sigmoid(d))
}

/// σ(Δ) = 1 / (1 + e^(−Δ)) over Δ in `view.x_range`; the current Δ at (Δ, σ(Δ)); a pair's dot at (gap, σ(gap)).
pub fn draw_sigmoid<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CurveView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let frame = sigmoid_axes(view);
    let curve = samples(frame.x.start, frame.x.end).map(sigmoid_point);
    draw_curve(area, theme, &frame, curve, sigmoid_point, view)
}
