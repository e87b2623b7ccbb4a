//! Loss over steps: the training loss and, dashed, the loss on held-out test prompts.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{at_step_zero, history_rows, n3, over_steps, went};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, Layer, PlotFrame, StepsView, Theme};
use crate::train::{PairState, Series, Trainer};

/// Train and test loss over steps.
pub struct Loss;

/// The chart view of a metric's series (loss or accuracy over steps).
pub(super) fn steps_view(s: &Series) -> StepsView<'_> {
    StepsView {
        steps: &s.steps,
        train: &s.train,
        test: &s.test,
    }
}

impl RunView for Loss {
    const ID: &'static str = "live-loss";
    const FILE: &'static str = "loss.svg";
    const TITLE: &'static str = "Loss over steps";
    const CAPTION: &'static str = "Solid: training pairs. Dashed: held-out test prompts.";
    type Data = Series;

    fn data(run: &mut Trainer, _: &Focus) -> Series {
        run.loss_series()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        s: &Series,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        charts::draw_loss_over_steps(area, &steps_view(s), theme)
    }

    fn frame(s: &Series, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        charts::plot_frame(theme, &charts::loss_axes(&steps_view(s)), size)
    }

    fn sentence(run: &mut Trainer, _: &[PairState]) -> String {
        let now = run.metrics();
        if let Some(s) = at_step_zero(run, "Training loss", n3(now.loss)) {
            return s;
        }
        let first = run.history().first().map_or(now, |(_, m)| *m);
        let test = now
            .test_loss
            .map(|l| format!("; test loss {}", n3(l)))
            .unwrap_or_default();
        format!(
            "Training loss {} {}{test}.",
            went(first.loss, now.loss, n3),
            over_steps(now.step)
        )
    }

    fn table(run: &mut Trainer, _: &[PairState]) -> Table {
        let rows = history_rows(run, |s, m| {
            let test = m.test_loss.map(n3).unwrap_or_else(|| "none".into());
            vec![s.to_string(), n3(m.loss), test]
        });
        Table::new(&["step", "training loss", "test loss"], rows)
    }
}
