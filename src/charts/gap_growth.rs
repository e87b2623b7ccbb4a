//! How every pair's reward gap grows during training: one thin line per pair and their mean.

use super::frame::{auto_range, draw_frame, draw_hline, draw_runs, finite_runs, Frame};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Gaps over steps: `gaps[p][i]` is pair p's gap Δ = r_chosen − r_rejected at step `steps[i]`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GapGrowthView<'a> {
    /// The step numbers (x).
    pub steps: &'a [f64],
    /// One series of gaps per pair; values beyond `steps.len()` are ignored, non-finite ones leave a hole.
    pub gaps: &'a [Vec<f64>],
    /// The selected pair, drawn thick in the theme's `selected()` colour; out of range selects none.
    pub highlighted: Option<usize>,
}

/// The mean gap at each step over the pairs with a finite gap there (NaN where no pair has one).
fn mean_gaps(view: &GapGrowthView) -> Vec<f64> {
    (0..view.steps.len())
        .map(|i| {
            let (sum, n) = view
                .gaps
                .iter()
                .filter_map(|g| g.get(i).copied().filter(|v| v.is_finite()))
                .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
            if n == 0 {
                f64::NAN
            } else {
                sum / n as f64
            }
        })
        .collect()
}

/// The axes of [`draw_gap_growth`]: steps from 0 along x, y covering 0 and every finite gap.
pub(crate) fn gap_axes<'a>(view: &GapGrowthView) -> Frame<'a> {
    let n = view.steps.len();
    let y = auto_range(
        view.gaps.iter().flat_map(|g| g.iter().take(n).copied()),
        true,
        -1.0..1.0,
    );
    Frame::steps(view.steps, y, "gap \u{394}")
}

/// Each pair's gap over steps as a thin translucent line, the mean gap as a thick line, the selected pair
/// stronger, and gap 0 (a coin flip: σ(0) = 0.5) as a guide.
pub fn draw_gap_growth<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &GapGrowthView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let frame = gap_axes(view);
    let (x, y) = (frame.x.clone(), frame.y.clone());
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    draw_hline(&mut chart, 0.0, theme.axis.mix(0.8))?;
    let line = |g: &[f64]| finite_runs(view.steps.iter().copied().zip(g.iter().copied()), &x, &y);
    let thin = theme.series[0].mix(0.3).stroke_width(1);
    for (p, g) in view.gaps.iter().enumerate() {
        if view.highlighted != Some(p) {
            draw_runs(&mut chart, line(g), thin)?;
        }
    }
    draw_runs(
        &mut chart,
        line(&mean_gaps(view)),
        theme.series[0].stroke_width(theme.stroke_width * 2),
    )?;
    if let Some(g) = view.highlighted.and_then(|p| view.gaps.get(p)) {
        draw_runs(
            &mut chart,
            line(g),
            theme.selected().stroke_width(theme.stroke_width + 1),
        )?;
    }
    Ok(())
}
