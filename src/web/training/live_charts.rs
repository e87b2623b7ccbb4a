//! The training charts, redrawn once per animation frame at most (never once per step), a few charts per frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use super::state::Training;
use super::word_strip::WordStrip;
use crate::charts::{Layer, Theme};
use crate::scene::{
    main_key, main_label, stage_role, Role, TrainView, DEFAULT_TRAIN_VIEW, MAIN_CHOICES,
};
use crate::train::Stage;
use crate::views::{Focus, RunChart};
use crate::web::canvas::{
    device_theme, draw_sharp, on_resize, on_scheme_or_ratio_change, pointer_on, prefers_dark,
    FrameScheduler, LayeredCanvas,
};
use crate::web::chart_tools::{svg_size, ChartTools};
use crate::web::page::{Presenting, SharePage};

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
            // A chart off screen (another view, another scene) is drawn when its box gets a size again.
            let Some(canvas) = node.get_untracked().filter(|c| c.client_width() > 0) else {
                dirty[i] = false;
                continue;
            };
            let theme = device_theme(Theme::for_page(presenting, dark), &canvas);
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

/// Follows the pair whose dot is under a click or tap on a chart with a dot per pair (σ(Δ), −log σ(Δ)); a click
/// away from every dot leaves the followed pair as it is.
fn follow_at(t: Training, kind: RunChart, ev: &web_sys::PointerEvent, presenting: Presenting) {
    let Some((canvas, px, py)) = pointer_on(ev) else {
        return;
    };
    let (w, h) = (canvas.client_width(), canvas.client_height());
    let theme = Theme::for_page(presenting.now(), prefers_dark()).fit_to(h as u32);
    // A finger is less precise than a mouse.
    let radius = if ev.pointer_type() == "mouse" {
        2.0 * f64::from(theme.dot_radius()) + 2.0
    } else {
        20.0
    };
    let selected = t.selected.get_untracked();
    let batch: Vec<usize> = t
        .explain
        .with_untracked(|s| {
            s.as_ref()
                .map(|s| s.step.pairs.iter().map(|p| p.index).collect())
        })
        .unwrap_or_default();
    let hit = t
        .with_run(|r| {
            let run = r.shown();
            let frame = kind.frame(run, &theme, w as u32, h as u32)?;
            let focus = Focus::page(selected, &batch);
            kind.nearest_drawn_pair(run, &focus, &frame, px, py, radius)
        })
        .flatten();
    if let Some(i) = hit {
        t.selected.set(Some(i));
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

/// The Train scene's charts: the large one with the loss and accuracy beside it and the word weights below, or
/// every chart at once (the view is in the link, `view=`).
#[component]
pub fn LiveCharts() -> impl IntoView {
    let t = expect_context::<Training>();
    let page = use_context::<SharePage>();
    let view = page.map_or_else(|| RwSignal::new(DEFAULT_TRAIN_VIEW), |p| p.view);
    let board = Board {
        canvases: RunChart::ALL.iter().map(|k| (*k, NodeRef::new())).collect(),
        dirty: Rc::new(RefCell::new(vec![true; RunChart::ALL.len()])),
        next: Rc::new(Cell::new(0)),
        curves: Rc::default(),
        presenting: Presenting::from_context(),
    };
    let presenting = board.presenting;
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
    let redraw = move || {
        b.mark_all();
        s.request();
    };
    // A chart whose box changes size (a scene shown, the lesson opened, the view switched) is drawn again at once.
    on_resize(
        board.canvases.iter().map(|(_, n)| *n).collect(),
        redraw.clone(),
    );
    on_scheme_or_ratio_change(redraw);

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
            let role = Memo::new(move |_| {
                let v = view.get();
                stage_role(kind, v, |k| if k == kind { here.get() } else { applies(k) })
            });
            let caption = move || matches!(role.get(), Role::Main | Role::Grid);
            view! {
                <figure class="chart live" data-testid=format!("{}-figure", kind.id())
                    data-role=move || role.get().name()>
                    <div class="chart-head">
                        <h3 title=kind.caption()>{kind.title()}</h3>
                        {matches!(kind, RunChart::Loss | RunChart::Accuracy).then(|| view! {
                            <span class="key" aria-hidden="true">
                                <i class="train"></i>"train"<i class="test"></i>"test"
                            </span>
                        })}
                        {move || here.get().then(|| tools(kind, node))}
                    </div>
                    {(kind == RunChart::Words).then(|| view! {
                        <div class="strip-words" hidden=move || role.get() != Role::Strip><WordStrip/></div>
                    })}
                    <div class="plot" hidden=move || kind == RunChart::Words && role.get() == Role::Strip>
                        <canvas node_ref=node data-testid=kind.id() role="img" aria-label=kind.title()
                            aria-describedby=format!("{}-alt", kind.id())
                            class:pickable=kind.is_curve()
                            on:pointerup=move |ev| if kind.is_curve() { follow_at(t, kind, &ev, presenting) }>
                        </canvas>
                    </div>
                    <figcaption hidden=move || !caption()>{kind.caption()}</figcaption>
                </figure>
            }
        })
        .collect_view();
    let switch = MAIN_CHOICES
        .into_iter()
        .map(|c| {
            let on = move || view.get() == TrainView::Stage(c);
            view! {
                <button type="button" class="seg" data-testid=format!("view-{}", main_key(c))
                    aria-pressed=move || on().to_string() title=c.title()
                    on:click=move |_| view.set(TrainView::Stage(c))>{main_label(c)}</button>
            }
        })
        .collect_view();
    let all = move || view.get() == TrainView::All;
    view! {
        <div class="live-grid" data-view=move || if all() { "all" } else { "stage" }>
            <div class="view-switch" role="group" aria-label="The large chart">
                <span class="view-label">"Show"</span>
                {switch}
                <button type="button" class="seg" data-testid="view-all" aria-pressed=move || all().to_string()
                    title="Every chart of the run at once"
                    on:click=move |_| view.set(if all() { DEFAULT_TRAIN_VIEW } else { TrainView::All })>
                    "All charts"
                </button>
            </div>
            {figures}
        </div>
    }
}
