//! The training panel's state: one [`Session`] outside the reactive graph, and the signals the views read.
//!
//! The session is pure (`crate::train::Session`); this file only publishes what it shows ([`Shown`]) once per
//! change (at most once per animation frame while playing) and writes the notice that says what an action did.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::Dataset;
use crate::share::DEFAULT_SPEED;
use crate::train::{Applied, Config, Session, Shown, SlowStep, StageMove, TrainError};

/// The training panel's state and actions, shared by its components through the context.
#[derive(Clone, Copy)]
pub struct Training {
    run: StoredValue<Session, LocalStorage>,
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
    /// The slow step under way: its stage and what the step will do.
    pub explain: RwSignal<Option<SlowStep>>,
    /// Bumped whenever the shown run changed, so the charts redraw.
    pub version: RwSignal<u64>,
    /// The reader's own data set (pasted, uploaded or edited), offered beside the built-in ones.
    pub user_data: RwSignal<Option<Arc<Dataset>>>,
}

impl Training {
    /// A panel state with a run of `config` (the default run if `config` is refused).
    pub fn new(config: Config) -> Training {
        let (mut session, refused) = Session::new_or_default(config);
        let shown = session.numbers();
        let config = session.config().clone();
        Training {
            run: StoredValue::new_local(session),
            config: RwSignal::new(config),
            shown: RwSignal::new(shown),
            playing: RwSignal::new(false),
            speed: RwSignal::new(DEFAULT_SPEED),
            selected: RwSignal::new(None),
            notice: RwSignal::new(refused.unwrap_or_default()),
            explain: RwSignal::new(None),
            version: RwSignal::new(0),
            user_data: RwSignal::new(None),
        }
    }

    /// Runs `f` on the session (not tracked by the reactive graph).
    pub fn with_run<R>(&self, f: impl FnOnce(&mut Session) -> R) -> Option<R> {
        self.run.try_update_value(f)
    }

    /// Refreshes what the views read from the shown run.
    pub fn publish(&self) {
        if let Some(shown) = self.with_run(|r| r.numbers()) {
            self.shown.set(shown);
            self.version.update(|v| *v += 1);
        }
        self.sync_slow_step();
    }

    /// Shows the session's slow step (nothing is set while there is none before and after, so most steps redraw
    /// nothing for it).
    pub(super) fn sync_slow_step(&self) {
        let slow = self.with_run(|r| r.slow_step().cloned()).flatten();
        if slow.is_some() || self.explain.with_untracked(Option::is_some) {
            self.explain.set(slow);
        }
    }

    /// Replaces the session by `next`, a new run, and does what every new run does (see [`Training::started`]).
    pub(super) fn replace(&self, next: Session) {
        self.with_run(|r| *r = next);
        self.started();
    }

    /// After the session started a new run: stops playing, shows its settings, and forgets a followed pair that
    /// its data does not have.
    fn started(&self) {
        let Some((config, pairs)) =
            self.with_run(|r| (r.config().clone(), r.head().dataset().pairs.len()))
        else {
            return;
        };
        self.playing.set(false);
        self.config.set(config);
        if self.selected.get_untracked().is_some_and(|i| i >= pairs) {
            self.selected.set(None);
        }
    }

    /// Puts back a session taken earlier (the learner's own run, kept when a lesson card had started a fresh one).
    pub fn restore(&self, session: Session) {
        self.replace(session);
        self.notice.set(String::new());
        self.publish();
    }

    /// A copy of the session as it is now (cheap: the data and the snapshots are shared).
    pub fn keep(&self) -> Option<Session> {
        self.with_run(|r| r.clone())
    }

    /// The reader's data set, when one is loaded.
    fn user(&self) -> Option<Arc<Dataset>> {
        self.user_data.get_untracked()
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
        let stop = || deadline.is_some_and(|d| now() >= d);
        let (taken, outcome) = self
            .with_run(|r| r.step_until(n, stop))
            .unwrap_or((0, Ok(())));
        // The notice says what the last action did: once the run has stepped on, a note about how it started (a new
        // run, a setting applied) no longer does.
        if taken > 0 && outcome.is_ok() && self.notice.with_untracked(|n| !n.is_empty()) {
            self.notice.set(String::new());
        }
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
        let outcome = self.with_run(|r| r.epoch().map(|_| ()));
        self.report(outcome.unwrap_or(Ok(())));
        self.publish();
    }

    /// Starts the run again from step 0 with the current settings.
    pub fn reset(&self) {
        self.playing.set(false);
        let user = self.user();
        match self.with_run(|r| r.restart(user.as_deref())) {
            Some(Ok(())) => self.notice.set("New run from step 0.".into()),
            Some(Err(e)) => self.notice.set(e),
            None => {}
        }
        self.publish();
    }

    /// Shows the run as it was after `step` (the head's step shows the head itself).
    pub fn rewind_to(&self, step: u64) {
        self.with_run(|r| r.rewind_to(step));
        self.publish();
    }

    /// Applies new settings: a learning-rate change goes on from the current step; any other change starts a new
    /// run and says so. Refused settings leave everything as it was and say why.
    pub fn apply(&self, next: Config) {
        let user = self.user();
        match self.with_run(|r| r.apply(next, user.as_deref())) {
            None | Some(Ok(Applied::Unchanged)) => {}
            Some(Ok(Applied::LearningRate)) => {
                if let Some(config) = self.with_run(|r| r.config().clone()) {
                    self.config.set(config);
                }
                self.notice.set(String::new());
                self.publish();
            }
            Some(Ok(Applied::NewRun(changed))) => {
                self.started();
                self.notice.set(format!(
                    "New run from step 0: {} changed what the model or its data is.",
                    changed.join(", ")
                ));
                self.publish();
            }
            Some(Err(e)) => self.notice.set(format!("Not applied: {e}")),
        }
    }

    /// Shifts every reward so the training set's chosen responses average 0; loss and accuracy stay as they were.
    pub fn normalize(&self) {
        self.with_run(Session::normalize);
        self.notice.set(
            "Rewards shifted so the better responses average 0: every gap, so the loss and the accuracy, stayed."
                .into(),
        );
        self.publish();
    }

    /// Advances the slow step: computes the next step at its first stage, shows the next stage, and takes the step
    /// after the last.
    pub fn next_stage(&self) {
        self.playing.set(false);
        match self.with_run(Session::next_stage) {
            Some(Ok(StageMove::Shown(_))) => self.sync_slow_step(),
            Some(Ok(StageMove::Stepped)) => self.publish(),
            Some(Err(e)) => {
                self.report(Err(e));
                self.publish();
            }
            None => {}
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
