//! The pairs as dots on σ(Δ): training pushes every dot right, toward σ = 1.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::text::{n3, per_pair, range, sample_note};
use super::{Focus, RunView, Table};
use crate::charts::{self, ChartError, CurveView, Layer, PairDot, PlotFrame, Theme};
use crate::train::{PairState, Trainer};

/// Every pair as a dot on σ(Δ).
pub struct Sigmoid;

/// The pairs as dots on a curve of Δ, and the followed pair's gap, marked with guides.
pub struct CurveDots {
    /// One dot per pair, lit when followed or in the batch.
    pub dots: Vec<PairDot>,
    /// The pair of each dot: `dots[k]` is pair `pairs[k]` of the data set.
    pub pairs: Vec<usize>,
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
        let (dots, shown): (Vec<PairDot>, Vec<usize>) = pairs
            .iter()
            .enumerate()
            .filter(|&(i, _)| i % every == 0 || lit(i))
            .map(|(i, p)| {
                let dot = PairDot {
                    gap: p.gap,
                    highlighted: lit(i),
                    flipped: p.flipped,
                    test: p.test,
                };
                (dot, i)
            })
            .unzip();
        let delta = focus.selected.and_then(|i| pairs.get(i)).map(|p| p.gap);
        CurveDots {
            dots,
            pairs: shown,
            delta,
        }
    }

    /// The pair whose dot, drawn at `at(gap)` pinned into `frame`'s ranges, has its centre nearest to pixel
    /// `(px, py)` and within `radius` pixels. The chart draws lit dots after the others, each group in pair order:
    /// of equally near dots, the one drawn last (on top) wins.
    pub fn nearest(
        &self,
        at: fn(f64) -> (f64, f64),
        frame: &PlotFrame,
        (px, py): (f64, f64),
        radius: f64,
    ) -> Option<usize> {
        let (xr, yr) = (frame.x.0..frame.x.1, frame.y.0..frame.y.1);
        let drawn = |lit: bool| {
            self.dots
                .iter()
                .zip(&self.pairs)
                .filter(move |(d, _)| d.highlighted == lit)
        };
        let mut best: Option<(f64, usize)> = None;
        for (dot, &pair) in drawn(false).chain(drawn(true)) {
            let Some((x, y)) = charts::dot_point(at, dot.gap, &xr, &yr) else {
                continue;
            };
            let (dx, dy) = frame.to_pixel(x, y);
            let d = (dx - px).hypot(dy - py);
            if d <= radius && best.is_none_or(|(b, _)| d <= b) {
                best = Some((d, pair));
            }
        }
        best.map(|(_, pair)| pair)
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
        "Each dot is a pair at its gap. Training pushes dots right, toward σ = 1. Filled: training pairs; rings: test pairs; orange-red: labels flipped on purpose.";
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

    fn frame(d: &CurveDots, theme: &Theme, size: (u32, u32)) -> Option<PlotFrame> {
        charts::plot_frame(theme, &charts::sigmoid_axes(&d.view(Layer::All)), size)
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
