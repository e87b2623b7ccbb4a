//! The pairs as dots on σ(Δ): training pushes every dot right, toward σ = 1.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{n3, per_pair, range, sample_note};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, CurveView, Layer, PairDot, Theme};
use crate::train::{PairState, Trainer};

/// Every pair as a dot on σ(Δ).
pub struct Sigmoid;

/// The pairs as dots on a curve of Δ, and the followed pair's gap, marked with guides.
pub struct CurveDots {
    /// One dot per pair, lit when followed or in the batch.
    pub dots: Vec<PairDot>,
    /// The followed pair's gap.
    pub delta: Option<f64>,
}

impl CurveDots {
    /// The dots of `run`'s pairs as `focus` marks them: every pair, or past [`charts::MAX_MARKS`] pairs an evenly
    /// spaced sample and the marked pairs.
    pub fn of(run: &mut Trainer, focus: &Focus) -> CurveDots {
        let pairs = run.pair_states();
        let every = charts::sample_every(pairs.len());
        let lit = |i: usize| Some(i) == focus.selected || focus.batch.contains(&i);
        let dots: Vec<PairDot> = pairs
            .iter()
            .enumerate()
            .filter(|&(i, _)| i % every == 0 || lit(i))
            .map(|(i, p)| PairDot {
                gap: p.gap,
                highlighted: lit(i),
                flipped: p.flipped,
            })
            .collect();
        let delta = focus.selected.and_then(|i| pairs.get(i)).map(|p| p.gap);
        CurveDots { dots, delta }
    }

    /// The curve chart's view of these dots over Δ in −8..8.
    pub fn view(&self, layer: Layer) -> CurveView<'_> {
        CurveView {
            x_range: (-8.0, 8.0),
            delta: self.delta,
            dots: &self.dots,
            layer,
        }
    }
}

impl RunView for Sigmoid {
    const ID: &'static str = "live-sigmoid";
    const FILE: &'static str = "sigmoid.svg";
    const TITLE: &'static str = "Pairs on σ(Δ)";
    const CAPTION: &'static str =
        "Each dot is a pair at its gap. Training pushes dots right, toward σ = 1. Rings: flipped labels.";
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
        charts::draw_sigmoid(area, &d.view(layer), theme)
    }

    fn sentence(_: &mut Trainer, pairs: &[PairState]) -> String {
        let right = pairs.iter().filter(|p| p.gap > 0.0).count();
        let (lo, hi) = range(pairs.iter().map(|p| p.sigmoid));
        format!(
            "{right} of {} pairs have σ(Δ) above ½; σ(Δ) ranges from {} to {}.{}",
            pairs.len(),
            n3(lo),
            n3(hi),
            sample_note(pairs.len())
        )
    }

    fn table(_: &mut Trainer, pairs: &[PairState]) -> Table {
        per_pair(pairs, &["pair", "split", "Δ", "σ(Δ)"], |p| {
            [p.gap, p.sigmoid]
        })
    }
}
