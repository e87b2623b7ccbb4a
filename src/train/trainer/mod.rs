//! `Trainer`: one run of reward-model training: seeded split, batches, steps, metrics, history and rewind.

use super::config::{Config, ConfigError, Grouping};
use super::history::Thinned;
use super::metrics::Metrics;
use crate::data::Dataset;
use crate::model::{RewardModel, Vocab};
use crate::optim::Optimizer;
use crate::rng::Rng;
use std::fmt;
use std::sync::Arc;

mod readout;
mod rewind;
mod step;

use step::Scratch;

pub use readout::PairState;

/// Metric points a run keeps (every k-th step, k doubling when full).
pub const HISTORY_POINTS: usize = 2048;
/// Pairs a run evaluates, on average, per step for its history: each recorded step reads every pair, so a run of
/// more pairs records every k-th step from the start ([`record_every`]). The built-in data sets record every step.
pub const RECORD_PAIRS: usize = 2000;
/// Points of per-pair gap history a run keeps.
pub const GAP_POINTS: usize = 512;
/// Pairs whose gaps are followed over time (the first ones in input order).
pub const TRACKED_PAIRS: usize = 200;
/// Snapshots kept for rewind at most; a rewind replays at most the steps between two snapshots.
pub const SNAPSHOTS: usize = 128;
/// Memory the rewind snapshots of a run may fill: a run with a large model keeps fewer (at least
/// [`MIN_SNAPSHOTS`]) and replays more steps when rewound. Runs on the built-in data keep all [`SNAPSHOTS`].
pub const SNAPSHOT_BYTES: usize = 32 << 20;
/// Snapshots kept for rewind at least, however large the model.
pub const MIN_SNAPSHOTS: usize = 8;

// Independent random streams of one seed.
const STREAM_SPLIT: u64 = 1;
const STREAM_INIT: u64 = 2;
const STREAM_ORDER: u64 = 3;
const STREAM_NOISE: u64 = 4;

/// Why a run cannot take a step, or could not start.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// A setting is out of range.
    Config(ConfigError),
    /// The training split has no pairs.
    NoTrainingData,
    /// An update made a weight infinite or NaN; the run stays at the last good step.
    Diverged,
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::Config(e) => write!(f, "{e}"),
            TrainError::NoTrainingData => write!(
                f,
                "the training split has no pairs: lower the test fraction"
            ),
            TrainError::Diverged => write!(f, "diverged: lower the learning rate"),
        }
    }
}

impl std::error::Error for TrainError {}

impl From<ConfigError> for TrainError {
    fn from(e: ConfigError) -> Self {
        TrainError::Config(e)
    }
}

/// Everything that changes as a run steps: what a snapshot holds.
#[derive(Clone, Debug)]
struct RunState {
    model: RewardModel,
    optimizer: Optimizer,
    order_rng: Rng,
    /// Training units in this epoch's shuffled order.
    order: Vec<usize>,
    /// Position of the next batch in `order`.
    cursor: usize,
    step: u64,
    lr: f64,
    grad_norm: f64,
    /// Pair indices of the last batch.
    last_batch: Vec<usize>,
}

/// Something done to a run between steps, replayed when the run is rewound.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Event {
    SetLr(f64),
    Normalize,
}

/// A reward-model training run.
///
/// What never changes during a run (the data, its tokens, the split) is shared between clones, so a rewound view
/// of the run costs its moving state only.
#[derive(Clone, Debug)]
pub struct Trainer {
    config: Config,
    data: Arc<Dataset>,
    /// Token ids of (chosen, rejected) of every pair.
    encoded: Arc<[(Vec<usize>, Vec<usize>)]>,
    margins: Arc<[Option<f64>]>,
    is_test: Arc<[bool]>,
    train_units: Arc<[Vec<usize>]>,
    test_units: Arc<[Vec<usize>]>,
    batch_units: usize,
    state: RunState,
    /// (r_chosen, r_rejected) of every pair at the current step, valid when `fresh`.
    rewards: Vec<(f64, f64)>,
    metrics: Option<Metrics>,
    fresh: bool,
    /// Every pair's state, cached for the current step (empty until asked for).
    states: readout::States,
    history: Thinned<Metrics>,
    gaps: Thinned<Vec<f64>>,
    /// Full copies of the run's state, shared with the run's rewound views.
    snapshots: Thinned<Arc<RunState>>,
    events: Vec<(u64, Event)>,
    diverged: bool,
    /// Buffers a step reuses instead of allocating its own each time.
    scratch: Scratch,
}

impl Trainer {
    /// A run of `config` on a built-in data set named by `config.dataset`.
    pub fn from_config(config: Config) -> Result<Trainer, String> {
        let data = crate::data::builtin(&config.dataset).ok_or_else(|| {
            format!(
                "unknown data set {:?}; try one of {:?}",
                config.dataset,
                crate::data::builtin_names()
            )
        })?;
        Trainer::new(config, data).map_err(|e| e.to_string())
    }

    /// A run of `config` on `data` (label noise from the config is applied here, seeded).
    pub fn new(config: Config, data: Dataset) -> Result<Trainer, TrainError> {
        config.validate()?;
        let data = if config.label_noise > 0.0 {
            data.with_label_noise(config.label_noise, config.seed ^ STREAM_NOISE)
        } else {
            data
        };
        // Split by prompt, so test prompts are never seen in training.
        let groups = data.prompt_groups();
        let mut group_order: Vec<usize> = (0..groups.len()).collect();
        Rng::for_stream(config.seed, STREAM_SPLIT).shuffle(&mut group_order);
        let n_test = ((config.test_fraction * groups.len() as f64).round() as usize)
            .min(groups.len().saturating_sub(1));
        let mut is_test = vec![false; data.pairs.len()];
        for &g in &group_order[..n_test] {
            for &i in &groups[g] {
                is_test[i] = true;
            }
        }
        let units_of = |test: bool| -> Vec<Vec<usize>> {
            match config.grouping {
                Grouping::Prompts => groups
                    .iter()
                    .filter(|g| !g.is_empty() && is_test[g[0]] == test)
                    .cloned()
                    .collect(),
                Grouping::Pairs => (0..data.pairs.len())
                    .filter(|&i| is_test[i] == test)
                    .map(|i| vec![i])
                    .collect(),
            }
        };
        let (train_units, test_units) = (units_of(false), units_of(true));
        if train_units.is_empty() {
            return Err(TrainError::NoTrainingData);
        }
        // The vocabulary is what the training split says: words seen only in test responses stay unknown.
        let vocab = Vocab::build(train_units.iter().flatten().flat_map(|&i| {
            [
                data.pairs[i].chosen.as_str(),
                data.pairs[i].rejected.as_str(),
            ]
        }));
        let model = RewardModel::new(
            config.model,
            vocab,
            Rng::for_stream(config.seed, STREAM_INIT).next_u64(),
        );
        let encoded = encode(&model, &data);
        let margins = data.pairs.iter().map(|p| p.margin).collect();
        let optimizer = Optimizer::new(
            config.optimizer,
            model.n_params(),
            config.momentum,
            config.weight_decay,
        );
        let batch_units = match config.batch_size {
            0 => train_units.len(),
            b => b.min(train_units.len()),
        };
        let mut state = RunState {
            model,
            optimizer,
            order_rng: Rng::for_stream(config.seed, STREAM_ORDER),
            order: (0..train_units.len()).collect(),
            cursor: train_units.len(),
            step: 0,
            lr: config.lr,
            grad_norm: 0.0,
            last_batch: Vec::new(),
        };
        state.order_rng.shuffle(&mut state.order);
        state.cursor = 0;
        let snapshots = Thinned::new(rewind::snapshot_capacity(&state));
        let every = record_every(data.pairs.len());
        let mut t = Trainer {
            rewards: vec![(0.0, 0.0); data.pairs.len()],
            config,
            data: Arc::new(data),
            encoded,
            margins,
            is_test: is_test.into(),
            train_units: train_units.into(),
            test_units: test_units.into(),
            batch_units,
            state,
            metrics: None,
            scratch: Scratch::default(),
            states: readout::States::default(),
            fresh: false,
            history: Thinned::spaced(HISTORY_POINTS, every),
            gaps: Thinned::spaced(GAP_POINTS, every),
            snapshots,
            events: Vec::new(),
            diverged: false,
        };
        t.record();
        Ok(t)
    }

    /// The run's settings (the learning rate as it was at the start; see [`Trainer::learning_rate`]).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The data the run trains on (with the config's label noise applied).
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    /// The model as it is now.
    pub fn model(&self) -> &RewardModel {
        &self.state.model
    }

    /// Optimizer updates so far.
    pub fn step_count(&self) -> u64 {
        self.state.step
    }

    /// Steps in one epoch: one pass over the training set in batches of the configured size.
    pub fn steps_per_epoch(&self) -> u64 {
        self.train_units.len().div_ceil(self.batch_units) as u64
    }

    /// Batch elements per step (a prompt group or a pair each, as the grouping says).
    pub fn batch_units(&self) -> usize {
        self.batch_units
    }

    /// The training set's batch elements (pair indices of each).
    pub fn train_units(&self) -> &[Vec<usize>] {
        &self.train_units
    }

    /// Whether pair `i` is held out for testing.
    pub fn is_test(&self, i: usize) -> bool {
        self.is_test.get(i).copied().unwrap_or(false)
    }

    /// Pair indices of the last step's batch.
    pub fn last_batch(&self) -> &[usize] {
        &self.state.last_batch
    }

    /// The learning rate the next step uses.
    pub fn learning_rate(&self) -> f64 {
        self.state.lr
    }

    /// Whether an update blew up; the run then stays at its last good step.
    pub fn diverged(&self) -> bool {
        self.diverged
    }

    /// Changes the learning rate from the next step on, without resetting the run.
    pub fn set_learning_rate(&mut self, lr: f64) -> Result<(), ConfigError> {
        Config {
            lr,
            ..self.config.clone()
        }
        .validate()?;
        self.state.lr = lr;
        self.events.push((self.state.step, Event::SetLr(lr)));
        self.diverged = false;
        self.fresh = false;
        Ok(())
    }

    /// One optimizer update on the next batch.
    pub fn step(&mut self) -> Result<(), TrainError> {
        if self.diverged {
            return Err(TrainError::Diverged);
        }
        self.step_inner()?;
        self.record();
        Ok(())
    }

    /// Steps until the end of the current epoch; returns how many steps were taken.
    pub fn epoch(&mut self) -> Result<u64, TrainError> {
        let per = self.steps_per_epoch();
        let todo = per - self.state.step % per;
        for _ in 0..todo {
            self.step()?;
        }
        Ok(todo)
    }

    /// Steps `n` times (stops at the first error).
    pub fn run(&mut self, n: u64) -> Result<(), TrainError> {
        (0..n).try_for_each(|_| self.step())
    }

    /// Keeps the history, the gap history and the snapshots up to date after a step.
    fn record(&mut self) {
        let step = self.state.step;
        if self.snapshots.wants(step) {
            self.snapshots.push(step, Arc::new(self.state.clone()));
        }
        if self.history.wants(step) || self.gaps.wants(step) {
            let m = self.metrics();
            self.history.push(step, m);
            if self.gaps.wants(step) {
                let gaps = self
                    .rewards
                    .iter()
                    .take(TRACKED_PAIRS)
                    .map(|(c, r)| c - r)
                    .collect();
                self.gaps.push(step, gaps);
            }
        }
    }

    /// The score of a response under the current model.
    pub fn score(&self, text: &str) -> crate::model::Score {
        self.state.model.score(text)
    }
}

/// The spacing k at which a run of `pairs` pairs starts its history: the smallest power of two with
/// `pairs / k ≤` [`RECORD_PAIRS`] (1 up to 2 000 pairs, 16 for 20 000, 64 for 100 000).
pub fn record_every(pairs: usize) -> u64 {
    pairs.div_ceil(RECORD_PAIRS).max(1).next_power_of_two() as u64
}

/// Token ids of (chosen, rejected) of every pair of `data`, as `model` reads them.
fn encode(model: &RewardModel, data: &Dataset) -> Arc<[(Vec<usize>, Vec<usize>)]> {
    data.pairs
        .iter()
        .map(|p| (model.encode(&p.chosen).ids, model.encode(&p.rejected).ids))
        .collect()
}
