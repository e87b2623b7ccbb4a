//! Step 3 of the loss: −log σ(Δ), the number an optimizer minimizes.

use super::curve::{draw_curve, samples, CurveView};
use super::frame::{auto_range, sane_range, Frame};
use super::{ChartError, Theme};
use crate::loss::bt_loss;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The axes of [`draw_neg_log`]: Δ in `view.x_range` along x, y from 0 to the highest loss on the axis.
pub(crate) fn neg_log_axes<'a>(view: &CurveView) -> Frame<'a> {
    let x = sane_range(view.x_range.0, view.x_range.1, -8.0..8.0);
    // softplus(−Δ) is decreasing, so its highest value on the axis is at the left end.
    let y = auto_range([bt_loss(x.start), 1.0], true, 0.0..1.0);
    Frame::new(
        x,
        0.0..y.end,
        "gap \u{394}",
        "loss = \u{2212}log \u{3c3}(\u{394})",
    )
}

/// Where the chart puts gap `d`: (Δ, −log σ(Δ)).
pub(crate) fn neg_log_point(d: f64) -> (f64, f64) {
    (d, bt_loss(d))
}

/// loss = −log σ(Δ) = softplus(−Δ) over Δ in `view.x_range`, y from 0 to the highest loss on the axis; the current
/// Δ at (Δ, −log σ(Δ)); a pair's dot at (gap, −log σ(gap)).
pub fn draw_neg_log<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CurveView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let frame = neg_log_axes(view);
    let curve: Vec<(f64, f64)> = samples(frame.x.start, frame.x.end)
        .map(neg_log_point)
        .collect();
    draw_curve(area, theme, &frame, curve, neg_log_point, view)
}
