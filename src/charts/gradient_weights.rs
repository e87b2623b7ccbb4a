//! How hard each pair pulls on the model: its gradient weight σ(−Δ) as a bar.

use super::frame::{category_label, draw_frame, Frame};
use super::{sampled, ChartError, Theme};
use crate::loss::gradient_weight;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The gaps of the pairs, whose weights σ(−Δ) are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GradientWeightsView<'a> {
    /// Each pair's gap Δ = r_chosen − r_rejected, in order; pair i is labelled i + 1. A non-finite gap draws no bar.
    pub gaps: &'a [f64],
    /// The selected pair, drawn in the theme's `selected()` colour; out of range selects none.
    pub highlighted: Option<usize>,
}

/// The axes of [`draw_gradient_weights`]: pairs along x (pair i at x = i, labelled i + 1), weights in [0, 1].
pub(crate) fn pull_axes<'a>(view: &GradientWeightsView) -> Frame<'a> {
    let n = view.gaps.len();
    Frame {
        x_fmt: Box::new(move |v: &f64| {
            category_label(*v, |i| (i < n).then(|| (i + 1).to_string()))
        }),
        ..Frame::x_categories(n, 0.0..1.0, "pair", "weight \u{3c3}(\u{2212}\u{394})")
    }
}

/// One bar per pair of height σ(−Δ) = |dloss/dΔ| in [0, 1]: near 1 for a pair ranked wrong, near 0 for a pair
/// ranked right by a wide margin. Past [`super::MAX_MARKS`] pairs only every k-th pair ([`super::sample_every`])
/// and the selected one are drawn, each bar k pairs wide so that the sample stays visible.
pub fn draw_gradient_weights<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &GradientWeightsView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let n = view.gaps.len();
    let frame = pull_axes(view);
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    let every = super::sample_every(n);
    let half = 0.4 * every as f64;
    let bar = |i: usize| {
        let gap = view.gaps[i];
        let w = gap
            .is_finite()
            .then(|| gradient_weight(gap).clamp(0.0, 1.0))?;
        let color = if view.highlighted == Some(i) {
            theme.selected()
        } else {
            theme.series[0]
        };
        let x = i as f64;
        Some(Rectangle::new(
            [(x - half, 0.0), (x + half, w)],
            color.filled(),
        ))
    };
    let shown = sampled(n, every, |i| view.highlighted == Some(i));
    chart.draw_series(shown.filter_map(bar))?;
    Ok(())
}
