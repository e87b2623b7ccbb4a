//! The linear bag-of-words reward model: one weight per word and a bias, forward beside backward.
//!
//! Parameter layout (flat, length V + 1 for a vocabulary of V tokens):
//!
//! ```text
//! [ w_0, w_1, ..., w_{V-1}, b ]
//! ```
//!
//! r = b + Σ_{t in ids} w[t]. The sum runs over every occurrence, so a word said twice counts twice and a longer
//! response adds up more words: a linear model can learn "longer is better" from data that rewards length.

/// The shape of a linear model over `n_vocab` tokens; the numbers live in the model's flat parameter vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Linear {
    pub n_vocab: usize,
}

impl Linear {
    /// V word weights and one bias.
    pub fn n_params(&self) -> usize {
        self.n_vocab + 1
    }

    /// Where the bias b sits: last.
    pub fn bias_index(&self) -> usize {
        self.n_vocab
    }

    /// Every parameter 0, so every reward starts at 0 and every pair's loss at ln 2.
    pub fn init(&self) -> Vec<f64> {
        vec![0.0; self.n_params()]
    }

    /// Forward: r = b + Σ_{t in ids} w[t].
    pub fn forward(&self, p: &[f64], ids: &[usize]) -> f64 {
        let mut r = p[self.bias_index()];
        for &t in ids {
            r += p[t];
        }
        r
    }

    /// Backward: adds dL/dp to `grad`, given g = dL/dr.
    pub fn backward(&self, ids: &[usize], g: f64, grad: &mut [f64]) {
        // dL/db = dL/dr · dr/db = g · 1
        grad[self.bias_index()] += g;
        for &t in ids {
            // dL/dw[t] = g · (number of times t occurs): each occurrence adds g once
            grad[t] += g;
        }
    }

    /// The word weight w[t]: how much one occurrence of token t adds to the reward.
    pub fn weight(&self, p: &[f64], t: usize) -> f64 {
        p[t]
    }
}
