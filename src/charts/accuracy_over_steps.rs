//! Training accuracy (and held-out test accuracy) over the steps of a run.

use super::frame::Frame;
use super::loss_over_steps::{draw_train_test, StepsView};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The axes of [`draw_accuracy_over_steps`]: steps from 0 along x, y in [0, 1].
pub(crate) fn accuracy_axes<'a>(view: &StepsView) -> Frame<'a> {
    Frame::steps(view.steps, 0.0..1.0, "accuracy")
}

/// Accuracy (share of pairs with r_chosen > r_rejected) over steps, y in [0, 1]: train solid in `series[0]`,
/// test dashed in `series[1]`; x from step 0 to the last step (at least 1), labelled at whole steps.
pub fn draw_accuracy_over_steps<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &StepsView,
    theme: &Theme,
) -> Result<(), ChartError> {
    draw_train_test(area, view, theme, &accuracy_axes(view))
}
