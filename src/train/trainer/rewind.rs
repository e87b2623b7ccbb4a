//! A run's timeline: rewind (restore a snapshot and replay), normalization and restarts, all replayable.

use super::{encode, Event, RunState, Trainer, GAP_POINTS, HISTORY_POINTS, STREAM_ORDER};
use super::{MIN_SNAPSHOTS, SNAPSHOTS, SNAPSHOT_BYTES};
use crate::model::RewardModel;
use crate::optim::Optimizer;
use crate::rng::Rng;
use crate::train::history::Thinned;

impl Trainer {
    /// Adds a bias to every reward so the chosen responses of the training set (standing in for demonstrations)
    /// have mean reward 0, as InstructGPT does after training. Gaps, so loss and accuracy, do not change.
    pub fn normalize_rewards(&mut self) {
        self.apply_normalize();
        self.events.push((self.state.step, Event::Normalize));
    }

    fn apply_normalize(&mut self) {
        let model = &self.state.model;
        let chosen: Vec<f64> = self
            .train_units
            .iter()
            .flatten()
            .map(|&i| model.reward(&self.encoded[i].0))
            .collect();
        if !chosen.is_empty() {
            let mean = chosen.iter().sum::<f64>() / chosen.len() as f64;
            self.state.model.add_bias(-mean);
        }
        self.fresh = false;
    }

    /// The run as it was after step `target` (capped at the current step), with the same future if stepped on.
    ///
    /// Restores the nearest snapshot and replays the steps (and learning-rate changes) after it.
    pub fn rewound(&self, target: u64) -> Trainer {
        let target = target.min(self.state.step);
        let mut t = self.clone();
        let (from, snapshot) = t
            .snapshots
            .at_or_before(target)
            .cloned()
            .expect("step 0 is always kept");
        t.state = (*snapshot).clone();
        t.diverged = false;
        t.history.truncate_after(target);
        t.gaps.truncate_after(target);
        t.snapshots.truncate_after(target);
        // Events at the snapshot's own step happened after it was taken; events after `target` never happened.
        t.events.retain(|(s, _)| *s <= target);
        t.fresh = false;
        let events = t.events.clone();
        let apply = |t: &mut Trainer, step: u64| {
            for (_, e) in events.iter().filter(|(s, _)| *s == step) {
                match *e {
                    Event::SetLr(lr) => t.state.lr = lr,
                    Event::Normalize => t.apply_normalize(),
                }
            }
        };
        apply(&mut t, from);
        for step in from + 1..=target {
            t.step_inner().expect("a replayed step succeeded before");
            t.record();
            apply(&mut t, step);
        }
        t
    }

    /// How many snapshots the run keeps for rewind now (fewer for a large model: see [`SNAPSHOT_BYTES`]).
    pub fn snapshots_kept(&self) -> usize {
        self.snapshots.points().len()
    }

    /// Starts the run again at step 0 from `model`'s weights (e.g. a model saved earlier), keeping the data, split
    /// and settings. Words the model does not know stay unknown; the optimizer starts fresh.
    pub fn restart_from(&mut self, model: RewardModel) {
        self.encoded = encode(&model, &self.data);
        let s = &mut self.state;
        s.optimizer = Optimizer::new(
            self.config.optimizer,
            model.n_params(),
            self.config.momentum,
            self.config.weight_decay,
        );
        s.model = model;
        s.order_rng = Rng::for_stream(self.config.seed, STREAM_ORDER);
        s.order = (0..self.train_units.len()).collect();
        s.order_rng.shuffle(&mut s.order);
        s.cursor = 0;
        s.lr = self.config.lr;
        s.step = 0;
        s.grad_norm = 0.0;
        s.last_batch.clear();
        self.history = Thinned::new(HISTORY_POINTS);
        self.gaps = Thinned::new(GAP_POINTS);
        self.snapshots = Thinned::new(snapshot_capacity(&self.state));
        self.events.clear();
        self.diverged = false;
        self.fresh = false;
        self.record();
    }
}

/// How many snapshots of `state` fit in [`SNAPSHOT_BYTES`] (between [`MIN_SNAPSHOTS`] and [`SNAPSHOTS`]).
pub(super) fn snapshot_capacity(state: &RunState) -> usize {
    let bytes = std::mem::size_of::<f64>()
        * (state.model.params().len() + state.optimizer.state_len())
        + std::mem::size_of::<usize>() * (state.order.len() + state.last_batch.capacity());
    (SNAPSHOT_BYTES / bytes.max(1)).clamp(MIN_SNAPSHOTS, SNAPSHOTS)
}
