//! Training loss (and held-out test loss) over the steps of a run.

use super::frame::{auto_range, draw_frame, draw_runs, finite_runs, sane_range, span, Frame};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// A metric over steps: `train[i]` and `test[i]` were measured at step `steps[i]`.
///
/// Extra values beyond the shortest slice are ignored; a non-finite value leaves a gap in its line.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StepsView<'a> {
    /// The step numbers (x).
    pub steps: &'a [f64],
    /// The training-set metric: a solid line in `series[0]`.
    pub train: &'a [f64],
    /// The test-set metric: a dashed line in `series[1]`; empty when there is no test split.
    pub test: &'a [f64],
}

/// Mean pair loss over steps: y from 0 up to the highest finite loss.
pub fn draw_loss_over_steps<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &StepsView,
    theme: &Theme,
) -> Result<(), ChartError> {
    let shown = |ys: &'_ [f64]| {
        ys.iter()
            .take(view.steps.len())
            .copied()
            .collect::<Vec<_>>()
    };
    let y = auto_range(
        shown(view.train).into_iter().chain(shown(view.test)),
        true,
        0.0..1.0,
    );
    draw_train_test(area, view, theme, 0.0..y.end, "loss")
}

/// The two lines of a [`StepsView`] over y range `y`.
pub(crate) fn draw_train_test<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &StepsView,
    theme: &Theme,
    y: Range<f64>,
    y_desc: &str,
) -> Result<(), ChartError> {
    let x =
        span(view.steps.iter().copied()).map_or(0.0..1.0, |(lo, hi)| sane_range(lo, hi, 0.0..1.0));
    let frame = Frame::new(x.clone(), y.clone(), "step", y_desc);
    let Some(mut chart) = draw_frame(area, theme, &frame)? else {
        return Ok(());
    };
    let zip = |ys: &[f64]| {
        view.steps
            .iter()
            .copied()
            .zip(ys.iter().copied())
            .collect::<Vec<_>>()
    };
    for run in finite_runs(zip(view.test), &x, &y) {
        let style = theme.line(1);
        let (dash, gap) = (
            4 * theme.stroke_width as i32 + 2,
            2 * theme.stroke_width as i32 + 2,
        );
        chart.draw_series(DashedLineSeries::new(run, dash, gap, style))?;
    }
    draw_runs(
        &mut chart,
        finite_runs(zip(view.train), &x, &y),
        theme.line(0),
    )?;
    Ok(())
}
