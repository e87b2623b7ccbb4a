//! Accuracy over steps: the share of pairs whose chosen response gets the higher reward, train and test.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::loss::steps_view;
use super::text::{at_step_zero, history_rows, over_steps, pct, went};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, Layer, PlotFrame, Theme};
use crate::train::{PairState, Series, Trainer};

/// Train and test accuracy over steps.
pub struct Accuracy;

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
        let now = run.metrics();
        if let Some(s) = at_step_zero(run, "Training accuracy", pct(now.accuracy)) {
            return s;
        }
        let first = run.history().first().map_or(now, |(_, m)| *m);
        let test = now
            .test_accuracy
            .map(|a| format!("; test accuracy {}", pct(a)))
            .unwrap_or_default();
        format!(
            "Training accuracy {} {}{test}.",
            went(first.accuracy, now.accuracy, pct),
            over_steps(now.step)
        )
    }

    fn table(run: &mut Trainer, _: &[PairState]) -> Table {
        let rows = history_rows(run, |s, m| {
            let test = m.test_accuracy.map(pct).unwrap_or_else(|| "none".into());
            vec![s.to_string(), pct(m.accuracy), test]
        });
        Table::new(&["step", "training accuracy", "test accuracy"], rows)
    }
}
