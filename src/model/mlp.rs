//! The tiny MLP reward model: mean word embedding, one tanh hidden layer, a scalar head; forward beside backward.
//!
//! Parameter layout (flat, length 8·V + 16·8 + 16 + 16 + 1 for a vocabulary of V tokens), row-major:
//!
//! ```text
//! [ E   (V × 8)  : E[t][d] at t·8 + d                      word embeddings
//!   W1  (16 × 8) : W1[j][d] at 8·V + j·8 + d               hidden weights
//!   b1  (16)     : b1[j] at 8·V + 128 + j                  hidden biases
//!   w2  (16)     : w2[j] at 8·V + 144 + j                  head weights
//!   b2           : at 8·V + 160                            output bias ]
//! ```
//!
//! Forward, for the n token ids of a response:
//! h0 = (1/n) Σ_{t in ids} E[t] (the zero vector when n = 0), z = W1·h0 + b1, a = tanh(z), r = w2·a + b2.

use crate::rng::Rng;

/// The embedding size of the MLP: each word is a vector of this many numbers.
pub const EMBED: usize = 8;
/// The hidden layer size of the MLP.
pub const HIDDEN: usize = 16;

/// The stream of the run's seed that draws the MLP's initial weights.
const INIT_STREAM: u64 = 0x6d6f_6465_6c00; // "model\0"

/// The shape of an MLP over `n_vocab` tokens; the numbers live in the model's flat parameter vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mlp {
    pub n_vocab: usize,
}

/// What the forward pass computes on the way to the reward, kept for the backward pass.
struct Activations {
    h0: [f64; EMBED],
    a: [f64; HIDDEN],
    r: f64,
}

impl Mlp {
    fn w1(&self) -> usize {
        self.n_vocab * EMBED
    }
    fn b1(&self) -> usize {
        self.w1() + HIDDEN * EMBED
    }
    fn w2(&self) -> usize {
        self.b1() + HIDDEN
    }
    /// Where the output bias b2 sits: last.
    pub fn bias_index(&self) -> usize {
        self.w2() + HIDDEN
    }

    /// 8·V + 161 numbers.
    pub fn n_params(&self) -> usize {
        self.bias_index() + 1
    }

    /// Seeded small random weights, biases 0: E ~ N(0, 0.5²), W1 ~ N(0, 2/(8+16)) (Glorot), w2 ~ N(0, 0.1²).
    /// The small head keeps the first rewards near 0, so the first losses are near ln 2.
    pub fn init(&self, seed: u64) -> Vec<f64> {
        let mut rng = Rng::for_stream(seed, INIT_STREAM);
        let mut p = vec![0.0; self.n_params()];
        let glorot = libm::sqrt(2.0 / (EMBED + HIDDEN) as f64);
        for x in &mut p[..self.w1()] {
            *x = 0.5 * rng.normal();
        }
        for x in &mut p[self.w1()..self.b1()] {
            *x = glorot * rng.normal();
        }
        for x in &mut p[self.w2()..self.bias_index()] {
            *x = 0.1 * rng.normal();
        }
        p
    }

    /// Forward: h0 = mean of E[t], z = W1·h0 + b1, a = tanh(z), r = w2·a + b2.
    fn forward(&self, p: &[f64], ids: &[usize]) -> Activations {
        let mut h0 = [0.0; EMBED];
        if !ids.is_empty() {
            for &t in ids {
                for (d, h) in h0.iter_mut().enumerate() {
                    *h += p[t * EMBED + d];
                }
            }
            let n = ids.len() as f64;
            for h in &mut h0 {
                *h /= n;
            }
        }
        let mut a = [0.0; HIDDEN];
        let mut r = p[self.bias_index()];
        for (j, aj) in a.iter_mut().enumerate() {
            let row = &p[self.w1() + j * EMBED..self.w1() + (j + 1) * EMBED];
            let mut z = p[self.b1() + j];
            for (w, h) in row.iter().zip(&h0) {
                z += w * h;
            }
            *aj = libm::tanh(z);
            r += p[self.w2() + j] * *aj;
        }
        Activations { h0, a, r }
    }

    /// The reward r = w2·tanh(W1·h0 + b1) + b2.
    pub fn reward(&self, p: &[f64], ids: &[usize]) -> f64 {
        self.forward(p, ids).r
    }

    /// Backward: adds dL/dp to `grad`, given g = dL/dr (the forward pass is recomputed; it is cheap).
    pub fn backward(&self, p: &[f64], ids: &[usize], g: f64, grad: &mut [f64]) {
        let Activations { h0, a, .. } = self.forward(p, ids);
        // dL/db2 = g
        grad[self.bias_index()] += g;
        let mut dh0 = [0.0; EMBED];
        for j in 0..HIDDEN {
            // dL/dw2[j] = g · a[j]
            grad[self.w2() + j] += g * a[j];
            // dL/dz[j] = dL/da[j] · (1 − a[j]²) = g · w2[j] · (1 − a[j]²)   (tanh' = 1 − tanh²)
            let dz = g * p[self.w2() + j] * (1.0 - a[j] * a[j]);
            // dL/db1[j] = dL/dz[j]
            grad[self.b1() + j] += dz;
            for d in 0..EMBED {
                // dL/dW1[j][d] = dL/dz[j] · h0[d]
                grad[self.w1() + j * EMBED + d] += dz * h0[d];
                // dL/dh0[d] = Σ_j dL/dz[j] · W1[j][d]
                dh0[d] += dz * p[self.w1() + j * EMBED + d];
            }
        }
        if ids.is_empty() {
            return; // h0 is the constant zero vector: no embedding was used
        }
        let n = ids.len() as f64;
        for &t in ids {
            for d in 0..EMBED {
                // dL/dE[t][d] = Σ over t's occurrences of dL/dh0[d] / n
                grad[t * EMBED + d] += dh0[d] / n;
            }
        }
    }
}
