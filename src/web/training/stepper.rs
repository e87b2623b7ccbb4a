//! Stepping through a run: Step, Epoch, Play/Pause, Reset, the speed, the rewind slider, and the play loop.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::state::{now, Training};
use crate::format::fixed;
use crate::share::SPEEDS;
use crate::train::{Pace, Session};
use crate::views::{step_means, tie_note};

/// How a speed is written.
pub fn speed_label(speed: f64) -> String {
    if speed.is_finite() {
        format!("{speed} / s")
    } else {
        "as fast as possible".to_string()
    }
}

/// A requestAnimationFrame callback.
type FrameCallback = Closure<dyn FnMut(f64)>;

thread_local! {
    /// Whether a play loop is alive (it stops itself at the first frame after a pause).
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// The play loop's frame callback; replaced only while no loop runs.
    static FRAME: RefCell<Option<FrameCallback>> = const { RefCell::new(None) };
}

fn request_frame() {
    FRAME.with(|f| {
        if let (Some(w), Some(cb)) = (web_sys::window(), f.borrow().as_ref()) {
            let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
        }
    });
}

/// Starts the loop that trains while `playing` is on: each animation frame runs the steps owed at the current speed,
/// inside a time box (its slice, [`Pace`]), then publishes once. Browsers pause animation frames in hidden tabs, so a
/// hidden tab does no work, and the time away is not made up afterwards.
fn start_loop(t: Training) {
    if RUNNING.with(|r| r.replace(true)) {
        return; // the running loop sees `playing` again
    }
    let owed = Cell::new(0.0f64);
    let last = Cell::new(now());
    let pace = Cell::new(Pace::default());
    let callback = Closure::new(move |time: f64| {
        if !t.playing.try_get_untracked().unwrap_or(false) {
            RUNNING.with(|r| r.set(false));
            return;
        }
        let dt = (time - last.replace(time)).clamp(0.0, 100.0);
        let speed = t.speed.get_untracked();
        pace.set(pace.get().next(dt));
        let deadline = now() + pace.get().slice();
        if !pace.get().trains() {
            // This frame only draws; the steps owed wait for the next.
        } else if speed.is_finite() {
            // Owe speed × dt steps; never let more than a quarter second pile up.
            let due = (owed.get() + speed * dt / 1000.0).min(speed * 0.25 + 1.0);
            let n = due.floor() as u64;
            let taken = if n > 0 { t.steps(n, Some(deadline)) } else { 0 };
            owed.set(due - taken as f64);
        } else {
            t.steps(u64::MAX, Some(deadline));
        }
        request_frame();
    });
    FRAME.with(|f| *f.borrow_mut() = Some(callback));
    request_frame();
}

impl Training {
    /// Play or pause.
    pub fn toggle_play(&self) {
        if self.playing.get_untracked() {
            self.playing.set(false);
        } else if !self.shown.get_untracked().diverged {
            self.with_run(Session::clear_slow_step);
            self.sync_slow_step();
            self.playing.set(true);
            start_loop(*self);
        }
    }
}

/// The Train scene's top bar: the buttons, the speed and rewind sliders, the big counters and the notice.
#[component]
pub fn Stepper() -> impl IntoView {
    let t = expect_context::<Training>();
    let s = move || t.shown.get();
    let speed_index = move || {
        let v = t.speed.get();
        SPEEDS.iter().position(|x| *x == v).unwrap_or(3)
    };
    let on_speed = move |ev: leptos::ev::Event| {
        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
            if let Some(v) = SPEEDS.get(i) {
                t.speed.set(*v);
            }
        }
    };
    let on_rewind = move |ev: leptos::ev::Event| {
        if let Ok(step) = event_target_value(&ev).parse::<u64>() {
            t.playing.set(false);
            t.rewind_to(step);
        }
    };
    let test_accuracy = move || {
        s().metrics
            .test_accuracy
            .map(|a| format!("{:.1} %", 100.0 * a))
    };
    view! {
        <div class="topbar" role="group" aria-label="Training controls">
            <div class="buttons">
                <button type="button" data-testid="train-reset" on:click=move |_| t.reset()
                    title="A new run from step 0 (R)">"Reset"</button>
                <button type="button" data-testid="play" class="primary" on:click=move |_| t.toggle_play()
                    aria-pressed=move || if t.playing.get() { "true" } else { "false" }
                    title="Play or pause (Space)">
                    {move || if t.playing.get() { "Pause" } else { "Play" }}
                </button>
                <button type="button" data-testid="step" on:click=move |_| t.step()
                    title="One update of the model (→)">"Step"</button>
                <button type="button" data-testid="epoch" on:click=move |_| t.epoch()
                    title="To the end of the epoch (Shift+→)">"Epoch"</button>
                <button type="button" data-testid="explain" on:click=move |_| t.next_stage()
                    title="The next update as a slow step, one stage at a time (N)">"Slow step"</button>
            </div>
            <label class="slider">
                <span>"Speed"</span>
                <input type="range" min="0" max=SPEEDS.len() - 1 step="1" data-testid="speed"
                    prop:value=move || speed_index().to_string()
                    aria-valuetext=move || speed_label(t.speed.get())
                    on:input=on_speed/>
                <output data-testid="speed-label">{move || speed_label(t.speed.get())}</output>
            </label>
            <label class="slider">
                <span>"Rewind"</span>
                <input type="range" min="0" step="1" data-testid="rewind"
                    prop:max=move || s().head_step.to_string()
                    prop:value=move || s().step.to_string()
                    aria-valuetext=move || format!("step {} of {}", s().step, s().head_step)
                    on:input=on_rewind/>
            </label>
            <div class="counters" aria-live="polite">
                <span>"Step "<b data-testid="step-count">{move || s().step}</b></span>
                <span>"Epoch "<b data-testid="epoch-count">{move || fixed(s().metrics.epoch, 2)}</b></span>
                <span>"Loss "<b data-testid="train-loss" data-value=move || s().metrics.loss.to_string()>
                    {move || fixed(s().metrics.loss, 4)}</b></span>
                <span>"Accuracy "<b data-testid="train-accuracy" data-value=move || s().metrics.accuracy.to_string()>{move || format!("{:.1} %", 100.0 * s().metrics.accuracy)}</b>
                    {move || t.shown.with(|s| tie_note(&s.pairs)).map(|note| view! {
                        <span class="tie" data-testid="accuracy-tie">{format!(" ({note})")}</span>
                    })}
                    {move || test_accuracy().map(|a| view! {
                        <span class="test">" · test "<b data-testid="test-accuracy">{a}</b></span>
                    })}
                </span>
            </div>
            <p class="notice" role="status" data-testid="notice">
                {move || if s().diverged { "diverged: lower the learning rate".to_string() } else { t.notice.get() }}
            </p>
        </div>
    }
}

/// What one step and one epoch mean for this run, and normalizing the rewards: above the settings.
#[component]
pub fn RunNotes() -> impl IntoView {
    let t = expect_context::<Training>();
    let step_means = move || {
        let s = t.shown.get();
        let prompts = t.config.get().grouping == crate::train::Grouping::Prompts;
        step_means(
            s.batch_units,
            s.steps_per_epoch,
            s.train_units,
            s.train_pairs,
            prompts,
        )
    };
    view! {
        <p class="hint" data-testid="step-means">{step_means}</p>
        <button type="button" data-testid="normalize" on:click=move |_| t.normalize()
            title="Shift every reward so the better responses average 0">"Normalize rewards"</button>
    }
}
