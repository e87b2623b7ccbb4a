//! Loss over steps: the training loss and, dashed, the loss on held-out test prompts.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{at_step_zero, history_rows, n3, over_steps, went};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, Layer, PlotFrame, StepsView, Theme};
use crate::train::{Metrics, PairState, Series, Trainer};

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

/// A metric recorded each step on the training pairs and, when there are any, the test pairs: what the charts
/// over steps say of it and list in their table.
pub(super) struct OverSteps {
    /// Its name in the sentence and the table ("loss", "accuracy").
    pub name: &'static str,
    /// Its value on the training pairs.
    pub train: fn(&Metrics) -> f64,
    /// Its value on the test pairs, if there are any.
    pub test: fn(&Metrics) -> Option<f64>,
    /// How a value is written.
    pub show: fn(f64) -> String,
}

impl OverSteps {
    /// "Training loss fell from 0.693 to 0.105 over 12 steps; test loss 0.301.", or where the run starts at
    /// step 0.
    pub fn sentence(&self, run: &mut Trainer) -> String {
        let now = run.metrics();
        let what = format!("Training {}", self.name);
        if let Some(s) = at_step_zero(run, &what, (self.show)((self.train)(&now))) {
            return s;
        }
        let first = run.history().first().map_or(now, |(_, m)| *m);
        let test = (self.test)(&now)
            .map(|v| format!("; test {} {}", self.name, (self.show)(v)))
            .unwrap_or_default();
        format!(
            "{what} {} {}{test}.",
            went((self.train)(&first), (self.train)(&now), self.show),
            over_steps(now.step)
        )
    }

    /// One row per recorded step: the step, the training value, the test value (or "none").
    pub fn table(&self, run: &Trainer) -> Table {
        let rows = history_rows(run, |s, m| {
            let test = (self.test)(m).map_or_else(|| "none".into(), self.show);
            vec![s.to_string(), (self.show)((self.train)(m)), test]
        });
        let train = format!("training {}", self.name);
        let test = format!("test {}", self.name);
        Table::new(&["step", &train, &test], rows)
    }
}

const LOSS: OverSteps = OverSteps {
    name: "loss",
    train: |m| m.loss,
    test: |m| m.test_loss,
    show: n3,
};

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
        LOSS.sentence(run)
    }

    fn table(run: &mut Trainer, _: &[PairState]) -> Table {
        LOSS.table(run)
    }
}
