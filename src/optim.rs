//! Optimizers that step the model's flat parameter vector: SGD (with optional momentum) and Adam, both with
//! decoupled weight decay.

use serde::{Deserialize, Serialize};

/// Which optimizer a run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OptimizerKind {
    /// Stochastic gradient descent: p ← p − lr·g, or with momentum μ: v ← μ·v + g, p ← p − lr·v.
    Sgd,
    /// Adam (Kingma & Ba 2015) with bias correction: every parameter moves about lr per step, whatever the scale of
    /// its gradient.
    Adam,
}

impl OptimizerKind {
    /// Every kind, in menu order.
    pub const ALL: [OptimizerKind; 2] = [OptimizerKind::Sgd, OptimizerKind::Adam];

    /// The name used by the CLI, the URL and the data files.
    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "sgd",
            OptimizerKind::Adam => "adam",
        }
    }

    /// Parses a name as written by [`OptimizerKind::name`].
    pub fn from_name(name: &str) -> Option<OptimizerKind> {
        OptimizerKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Adam's decay rate of the mean gradient m.
pub const ADAM_BETA1: f64 = 0.9;
/// Adam's decay rate of the mean squared gradient v.
pub const ADAM_BETA2: f64 = 0.999;
/// Adam's guard against dividing by zero: p ← p − lr·m̂ / (√v̂ + ε).
pub const ADAM_EPSILON: f64 = 1e-8;

/// An optimizer and its state (velocity for SGD with momentum; m, v and the step count for Adam).
/// Clone it to snapshot a run: the clone continues exactly as the original would.
#[derive(Debug, PartialEq)]
pub struct Optimizer {
    kind: OptimizerKind,
    momentum: f64,
    weight_decay: f64,
    steps: u64,
    /// How many parameters it steps.
    n_params: usize,
    /// SGD with momentum: the velocity v (empty for plain SGD, which keeps no state). Adam: the first moment m.
    first: Vec<f64>,
    /// Adam: the second moment v (empty for SGD).
    second: Vec<f64>,
}

impl Clone for Optimizer {
    fn clone(&self) -> Optimizer {
        Optimizer {
            first: self.first.clone(),
            second: self.second.clone(),
            ..*self
        }
    }

    /// Copies `source` into `self`, reusing `self`'s buffers (the trainer keeps a copy like this every step).
    fn clone_from(&mut self, source: &Optimizer) {
        (
            self.kind,
            self.momentum,
            self.weight_decay,
            self.steps,
            self.n_params,
        ) = (
            source.kind,
            source.momentum,
            source.weight_decay,
            source.steps,
            source.n_params,
        );
        self.first.clone_from(&source.first);
        self.second.clone_from(&source.second);
    }
}

impl Optimizer {
    /// A fresh optimizer for `n_params` parameters. `momentum` is SGD's μ (0 = plain SGD, 0.9 is the usual choice;
    /// Adam ignores it and uses β1 = 0.9, β2 = 0.999, ε = 1e-8). `weight_decay` is the decoupled decay rate wd:
    /// each step first shrinks p ← p − lr·wd·p, then applies the gradient step.
    pub fn new(
        kind: OptimizerKind,
        n_params: usize,
        momentum: f64,
        weight_decay: f64,
    ) -> Optimizer {
        let (first, second) = match kind {
            OptimizerKind::Sgd if momentum == 0.0 => (Vec::new(), Vec::new()),
            OptimizerKind::Sgd => (vec![0.0; n_params], Vec::new()),
            OptimizerKind::Adam => (vec![0.0; n_params], vec![0.0; n_params]),
        };
        Optimizer {
            kind,
            momentum,
            weight_decay,
            steps: 0,
            n_params,
            first,
            second,
        }
    }

    /// SGD or Adam.
    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }

    /// How many numbers of state it keeps besides the step count: 0 (plain SGD), n (momentum) or 2n (Adam).
    pub fn state_len(&self) -> usize {
        self.first.len() + self.second.len()
    }

    /// How many steps have been taken.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// One step: moves `params` against `grads` with learning rate `lr`.
    ///
    /// Weight decay (decoupled, as in AdamW): p ← p − lr·wd·p. Then
    /// SGD: p ← p − lr·g, or with momentum v ← μ·v + g, p ← p − lr·v;
    /// Adam: t ← t + 1, m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², m̂ = m/(1−β1^t), v̂ = v/(1−β2^t),
    /// p ← p − lr·m̂/(√v̂ + ε).
    ///
    /// Panics if `params`, `grads` and the optimizer do not all have the same length.
    pub fn step(&mut self, params: &mut [f64], grads: &[f64], lr: f64) {
        assert_eq!(
            params.len(),
            grads.len(),
            "params and grads differ in length"
        );
        assert_eq!(
            params.len(),
            self.n_params,
            "the optimizer was made for another parameter count"
        );
        self.steps += 1;
        if self.weight_decay != 0.0 {
            for p in params.iter_mut() {
                *p -= lr * self.weight_decay * *p;
            }
        }
        match self.kind {
            OptimizerKind::Sgd if self.momentum == 0.0 => {
                for (p, g) in params.iter_mut().zip(grads) {
                    *p -= lr * g;
                }
            }
            OptimizerKind::Sgd => {
                for ((p, g), v) in params.iter_mut().zip(grads).zip(&mut self.first) {
                    *v = self.momentum * *v + g;
                    *p -= lr * *v;
                }
            }
            OptimizerKind::Adam => {
                let t = self.steps as f64;
                let correct1 = 1.0 - libm::pow(ADAM_BETA1, t);
                let correct2 = 1.0 - libm::pow(ADAM_BETA2, t);
                let moments = self.first.iter_mut().zip(&mut self.second);
                for ((p, g), (m, v)) in params.iter_mut().zip(grads).zip(moments) {
                    *m = ADAM_BETA1 * *m + (1.0 - ADAM_BETA1) * g;
                    *v = ADAM_BETA2 * *v + (1.0 - ADAM_BETA2) * g * g;
                    let m_hat = *m / correct1;
                    let v_hat = *v / correct2;
                    *p -= lr * m_hat / (libm::sqrt(v_hat) + ADAM_EPSILON);
                }
            }
        }
    }
}
