//! The pairs as dots on the loss −log σ(Δ): dots far right barely move the model, dots on the left pull hardest.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::sigmoid::CurveDots;
use super::text::{n3, per_pair, range, sample_note};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, Layer, PlotFrame, Theme};
use crate::train::{PairState, Trainer};

/// Every pair as a dot on −log σ(Δ).
pub struct NegLog;

impl RunView for NegLog {
    const ID: &'static str = "live-neglog";
    const FILE: &'static str = "neg_log_sigmoid.svg";
    const TITLE: &'static str = "Pairs on the loss −log σ(Δ)";
    const CAPTION: &'static str =
        "Dots far right sit near loss 0 and barely move the model; dots on the left pull hardest.";
    type Data = CurveDots;

    fn data(run: &mut Trainer, focus: &Focus) -> CurveDots {
        CurveDots::of(run, focus)
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        d: &CurveDots,
        theme: &Theme,
        layer: Layer,
    ) -> Result<(), ChartError> {
        charts::draw_neg_log(area, &d.view(layer), theme)
    }

    fn frame(d: &CurveDots, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        charts::plot_frame(theme, &charts::neg_log_axes(&d.view(Layer::All)), size)
    }

    fn sentence(run: &mut Trainer, pairs: &[PairState]) -> String {
        let (lo, hi) = range(pairs.iter().map(|p| p.loss));
        format!(
            "Pair losses range from {} to {}; the training loss is {}.{}",
            n3(lo),
            n3(hi),
            n3(run.metrics().loss),
            sample_note(pairs.len())
        )
    }

    fn table(_: &mut Trainer, pairs: &[PairState]) -> Table {
        per_pair(pairs, &["pair", "split", "Δ", "loss −log σ(Δ)"], |p| {
            [p.gap, p.loss]
        })
    }
}
