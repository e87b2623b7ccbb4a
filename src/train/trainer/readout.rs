//! What a run shows at its current step: metrics, rewards and every pair's numbers, computed once per step on demand.

use std::sync::Arc;

use super::Trainer;
use crate::loss::pair_readout;
use crate::train::metrics::{set_stats, Metrics, SetStats};

/// One pair as the model sees it now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairState {
    /// r_chosen.
    pub reward_chosen: f64,
    /// r_rejected.
    pub reward_rejected: f64,
    /// Δ = r_chosen − r_rejected.
    pub gap: f64,
    /// σ(Δ): the model's probability that the labeler's choice is right.
    pub sigmoid: f64,
    /// log σ(Δ).
    pub log_sigmoid: f64,
    /// The pair's loss under the run's loss.
    pub loss: f64,
    /// σ(−Δ): how hard this pair pulls on the model.
    pub gradient_weight: f64,
    /// Whether the pair is in the test split.
    pub test: bool,
    /// Whether its label was flipped on purpose.
    pub flipped: bool,
}

/// Every pair's [`PairState`] at the current step, computed on the first ask after a step (a chart and the page's
/// numbers read them in the same frame; for 20 000 pairs each computation is 20 000 calls of exp and log1p), and
/// shared by every reader rather than copied (1.3 MB at 20 000 pairs).
///
/// The states of earlier steps are kept for reuse: once no reader holds one any more, the next step's states are
/// written into it. A new 1.3 MB block every step, between the small blocks a run keeps (its rewind snapshots),
/// left the page's memory in pieces: 116 MB instead of 61 at 20 000 pairs.
#[derive(Debug, Default)]
pub(super) struct States {
    now: Option<Arc<[PairState]>>,
    spare: Vec<Arc<[PairState]>>,
}

/// Earlier steps' states kept for reuse at most (a reader keeps the last one until it reads the next).
const SPARE_STATES: usize = 3;

impl Clone for States {
    /// A clone (a rewound view of the run) shares the current states but keeps no spares: a block is reused only by
    /// the run that wrote it.
    fn clone(&self) -> States {
        States {
            now: self.now.clone(),
            spare: Vec::new(),
        }
    }
}

impl States {
    /// The step moved on: the current states become a spare.
    fn stale(&mut self) {
        if let Some(old) = self.now.take() {
            self.spare.push(old);
            if self.spare.len() > SPARE_STATES {
                self.spare.remove(0);
            }
        }
    }

    /// The current states, written by `state(i)` for pairs 0..n into a spare no one reads any more, if there is one.
    fn fill(&mut self, n: usize, state: impl Fn(usize) -> PairState) -> Arc<[PairState]> {
        if let Some(now) = &self.now {
            return Arc::clone(now);
        }
        let free = self
            .spare
            .iter_mut()
            .position(|a| a.len() == n && Arc::get_mut(a).is_some());
        let states = match free {
            Some(k) => {
                let mut a = self.spare.swap_remove(k);
                if let Some(slots) = Arc::get_mut(&mut a) {
                    for (i, slot) in slots.iter_mut().enumerate() {
                        *slot = state(i);
                    }
                }
                a
            }
            None => (0..n).map(state).collect(),
        };
        self.now = Some(Arc::clone(&states));
        states
    }
}

impl Trainer {
    fn refresh(&mut self) {
        if self.fresh {
            return;
        }
        self.states.stale();
        let model = &self.state.model;
        for (r, (c_ids, r_ids)) in self.rewards.iter_mut().zip(self.encoded.iter()) {
            *r = (model.reward(c_ids), model.reward(r_ids));
        }
        let spec = &self.config.loss;
        let stats = |units: &[Vec<usize>]| set_stats(units, &self.rewards, &self.margins, spec);
        let train = stats(&self.train_units).unwrap_or(SetStats {
            loss: 0.0,
            accuracy: 0.0,
            margin: 0.0,
            min_reward: 0.0,
            mean_reward: 0.0,
            max_reward: 0.0,
        });
        let test = stats(&self.test_units);
        let s = &self.state;
        self.metrics = Some(Metrics {
            step: s.step,
            epoch: s.step as f64 / self.steps_per_epoch() as f64,
            loss: train.loss,
            accuracy: train.accuracy,
            margin: train.margin,
            min_reward: train.min_reward,
            mean_reward: train.mean_reward,
            max_reward: train.max_reward,
            grad_norm: s.grad_norm,
            learning_rate: s.lr,
            test_loss: test.map(|t| t.loss),
            test_accuracy: test.map(|t| t.accuracy),
        });
        self.fresh = true;
    }

    /// The metrics at the current step (computed on demand, once per step).
    pub fn metrics(&mut self) -> Metrics {
        self.refresh();
        self.metrics.expect("refresh sets the metrics")
    }

    /// (r_chosen, r_rejected) of every pair at the current step.
    pub fn rewards(&mut self) -> &[(f64, f64)] {
        self.refresh();
        &self.rewards
    }

    /// Every pair as the model sees it now: rewards, gap, σ, log σ, loss and gradient weight.
    /// Shared, not copied: every reader of the same step gets the same states.
    pub fn pair_states(&mut self) -> Arc<[PairState]> {
        self.refresh();
        let mut states = std::mem::take(&mut self.states);
        let shared = states.fill(self.rewards.len(), |i| self.pair_state_fresh(i));
        self.states = states;
        shared
    }

    fn pair_state_fresh(&self, i: usize) -> PairState {
        let (c, r) = self.rewards[i];
        let read = pair_readout(&self.config.loss, c, r, self.margins[i]);
        PairState {
            reward_chosen: c,
            reward_rejected: r,
            gap: c - r,
            sigmoid: read.sigmoid,
            log_sigmoid: read.log_sigmoid,
            loss: read.loss,
            gradient_weight: read.gradient_weight,
            test: self.is_test[i],
            flipped: self.data.flipped.get(i).copied().unwrap_or(false),
        }
    }

    /// The metrics recorded so far (every k-th step; bounded however long the run).
    pub fn history(&self) -> &[(u64, Metrics)] {
        self.history.points()
    }

    /// Gaps of the first [`TRACKED_PAIRS`] pairs at recorded steps.
    pub fn gap_history(&self) -> &[(u64, Vec<f64>)] {
        self.gaps.points()
    }
}
