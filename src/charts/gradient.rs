//! The gradient of the loss: dloss/dΔ = −σ(−Δ), how hard one pair pulls on the model.

use super::curve::{draw_curve, samples, CurveView};
use super::frame::{sane_range, Frame};
use super::{ChartError, Theme};
use crate::loss::bt_loss_derivative;
use plotters::coord::Shift;
use plotters::prelude::*;

/// dloss/dΔ = −σ(−Δ) over Δ in `view.x_range`, y in [−1, 0]: near −1 for a pair ranked wrong, near 0 for a pair
/// ranked right by a wide margin. The current Δ at (Δ, −σ(−Δ)); a pair's dot at (gap, −σ(−gap)).
pub fn draw_gradient<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CurveView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let x = sane_range(view.x_range.0, view.x_range.1, -8.0..8.0);
    let frame = Frame::new(
        x.clone(),
        -1.0..0.0,
        "gap \u{394}",
        "dloss/d\u{394} = \u{2212}\u{3c3}(\u{2212}\u{394})",
    );
    let curve = samples(x.start, x.end).map(|d| (d, bt_loss_derivative(d)));
    draw_curve(
        area,
        theme,
        &frame,
        curve,
        |d| (d, bt_loss_derivative(d)),
        view,
    )
}
