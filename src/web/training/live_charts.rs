//! The training charts, redrawn once per animation frame at most (never once per step), a few charts per frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use super::state::Training;
use crate::charts::{Layer, Theme};
use crate::train::Stage;
use crate::views::{Focus, RunChart};
use crate::web::canvas::{
    draw_sharp, on_scheme_or_ratio_change, prefers_dark, FrameScheduler, LayeredCanvas,
};
use crate::web::chart_tools::{svg_size, ChartTools};
use crate::web::page::Presenting;

/// Charts redrawn per animation frame; the others wait for the next frames (about 4 keeps 60 fps: BENCHMARKS.md,
/// "The page while training").
const CHARTS_PER_FRAME: usize = 4;

/// A curve chart's cached static layer, keyed by (dark scheme, presentation mode).
type CurveLayer = LayeredCanvas<(bool, bool)>;

/// The canvases and what they still need drawn.
#[derive(Clone)]
struct Board {
    canvases: Vec<(RunChart, NodeRef<leptos::html::Canvas>)>,
    dirty: Rc<RefCell<Vec<bool>>>,
    next: Rc<Cell<usize>>,
    curves: Rc<RefCell<[CurveLayer; 2]>>,
    /// Presentation mode (the page's, from the context).
    presenting: Presenting,
}

impl Board {
    /// Draws up to [`CHARTS_PER_FRAME`] dirty charts, round-robin; returns whether any is still dirty.
    fn draw_some(&self, t: Training) -> bool {
        let selected = t.selected.get_untracked();
        // During a slow step, the batch's dots light up on σ(Δ) from stage 3 (σ) and on −log σ(Δ) from stage 5
        // (the loss), the stages that compute those values.
        let slow = t.explain.get_untracked();
        let batch_from = |needed: Stage| -> Vec<usize> {
            match &slow {
                Some(s) if s.stage >= needed => s.step.pairs.iter().map(|p| p.index).collect(),
                _ => Vec::new(),
            }
        };
        let (batch_sigmoid, batch_neglog) = (batch_from(Stage::Sigmoid), batch_from(Stage::Loss));
        let dark = prefers_dark();
        let presenting = self.presenting.now();
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
                if kind.is_curve() {
                    let mut curves = self.curves.borrow_mut();
                    let layer = &mut curves[usize::from(kind == RunChart::NegLog)];
                    // The curve and axes are drawn once; each update draws only the dots on top.
                    let batch = if kind == RunChart::Sigmoid {
                        &batch_sigmoid
                    } else {
                        &batch_neglog
                    };
                    let focus = Focus::page(selected, batch);
                    // The two layers are drawn one after the other, each borrowing the run in turn.
                    let run = RefCell::new(run);
                    layer.draw(
                        &canvas,
                        (dark, presenting),
                        |a| kind.draw(a, *run.borrow_mut(), &focus, &theme, Layer::Static),
                        |a| kind.draw(a, *run.borrow_mut(), &focus, &theme, Layer::Moving),
                    )
                } else {
                    draw_sharp(&canvas, |a| {
                        kind.draw(a, run, &Focus::page(selected, &[]), &theme, Layer::All)
                    })
                }
            });
            match result {
                Some(Ok(_)) => {}
                Some(Err(msg)) => {
                    leptos::logging::error!("chart {} could not be drawn: {msg}", kind.id())
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
fn tools(kind: RunChart, canvas: NodeRef<leptos::html::Canvas>) -> impl IntoView {
    let t = expect_context::<Training>();
    let summary = Signal::derive(move || {
        let pairs = t.shown.with(|s| s.pairs.clone());
        t.with_run(|r| kind.sentence(r.shown(), &pairs))
            .unwrap_or_default()
    });
    let table = Callback::new(move |()| {
        let pairs = t.shown.with_untracked(|s| s.pairs.clone());
        t.with_run(|r| kind.table(r.shown(), &pairs))
            .unwrap_or_default()
    });
    let svg = Callback::new(move |()| {
        let (w, h) = svg_size(canvas);
        let selected = t.selected.get_untracked();
        t.with_run(|r| {
            crate::web::backend::to_svg(w, h, |a| {
                let focus = Focus::page(selected, &[]);
                kind.draw(a, r.shown(), &focus, &Theme::light(), Layer::All)
            })
            .map_err(|e| e.to_string())
        })
        .unwrap_or_else(|| Err("the run is gone".into()))
    });
    view! { <ChartTools id=kind.id() canvas summary table svg changed=t.version/> }
}

/// The grid of live charts.
#[component]
pub fn LiveCharts() -> impl IntoView {
    let t = expect_context::<Training>();
    let board = Board {
        canvases: RunChart::ALL.iter().map(|k| (*k, NodeRef::new())).collect(),
        dirty: Rc::new(RefCell::new(vec![true; RunChart::ALL.len()])),
        next: Rc::new(Cell::new(0)),
        curves: Rc::default(),
        presenting: Presenting::from_context(),
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

    let applies = move |k: RunChart| {
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
                <figure class="chart live" data-testid=format!("{}-figure", kind.id())
                    style:display=move || if here.get() { "" } else { "none" }>
                    <h3>{kind.title()}</h3>
                    <canvas node_ref=node data-testid=kind.id() role="img" aria-label=kind.title()
                        aria-describedby=format!("{}-alt", kind.id())></canvas>
                    <figcaption>{kind.caption()}</figcaption>
                    {move || here.get().then(|| tools(kind, node))}
                </figure>
            }
        })
        .collect_view();
    view! { <div class="live-grid">{figures}</div> }
}
