//! A training session, as the page drives it: the run and, while the rewind slider is behind it, the run as it was
//! at the slider's step; new settings applied (kept, restarted or refused); stepping until told to stop; the slow
//! step's stages. Pure: the page keeps only signals around it, and `cargo test` checks all of it.

use std::sync::Arc;

use super::{Config, Metrics, PairState, StepExplanation, TrainError, Trainer};
use crate::data::Dataset;

/// The stages of the slow step, in the order the teacher walks through them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Score both responses of each pair in the batch.
    Score,
    /// The gap Δ = r_chosen − r_rejected.
    Gap,
    /// Step 1 of the loss: σ(Δ).
    Sigmoid,
    /// Step 2: log σ(Δ).
    Log,
    /// Step 3: ×(−1), the loss.
    Loss,
    /// σ(−Δ), the pull of each pair.
    Pull,
    /// The update: the weights that moved.
    Update,
    /// The new rewards; the next press takes the step.
    NewRewards,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 8] = [
        Stage::Score,
        Stage::Gap,
        Stage::Sigmoid,
        Stage::Log,
        Stage::Loss,
        Stage::Pull,
        Stage::Update,
        Stage::NewRewards,
    ];

    /// The stage's number, 1 to 8.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The stage after this one (`None` after the last: the step is taken).
    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(usize::from(self.number())).copied()
    }

    /// What the stage shows.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Score => "Score both responses of each pair in the batch",
            Stage::Gap => "The gap Δ = r_chosen − r_rejected",
            Stage::Sigmoid => "Step 1: σ(Δ), the model's probability that the label is right",
            Stage::Log => "Step 2: log σ(Δ), at most 0",
            Stage::Loss => "Step 3: ×(−1), the loss −log σ(Δ)",
            Stage::Pull => "The pull of each pair: σ(−Δ), the size of ∂loss/∂Δ",
            Stage::Update => "The update: the weights that moved",
            Stage::NewRewards => "The new rewards (press N once more to take the step)",
        }
    }

    /// "3 · Step 1: σ(Δ), …": the stage's number and title.
    pub fn heading(self) -> String {
        format!("{} · {}", self.number(), self.title())
    }
}

/// A slow step under way: the stage shown, and everything the step will do.
#[derive(Clone, Debug, PartialEq)]
pub struct SlowStep {
    /// The stage shown.
    pub stage: Stage,
    /// What the step will do, computed before it is taken.
    pub step: StepExplanation,
}

/// What applying new settings did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    /// Nothing changed.
    Unchanged,
    /// Only the learning rate changed: the run goes on from the shown step with it.
    LearningRate,
    /// A new run from step 0, because these settings (by their CLI names) define the model or its data.
    NewRun(Vec<&'static str>),
}

/// What a press of "next stage" did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageMove {
    /// A stage is shown (the first one when the slow step starts).
    Shown(Stage),
    /// The last stage was shown: the step was taken.
    Stepped,
}

/// A copy of the shown run's numbers, for views that must not hold the run.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The shown step.
    pub step: u64,
    /// The furthest step of the run (the rewind slider's end).
    pub head_step: u64,
    /// Metrics at the shown step.
    pub metrics: Metrics,
    /// Every pair at the shown step.
    pub pairs: Arc<[PairState]>,
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

/// Most steps taken between two looks at the clock while stepping to a deadline.
const STEPS_PER_CHECK: u64 = 4;

/// About how many pairs' worth of work (a step that records the history reads every pair) may pass between two looks
/// at the clock: 4 steps of the built-in data sets (at most 180 pairs), one step of 20 000 pairs, so a large run never
/// overshoots its time box by several steps.
const PAIRS_PER_CHECK: usize = 4_000;

/// Steps between two looks at the clock for a run of `pairs` pairs: 4 for small runs, down to 1 for large ones.
pub fn steps_per_check(pairs: usize) -> u64 {
    (PAIRS_PER_CHECK / pairs.max(1)).clamp(1, STEPS_PER_CHECK as usize) as u64
}

/// A run, its rewound view, its settings and its slow step.
#[derive(Clone)]
pub struct Session {
    config: Config,
    head: Trainer,
    view: Option<Trainer>,
    slow: Option<SlowStep>,
}

impl Session {
    /// A session of `config` on `user` when `config.dataset` names it, else on the built-in data set it names.
    pub fn new(config: Config, user: Option<&Dataset>) -> Result<Session, String> {
        let head = match user.filter(|d| d.name == config.dataset) {
            Some(d) => Trainer::new(config.clone(), d.clone()).map_err(|e| e.to_string())?,
            None => Trainer::from_config(config.clone())?,
        };
        Ok(Session {
            config,
            head,
            view: None,
            slow: None,
        })
    }

    /// A session of `config`, or of the default settings with the reason when `config` is refused.
    pub fn new_or_default(config: Config) -> (Session, Option<String>) {
        match Session::new(config, None) {
            Ok(s) => (s, None),
            Err(e) => {
                let s = Session::new(Config::default(), None).expect("the default run starts");
                (s, Some(format!("Started the default run instead: {e}")))
            }
        }
    }

    /// The settings of the run (with the learning rate it steps with now).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The run's furthest step, whatever is shown.
    pub fn head(&self) -> &Trainer {
        &self.head
    }

    /// The run as the page shows it: the rewound view if there is one, else the head.
    pub fn shown(&mut self) -> &mut Trainer {
        self.view.as_mut().unwrap_or(&mut self.head)
    }

    /// The shown run's numbers.
    pub fn numbers(&mut self) -> Shown {
        let head_step = self.head.step_count();
        let t = self.shown();
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

    /// The slow step under way, if any.
    pub fn slow_step(&self) -> Option<&SlowStep> {
        self.slow.as_ref()
    }

    /// Ends the slow step without taking it.
    pub fn clear_slow_step(&mut self) {
        self.slow = None;
    }

    /// Makes the shown step the head, so the next action goes on from there (the old future is dropped).
    fn adopt_view(&mut self) {
        if let Some(v) = self.view.take() {
            self.head = v;
        }
    }

    /// Takes up to `n` steps from the shown step on, asking `stop` every few steps ([`steps_per_check`]) whether to
    /// stop early (a deadline). Returns the steps taken, and the error that stopped the run, if one did.
    pub fn step_until(
        &mut self,
        n: u64,
        mut stop: impl FnMut() -> bool,
    ) -> (u64, Result<(), TrainError>) {
        self.slow = None;
        self.adopt_view();
        let every = steps_per_check(self.head.dataset().pairs.len());
        let mut taken = 0;
        while taken < n {
            if let Err(e) = self.head.step() {
                return (taken, Err(e));
            }
            taken += 1;
            if taken % every == 0 && stop() {
                break;
            }
        }
        (taken, Ok(()))
    }

    /// Steps from the shown step to the end of its epoch (a whole epoch from an epoch's end); returns the steps
    /// taken.
    pub fn epoch(&mut self) -> Result<u64, TrainError> {
        self.slow = None;
        self.adopt_view();
        self.head.epoch()
    }

    /// Shows the run as it was after `step` (the head's step, or beyond, shows the head itself).
    pub fn rewind_to(&mut self, step: u64) {
        self.slow = None;
        self.view = (step < self.head.step_count()).then(|| self.head.rewound(step));
    }

    /// A new run from step 0 with the same settings; refused (with the reason) only if no run can be built, and
    /// then the session stays as it was.
    pub fn restart(&mut self, user: Option<&Dataset>) -> Result<(), String> {
        *self = Session::new(self.config.clone(), user)?;
        Ok(())
    }

    /// Starts the run again at step 0 from `model`'s weights (a loaded model file), on the same data and split.
    pub fn restart_from(&mut self, model: crate::model::RewardModel) {
        self.slow = None;
        self.view = None;
        self.head.restart_from(model);
    }

    /// Applies new settings: a learning-rate change goes on from the shown step; any other change starts a new run
    /// and names what changed. Refused settings leave the session exactly as it was, and the reason is returned.
    pub fn apply(&mut self, next: Config, user: Option<&Dataset>) -> Result<Applied, String> {
        next.validate().map_err(|e| e.to_string())?;
        if self.config.needs_new_run(&next) {
            let changed = self.config.changed_fields(&next);
            *self = Session::new(next, user)?;
            return Ok(Applied::NewRun(changed));
        }
        if self.config.lr == next.lr {
            return Ok(Applied::Unchanged);
        }
        // `next` passed `validate`, and it differs from the run's settings only in the learning rate, so the run
        // takes it.
        self.slow = None;
        self.adopt_view();
        self.head
            .set_learning_rate(next.lr)
            .map_err(|e| e.to_string())?;
        self.config = next;
        Ok(Applied::LearningRate)
    }

    /// Shifts every reward so the training set's chosen responses average 0 (from the shown step on); loss and
    /// accuracy stay as they were.
    pub fn normalize(&mut self) {
        self.slow = None;
        self.adopt_view();
        self.head.normalize_rewards();
    }

    /// The next stage of the slow step: the first press computes the step and shows stage 1, each press shows the
    /// next stage, and the press after the last stage takes the step.
    pub fn next_stage(&mut self) -> Result<StageMove, TrainError> {
        match self.slow.take() {
            None => {
                let step = self.shown().explain_next_step()?;
                self.slow = Some(SlowStep {
                    stage: Stage::Score,
                    step,
                });
                Ok(StageMove::Shown(Stage::Score))
            }
            Some(slow) => match slow.stage.next() {
                Some(stage) => {
                    self.slow = Some(SlowStep { stage, ..slow });
                    Ok(StageMove::Shown(stage))
                }
                None => {
                    self.step_until(1, || false).1?;
                    Ok(StageMove::Stepped)
                }
            },
        }
    }
}
