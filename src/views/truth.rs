//! Learned reward against true quality, for data sets with a hidden score: the model only ever saw comparisons.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{correlation, n3};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, Layer, LearnedVsTrueView, PlotFrame, Theme};
use crate::train::{PairState, Trainer};

/// Learned reward against true quality (data with a known truth).
pub struct Truth;

impl RunView for Truth {
    const ID: &'static str = "live-truth";
    const FILE: &'static str = "learned_vs_true.svg";
    const TITLE: &'static str = "Learned reward vs true quality";
    const CAPTION: &'static str =
        "Each dot is one response. The model never saw these scores, only comparisons.";
    /// (true quality, learned reward) of every response with a known truth.
    type Data = Vec<(f64, f64)>;

    fn applies(run: &Trainer) -> bool {
        !run.dataset().truth.is_empty()
    }

    fn data(run: &mut Trainer, _: &Focus) -> Self::Data {
        run.learned_vs_true()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        points: &Self::Data,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        let view = LearnedVsTrueView {
            points,
            fit_line: true,
        };
        charts::draw_learned_vs_true(area, &view, theme)
    }

    fn frame(points: &Self::Data, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        let view = LearnedVsTrueView {
            points,
            fit_line: true,
        };
        charts::plot_frame(theme, &charts::truth_axes(&view), size)
    }

    fn sentence(run: &mut Trainer, _: &[PairState]) -> String {
        let points = run.learned_vs_true();
        format!(
            "{} responses; learned reward and true quality correlate with r = {}.",
            points.len(),
            n3(correlation(&points))
        )
    }

    fn table(run: &mut Trainer, _: &[PairState]) -> Table {
        let rows = run
            .dataset()
            .truth
            .iter()
            .map(|(text, q)| vec![text.clone(), n3(*q), n3(run.score(text).reward)])
            .collect();
        Table::new(&["response", "true quality", "learned reward"], rows)
    }
}
