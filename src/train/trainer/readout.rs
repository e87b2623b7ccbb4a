//! What a run shows at its current step: metrics, rewards and every pair's numbers, computed once per step on demand.

use super::Trainer;
use crate::loss::{self, pair_loss};
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
/// numbers read them in the same frame; for 20 000 pairs each computation is 80 000 calls of exp and log). A clone
/// starts empty and computes its own.
#[derive(Debug, Default)]
pub(super) struct States(Vec<PairState>);

impl Clone for States {
    fn clone(&self) -> States {
        States::default()
    }
}

impl Trainer {
    fn refresh(&mut self) {
        if self.fresh {
            return;
        }
        self.states.0.clear();
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
    pub fn pair_states(&mut self) -> Vec<PairState> {
        self.refresh();
        if self.states.0.len() != self.rewards.len() {
            self.states.0 = (0..self.rewards.len())
                .map(|i| self.pair_state_fresh(i))
                .collect();
        }
        self.states.0.clone()
    }

    fn pair_state_fresh(&self, i: usize) -> PairState {
        let (c, r) = self.rewards[i];
        let gap = c - r;
        PairState {
            reward_chosen: c,
            reward_rejected: r,
            gap,
            sigmoid: loss::sigmoid(gap),
            log_sigmoid: loss::log_sigmoid(gap),
            loss: pair_loss(&self.config.loss, c, r, self.margins[i]),
            gradient_weight: loss::gradient_weight(gap),
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
