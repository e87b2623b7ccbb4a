//! The loss explorer: two rewards in, the three steps of −log σ(Δ) and its gradient out, as numbers and charts.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

mod controls;
pub(crate) mod state;
mod tools;

use controls::RewardInput;
pub use state::{Explorer, START};
use tools::explorer_tools;

use crate::charts::Layer;
use crate::format::{rewards_for_gap, snap_reward};
use crate::loss::{explain, Explained};
use crate::views::{gap_range, number_rows, shift, ExplorerChart as Step, FORMULA};
use crate::web::canvas::{
    device_theme, mark_once, on_resize, on_scheme_or_ratio_change, pointer_on, prefers_dark,
    FrameScheduler, LayeredCanvas,
};
use crate::web::page::Presenting;

/// The loss explorer panel.
#[component]
pub fn LossExplorer() -> impl IntoView {
    let Explorer { better, worse } = use_context::<Explorer>().unwrap_or_default();
    let explained = Memo::new(move |_| explain(better.get(), worse.get()));
    let status = RwSignal::new(String::new());
    let shift_c = NodeRef::<leptos::html::Input>::new();

    let shift = move |_| {
        let text = shift_c
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        match shift((better.get_untracked(), worse.get_untracked()), &text) {
            Ok(((b, w), sentence)) => {
                better.set(b);
                worse.set(w);
                status.set(sentence);
            }
            Err(message) => status.set(message),
        }
    };
    let reset = move |_| {
        better.set(START.0);
        worse.set(START.1);
        status.set(String::new());
    };

    let charts = ChartRefs::default();
    charts.redraw_on_change(explained);
    let drag = Drag {
        on: RwSignal::new(false),
        better,
        worse,
        presenting: Presenting::from_context(),
    };

    let e = move || explained.get();
    view! {
        <section class="explorer scene" data-scene="pair" aria-labelledby="explorer-title">
            <div class="side">
                <div class="panel">
                    <h2 id="explorer-title">"One pair: the loss"</h2>
                    <p class="lead">
                        "Reward a better and a worse response; the loss sees only their gap Δ."
                    </p>
                    <RewardInput id="r-better" name="r_better" meaning="reward of the better response"
                        swatch="bg-gap" testid="r-better" value=better/>
                    <RewardInput id="r-worse" name="r_worse" meaning="reward of the worse response"
                        swatch="bg-loss" testid="r-worse" value=worse/>
                    <div class="shift">
                        <label for="shift-c">"Shift both by c"</label>
                        <input type="number" id="shift-c" node_ref=shift_c value="1" step="0.5" min="-16"
                            max="16" inputmode="decimal" data-testid="shift-c"/>
                        <button type="button" data-testid="shift-apply" on:click=shift>"Add c to both"</button>
                        <button type="button" data-testid="reset" on:click=reset>"Reset"</button>
                    </div>
                    <p class="status" role="status" data-testid="shift-status">{move || status.get()}</p>
                </div>
                <div class="panel">
                    <h2 class="numbers-title">"The numbers"</h2>
                    <div class="formula" inner_html=FORMULA></div>
                    <table class="numbers">
                        <tbody>
                            {(0..6).map(|i| {
                                let (label, class, testid, _) = number_rows(&explained.get_untracked())[i].clone();
                                view! {
                                    <Row label class testid value=Signal::derive(move || number_rows(&e())[i].3.clone())/>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="note">
                        "Only the gap matters: adding c to both rewards leaves Δ, the loss and the gradient as they were."
                    </p>
                </div>
            </div>
            <div class="charts">
                <figure class="chart">
                    <div class="chart-head">
                        <h3>{Step::Sigmoid.title()}</h3>
                        {explorer_tools("chart-sigmoid", Step::Sigmoid, charts.sigmoid, explained)}
                    </div>
                    <div class="plot">
                        <canvas node_ref=charts.sigmoid data-testid="chart-sigmoid" class="draggable"
                            on:pointerdown=drag.start(Step::Sigmoid) on:pointermove=drag.moved(Step::Sigmoid)
                            on:pointerup=drag.end() on:pointercancel=drag.end() role="img" aria-describedby="chart-sigmoid-alt"
                            aria-label=move || Step::Sigmoid.aria_label(&e())></canvas>
                    </div>
                    <figcaption>
                        {Step::Sigmoid.caption()}
                    </figcaption>
                </figure>
                <figure class="chart">
                    <div class="chart-head">
                        <h3>{Step::Log.title()}</h3>
                        {explorer_tools("chart-log", Step::Log, charts.log, explained)}
                    </div>
                    <div class="plot">
                        <canvas node_ref=charts.log data-testid="chart-log" role="img" aria-describedby="chart-log-alt"
                            aria-label=move || Step::Log.aria_label(&e())></canvas>
                    </div>
                    <figcaption>
                        {Step::Log.caption()}
                    </figcaption>
                </figure>
                <figure class="chart">
                    <div class="chart-head">
                        <h3>{Step::Loss.title()}</h3>
                        {explorer_tools("chart-loss", Step::Loss, charts.loss, explained)}
                    </div>
                    <div class="plot">
                        <canvas node_ref=charts.loss data-testid="chart-loss" class="draggable"
                            on:pointerdown=drag.start(Step::Loss) on:pointermove=drag.moved(Step::Loss)
                            on:pointerup=drag.end() on:pointercancel=drag.end() role="img" aria-describedby="chart-loss-alt"
                            aria-label=move || Step::Loss.aria_label(&e())></canvas>
                    </div>
                    <figcaption>
                        {Step::Loss.caption()}
                    </figcaption>
                </figure>
                <figure class="chart">
                    <div class="chart-head">
                        <h3>{Step::Gradient.title()}</h3>
                        {explorer_tools("chart-gradient", Step::Gradient, charts.gradient, explained)}
                    </div>
                    <div class="plot">
                        <canvas node_ref=charts.gradient data-testid="chart-gradient" class="draggable"
                            on:pointerdown=drag.start(Step::Gradient) on:pointermove=drag.moved(Step::Gradient)
                            on:pointerup=drag.end() on:pointercancel=drag.end() role="img" aria-describedby="chart-gradient-alt"
                            aria-label=move || Step::Gradient.aria_label(&e())></canvas>
                    </div>
                    <figcaption>
                        {Step::Gradient.caption()}
                    </figcaption>
                </figure>
            </div>
        </section>
    }
}

/// Dragging the marker along the σ, loss or gradient curve: the Δ under the pointer becomes the gap, by moving
/// r_better with r_worse kept (or r_worse too, where r_better would leave −8…8).
#[derive(Clone, Copy)]
struct Drag {
    on: RwSignal<bool>,
    better: RwSignal<f64>,
    worse: RwSignal<f64>,
    presenting: Presenting,
}

impl Drag {
    /// Sets the gap to the Δ under the pointer on `step`'s chart.
    fn to_pointer(self, step: Step, ev: &web_sys::PointerEvent) {
        let Some((canvas, px, _)) = pointer_on(ev) else {
            return;
        };
        let (w, h) = (canvas.client_width(), canvas.client_height());
        let (b, wr) = (self.better.get_untracked(), self.worse.get_untracked());
        let theme = step
            .theme(prefers_dark(), self.presenting.now())
            .fit_to(h as u32);
        let Some(gap) = step
            .frame(b - wr, &theme, w as u32, h as u32)
            .and_then(|f| step.gap_at(&f, px))
        else {
            return;
        };
        let (better, worse) = rewards_for_gap(wr, snap_reward(gap));
        self.better.set(better);
        self.worse.set(worse);
    }

    fn start(self, step: Step) -> impl Fn(web_sys::PointerEvent) {
        move |ev| {
            if let Some(c) = ev
                .current_target()
                .and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(c).ok())
            {
                let _ = c.set_pointer_capture(ev.pointer_id());
            }
            ev.prevent_default();
            self.on.set(true);
            self.to_pointer(step, &ev);
        }
    }

    fn moved(self, step: Step) -> impl Fn(web_sys::PointerEvent) {
        move |ev| {
            if self.on.get_untracked() {
                self.to_pointer(step, &ev);
            }
        }
    }

    fn end(self) -> impl Fn(web_sys::PointerEvent) {
        move |_| self.on.set(false)
    }
}

/// One row of the numbers table.
#[component]
fn Row(
    label: &'static str,
    class: &'static str,
    testid: &'static str,
    value: Signal<String>,
) -> impl IntoView {
    view! {
        <tr class=class>
            <th scope="row">{label}</th>
            <td data-testid=testid>{move || value.get()}</td>
        </tr>
    }
}

/// A step chart's cached static layer, keyed by its Δ axis range, whether the scheme is dark, and presentation mode.
type StepLayer = LayeredCanvas<((f64, f64), bool, bool)>;

/// The explorer's four canvases.
#[derive(Clone, Copy, Default)]
struct ChartRefs {
    sigmoid: NodeRef<leptos::html::Canvas>,
    log: NodeRef<leptos::html::Canvas>,
    loss: NodeRef<leptos::html::Canvas>,
    gradient: NodeRef<leptos::html::Canvas>,
}

impl ChartRefs {
    /// Redraws the four charts, at most once per frame, whenever `explained` changes, the window resizes, or the
    /// colour scheme or devicePixelRatio changes. Marks `first-chart` on the performance timeline after the first.
    fn redraw_on_change(self, explained: Memo<Explained>) {
        let first = Rc::new(Cell::new(false));
        let presenting = Presenting::from_context();
        // Each chart's static layer depends on its axis range and the colour scheme besides its size.
        let layers: Rc<RefCell<[StepLayer; 4]>> = Rc::default();
        let scheduler = FrameScheduler::new(move || {
            let Some(e) = explained.try_get_untracked() else {
                return false; // the panel was unmounted
            };
            let dark = prefers_dark();
            let refs = [self.sigmoid, self.log, self.loss, self.gradient];
            let mut layers = layers.borrow_mut();
            // Building a static layer (axes, labels, curve) is the costly part: at most one per frame, so the
            // first chart appears after one chart's work and the others follow in the next frames.
            let (mut rebuilt, mut more) = (false, false);
            for ((canvas, step), layer) in refs.into_iter().zip(Step::ALL).zip(layers.iter_mut()) {
                let Some(canvas) = canvas.try_get_untracked().flatten() else {
                    continue;
                };
                let present = presenting.now();
                let key = (gap_range(e.gap), dark, present);
                if !layer.ready_for(&canvas, &key) {
                    if rebuilt {
                        more = true;
                        continue;
                    }
                    rebuilt = true;
                }
                let theme = device_theme(step.theme(dark, present), &canvas);
                let result = layer.draw(
                    &canvas,
                    key,
                    |area| step.draw(area, e.gap, Layer::Static, &theme),
                    |area| step.draw(area, e.gap, Layer::Moving, &theme),
                );
                match result {
                    Ok(true) => {
                        mark_once(&first, "first-chart");
                        crate::web::first_view::drop_poster(&canvas);
                    }
                    Ok(false) => {}
                    Err(msg) => leptos::logging::error!("chart {step:?} could not be drawn: {msg}"),
                }
            }
            more
        });
        let s = scheduler.clone();
        Effect::new(move |_| {
            explained.track();
            s.request();
        });
        let s = scheduler.clone();
        on_resize(
            vec![self.sigmoid, self.log, self.loss, self.gradient],
            move || s.request(),
        );
        on_scheme_or_ratio_change(move || scheduler.request());
    }
}
