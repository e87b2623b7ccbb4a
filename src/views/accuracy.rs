//! Accuracy over steps: the share of pairs whose chosen response gets the higher reward, train and test.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::loss::{steps_view, OverSteps};
use super::text::pct;
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, Layer, PlotFrame, Theme};
use crate::train::{PairState, Series, Trainer};

/// Train and test accuracy over steps.
pub struct Accuracy;

const ACCURACY: OverSteps = OverSteps {
    name: "accuracy",
    train: |m| m.accuracy,
    test: |m| m.test_accuracy,
    show: pct,
};

impl RunView for Accuracy {
    const ID: &'static str = "live-accuracy";
    const FILE: &'static str = "accuracy.svg";
    const TITLE: &'static str = "Accuracy over steps";
    const CAPTION: &'static str =
        "Share of pairs whose better response gets the higher reward (a tie counts as wrong).";
    type Data = Series;

    fn data(run: &mut Trainer, _: &Focus) -> Series {
        run.accuracy_series()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        s: &Series,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        charts::draw_accuracy_over_steps(area, &steps_view(s), theme)
    }

    fn frame(s: &Series, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        charts::plot_frame(theme, &charts::accuracy_axes(&steps_view(s)), size)
    }

    fn sentence(run: &mut Trainer, _: &[PairState]) -> String {
        ACCURACY.sentence(run)
    }

    fn table(run: &mut Trainer, _: &[PairState]) -> Table {
        ACCURACY.table(run)
    }
}
