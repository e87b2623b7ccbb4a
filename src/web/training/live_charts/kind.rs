//! What each live chart is (title, caption, when it applies) and how it is drawn from a run.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use crate::charts::{self, ChartError, CurveView, Layer, PairDot, Theme};
use crate::train::Trainer;
use crate::web::canvas::CanvasArea;

/// One live chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Train and test loss over steps.
    Loss,
    /// Train and test accuracy over steps.
    Accuracy,
    /// Every followed pair's gap over steps, and the mean.
    Gaps,
    /// Every pair as a dot on σ(Δ).
    Sigmoid,
    /// Every pair as a dot on −log σ(Δ).
    NegLog,
    /// Chosen and rejected reward of every pair.
    Rewards,
    /// σ(−Δ) of every pair.
    Weights,
    /// Learned reward against true quality (data with a known truth).
    Truth,
    /// Accuracy per labeled margin (data with margins).
    Margin,
    /// The linear model's largest word weights.
    Words,
}

impl Kind {
    pub(super) const ALL: [Kind; 10] = [
        Kind::Loss,
        Kind::Accuracy,
        Kind::Gaps,
        Kind::Sigmoid,
        Kind::NegLog,
        Kind::Rewards,
        Kind::Weights,
        Kind::Truth,
        Kind::Margin,
        Kind::Words,
    ];

    pub(super) fn title(self) -> &'static str {
        match self {
            Kind::Loss => "Loss over steps",
            Kind::Accuracy => "Accuracy over steps",
            Kind::Gaps => "Gap Δ of each pair over steps",
            Kind::Sigmoid => "Pairs on σ(Δ)",
            Kind::NegLog => "Pairs on the loss −log σ(Δ)",
            Kind::Rewards => "Rewards: chosen vs rejected",
            Kind::Weights => "Pull of each pair: σ(−Δ)",
            Kind::Truth => "Learned reward vs true quality",
            Kind::Margin => "Accuracy by labeled margin",
            Kind::Words => "Word weights",
        }
    }

    pub(super) fn caption(self) -> &'static str {
        match self {
            Kind::Loss => "Solid: training pairs. Dashed: held-out test prompts.",
            Kind::Accuracy => "Share of pairs whose chosen response gets the higher reward (a tie counts as wrong).",
            Kind::Gaps => "Thin lines: single pairs. Thick: the mean gap. Plain −log σ keeps widening gaps that are already right.",
            Kind::Sigmoid => "Each dot is a pair at its gap. Training pushes dots right, toward σ = 1. Rings: flipped labels.",
            Kind::NegLog => "Dots far right sit near loss 0 and barely move the model; dots on the left pull hardest.",
            Kind::Rewards => "One dumbbell per pair: green when the chosen response is ahead, red when behind.",
            Kind::Weights => "σ(−Δ) is how hard a pair pulls on the weights: near 1 when ranked wrong, near 0 when ranked right by far.",
            Kind::Truth => "Each dot is one response. The model never saw these scores, only comparisons.",
            Kind::Margin => "Pairs grouped by how strongly the labeler preferred the chosen response.",
            Kind::Words => "The linear model's reward is the sum of its words' weights (plus a bias).",
        }
    }

    pub(super) fn testid(self) -> &'static str {
        match self {
            Kind::Loss => "live-loss",
            Kind::Accuracy => "live-accuracy",
            Kind::Gaps => "live-gaps",
            Kind::Sigmoid => "live-sigmoid",
            Kind::NegLog => "live-neglog",
            Kind::Rewards => "live-rewards",
            Kind::Weights => "live-weights",
            Kind::Truth => "live-truth",
            Kind::Margin => "live-margin",
            Kind::Words => "live-words",
        }
    }

    /// Whether the chart means something for this run.
    pub(super) fn applies(self, t: &Trainer) -> bool {
        match self {
            Kind::Truth => !t.dataset().truth.is_empty(),
            Kind::Margin => t.dataset().pairs.iter().any(|p| p.margin.is_some()),
            Kind::Words => t.model().word_weights().is_some(),
            _ => true,
        }
    }
}

/// Draws `kind` for the run `t` (full redraw; the two curve charts draw only their moving layer here).
pub(super) fn draw<DB: DrawingBackend>(
    kind: Kind,
    area: &DrawingArea<DB, Shift>,
    t: &mut Trainer,
    selected: Option<usize>,
    batch: &[usize],
    theme: &Theme,
    layer: Layer,
) -> Result<(), ChartError> {
    match kind {
        Kind::Loss | Kind::Accuracy => {
            let s = if kind == Kind::Loss {
                t.loss_series()
            } else {
                t.accuracy_series()
            };
            let view = charts::StepsView {
                steps: &s.steps,
                train: &s.train,
                test: &s.test,
            };
            if kind == Kind::Loss {
                charts::draw_loss_over_steps(area, &view, theme)
            } else {
                charts::draw_accuracy_over_steps(area, &view, theme)
            }
        }
        Kind::Gaps => {
            let (steps, gaps) = t.gap_series();
            let highlighted = selected.filter(|&i| i < gaps.len());
            charts::draw_gap_growth(
                area,
                &charts::GapGrowthView {
                    steps: &steps,
                    gaps: &gaps,
                    highlighted,
                },
                theme,
            )
        }
        Kind::Sigmoid | Kind::NegLog => {
            let dots: Vec<PairDot> = t
                .pair_states()
                .iter()
                .enumerate()
                .map(|(i, p)| PairDot {
                    gap: p.gap,
                    highlighted: Some(i) == selected || batch.contains(&i),
                    flipped: p.flipped,
                })
                .collect();
            let delta = selected.and_then(|i| dots.get(i)).map(|d| d.gap);
            let view = CurveView {
                x_range: (-8.0, 8.0),
                delta,
                dots: &dots,
                layer,
            };
            if kind == Kind::Sigmoid {
                charts::draw_sigmoid(area, &view, theme)
            } else {
                charts::draw_neg_log(area, &view, theme)
            }
        }
        Kind::Rewards => {
            let pairs: Vec<(f64, f64)> = t.rewards().to_vec();
            charts::draw_rewards_per_pair(
                area,
                &charts::PairRewardsView {
                    pairs: &pairs,
                    highlighted: selected,
                },
                theme,
            )
        }
        Kind::Weights => {
            let gaps: Vec<f64> = t.pair_states().iter().map(|p| p.gap).collect();
            charts::draw_gradient_weights(
                area,
                &charts::GradientWeightsView {
                    gaps: &gaps,
                    highlighted: selected,
                },
                theme,
            )
        }
        Kind::Truth => {
            let points = t.learned_vs_true();
            charts::draw_learned_vs_true(
                area,
                &charts::LearnedVsTrueView {
                    points: &points,
                    fit_line: true,
                },
                theme,
            )
        }
        Kind::Margin => {
            let margins: Vec<Option<f64>> = t.dataset().pairs.iter().map(|p| p.margin).collect();
            let correct: Vec<bool> = t.pair_states().iter().map(|p| p.gap > 0.0).collect();
            let bars = charts::accuracy_by_margin(&margins, &correct);
            charts::draw_accuracy_by_margin(
                area,
                &charts::MarginAccuracyView { bars: &bars },
                theme,
            )
        }
        Kind::Words => {
            let weights = t.model().word_weights().unwrap_or_default();
            charts::draw_word_weights(
                area,
                &charts::WordWeightsView {
                    weights: &weights,
                    top_k: 6,
                },
                theme,
            )
        }
    }
}

/// The part of a curve chart that never moves: axes and the curve itself.
pub(super) fn draw_curve_frame(
    kind: Kind,
    area: &CanvasArea,
    theme: &Theme,
) -> Result<(), ChartError> {
    let view = CurveView {
        x_range: (-8.0, 8.0),
        delta: None,
        dots: &[],
        layer: Layer::Static,
    };
    if kind == Kind::Sigmoid {
        charts::draw_sigmoid(area, &view, theme)
    } else {
        charts::draw_neg_log(area, &view, theme)
    }
}
