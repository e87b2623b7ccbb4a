//! Training accuracy (and held-out test accuracy) over the steps of a run.

use super::loss_over_steps::{draw_train_test, StepsView};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Accuracy (share of pairs with r_chosen > r_rejected) over steps, y in [0, 1]: train solid in `series[0]`,
/// test dashed in `series[1]`.
pub fn draw_accuracy_over_steps<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &StepsView,
    theme: &Theme,
) -> Result<(), ChartError> {
    draw_train_test(area, view, theme, 0.0..1.0, "accuracy")
}
