//! The training panel: a live reward model that the teacher steps through or plays, with its charts.
//!
//! The panel keeps one [`Run`] outside the reactive graph and publishes what the views read ([`Shown`]) once per
//! change (at most once per animation frame while playing). Components only call [`Training`]'s methods.

mod chart_text;
mod explain;
mod inspector;
pub(crate) mod keys;
mod live_charts;
mod player;
mod settings;
mod user_data;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::Dataset;
use crate::train::{Config, Metrics, PairState, StepExplanation, TrainError, Trainer};
use crate::web::data_panel::DataPanel;
use crate::web::export_panel::ExportPanel;

pub use explain::SlowMotion;
pub use inspector::PairInspector;
pub use keys::Shortcuts;
pub use live_charts::LiveCharts;
pub use player::Stepper;
pub use settings::Settings;
pub use user_data::{MAX_PAIRS, MAX_TEXT_BYTES, USER_DATA};

/// Speeds offered and the speed a run starts at: the link reads and writes the same list.
pub use crate::share::{DEFAULT_SPEED, SPEEDS};

/// A run and, while the rewind slider is behind it, the run as it was at the slider's step.
pub struct Run {
    head: Trainer,
    view: Option<Trainer>,
}

impl Run {
    /// A run of `config` on `user` when `config.dataset` names it, else on the built-in data set it names.
    fn new(config: Config, user: Option<&Dataset>) -> Result<Run, String> {
        let head = match user.filter(|d| d.name == config.dataset) {
            Some(d) => Trainer::new(config, d.clone()).map_err(|e| e.to_string())?,
            None => Trainer::from_config(config)?,
        };
        Ok(Run { head, view: None })
    }

    /// The run as the page shows it: the rewound view if there is one, else the head.
    pub fn shown(&mut self) -> &mut Trainer {
        match &mut self.view {
            Some(v) => v,
            None => &mut self.head,
        }
    }

    /// Makes the shown step the head, so the next action goes on from there (the old future is dropped).
    fn adopt_view(&mut self) {
        if let Some(v) = self.view.take() {
            self.head = v;
        }
    }
}

/// What the panel's views read: a copy of the shown run's numbers, refreshed after every change.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The shown step.
    pub step: u64,
    /// The furthest step of the run (the rewind slider's end).
    pub head_step: u64,
    /// Metrics at the shown step.
    pub metrics: Metrics,
    /// Every pair at the shown step.
    pub pairs: Vec<PairState>,
    /// Steps per epoch.
    pub steps_per_epoch: u64,
    /// Batch elements per step.
    pub batch_units: usize,
    /// Training batch elements (prompts or pairs).
    pub train_units: usize,
    /// Pairs in the training split.
    pub train_pairs: usize,
    /// Whether the last update blew up.
    pub diverged: bool,
    /// The learning rate of the next step.
    pub lr: f64,
}

impl Shown {
    fn of(t: &mut Trainer, head_step: u64) -> Shown {
        Shown {
            step: t.step_count(),
            head_step,
            metrics: t.metrics(),
            pairs: t.pair_states(),
            steps_per_epoch: t.steps_per_epoch(),
            batch_units: t.batch_units(),
            train_units: t.train_units().len(),
            train_pairs: t.train_units().iter().map(Vec::len).sum(),
            diverged: t.diverged(),
            lr: t.learning_rate(),
        }
    }
}

/// The training panel's state and actions, shared by its components through the context.
#[derive(Clone, Copy)]
pub struct Training {
    run: StoredValue<Run, LocalStorage>,
    /// The settings the controls show.
    pub config: RwSignal<Config>,
    /// The shown run's numbers.
    pub shown: RwSignal<Shown>,
    /// Whether the run is playing.
    pub playing: RwSignal<bool>,
    /// Updates per second while playing (∞ = as fast as the machine allows).
    pub speed: RwSignal<f64>,
    /// The pair followed everywhere, by index.
    pub selected: RwSignal<Option<usize>>,
    /// A message about the last action (a new run, a refused setting, a divergence).
    pub notice: RwSignal<String>,
    /// The slow-motion step: its stage (1..=8) and what the step will do.
    pub explain: RwSignal<Option<(u8, StepExplanation)>>,
    /// Bumped whenever the shown run changed, so the charts redraw.
    pub version: RwSignal<u64>,
    /// The reader's own data set (pasted, uploaded or edited), offered beside the built-in ones.
    pub user_data: RwSignal<Option<Arc<Dataset>>>,
}

impl Training {
    /// A panel state with a run of `config` (the default run if `config` is refused).
    pub fn new(config: Config) -> Training {
        let (run, config, notice) = match Run::new(config.clone(), None) {
            Ok(run) => (run, config, String::new()),
            Err(e) => (
                Run::new(Config::default(), None).expect("the default run starts"),
                Config::default(),
                format!("Started the default run instead: {e}"),
            ),
        };
        let run = StoredValue::new_local(run);
        let shown = run
            .try_update_value(|r| {
                let head = r.head.step_count();
                Shown::of(r.shown(), head)
            })
            .expect("the run was just stored");
        Training {
            run,
            config: RwSignal::new(config),
            shown: RwSignal::new(shown),
            playing: RwSignal::new(false),
            speed: RwSignal::new(DEFAULT_SPEED),
            selected: RwSignal::new(None),
            notice: RwSignal::new(notice),
            explain: RwSignal::new(None),
            version: RwSignal::new(0),
            user_data: RwSignal::new(None),
        }
    }

    /// Runs `f` on the run (not tracked by the reactive graph).
    pub fn with_run<R>(&self, f: impl FnOnce(&mut Run) -> R) -> Option<R> {
        self.run.try_update_value(f)
    }

    /// Refreshes what the views read from the shown run.
    pub fn publish(&self) {
        if let Some(shown) = self.with_run(|r| {
            let head = r.head.step_count();
            Shown::of(r.shown(), head)
        }) {
            self.shown.set(shown);
            self.version.update(|v| *v += 1);
        }
    }

    fn report(&self, outcome: Result<(), TrainError>) {
        if let Err(e) = outcome {
            self.playing.set(false);
            self.notice.set(e.to_string());
        }
    }

    /// Takes up to `n` steps from the shown step on; stops early at `deadline` (a `performance.now()` time) if given.
    /// Returns the steps taken.
    pub fn steps(&self, n: u64, deadline: Option<f64>) -> u64 {
        self.explain.set(None);
        let (taken, outcome) = self
            .with_run(|r| {
                r.adopt_view();
                let mut taken = 0;
                while taken < n {
                    if let Err(e) = r.head.step() {
                        return (taken, Err(e));
                    }
                    taken += 1;
                    if deadline.is_some_and(|d| taken % 4 == 0 && now() >= d) {
                        break;
                    }
                }
                (taken, Ok(()))
            })
            .unwrap_or((0, Ok(())));
        self.report(outcome);
        self.publish();
        taken
    }

    /// One update.
    pub fn step(&self) {
        self.steps(1, None);
    }

    /// Steps to the end of the current epoch.
    pub fn epoch(&self) {
        let s = self.shown.get_untracked();
        let left = s.steps_per_epoch - s.step % s.steps_per_epoch;
        self.steps(left, None);
    }

    /// Starts the run again from step 0 with the current settings.
    pub fn reset(&self) {
        self.playing.set(false);
        self.explain.set(None);
        let config = self.config.get_untracked();
        match self.build(config) {
            Ok(run) => {
                self.with_run(|r| *r = run);
                self.notice.set("New run from step 0.".into());
            }
            Err(e) => self.notice.set(e),
        }
        self.publish();
    }

    /// Shows the run as it was after `step` (the head's step shows the head itself).
    pub fn rewind_to(&self, step: u64) {
        self.explain.set(None);
        self.with_run(|r| {
            r.view = (step < r.head.step_count()).then(|| r.head.rewound(step));
        });
        self.publish();
    }

    /// Applies new settings: a learning-rate change goes on from the current step; any other change starts a new
    /// run and says so. Refused settings leave everything as it was and say why.
    pub fn apply(&self, next: Config) {
        let current = self.config.get_untracked();
        if let Err(e) = next.validate() {
            self.notice.set(format!("Not applied: {e}"));
            return;
        }
        if !current.needs_new_run(&next) {
            if current.lr != next.lr {
                let outcome = self
                    .with_run(|r| {
                        r.adopt_view();
                        r.head.set_learning_rate(next.lr)
                    })
                    .unwrap_or(Ok(()));
                match outcome {
                    Ok(()) => {
                        self.config.set(next);
                        self.notice.set(String::new());
                    }
                    Err(e) => self.notice.set(format!("Not applied: {e}")),
                }
                self.publish();
            }
            return;
        }
        match self.build(next.clone()) {
            Ok(run) => {
                let changed = current.changed_fields(&next).join(", ");
                self.playing.set(false);
                self.explain.set(None);
                self.with_run(|r| *r = run);
                self.config.set(next);
                if self
                    .selected
                    .get_untracked()
                    .is_some_and(|i| i >= self.pair_count())
                {
                    self.selected.set(None);
                }
                self.notice.set(format!(
                    "New run from step 0: {changed} changed what the model or its data is."
                ));
                self.publish();
            }
            Err(e) => self.notice.set(format!("Not applied: {e}")),
        }
    }

    fn pair_count(&self) -> usize {
        self.with_run(|r| r.head.dataset().pairs.len()).unwrap_or(0)
    }

    /// Shifts every reward so the training set's chosen responses average 0; loss and accuracy stay as they were.
    pub fn normalize(&self) {
        self.explain.set(None);
        self.with_run(|r| {
            r.adopt_view();
            r.head.normalize_rewards();
        });
        self.notice.set(
            "Rewards shifted so the chosen responses average 0: every gap, so the loss and the accuracy, stayed."
                .into(),
        );
        self.publish();
    }

    /// Advances the slow-motion step: computes the next step at stage 1, shows the next stage, and takes the step
    /// after stage 8.
    pub fn next_stage(&self) {
        self.playing.set(false);
        match self.explain.get_untracked() {
            None => {
                let e = self.with_run(|r| r.shown().explain_next_step());
                match e {
                    Some(Ok(e)) => self.explain.set(Some((1, e))),
                    Some(Err(e)) => self.notice.set(e.to_string()),
                    None => {}
                }
            }
            Some((8, _)) => {
                self.step();
            }
            Some((k, e)) => self.explain.set(Some((k + 1, e))),
        }
    }
}

/// `performance.now()` in milliseconds (0 where there is no window).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The training panel.
#[component]
pub fn TrainingPanel() -> impl IntoView {
    // App provides the state (the lesson uses it too); a panel on its own makes its own, from the link.
    if use_context::<Training>().is_none() {
        provide_context(crate::web::share::training_from_link());
    }
    view! {
        <section class="training" aria-labelledby="training-title">
            <h2 id="training-title">"Train a reward model"</h2>
            <p class="lead">
                "A tiny model gives each response a reward. Every update lowers the loss −log σ(Δ) on a batch of "
                "pairs: watch the gaps Δ grow and the pairs slide up the σ curve."
            </p>
            <crate::web::share::ShareBar/>
            <Shortcuts/>
            <div class="training-grid">
                <div class="side">
                    <Stepper/>
                    <Settings/>
                    <DataPanel/>
                    <ExportPanel/>
                </div>
                <div class="main">
                    <SlowMotion/>
                    <PairInspector/>
                    <crate::web::score::ScorePanel/>
                    <LiveCharts/>
                </div>
            </div>
        </section>
    }
}
