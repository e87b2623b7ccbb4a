//! Candidate pools: for each prompt a fixed set of responses a policy can choose from, each with its hidden true
//! quality (gold) and its probability under the reference policy π_ref.

use crate::model::RewardModel;

/// One response a policy can give.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The response text.
    pub response: String,
    /// Its true quality by the data set's generating rule (never shown to the reward model).
    pub gold: f64,
    /// π_ref(response | prompt): positive, and the candidates of one prompt sum to 1.
    pub ref_prob: f64,
}

/// The candidates of one prompt.
#[derive(Clone, Debug, PartialEq)]
pub struct PromptPool {
    /// The prompt.
    pub prompt: String,
    /// Its candidates, in a fixed order.
    pub candidates: Vec<Candidate>,
}

/// A pool for every prompt of a data set.
#[derive(Clone, Debug, PartialEq)]
pub struct Pool {
    /// The data set's name, or the file the pool was read from.
    pub name: String,
    /// One entry per prompt, in first-appearance order.
    pub prompts: Vec<PromptPool>,
}

impl PromptPool {
    /// A prompt's pool with π_ref uniform: 1/K for each of its K responses (each `(text, gold)`).
    pub fn uniform(prompt: &str, responses: Vec<(String, f64)>) -> PromptPool {
        let p = 1.0 / responses.len().max(1) as f64;
        PromptPool {
            prompt: prompt.to_string(),
            candidates: responses
                .into_iter()
                .map(|(response, gold)| Candidate {
                    response,
                    gold,
                    ref_prob: p,
                })
                .collect(),
        }
    }

    /// The gold scores, in candidate order.
    pub fn golds(&self) -> Vec<f64> {
        self.candidates.iter().map(|c| c.gold).collect()
    }

    /// π_ref, in candidate order.
    pub fn ref_probs(&self) -> Vec<f64> {
        self.candidates.iter().map(|c| c.ref_prob).collect()
    }
}

/// The learned rewards of candidates already encoded by [`Pool::encode`] with a model of the same vocabulary.
pub fn rewards_of(model: &RewardModel, ids: &[Vec<Vec<usize>>]) -> Vec<Vec<f64>> {
    ids.iter()
        .map(|p| p.iter().map(|c| model.reward(c)).collect())
        .collect()
}

/// How many distinct words the encoded candidates hold that the model knows (its ids are the known ones).
pub fn known_in(ids: &[Vec<Vec<usize>>]) -> usize {
    let mut known = std::collections::BTreeSet::new();
    for id in ids.iter().flatten().flatten() {
        known.insert(*id);
    }
    known.len()
}

impl Pool {
    /// Every candidate's learned (proxy) reward under `model`, prompt by prompt, in candidate order.
    pub fn rewards(&self, model: &RewardModel) -> Vec<Vec<f64>> {
        rewards_of(model, &self.encode(model))
    }

    /// Every candidate's known token ids under `model`'s vocabulary, prompt by prompt, in candidate order. A run's
    /// vocabulary never changes, so a page that follows the run encodes the pool once and then only sums weights
    /// ([`rewards_of`]).
    pub fn encode(&self, model: &RewardModel) -> Vec<Vec<Vec<usize>>> {
        self.prompts
            .iter()
            .map(|p| {
                p.candidates
                    .iter()
                    .map(|c| model.encode(&c.response).ids)
                    .collect()
            })
            .collect()
    }

    /// How many distinct words of the pool's responses `model` knows (0: every reward would be the bias alone).
    pub fn known_words(&self, model: &RewardModel) -> usize {
        let mut known = std::collections::BTreeSet::new();
        for c in self.prompts.iter().flat_map(|p| &p.candidates) {
            for token in crate::model::tokenize(&c.response) {
                if model.vocab().id(&token).is_some() {
                    known.insert(token);
                }
            }
        }
        known.len()
    }

    /// How many candidates in all.
    pub fn len(&self) -> usize {
        self.prompts.iter().map(|p| p.candidates.len()).sum()
    }

    /// Whether the pool has no candidate.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
