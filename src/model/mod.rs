//! The reward model: text in, one number (the reward) out. A linear bag-of-words model or a tiny MLP, each with
//! its forward and backward pass written out by hand.
//!
//! The model reads the response text only: prompt words would add the same amount to both responses of a pair,
//! so in a linear model they cancel in every gap r_better − r_worse. All parameters live in one flat vector
//! (layouts in `linear.rs` and `mlp.rs`), which the optimizer steps as a whole.

mod linear;
mod mlp;
mod saved;
mod tokenizer;

pub use mlp::{EMBED as MLP_EMBED, HIDDEN as MLP_HIDDEN};
pub use tokenizer::{tokenize, Vocab};

use linear::Linear;
use mlp::Mlp;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Which reward model a run trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModelKind {
    /// `r = b + Σ_t w[t]`: one weight per word, readable word by word.
    Linear,
    /// `r = w2·tanh(W1·mean(E[t]) + b1) + b2`: word embeddings of size 8, 16 tanh hidden units.
    Mlp,
}

impl ModelKind {
    /// Every kind, in menu order.
    pub const ALL: [ModelKind; 2] = [ModelKind::Linear, ModelKind::Mlp];

    /// The name used by the CLI, the URL and model files.
    pub fn name(self) -> &'static str {
        match self {
            ModelKind::Linear => "linear",
            ModelKind::Mlp => "mlp",
        }
    }

    /// Parses a name as written by [`ModelKind::name`].
    pub fn from_name(name: &str) -> Option<ModelKind> {
        ModelKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A text as the model sees it: every token, and the ids of the known ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Encoded {
    /// Vocabulary ids of the known tokens, in text order (repeats kept); unknown tokens have none.
    pub ids: Vec<usize>,
    /// Every token of the text, known or not.
    pub tokens: Vec<String>,
    /// Per entry of `tokens`: is it in the vocabulary?
    pub known: Vec<bool>,
}

/// The reward of one text, with its tokens.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// The model's reward for the text.
    pub reward: f64,
    /// Every token of the text, in order.
    pub tokens: Vec<TokenScore>,
}

/// One token of a scored text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TokenScore {
    /// The token as the tokenizer wrote it (lowercase).
    pub token: String,
    /// Was the token seen when the vocabulary was built? Unknown tokens add nothing to the reward.
    pub known: bool,
    /// Linear model, known token: its weight `w[t]`, what this occurrence adds to the reward.
    /// `None` for unknown tokens and for the MLP (whose words do not add up one by one).
    pub contribution: Option<f64>,
}

/// A reward model: its vocabulary, its kind and its flat parameter vector.
///
/// The vocabulary never changes once the model is made, so clones share it: a run's rewind snapshots copy the
/// parameters only (a 60 000-word vocabulary is several MB of strings).
#[derive(Clone, Debug, PartialEq)]
pub struct RewardModel {
    kind: ModelKind,
    vocab: Arc<Vocab>,
    params: Vec<f64>,
}

impl RewardModel {
    /// A fresh model. Linear: every parameter 0 (every reward 0, every pair's loss ln 2). MLP: small random weights
    /// drawn from `seed` (embedding size 8, 16 tanh hidden units), biases 0.
    pub fn new(kind: ModelKind, vocab: Vocab, seed: u64) -> RewardModel {
        let n_vocab = vocab.len();
        let params = match kind {
            ModelKind::Linear => Linear { n_vocab }.init(),
            ModelKind::Mlp => Mlp { n_vocab }.init(seed),
        };
        RewardModel {
            kind,
            vocab: Arc::new(vocab),
            params,
        }
    }

    /// A model from parts already checked to fit together (`params.len()` is the layout's length).
    fn from_parts(kind: ModelKind, vocab: Vocab, params: Vec<f64>) -> Result<RewardModel, String> {
        let model = RewardModel {
            kind,
            vocab: Arc::new(vocab),
            params: Vec::new(),
        };
        if params.len() != model.n_params() {
            return Err(format!(
                "field \"params\": a model of kind \"{}\" over {} tokens has {} parameters, got {}",
                kind.name(),
                model.vocab.len(),
                model.n_params(),
                params.len()
            ));
        }
        Ok(RewardModel { params, ..model })
    }

    /// Linear or MLP.
    pub fn kind(&self) -> ModelKind {
        self.kind
    }

    /// The words the model knows.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// Tokenizes `text`; unknown tokens stay in `tokens` (marked not known) but get no id.
    pub fn encode(&self, text: &str) -> Encoded {
        let tokens = tokenize(text);
        let ids_or_none: Vec<Option<usize>> = tokens.iter().map(|t| self.vocab.id(t)).collect();
        Encoded {
            ids: ids_or_none.iter().flatten().copied().collect(),
            known: ids_or_none.iter().map(Option::is_some).collect(),
            tokens,
        }
    }

    /// Forward: the reward of a text given by its token ids (from [`RewardModel::encode`]).
    /// Linear: `r = b + Σ_{t in ids} w[t]`. MLP: `r = w2·tanh(W1·mean(E[t]) + b1) + b2`, with mean of no ids = 0.
    /// Panics if an id is not below `vocab().len()`.
    pub fn reward(&self, ids: &[usize]) -> f64 {
        let n_vocab = self.vocab.len();
        match self.kind {
            ModelKind::Linear => Linear { n_vocab }.forward(&self.params, ids),
            ModelKind::Mlp => Mlp { n_vocab }.reward(&self.params, ids),
        }
    }

    /// Backward: ADDS dL/dparams = dL/dr · dr/dparams to `grad` (length `n_params()`), so the gradients of many
    /// responses can be summed into one vector. Panics if `grad` is shorter than the parameters.
    pub fn backward(&self, ids: &[usize], dloss_dreward: f64, grad: &mut [f64]) {
        let n_vocab = self.vocab.len();
        match self.kind {
            ModelKind::Linear => Linear { n_vocab }.backward(ids, dloss_dreward, grad),
            ModelKind::Mlp => Mlp { n_vocab }.backward(&self.params, ids, dloss_dreward, grad),
        }
    }

    /// The reward of `text`, with every token, whether it is known, and (linear) what it adds.
    pub fn score(&self, text: &str) -> Score {
        let encoded = self.encode(text);
        let linear = Linear {
            n_vocab: self.vocab.len(),
        };
        let tokens = encoded
            .tokens
            .into_iter()
            .map(|token| {
                let id = self.vocab.id(&token);
                let contribution = match self.kind {
                    ModelKind::Linear => id.map(|t| linear.weight(&self.params, t)),
                    ModelKind::Mlp => None,
                };
                TokenScore {
                    known: id.is_some(),
                    token,
                    contribution,
                }
            })
            .collect();
        Score {
            reward: self.reward(&encoded.ids),
            tokens,
        }
    }

    /// The flat parameter vector (layouts in the `linear` and `mlp` modules).
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// The flat parameter vector, for the optimizer to step.
    pub fn params_mut(&mut self) -> &mut [f64] {
        &mut self.params
    }

    /// How many parameters: V + 1 (linear) or 8·V + 161 (MLP).
    pub fn n_params(&self) -> usize {
        let n_vocab = self.vocab.len();
        match self.kind {
            ModelKind::Linear => Linear { n_vocab }.n_params(),
            ModelKind::Mlp => Mlp { n_vocab }.n_params(),
        }
    }

    fn bias_index(&self) -> usize {
        let n_vocab = self.vocab.len();
        match self.kind {
            ModelKind::Linear => Linear { n_vocab }.bias_index(),
            ModelKind::Mlp => Mlp { n_vocab }.bias_index(),
        }
    }

    /// The output bias (b or b2): the reward of a text with no known word.
    pub fn bias(&self) -> f64 {
        self.params[self.bias_index()]
    }

    /// Adds `delta` to every reward by moving the output bias. No gap changes, so neither does the loss; this is
    /// how a trained model is normalized (e.g. to mean reward 0).
    pub fn add_bias(&mut self, delta: f64) {
        let i = self.bias_index();
        self.params[i] += delta;
    }

    /// Linear model: every token with its weight `w[t]`, in vocabulary order. `None` for the MLP.
    pub fn word_weights(&self) -> Option<Vec<(String, f64)>> {
        let linear = Linear {
            n_vocab: self.vocab.len(),
        };
        match self.kind {
            ModelKind::Linear => Some(
                self.vocab
                    .tokens()
                    .iter()
                    .enumerate()
                    .map(|(t, token)| (token.clone(), linear.weight(&self.params, t)))
                    .collect(),
            ),
            ModelKind::Mlp => None,
        }
    }
}
