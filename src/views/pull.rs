//! The pull of each pair, σ(−Δ) = |∂loss/∂Δ|: near 1 when ranked wrong, near 0 when ranked right by far.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{n3, per_pair, range, sample_note};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, GradientWeightsView, Layer, PlotFrame, Theme};
use crate::train::{PairState, Trainer};

/// σ(−Δ) of every pair.
pub struct Pull;

impl RunView for Pull {
    const ID: &'static str = "live-weights";
    const FILE: &'static str = "gradient_weights.svg";
    const TITLE: &'static str = "Pull of each pair: σ(−Δ)";
    const CAPTION: &'static str = "σ(−Δ) is how hard a pair pulls on the weights: near 1 when ranked wrong, near 0 when ranked right by far.";
    type Data = (Vec<f64>, Option<usize>);

    fn data(run: &mut Trainer, focus: &Focus) -> Self::Data {
        let gaps = run.pair_states().iter().map(|p| p.gap).collect();
        (gaps, focus.selected)
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        (gaps, highlighted): &Self::Data,
        theme: &Theme,
        _: Layer,
    ) -> Result<(), ChartError> {
        let view = GradientWeightsView {
            gaps,
            highlighted: *highlighted,
        };
        charts::draw_gradient_weights(area, &view, theme)
    }

    fn frame(
        (gaps, highlighted): &Self::Data,
        theme: &Theme,
        size: (u32, u32),
    ) -> Option<PlotFrame> {
        let view = GradientWeightsView {
            gaps,
            highlighted: *highlighted,
        };
        charts::plot_frame(theme, &charts::pull_axes(&view), size)
    }

    fn sentence(_: &mut Trainer, pairs: &[PairState]) -> String {
        let hard = pairs.iter().filter(|p| p.gradient_weight > 0.5).count();
        let (_, hi) = range(pairs.iter().map(|p| p.gradient_weight));
        format!(
            "{hard} of {} pairs pull with σ(−Δ) above ½ (ranked wrong or tied); the strongest pull is {}.{}",
            pairs.len(),
            n3(hi),
            sample_note(pairs.len())
        )
    }

    fn table(_: &mut Trainer, pairs: &[PairState]) -> Table {
        per_pair(pairs, &["pair", "split", "Δ", "pull σ(−Δ)"], |p| {
            [p.gap, p.gradient_weight]
        })
    }
}
