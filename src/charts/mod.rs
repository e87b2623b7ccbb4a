//! Every chart of the page and of the CLI's SVG export: one function per chart, generic over plotters'
//! `DrawingBackend`, taking plain data (slices and small structs) and a [`Theme`].
//!
//! No chart draws a title (the page puts titles in its HTML); text is limited to axis labels. Any input is
//! drawn without panicking: non-finite values are skipped, values beyond an axis are pinned to its edge, and
//! empty or zero-width ranges are widened.
//!
//! A chart with one mark per pair draws at most about [`MAX_MARKS`] of them: past that it draws an evenly spaced
//! sample (every k-th pair, k from [`sample_every`]) and the highlighted pairs, so a file or a canvas of 100 000
//! pairs stays small and fast. Its sentence in `crate::views` says so.

mod accuracy_by_margin;
mod accuracy_over_steps;
mod curve;
mod frame;
mod gap_growth;
mod gold_proxy;
mod gradient;
mod gradient_weights;
mod layout;
mod learned_vs_true;
mod log;
mod loss_over_steps;
mod neg_log;
mod rewards_per_pair;
mod sigmoid;
mod theme;
mod word_weights;

pub use accuracy_by_margin::{
    accuracy_by_margin, draw_accuracy_by_margin, MarginAccuracyView, MarginBar,
};
pub use accuracy_over_steps::draw_accuracy_over_steps;
pub use curve::{CurveView, Layer, PairDot};
pub use gap_growth::{draw_gap_growth, GapGrowthView};
pub use gold_proxy::{draw_gold_proxy, GoldProxyPoint, GoldProxyView};
pub use gradient::draw_gradient;
pub use gradient_weights::{draw_gradient_weights, GradientWeightsView};
pub use layout::PlotFrame;
pub use learned_vs_true::{draw_learned_vs_true, fit_line, LearnedVsTrueView};
pub use log::{draw_log, LOG_P_FLOOR, LOG_P_MIN};
pub use loss_over_steps::{draw_loss_over_steps, StepsView};
pub use neg_log::draw_neg_log;
pub use rewards_per_pair::{draw_rewards_per_pair, PairRewardsView};
pub use sigmoid::draw_sigmoid;
pub use theme::{Theme, OKABE_ITO};
pub use word_weights::{draw_word_weights, top_words, WordWeightsView};

// The axes each chart draws, and where they put its plot area: for `crate::views` to hit-test what a chart drew.
pub(crate) use accuracy_by_margin::margin_axes;
pub(crate) use accuracy_over_steps::accuracy_axes;
pub(crate) use curve::dot_point;
pub(crate) use gap_growth::gap_axes;
pub(crate) use gradient::gradient_axes;
pub(crate) use gradient_weights::pull_axes;
pub(crate) use layout::plot_frame;
pub(crate) use learned_vs_true::truth_axes;
pub(crate) use log::log_axes;
pub(crate) use loss_over_steps::loss_axes;
pub(crate) use neg_log::{neg_log_axes, neg_log_point};
pub(crate) use rewards_per_pair::rewards_axes;
pub(crate) use sigmoid::{sigmoid_axes, sigmoid_point};
pub(crate) use word_weights::words_axes;

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::*;
use std::fmt;

/// Marks a per-pair chart draws at most (besides highlighted pairs) before it switches to a sample.
pub const MAX_MARKS: usize = 2000;

/// The spacing k of the sample a per-pair chart of `n` pairs draws: 1 (every pair) up to [`MAX_MARKS`] pairs,
/// else ⌈n / MAX_MARKS⌉, so pairs 0, k, 2k, … are drawn.
pub fn sample_every(n: usize) -> usize {
    n.div_ceil(MAX_MARKS).max(1)
}

/// The pairs of `0..n` a chart drawing every `every`-th pair shows: the sampled ones and `lit`, in index order.
pub(crate) fn sampled(
    n: usize,
    every: usize,
    lit: impl Fn(usize) -> bool,
) -> impl Iterator<Item = usize> {
    let every = every.max(1);
    (0..n).filter(move |&i| i % every == 0 || lit(i))
}

/// A chart could not be drawn: the backend's error (an SVG string, a canvas) as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(err: DrawingAreaErrorKind<E>) -> ChartError {
        ChartError(err.to_string())
    }
}

/// Draws one chart into an SVG document of `width` × `height` pixels and returns its text.
///
/// `to_svg(560, 300, |area| draw_sigmoid(area, &view, &Theme::light()))`
pub fn to_svg(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root)?;
        root.present()?;
    }
    Ok(svg)
}
