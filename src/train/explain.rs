//! The slow step: what the next update will do, stage by stage, without taking it.

use super::{PairState, TrainError, Trainer};
use crate::model::{ModelKind, MLP_EMBED};

/// One pair of the batch, before and after the update.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairStep {
    /// The pair's index in the data set.
    pub index: usize,
    /// Rewards, gap, σ, log σ, loss and gradient weight before the update.
    pub before: PairState,
    /// The same after the update.
    pub after: PairState,
}

/// How one named part of the model moved in the update.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightChange {
    /// A word (its weight, or its embedding for the MLP), or a layer's name.
    pub name: String,
    /// The value before (for an embedding or a layer: 0).
    pub before: f64,
    /// The value after (for an embedding or a layer: the size of the change, ‖Δ‖).
    pub after: f64,
}

impl WeightChange {
    /// The size of the change.
    pub fn delta(&self) -> f64 {
        self.after - self.before
    }
}

/// Everything the next step will do, for the slow step.
#[derive(Clone, Debug, PartialEq)]
pub struct StepExplanation {
    /// The number the step will have.
    pub step: u64,
    /// The batch's pairs.
    pub pairs: Vec<PairStep>,
    /// The batch's loss before the update (elements weighted as in training).
    pub batch_loss: f64,
    /// The learning rate of the update.
    pub learning_rate: f64,
    /// ‖gradient‖ of the batch.
    pub grad_norm: f64,
    /// What moved, largest change first.
    pub changes: Vec<WeightChange>,
}

impl Trainer {
    /// What the next step will do, computed on a copy: the run itself does not move.
    pub fn explain_next_step(&self) -> Result<StepExplanation, TrainError> {
        let mut now = self.clone();
        let before = now.pair_states();
        let mut next = now.clone();
        next.step()?;
        let after = next.pair_states();
        let batch = next.last_batch().to_vec();
        let pairs: Vec<PairStep> = batch
            .iter()
            .map(|&i| PairStep {
                index: i,
                before: before[i],
                after: after[i],
            })
            .collect();
        // The batch objective: each batch element's mean pair loss, averaged over elements.
        let elements = now.batch_elements(&batch);
        let batch_loss = elements
            .iter()
            .map(|e| e.iter().map(|&i| before[i].loss).sum::<f64>() / e.len() as f64)
            .sum::<f64>()
            / elements.len().max(1) as f64;
        // Largest moves first.
        let changes = crate::order::sorted_by_key(weight_changes(now.model(), next.model()), |c| {
            -c.delta().abs()
        });
        Ok(StepExplanation {
            step: next.step_count(),
            pairs,
            batch_loss,
            learning_rate: now.learning_rate(),
            grad_norm: next.metrics().grad_norm,
            changes,
        })
    }

    /// Splits a batch's pair indices back into its batch elements (prompt groups or single pairs).
    fn batch_elements(&self, batch: &[usize]) -> Vec<Vec<usize>> {
        self.train_units()
            .iter()
            .filter(|u| u.first().is_some_and(|i| batch.contains(i)))
            .cloned()
            .collect()
    }
}

/// What moved between two models of the same vocabulary: word weights (linear), or the size of each word's
/// embedding change and of the hidden layer's (MLP). Unchanged parts are left out.
fn weight_changes(
    a: &crate::model::RewardModel,
    b: &crate::model::RewardModel,
) -> Vec<WeightChange> {
    let mut out = Vec::new();
    match a.kind() {
        ModelKind::Linear => {
            if let (Some(wa), Some(wb)) = (a.word_weights(), b.word_weights()) {
                for ((word, x), (_, y)) in wa.iter().zip(&wb) {
                    if x != y {
                        out.push(WeightChange {
                            name: word.clone(),
                            before: *x,
                            after: *y,
                        });
                    }
                }
            }
            if a.bias() != b.bias() {
                out.push(WeightChange {
                    name: "(bias)".into(),
                    before: a.bias(),
                    after: b.bias(),
                });
            }
        }
        ModelKind::Mlp => {
            let (pa, pb) = (a.params(), b.params());
            let norm = |r: std::ops::Range<usize>| {
                libm::sqrt(r.map(|k| (pb[k] - pa[k]) * (pb[k] - pa[k])).sum::<f64>())
            };
            let v = a.vocab().len();
            for w in 0..v {
                let d = norm(w * MLP_EMBED..(w + 1) * MLP_EMBED);
                if d > 0.0 {
                    out.push(WeightChange {
                        name: a.vocab().token(w).to_string(),
                        before: 0.0,
                        after: d,
                    });
                }
            }
            let d = norm(v * MLP_EMBED..pa.len());
            if d > 0.0 {
                out.push(WeightChange {
                    name: "(hidden and output layers)".into(),
                    before: 0.0,
                    after: d,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::train::{Config, Trainer};

    #[test]
    fn explaining_a_step_does_not_take_it_and_matches_the_step_taken() {
        let mut t = Trainer::from_config(Config::default()).unwrap();
        t.run(3).unwrap();
        let e = t.explain_next_step().unwrap();
        assert_eq!(t.step_count(), 3, "the run did not move");
        assert_eq!(e.step, 4);
        t.step().unwrap();
        let now = t.pair_states();
        for p in &e.pairs {
            assert_eq!(p.after, now[p.index]);
            assert_eq!(
                p.before.gradient_weight,
                crate::loss::gradient_weight(p.before.gap)
            );
        }
        assert_eq!(e.pairs.len(), t.last_batch().len());
        assert!(!e.changes.is_empty());
        assert!(e
            .changes
            .windows(2)
            .all(|w| w[0].delta().abs() >= w[1].delta().abs()));
    }

    #[test]
    fn the_first_step_of_a_linear_model_pulls_every_pair_with_weight_one_half() {
        let t = Trainer::from_config(Config::default()).unwrap();
        let e = t.explain_next_step().unwrap();
        assert!((e.batch_loss - std::f64::consts::LN_2).abs() < 1e-12);
        assert!(e.pairs.iter().all(|p| p.before.gradient_weight == 0.5));
        assert!(
            e.pairs.iter().all(|p| p.after.gap > 0.0),
            "every pair of the batch moved the right way"
        );
    }
}
