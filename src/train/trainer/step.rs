//! One training step: the next batch, its gradient, the optimizer update, and putting the run back if it diverges.

use super::{TrainError, Trainer};
use crate::loss::pair_gradient;
use crate::optim::Optimizer;

/// What a step keeps to undo itself if it diverges, and its batch and gradient: reused from step to step.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    params: Vec<f64>,
    optimizer: Option<Optimizer>,
    order: Vec<usize>,
    units: Vec<usize>,
    grad: Vec<f64>,
}

/// A clone of a run starts with empty buffers: they hold nothing between steps, and a rewound view of a large
/// model need not copy them.
impl Clone for Scratch {
    fn clone(&self) -> Scratch {
        Scratch::default()
    }
}

impl Trainer {
    /// Puts the next batch's training units in `units`, reshuffling at the start of each epoch.
    fn next_batch(&mut self, units: &mut Vec<usize>) {
        let s = &mut self.state;
        if s.cursor >= s.order.len() {
            s.order_rng.shuffle(&mut s.order);
            s.cursor = 0;
        }
        let end = (s.cursor + self.batch_units).min(s.order.len());
        units.clear();
        units.extend_from_slice(&s.order[s.cursor..end]);
        s.cursor = end;
    }

    /// The gradient of the batch's loss with respect to every weight, written into `grad`.
    ///
    /// loss = 1/B Σ_elements 1/|element| Σ_pairs loss(pair): a prompt with K ranked answers weighs its C(K,2) pairs
    /// 1/C(K,2) each, as in InstructGPT.
    fn batch_gradient(&self, units: &[usize], grad: &mut Vec<f64>) {
        let model = &self.state.model;
        grad.clear();
        grad.resize(model.n_params(), 0.0);
        let b = units.len() as f64;
        for &u in units {
            let pairs = &self.train_units[u];
            let w = 1.0 / (b * pairs.len() as f64);
            for &i in pairs {
                let (c_ids, r_ids) = &self.encoded[i];
                let (rc, rr) = (model.reward(c_ids), model.reward(r_ids));
                let (d_chosen, d_rejected) =
                    pair_gradient(&self.config.loss, rc, rr, self.margins[i]);
                // dL/dθ = w · (dloss/dr_chosen · dr_chosen/dθ + dloss/dr_rejected · dr_rejected/dθ)
                model.backward(c_ids, w * d_chosen, grad);
                model.backward(r_ids, w * d_rejected, grad);
            }
        }
    }

    pub(super) fn step_inner(&mut self) -> Result<(), TrainError> {
        let mut k = std::mem::take(&mut self.scratch);
        let result = self.step_with(&mut k);
        self.scratch = k;
        result
    }

    fn step_with(&mut self, k: &mut Scratch) -> Result<(), TrainError> {
        // What is needed to put the run back if this step diverges.
        let s = &self.state;
        k.params.clear();
        k.params.extend_from_slice(s.model.params());
        match &mut k.optimizer {
            Some(o) => o.clone_from(&s.optimizer),
            None => k.optimizer = Some(s.optimizer.clone()),
        }
        k.order.clone_from(&s.order);
        let (order_rng, cursor) = (s.order_rng.clone(), s.cursor);

        self.next_batch(&mut k.units);
        self.batch_gradient(&k.units, &mut k.grad);
        let grad_norm = libm::sqrt(k.grad.iter().map(|g| g * g).sum::<f64>());
        let lr = self.state.lr;
        self.state
            .optimizer
            .step(self.state.model.params_mut(), &k.grad, lr);
        if !grad_norm.is_finite() || self.state.model.params().iter().any(|p| !p.is_finite()) {
            // Put everything back: the run stays at its last good step.
            let s = &mut self.state;
            s.model.params_mut().copy_from_slice(&k.params);
            if let Some(o) = &k.optimizer {
                s.optimizer.clone_from(o);
            }
            s.order.clone_from(&k.order);
            (s.order_rng, s.cursor) = (order_rng, cursor);
            self.diverged = true;
            return Err(TrainError::Diverged);
        }
        self.state.grad_norm = grad_norm;
        let s = &mut self.state;
        s.last_batch.clear();
        s.last_batch.extend(
            k.units
                .iter()
                .flat_map(|&u| self.train_units[u].iter().copied()),
        );
        s.step += 1;
        self.fresh = false;
        Ok(())
    }
}
