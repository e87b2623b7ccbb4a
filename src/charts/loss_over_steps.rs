//! Training loss (and held-out test loss) over the steps of a run.

use super::frame::{auto_range, draw_frame, draw_runs, finite_runs, Frame};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

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

/// The axes of [`draw_loss_over_steps`]: steps from 0 along x, y from 0 up to the highest finite loss.
pub(crate) fn loss_axes<'a>(view: &StepsView) -> Frame<'a> {
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
    Frame::steps(view.steps, 0.0..y.end, "loss")
}

/// Mean pair loss over steps: y from 0 up to the highest finite loss; x from step 0 to the last step (at least 1),
/// labelled at whole steps.
pub fn draw_loss_over_steps<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &StepsView,
    theme: &Theme,
) -> Result<(), ChartError> {
    draw_train_test(area, view, theme, &loss_axes(view))
}

/// The two lines of a [`StepsView`] on the axes `frame`.
pub(crate) fn draw_train_test<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &StepsView,
    theme: &Theme,
    frame: &Frame,
) -> Result<(), ChartError> {
    let Some(mut chart) = draw_frame(area, theme, frame)? else {
        return Ok(());
    };
    let (x, y) = (frame.x.clone(), frame.y.clone());
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
