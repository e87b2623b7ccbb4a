//! Does the model recover a hidden quality? Learned reward against the true quality of each response.

use super::frame::{auto_range, draw_frame, pin_point, Frame};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// Responses of known true quality: `points[i] = (true quality, learned reward)`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LearnedVsTrueView<'a> {
    /// One dot per response: x = true quality, y = learned reward. Non-finite points are skipped.
    pub points: &'a [(f64, f64)],
    /// Also draw the least-squares line through the points (when they have two distinct x).
    pub fit_line: bool,
}

/// The least-squares line y = slope · x + intercept through the finite points, as `(slope, intercept)`:
/// slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)². `None` with fewer than two distinct x.
pub fn fit_line(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let finite: Vec<(f64, f64)> = points
        .iter()
        .copied()
        .filter(|(x, y)| x.is_finite() && y.is_finite())
        .collect();
    let n = finite.len() as f64;
    let mx = finite.iter().map(|p| p.0).sum::<f64>() / n;
    let my = finite.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = finite.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let sxy: f64 = finite.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    (finite.len() >= 2 && sxx > 0.0 && slope.is_finite() && intercept.is_finite())
        .then_some((slope, intercept))
}

/// The part of the line y = slope · x + intercept inside the box `x` × `y`, as its two ends.
fn clip_line(
    slope: f64,
    intercept: f64,
    x: &Range<f64>,
    y: &Range<f64>,
) -> Option<[(f64, f64); 2]> {
    let (lo, hi) = if slope == 0.0 {
        if !(y.start..=y.end).contains(&intercept) {
            return None;
        }
        (x.start, x.end)
    } else {
        let (a, b) = ((y.start - intercept) / slope, (y.end - intercept) / slope);
        (x.start.max(a.min(b)), x.end.min(a.max(b)))
    };
    let ends = [lo, hi].map(|v| (v, (slope * v + intercept).clamp(y.start, y.end)));
    (lo < hi && ends.iter().all(|p| p.0.is_finite() && p.1.is_finite())).then_some(ends)
}

/// The axes of [`draw_learned_vs_true`]: true quality along x, learned reward up y, each around its points.
pub(crate) fn truth_axes<'a>(view: &LearnedVsTrueView) -> Frame<'a> {
    let x = auto_range(view.points.iter().map(|p| p.0), false, 0.0..1.0);
    let y = auto_range(view.points.iter().map(|p| p.1), false, -1.0..1.0);
    Frame::new(x, y, "true quality", "learned reward")
}

/// A scatter of learned reward (y) against true quality (x), with the fitted line in `series[1]` if asked.
pub fn draw_learned_vs_true<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &LearnedVsTrueView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let frame = truth_axes(view);
    let (x, y) = (frame.x.clone(), frame.y.clone());
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    if let Some((slope, intercept)) = fit_line(view.points).filter(|_| view.fit_line) {
        if let Some(ends) = clip_line(slope, intercept, &x, &y) {
            chart.draw_series(std::iter::once(PathElement::new(
                ends.to_vec(),
                theme.line(1),
            )))?;
        }
    }
    let style = theme.series[0].mix(0.8).filled();
    let r = theme.dot_radius();
    chart.draw_series(
        view.points
            .iter()
            .filter_map(|&p| pin_point(p, &x, &y))
            .map(|p| Circle::new(p, r, style)),
    )?;
    Ok(())
}
