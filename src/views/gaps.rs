//! The gap Δ of each followed pair over steps, and the mean gap: plain −log σ keeps widening gaps already right.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{at_step_zero, history_rows, n3, over_steps, went};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, GapGrowthView, Layer, PlotFrame, Theme};
use crate::train::{PairState, Trainer};

/// Every followed pair's gap over steps, and the mean.
pub struct Gaps;

/// The steps, each followed pair's gaps at those steps, and the pair to draw thick.
pub struct GapsData {
    /// Recorded steps.
    pub steps: Vec<f64>,
    /// One series of gaps per followed pair.
    pub gaps: Vec<Vec<f64>>,
    /// The followed pair, if it is one of the tracked ones.
    pub highlighted: Option<usize>,
}

impl GapsData {
    /// The chart's view of this data.
    fn view(&self) -> GapGrowthView<'_> {
        GapGrowthView {
            steps: &self.steps,
            gaps: &self.gaps,
            highlighted: self.highlighted,
        }
    }
}

impl RunView for Gaps {
    const ID: &'static str = "live-gaps";
    const FILE: &'static str = "gap_growth.svg";
    const TITLE: &'static str = "Gap Δ of each pair over steps";
    const CAPTION: &'static str = "Thin lines: single pairs. Thick: the mean gap. Plain −log σ keeps widening gaps that are already right.";
    type Data = GapsData;

    fn data(run: &mut Trainer, focus: &Focus) -> GapsData {
        let (steps, gaps) = run.gap_series();
        let highlighted = focus.selected.filter(|&i| i < gaps.len());
        GapsData {
            steps,
            gaps,
            highlighted,
        }
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        d: &GapsData,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        charts::draw_gap_growth(area, &d.view(), theme)
    }

    fn frame(d: &GapsData, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        charts::plot_frame(theme, &charts::gap_axes(&d.view()), size)
    }

    fn sentence(run: &mut Trainer, _: &[PairState]) -> String {
        let what = "The mean gap Δ of the training pairs";
        let now = run.metrics();
        if let Some(s) = at_step_zero(run, what, n3(now.margin)) {
            return s;
        }
        let first = run.history().first().map_or(now, |(_, m)| *m);
        format!(
            "{what} {} {}.",
            went(first.margin, now.margin, n3),
            over_steps(now.step)
        )
    }

    fn table(run: &mut Trainer, _: &[PairState]) -> Table {
        let rows = history_rows(run, |s, m| vec![s.to_string(), n3(m.margin)]);
        Table::new(&["step", "mean gap Δ (training pairs)"], rows)
    }
}
