//! The training charts, redrawn once per animation frame at most (never once per step), a few charts per frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use super::chart_text::{summary, table};
use super::Training;
use crate::charts::{self, ChartError, CurveView, Layer, PairDot, Theme};
use crate::train::Trainer;
use crate::web::canvas::{
    draw_sharp, on_scheme_or_ratio_change, prefers_dark, CanvasArea, FrameScheduler, LayeredCanvas,
};
use crate::web::chart_tools::{svg_size, ChartTools};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// Charts redrawn per animation frame; the others wait for the next frames (RENDERING.md: about 4 keeps 60 fps).
const CHARTS_PER_FRAME: usize = 4;

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
    const ALL: [Kind; 10] = [
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

    fn title(self) -> &'static str {
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

    fn caption(self) -> &'static str {
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

    fn testid(self) -> &'static str {
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
    fn applies(self, t: &Trainer) -> bool {
        match self {
            Kind::Truth => !t.dataset().truth.is_empty(),
            Kind::Margin => t.dataset().pairs.iter().any(|p| p.margin.is_some()),
            Kind::Words => t.model().word_weights().is_some(),
            _ => true,
        }
    }
}

/// Draws `kind` for the run `t` (full redraw; the two curve charts draw only their moving layer here).
fn draw<DB: DrawingBackend>(
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
fn draw_curve_frame(kind: Kind, area: &CanvasArea, theme: &Theme) -> Result<(), ChartError> {
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

/// A curve chart's cached static layer, keyed by (dark scheme, presentation mode).
type CurveLayer = LayeredCanvas<(bool, bool)>;

/// The canvases and what they still need drawn.
#[derive(Clone)]
struct Board {
    canvases: Vec<(Kind, NodeRef<leptos::html::Canvas>)>,
    dirty: Rc<RefCell<Vec<bool>>>,
    next: Rc<Cell<usize>>,
    curves: Rc<RefCell<[CurveLayer; 2]>>,
}

impl Board {
    /// Draws up to [`CHARTS_PER_FRAME`] dirty charts, round-robin; returns whether any is still dirty.
    fn draw_some(&self, t: Training) -> bool {
        let selected = t.selected.get_untracked();
        // During a slow step, the batch's dots light up on σ(Δ) from stage 3 (σ) and on −log σ(Δ) from stage 5
        // (the loss), the stages that compute those values.
        let slow = t.explain.get_untracked();
        let batch_from = |stage_needed: u8| -> Vec<usize> {
            match &slow {
                Some((stage, e)) if *stage >= stage_needed => {
                    e.pairs.iter().map(|p| p.index).collect()
                }
                _ => Vec::new(),
            }
        };
        let (batch_sigmoid, batch_neglog) = (batch_from(3), batch_from(5));
        let dark = prefers_dark();
        let presenting = crate::web::share::presenting();
        let theme = if presenting {
            Theme::presentation()
        } else if dark {
            Theme::dark()
        } else {
            Theme::light()
        };
        let n = self.canvases.len();
        let mut drawn = 0;
        let mut dirty = self.dirty.borrow_mut();
        for k in 0..n {
            if drawn == CHARTS_PER_FRAME {
                break;
            }
            let i = (self.next.get() + k) % n;
            if !dirty[i] {
                continue;
            }
            let (kind, node) = self.canvases[i];
            let Some(canvas) = node.get_untracked() else {
                dirty[i] = false;
                continue;
            };
            let result = t.with_run(|r| {
                let run = r.shown();
                if !kind.applies(run) {
                    return Ok(false);
                }
                match kind {
                    Kind::Sigmoid | Kind::NegLog => {
                        let mut curves = self.curves.borrow_mut();
                        let layer = &mut curves[usize::from(kind == Kind::NegLog)];
                        // The curve and axes are drawn once; each update draws only the dots on top.
                        let batch = if kind == Kind::Sigmoid {
                            &batch_sigmoid
                        } else {
                            &batch_neglog
                        };
                        layer.draw(
                            &canvas,
                            (dark, presenting),
                            |a| draw_curve_frame(kind, a, &theme),
                            |a| draw(kind, a, run, selected, batch, &theme, Layer::Moving),
                        )
                    }
                    _ => draw_sharp(&canvas, |a| {
                        draw(kind, a, run, selected, &[], &theme, Layer::All)
                    }),
                }
            });
            match result {
                Some(Ok(_)) => {}
                Some(Err(msg)) => {
                    leptos::logging::error!("chart {:?} could not be drawn: {msg}", kind)
                }
                None => {}
            }
            dirty[i] = false;
            drawn += 1;
            self.next.set((i + 1) % n);
        }
        dirty.iter().any(|d| *d)
    }

    fn mark_all(&self) {
        self.dirty.borrow_mut().iter_mut().for_each(|d| *d = true);
    }
}

/// The text alternative, table and PNG/SVG buttons of one live chart.
fn tools(kind: Kind, canvas: NodeRef<leptos::html::Canvas>) -> impl IntoView {
    let t = expect_context::<Training>();
    let summary = Signal::derive(move || {
        let pairs = t.shown.with(|s| s.pairs.clone());
        t.with_run(|r| summary(kind, r.shown(), &pairs))
            .unwrap_or_default()
    });
    let table = Callback::new(move |()| {
        let pairs = t.shown.with_untracked(|s| s.pairs.clone());
        t.with_run(|r| table(kind, r.shown(), &pairs))
            .unwrap_or_default()
    });
    let svg = Callback::new(move |()| {
        let (w, h) = svg_size(canvas);
        let selected = t.selected.get_untracked();
        t.with_run(|r| {
            crate::web::backend::to_svg(w, h, |a| {
                draw(
                    kind,
                    a,
                    r.shown(),
                    selected,
                    &[],
                    &Theme::light(),
                    Layer::All,
                )
            })
            .map_err(|e| e.to_string())
        })
        .unwrap_or_else(|| Err("the run is gone".into()))
    });
    view! { <ChartTools id=kind.testid() canvas summary table svg changed=t.version/> }
}

/// The grid of live charts.
#[component]
pub fn LiveCharts() -> impl IntoView {
    let t = expect_context::<Training>();
    let board = Board {
        canvases: Kind::ALL.iter().map(|k| (*k, NodeRef::new())).collect(),
        dirty: Rc::new(RefCell::new(vec![true; Kind::ALL.len()])),
        next: Rc::new(Cell::new(0)),
        curves: Rc::default(),
    };
    let b = board.clone();
    let scheduler = FrameScheduler::new(move || b.draw_some(t));
    let (b, s) = (board.clone(), scheduler.clone());
    Effect::new(move |_| {
        t.version.track();
        t.selected.track();
        t.explain.track();
        b.mark_all();
        s.request();
    });
    let (b, s) = (board.clone(), scheduler.clone());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        b.mark_all();
        s.request();
    });
    on_cleanup(move || resize.remove());
    let (b, s) = (board.clone(), scheduler);
    on_scheme_or_ratio_change(move || {
        b.mark_all();
        s.request();
    });

    let applies = move |k: Kind| {
        t.version.track();
        t.with_run(|r| k.applies(r.shown())).unwrap_or(false)
    };
    let figures = board
        .canvases
        .iter()
        .map(|&(kind, node)| {
            // A memo, so the tools under a chart mount once and not on every step.
            let here = Memo::new(move |_| applies(kind));
            view! {
                <figure class="chart live" data-testid=format!("{}-figure", kind.testid())
                    style:display=move || if here.get() { "" } else { "none" }>
                    <h3>{kind.title()}</h3>
                    <canvas node_ref=node data-testid=kind.testid() role="img" aria-label=kind.title()
                        aria-describedby=format!("{}-alt", kind.testid())></canvas>
                    <figcaption>{kind.caption()}</figcaption>
                    {move || here.get().then(|| tools(kind, node))}
                </figure>
            }
        })
        .collect_view();
    view! { <div class="live-grid">{figures}</div> }
}
