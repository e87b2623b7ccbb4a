//! Step 3 of the loss: −log σ(Δ), the number an optimizer minimizes.

use super::curve::{draw_curve, samples, CurveView};
use super::frame::{auto_range, sane_range, Frame};
use super::{ChartError, Theme};
use crate::loss::bt_loss;
use plotters::coord::Shift;
use plotters::prelude::*;

/// loss = −log σ(Δ) = softplus(−Δ) over Δ in `view.x_range`, y from 0 to the highest loss on the axis; the current
/// Δ at (Δ, −log σ(Δ)); a pair's dot at (gap, −log σ(gap)).
pub fn draw_neg_log<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &CurveView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let x = sane_range(view.x_range.0, view.x_range.1, -8.0..8.0);
    let curve: Vec<(f64, f64)> = samples(x.start, x.end).map(|d| (d, bt_loss(d))).collect();
    // softplus(−Δ) is decreasing, so its highest value on the axis is at the left end.
    let y = auto_range([bt_loss(x.start), 1.0], true, 0.0..1.0);
    let frame = Frame::new(
        x,
        0.0..y.end,
        "gap \u{394}",
        "loss = \u{2212}log \u{3c3}(\u{394})",
    );
    draw_curve(area, theme, &frame, curve, |d| (d, bt_loss(d)), view)
}
