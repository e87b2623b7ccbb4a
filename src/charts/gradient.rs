//! The gradient of the loss: dloss/dΔ = −σ(−Δ), how hard one pair pulls on the model.

use super::curve::{draw_curve, samples, CurveView};
use super::frame::{sane_range, Frame};
use super::{ChartError, Theme};
use crate::loss::bt_loss_derivative;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The axes of [`draw_gradient`]: Δ in `view.x_range` along x, dloss/dΔ in [−1, 0] up y.
pub(crate) fn gradient_axes<'a>(view: &CurveView) -> Frame<'a> {
    let x = sane_range(view.x_range.0, view.x_range.1, -8.0..8.0);
    Frame::new(
        x,
        -1.0..0.0,
        "gap \u{394}",
        "dloss/d\u{394} = \u{2212}\u{3c3}(\u{2212}\u{394})",
    )
}

/// Where the chart puts gap `d`: (Δ, −σ(−Δ)).
pub(crate) fn gradient_point(d: f64) -> (f64, f64) {
    (d, bt_loss_derivative(d))
}

/// dloss/dΔ = −σ(−Δ) over Δ in `view.x_range`, y in [−1, 0]: near −1 for a pair ranked wrong, near 0 for a pair
/// ranked right by a wide margin. The current Δ at (Δ, −σ(−Δ)); a pair's dot at (gap, −σ(−gap)).
pub fn draw_gradient<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CurveView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let frame = gradient_axes(view);
    let curve = samples(frame.x.start, frame.x.end).map(gradient_point);
    draw_curve(area, theme, &frame, curve, gradient_point, view)
}
