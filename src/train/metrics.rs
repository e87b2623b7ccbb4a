//! The numbers logged after every step, named as TRL's RewardTrainer names them.

use crate::loss::{pair_loss, LossSpec};
use serde::Serialize;

/// The header of `history.csv`: TRL's metric names, then the test set's.
pub const CSV_HEADER: &str =
    "step,epoch,loss,accuracy,margin,min_reward,mean_reward,max_reward,grad_norm,learning_rate,test_loss,test_accuracy";

/// The metrics of a run after one step.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Metrics {
    /// Optimizer updates so far.
    pub step: u64,
    /// Epochs so far, fractional: step / steps per epoch.
    pub epoch: f64,
    /// The training objective over the whole training set (batch elements weighted as in training).
    pub loss: f64,
    /// Share of training pairs with r_chosen > r_rejected (a tie counts as wrong).
    pub accuracy: f64,
    /// Mean gap Δ = r_chosen − r_rejected over the training pairs.
    pub margin: f64,
    /// Lowest reward of any training response (chosen or rejected).
    pub min_reward: f64,
    /// Mean reward of the training responses.
    pub mean_reward: f64,
    /// Highest reward of any training response.
    pub max_reward: f64,
    /// L2 norm of the gradient of the last step's batch (0 before the first step).
    pub grad_norm: f64,
    /// The learning rate of the last step.
    pub learning_rate: f64,
    /// The objective over the test set, if there is one.
    pub test_loss: Option<f64>,
    /// Accuracy over the test set, if there is one.
    pub test_accuracy: Option<f64>,
}

impl Metrics {
    /// One `history.csv` row in [`CSV_HEADER`]'s order; an absent test metric is an empty field.
    pub fn csv_row(&self) -> String {
        let opt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        format!(
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            self.step,
            self.epoch,
            self.loss,
            self.accuracy,
            self.margin,
            self.min_reward,
            self.mean_reward,
            self.max_reward,
            self.grad_norm,
            self.learning_rate,
            opt(self.test_loss),
            opt(self.test_accuracy)
        )
    }
}

/// Loss, accuracy, margin and reward statistics of a set of pairs, given their rewards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SetStats {
    /// Mean over batch elements of each element's mean pair loss.
    pub loss: f64,
    /// Share of pairs ranked right.
    pub accuracy: f64,
    /// Mean gap.
    pub margin: f64,
    /// Lowest, mean and highest reward of the set's responses.
    pub min_reward: f64,
    /// Mean reward of the set's responses.
    pub mean_reward: f64,
    /// Highest reward of the set's responses.
    pub max_reward: f64,
}

/// Statistics of the pairs in `units` (each unit a batch element: a list of pair indices).
///
/// `rewards[i]` is (r_chosen, r_rejected) of pair i; `margins[i]` its labeled margin. Returns `None` for no pairs.
pub fn set_stats(
    units: &[Vec<usize>],
    rewards: &[(f64, f64)],
    margins: &[Option<f64>],
    spec: &LossSpec,
) -> Option<SetStats> {
    let (mut loss, mut n_units) = (0.0, 0usize);
    let (mut right, mut gap_sum, mut n_pairs) = (0usize, 0.0, 0usize);
    let (mut lo, mut hi, mut r_sum) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
    for unit in units.iter().filter(|u| !u.is_empty()) {
        let mut unit_loss = 0.0;
        for &i in unit {
            let (c, r) = rewards[i];
            unit_loss += pair_loss(spec, c, r, margins[i]);
            right += usize::from(c > r);
            gap_sum += c - r;
            lo = lo.min(c).min(r);
            hi = hi.max(c).max(r);
            r_sum += c + r;
        }
        loss += unit_loss / unit.len() as f64;
        n_units += 1;
        n_pairs += unit.len();
    }
    (n_pairs > 0).then(|| SetStats {
        loss: loss / n_units as f64,
        accuracy: right as f64 / n_pairs as f64,
        margin: gap_sum / n_pairs as f64,
        min_reward: lo,
        mean_reward: r_sum / (2 * n_pairs) as f64,
        max_reward: hi,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prompt_group_counts_as_one_element_and_ties_count_as_wrong() {
        let spec = LossSpec::default();
        let rewards = [(1.0, 0.0), (0.0, 0.0), (2.0, -1.0)];
        let margins = [None; 3];
        let s = set_stats(&[vec![0, 1], vec![2]], &rewards, &margins, &spec).unwrap();
        let l = |g: f64| crate::loss::bt_loss(g);
        assert!((s.loss - ((l(1.0) + l(0.0)) / 2.0 + l(3.0)) / 2.0).abs() < 1e-15);
        assert!((s.accuracy - 2.0 / 3.0).abs() < 1e-15);
        assert!((s.margin - 4.0 / 3.0).abs() < 1e-15);
        assert_eq!((s.min_reward, s.max_reward), (-1.0, 2.0));
        assert!((s.mean_reward - 2.0 / 6.0).abs() < 1e-15);
        assert_eq!(set_stats(&[], &rewards, &margins, &spec), None);
    }

    #[test]
    fn csv_rows_match_the_header() {
        let m = Metrics {
            step: 3,
            epoch: 1.5,
            loss: 0.25,
            accuracy: 1.0,
            margin: 2.0,
            min_reward: -1.0,
            mean_reward: 0.0,
            max_reward: 1.0,
            grad_norm: 0.5,
            learning_rate: 0.1,
            test_loss: None,
            test_accuracy: Some(0.5),
        };
        assert_eq!(
            m.csv_row().split(',').count(),
            CSV_HEADER.split(',').count()
        );
        assert_eq!(m.csv_row(), "3,1.5,0.25,1,2,-1,0,1,0.5,0.1,,0.5");
    }
}
