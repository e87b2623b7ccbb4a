//! The SVG charts `train` writes, drawn by the same chart functions as the page.

use crate::charts::{self, ChartError, CurveView, Layer, PairDot, Theme};
use crate::train::Trainer;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, SVGBackend};

const SIZE: (u32, u32) = (640, 360);

fn svg(
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    charts::to_svg(SIZE.0, SIZE.1, draw)
}

/// Every chart that fits the run, as (file name, SVG text).
pub fn all_svgs(t: &mut Trainer) -> Result<Vec<(String, String)>, String> {
    let theme = Theme::light();
    let states = t.pair_states();
    let dots: Vec<PairDot> = states
        .iter()
        .map(|p| PairDot {
            gap: p.gap,
            highlighted: false,
            flipped: p.flipped,
        })
        .collect();
    let curve = CurveView {
        x_range: (-8.0, 8.0),
        delta: None,
        dots: &dots,
        layer: Layer::All,
    };
    let loss = t.loss_series();
    let accuracy = t.accuracy_series();
    let (gap_steps, gaps) = t.gap_series();
    let rewards: Vec<(f64, f64)> = states
        .iter()
        .map(|p| (p.reward_chosen, p.reward_rejected))
        .collect();
    let pair_gaps: Vec<f64> = states.iter().map(|p| p.gap).collect();

    let mut out: Vec<(&str, Result<String, ChartError>)> = vec![
        (
            "sigmoid.svg",
            svg(|a| charts::draw_sigmoid(a, &curve, &theme)),
        ),
        (
            "neg_log_sigmoid.svg",
            svg(|a| charts::draw_neg_log(a, &curve, &theme)),
        ),
        (
            "loss.svg",
            svg(|a| {
                charts::draw_loss_over_steps(
                    a,
                    &charts::StepsView {
                        steps: &loss.steps,
                        train: &loss.train,
                        test: &loss.test,
                    },
                    &theme,
                )
            }),
        ),
        (
            "accuracy.svg",
            svg(|a| {
                let v = charts::StepsView {
                    steps: &accuracy.steps,
                    train: &accuracy.train,
                    test: &accuracy.test,
                };
                charts::draw_accuracy_over_steps(a, &v, &theme)
            }),
        ),
        (
            "gap_growth.svg",
            svg(|a| {
                charts::draw_gap_growth(
                    a,
                    &charts::GapGrowthView {
                        steps: &gap_steps,
                        gaps: &gaps,
                        highlighted: None,
                    },
                    &theme,
                )
            }),
        ),
        (
            "rewards.svg",
            svg(|a| {
                charts::draw_rewards_per_pair(
                    a,
                    &charts::PairRewardsView {
                        pairs: &rewards,
                        highlighted: None,
                    },
                    &theme,
                )
            }),
        ),
        (
            "gradient_weights.svg",
            svg(|a| {
                charts::draw_gradient_weights(
                    a,
                    &charts::GradientWeightsView {
                        gaps: &pair_gaps,
                        highlighted: None,
                    },
                    &theme,
                )
            }),
        ),
    ];
    let truth = t.learned_vs_true();
    if !truth.is_empty() {
        out.push((
            "learned_vs_true.svg",
            svg(|a| {
                charts::draw_learned_vs_true(
                    a,
                    &charts::LearnedVsTrueView {
                        points: &truth,
                        fit_line: true,
                    },
                    &theme,
                )
            }),
        ));
    }
    if let Some(weights) = t.model().word_weights() {
        out.push((
            "word_weights.svg",
            svg(|a| {
                charts::draw_word_weights(
                    a,
                    &charts::WordWeightsView {
                        weights: &weights,
                        top_k: 10,
                    },
                    &theme,
                )
            }),
        ));
    }
    let margins: Vec<Option<f64>> = t.dataset().pairs.iter().map(|p| p.margin).collect();
    if margins.iter().any(Option::is_some) {
        let correct: Vec<bool> = states.iter().map(|p| p.gap > 0.0).collect();
        let bars = charts::accuracy_by_margin(&margins, &correct);
        out.push((
            "accuracy_by_margin.svg",
            svg(|a| {
                charts::draw_accuracy_by_margin(
                    a,
                    &charts::MarginAccuracyView { bars: &bars },
                    &theme,
                )
            }),
        ));
    }
    out.into_iter()
        .map(|(name, svg)| {
            svg.map(|s| (name.to_string(), s))
                .map_err(|e| format!("{name}: {e}"))
        })
        .collect()
}
